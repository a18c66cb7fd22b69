//! The command line: argument definitions, dispatch, exit codes.
//!
//! Exit codes (worst input wins, in the order of [`contactguard::Status::severity`]): 0 every
//! input official · 1 some unknown, none impersonating · 2 usage or I/O error · 3 impersonation
//! found · 4 every input that is not official is invalid · 5 `scan` found no contact and no claim.

mod batch;
mod brands;
mod check;
mod files;
mod registry;
mod update;

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use contactguard::i18n::Language;
use contactguard::input::handle::Platform;
use contactguard::registry::Lang;
use contactguard::report::{self, Reader, Style};
use contactguard::trust::file_store::FileStore;
use contactguard::trust::store::{load_trusted, load_update, Anchor, Freshness};
use contactguard::{CheckOptions, Checker, Kind, Status};

/// Is this phone number, link, handle or e-mail really the brand's? Checks contacts against a
/// registry of brands' official channels and flags lookalikes.
#[derive(Debug, Parser)]
#[command(name = "contactguard", version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check links, domains, phone numbers, handles or e-mail addresses.
    Check(CheckArgs),
    /// Find and judge every contact in a message or web page (text or HTML).
    Scan(ScanArgs),
    /// Check a feed: one contact per line in, one verdict per line out (JSON Lines or TSV).
    Batch(BatchArgs),
    /// List the brands, or show one brand's official channels and safety notes.
    Brands(BrandsArgs),
    /// Fetch the newest signed registry from where your deployment publishes it, verify it and
    /// keep it: check, scan and batch use it from then on.
    Update(update::UpdateArgs),
    /// Print a shell completion script: bash, zsh, fish, powershell or elvish.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man folder.
    Man,
    /// Maintain, sign and verify the registry (for support teams).
    Registry {
        #[command(subcommand)]
        command: registry::RegistryCommand,
    },
}

/// The examples `--help` ends with.
const EXAMPLES: &str = "\
Examples:
  contactguard check tokenp0cket.pro                 is this link TokenPocket's?
  contactguard check --lang zh \"TP钱包客服 400-123-4567\"
  contactguard scan page.html                        every contact in a message or page
  pbpaste | contactguard scan -
  contactguard batch --format tsv domains.txt        one verdict per line, on every core
  contactguard brands tokenpocket                    the brand's real channels
  contactguard update --from https://…/registry.signed.json
  contactguard completions bash > ~/.local/share/bash-completion/completions/contactguard";

/// Output shared by every command.
#[derive(Debug, clap::Args)]
struct OutputArgs {
    /// Output format: sentences for people, or JSON (one object per line).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Language of human output: en, zh (Simplified Chinese) or zh-hant (Traditional; also
    /// zh-tw, zh-hk) [default: from LANGUAGE, else LC_ALL/LC_MESSAGES/LANG: zh_TW, zh_HK,
    /// zh_MO and zh-Hant → zh-hant, other zh* → zh, else en].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Colour: auto (only on a terminal, and not when NO_COLOR is set or TERM is dumb), always or
    /// never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Also show the technical detail: the techniques' codes, where each channel was published
    /// and which signed list answered, and the commands that list more.
    #[arg(long)]
    verbose: bool,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Links, domains, phone numbers, handles or e-mail addresses; `-` reads one per line
    /// from standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// Read every input as this kind instead of detecting it: url, domain, phone, handle or
    /// email.
    #[arg(long, value_parser = parse_kind)]
    kind: Option<Kind>,
    /// The brand the contact is presented as belonging to (an id from `contactguard brands`).
    #[arg(long, value_name = "ID")]
    brand: Option<String>,
    /// Region for phone numbers written without + [default: the brand's, else CN].
    #[arg(long, value_name = "CC")]
    region: Option<String>,
    /// Platform of handles given without one (`@name`, bare names): a channel kind with
    /// accounts (x, telegram, whatsapp, line …) or a word for it (tg, 微信).
    #[arg(long, value_parser = parse_platform)]
    platform: Option<Platform>,
    #[command(flatten)]
    source: RegistryArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// Which registry to use: the newest one trusted (the built-in one, or a signed update accepted
/// earlier), or a signed update given now, which is accepted through the trust store first.
#[derive(Debug, clap::Args)]
struct RegistryArgs {
    /// Accept this signed distribution file (`registry.signed.json`) and use it: it must verify,
    /// be unexpired and be no older than any registry accepted before (the trust store
    /// remembers); it is kept for the next commands.
    #[arg(long, value_name = "FILE")]
    registry: Option<std::path::PathBuf>,
    /// The root to verify registries from, for a deployment with a root of its own (each root
    /// has its own trust store) [default: the one compiled into contactguard].
    #[arg(long, value_name = "FILE")]
    anchor: Option<std::path::PathBuf>,
    /// The trust store: the folder where the newest accepted registry, the rollback floor and
    /// the newest root are kept [default: $XDG_DATA_HOME/contactguard, or the platform's
    /// equivalent].
    #[arg(long, value_name = "DIR")]
    store: Option<std::path::PathBuf>,
}

#[derive(Debug, clap::Args)]
struct ScanArgs {
    /// The text or HTML file to scan; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    file: Option<std::path::PathBuf>,
    #[command(flatten)]
    source: RegistryArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Args)]
struct BatchArgs {
    /// The file to read, one contact per line; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    file: Option<std::path::PathBuf>,
    /// Output: `json` (the `check --format json` object per line) or `tsv` (a header, then
    /// input, kind, status, technique, brand, reason).
    #[arg(long, value_enum, default_value_t = BatchFormat::Json)]
    format: BatchFormat,
    /// With `--format json`: leave out `official_channels`, the same few channels on every line
    /// of a brand (`contactguard brands ID --format json` has them).
    #[arg(long)]
    compact: bool,
    /// Worker threads [default: the number of cores].
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Never show the progress bar (it is shown only when standard error is a terminal).
    #[arg(long)]
    quiet: bool,
    #[command(flatten)]
    source: RegistryArgs,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq, ValueEnum)]
enum BatchFormat {
    Json,
    Tsv,
}

#[derive(Debug, clap::Args)]
struct BrandsArgs {
    /// A brand id (see the list without it), e.g. `tokenpocket`.
    id: Option<String>,
    /// Show where each channel was published.
    #[arg(long)]
    sources: bool,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    En,
    Zh,
    #[value(name = "zh-hant", alias = "zh-tw", alias = "zh-hk")]
    ZhHant,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// The most input `check -` reads from standard input.
const MAX_STDIN_BYTES: u64 = 16 * 1024 * 1024;

/// A failure the user can act on: the message says what to do next.
#[derive(Debug)]
struct Failure(String);

/// `--version`: the program's and the built-in registry's.
fn long_version() -> String {
    let registry = Checker::builtin().map(|c| {
        let t = c.trusted();
        let stamp = t.stamp();
        let expires = t.expires().to_string();
        format!(
            "built-in registry version {} of {}, expires {}",
            stamp.version,
            stamp.issued_at.get(..10).unwrap_or(&stamp.issued_at),
            expires.get(..10).unwrap_or(&expires)
        )
    });
    format!(
        "{} ({})",
        env!("CARGO_PKG_VERSION"),
        registry.unwrap_or_else(|e| format!("the built-in registry did not load: {e}"))
    )
}

/// The command line's definition, with the version that names the registry.
fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().version(long_version())
}

pub fn main() -> ExitCode {
    use clap::FromArgMatches;
    let cli = match Cli::from_arg_matches(&command().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Scan(args) => run_scan(args),
        Command::Batch(args) => run_batch(args),
        Command::Brands(args) => run_brands(args),
        Command::Update(args) => update::run(&args).and_then(|text| {
            write_stdout(&text)?;
            Ok(ExitCode::SUCCESS)
        }),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command(), "contactguard", &mut out);
            write_stdout(&String::from_utf8_lossy(&out)).map(|()| ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(command())
                .render(&mut out)
                .map_err(|e| Failure(format!("the manual page could not be written: {e}")))
                .and_then(|()| write_stdout(&String::from_utf8_lossy(&out)))
                .map(|()| ExitCode::SUCCESS)
        }
        Command::Registry { command } => registry::run(command),
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            let _ = writeln!(io::stderr(), "contactguard: {message}");
            ExitCode::from(2)
        }
    }
}

impl OutputArgs {
    fn lang(&self) -> Lang {
        match self.lang.unwrap_or_else(lang_from_env) {
            LangArg::Zh | LangArg::ZhHant => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }

    /// Who reads the human output: language, regions, colour, detail.
    fn reader(&self) -> Reader {
        let language = match self.lang.unwrap_or_else(lang_from_env) {
            LangArg::Zh => Language::Zh,
            LangArg::ZhHant => Language::ZhHant,
            LangArg::En => Language::En,
        };
        let mut reader = Reader::new(language, region_from_env().as_deref());
        reader.style = self.style();
        reader.verbose = self.verbose;
        reader
    }

    /// Human output in the chosen script: Chinese in Traditional characters for `zh-hant`
    /// (contacts quoted in it are left as written).
    fn localise(&self, text: String) -> String {
        match self.lang.unwrap_or_else(lang_from_env) {
            LangArg::ZhHant => contactguard::normalize::hant::to_traditional(&text),
            _ => text,
        }
    }

    fn style(&self) -> Style {
        let on = match self.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        };
        Style::new(on)
    }
}

/// The territory of the reader's locale (`US` in `en_US.UTF-8`), from the first of LC_ALL,
/// LC_TELEPHONE, LANG that is set, when it is a region phone numbers can be read in.
fn region_from_env() -> Option<String> {
    let locale = ["LC_ALL", "LC_TELEPHONE", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))?;
    contactguard::i18n::locale_region(&locale)
}

/// The reader's language, as gettext finds it: the first language of `LANGUAGE` the CLI
/// speaks (a list such as `zh_TW:en`), else the first of LC_ALL, LC_MESSAGES, LANG that is set.
/// `zh*` means Chinese: Traditional for Taiwan, Hong Kong and Macao (`zh_TW`, `zh_HK`, `zh_MO`)
/// and `zh-Hant`, else Simplified.
fn lang_from_env() -> LangArg {
    let var = |v: &str| std::env::var(v).ok().filter(|s| !s.is_empty());
    let locale = var("LANGUAGE")
        .and_then(|list| {
            list.split(':')
                .find(|tag| Language::from_tag(tag).is_some())
                .map(str::to_owned)
        })
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|v| var(v))
        })
        .unwrap_or_default();
    match Language::from_tag(&locale) {
        Some(Language::Zh) => LangArg::Zh,
        Some(Language::ZhHant) => LangArg::ZhHant,
        _ => LangArg::En,
    }
}

/// A refused distribution file in words, with what to do when it was made for another root.
fn refused(e: &contactguard::trust::verify::VerifyError) -> String {
    match e {
        contactguard::trust::verify::VerifyError::OtherRoot { .. } => format!(
            "{e}; if it is your deployment's, pass its root with --anchor FILE (root/1.root.json in its signing folder)"
        ),
        _ => e.to_string(),
    }
}

/// How old a registry may be before every command says so (its expiry is later).
const OLD_AFTER_DAYS: i64 = 90;

/// Says on standard error when the registry in use has expired or is more than
/// [`OLD_AFTER_DAYS`] old, and how to get a newer one.
fn warn_if_old(checker: &Checker) -> Result<(), Failure> {
    let now = files::now()?;
    let trusted = checker.trusted();
    let stamp = trusted.stamp();
    let issued = stamp.issued_at.get(..10).unwrap_or(&stamp.issued_at);
    let age = trusted.issued_at().days_until(now);
    let what = format!(
        "the registry in use (version {} of {issued})",
        stamp.version
    );
    let message = match trusted.freshness(now) {
        Freshness::Expired { days } => Some(format!(
            "{what} expired {days} days ago: its channels may have changed. Run `contactguard update`."
        )),
        _ if age > OLD_AFTER_DAYS => Some(format!(
            "{what} is {age} days old. Run `contactguard update` for a newer one."
        )),
        _ => None,
    };
    if let Some(m) = message {
        let _ = writeln!(io::stderr(), "contactguard: warning: {m}");
    }
    Ok(())
}

fn checker() -> Result<Checker, Failure> {
    Checker::builtin().map_err(|e| {
        Failure(format!(
            "the built-in registry did not load: {e}. Reinstall contactguard."
        ))
    })
}

impl RegistryArgs {
    /// The checker over the registry these options select: `--registry FILE` accepted through
    /// the trust store, else the newest registry the store trusts, else the built-in one.
    fn checker(&self) -> Result<Checker, Failure> {
        let checker = self.open()?;
        warn_if_old(&checker)?;
        Ok(checker)
    }

    fn open(&self) -> Result<Checker, Failure> {
        let now = files::now()?;
        let anchor_bytes = files::anchor(self.anchor.as_deref())?;
        let anchor = match self.anchor {
            Some(_) => Anchor::root(&anchor_bytes),
            None => Anchor::builtin(),
        };
        let dir = match &self.store {
            Some(dir) => dir.clone(),
            None => files::store_dir()?,
        };
        let Some(path) = &self.registry else {
            if !dir.exists() && self.anchor.is_none() {
                return checker();
            }
            let store = FileStore::open(&dir, &anchor).map_err(|e| {
                Failure(format!(
                    "cannot open the trust store {}: {e}",
                    dir.display()
                ))
            })?;
            return match load_trusted(&anchor, &store, now) {
                Ok((trusted, _)) => Ok(Checker::new(trusted)),
                Err(e) if self.anchor.is_some() => Err(Failure(format!(
                    "no registry of that root can be used from the trust store {} ({e}); accept one first with --registry FILE",
                    store.path().display()
                ))),
                Err(e) => {
                    eprintln!(
                        "contactguard: the trust store {} was not used ({e}); checking with the built-in registry",
                        store.path().display()
                    );
                    checker()
                }
            };
        };
        let bundle = files::read_capped(
            path,
            contactguard::trust::verify::MAX_BUNDLE_BYTES,
            "use a distribution file published by `contactguard registry publish`",
        )?;
        let mut store = FileStore::open(&dir, &anchor).map_err(|e| {
            Failure(format!(
                "cannot open the trust store {}: {e}; pass --store DIR to keep it elsewhere",
                dir.display()
            ))
        })?;
        let (trusted, _) = load_update(&anchor, &bundle, &mut store, now).map_err(|e| {
            Failure(format!(
                "{} was not accepted: {}. Nothing was changed; use a file published by `contactguard registry publish` that is newer than the registry already trusted (trust store: {})",
                path.display(),
                refused(&e),
                store.path().display()
            ))
        })?;
        Ok(Checker::new(trusted))
    }
}

fn run_batch(args: BatchArgs) -> Result<ExitCode, Failure> {
    let checker = args.source.checker()?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let format = match (args.format, args.compact) {
        (BatchFormat::Json, false) => batch::Output::Json,
        (BatchFormat::Json, true) => batch::Output::CompactJson,
        (BatchFormat::Tsv, false) => batch::Output::Tsv,
        (BatchFormat::Tsv, true) => {
            return Err(Failure(
                "--compact applies to --format json; TSV has no channel lists to leave out".into(),
            ))
        }
    };
    let show = !args.quiet && io::stderr().is_terminal();
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let (mut input, show): (Box<dyn BufRead>, Option<Option<u64>>) = match &args.file {
        Some(path) if path.as_os_str() != "-" => {
            files::regular_file(
                path,
                "send a pipe's output on standard input instead: `contactguard batch - < FILE`",
            )?;
            let file = std::fs::File::open(path)
                .map_err(|e| Failure(format!("cannot open {}: {e}", path.display())))?;
            // An empty file is not worth a progress bar.
            let size = file.metadata().map(|m| m.len()).unwrap_or(0);
            let input = io::BufReader::with_capacity(1 << 16, file);
            (Box::new(input), (show && size > 0).then_some(Some(size)))
        }
        _ => (Box::new(io::stdin().lock()), show.then_some(None)),
    };
    let counts = batch::run(&checker, &mut *input, &mut out, format, jobs, show)?;
    Ok(exit_code(counts.worst()))
}

fn run_check(args: CheckArgs) -> Result<ExitCode, Failure> {
    let checker = args.source.checker()?;
    let mut inputs = Vec::new();
    for input in &args.inputs {
        if input == "-" {
            inputs.extend(read_stdin_lines()?);
        } else {
            inputs.push(input.clone());
        }
    }
    let options = check_options(&checker, &args)?;
    let lang = args.output.lang();
    let style = args.output.style();
    let mut out = io::stdout().lock();
    let mut worst = Status::Official;
    let mut imitated = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let verdict = checker.check_with(input, &options);
        if verdict.status.severity() > worst.severity() {
            worst = verdict.status;
        }
        let written = match args.output.format {
            Format::Json => serde_json::to_string(&verdict)
                .map_err(io::Error::other)
                .and_then(|s| writeln!(out, "{s}")),
            Format::Human => {
                let sep = if i > 0 { "\n" } else { "" };
                write!(
                    out,
                    "{sep}{}",
                    args.output.localise(check::render(
                        &checker,
                        &verdict,
                        lang,
                        style,
                        args.output.verbose
                    ))
                )
            }
        };
        if let Err(e) = written {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(exit_code(worst));
            }
            return Err(Failure(format!("cannot write the output: {e}")));
        }
        if verdict.status == Status::Impersonation {
            if let Some(b) = verdict
                .brand
                .as_ref()
                .and_then(|b| checker.registry().brand(&b.id))
            {
                if !imitated
                    .iter()
                    .any(|x: &&contactguard::registry::Brand| x.id == b.id)
                {
                    imitated.push(b);
                }
            }
        }
    }
    if args.output.format == Format::Human && worst == Status::Impersonation {
        let text = report::aftercare(
            checker.registry(),
            &imitated,
            &args.output.reader().regions,
            lang,
            style,
        );
        write_stdout(&args.output.localise(text.to_string()))?;
    }
    Ok(exit_code(worst))
}

/// The library options from the flags, with the errors a user can fix.
fn check_options(checker: &Checker, args: &CheckArgs) -> Result<CheckOptions, Failure> {
    let mut options = CheckOptions::default();
    if let Some(kind) = args.kind {
        options = options.kind(kind);
    }
    if let Some(id) = &args.brand {
        let id = id.to_lowercase();
        if checker.registry().brand(&id).is_none() {
            let ids: Vec<&str> = checker
                .registry()
                .brands()
                .iter()
                .map(|b| b.id.as_str())
                .collect();
            return Err(Failure(format!(
                "no brand '{id}' in the registry; use one of: {}",
                ids.join(", ")
            )));
        }
        options = options.brand(&id);
    }
    if let Some(region) = &args.region {
        if region.len() != 2 || !contactguard::input::phone::is_region(region) {
            return Err(Failure(format!(
                "--region takes a two-letter region code such as CN, US or HK, not '{region}'"
            )));
        }
        options = options.region(&region.to_ascii_uppercase());
    }
    if let Some(p) = args.platform {
        options = options.platform(p);
    }
    if let Some(region) = region_from_env() {
        options = options.locale_region(&region);
    }
    Ok(options)
}

fn parse_kind(text: &str) -> Result<Kind, String> {
    [
        Kind::Url,
        Kind::Domain,
        Kind::Phone,
        Kind::Handle,
        Kind::Email,
    ]
    .into_iter()
    .find(|k| k.as_str() == text)
    .ok_or_else(|| format!("'{text}' is not a kind; use url, domain, phone, handle or email"))
}

fn parse_platform(text: &str) -> Result<Platform, String> {
    Platform::of_kind_name(text)
        .or_else(|| Platform::from_word(text))
        .ok_or_else(|| {
            let names: Vec<&str> = Platform::kind_names().collect();
            format!(
                "'{text}' is not a platform; use one of: {}",
                names.join(", ")
            )
        })
}

/// The exit code for the worst status seen.
fn exit_code(worst: Status) -> ExitCode {
    ExitCode::from(worst.exit_code())
}

fn read_stdin_lines() -> Result<Vec<String>, Failure> {
    let buf = read_capped(
        &mut io::stdin().lock(),
        MAX_STDIN_BYTES as usize,
        "standard input",
        "`check -` is for lists a person pastes. Split the input, or use `batch` for feeds.",
    )?;
    let mut lines = Vec::new();
    for (n, line) in buf.split(|&b| b == b'\n').enumerate() {
        let line = std::str::from_utf8(line)
            .map_err(|e| not_utf8(&format!("line {} of standard input", n + 1), &e))?;
        let line = line.trim();
        if !line.is_empty() {
            lines.push(line.to_owned());
        }
    }
    Ok(lines)
}

/// `what` is not UTF-8: where, and how to convert it.
fn not_utf8(what: &str, e: &std::str::Utf8Error) -> Failure {
    Failure(format!(
        "{what} is not UTF-8 (invalid byte at offset {}); convert it first, for example `iconv -f GBK -t UTF-8`",
        e.valid_up_to()
    ))
}

fn run_scan(args: ScanArgs) -> Result<ExitCode, Failure> {
    let limit = contactguard::scan::MAX_SCAN_LEN;
    let (name, buf) = match &args.file {
        Some(path) if path.as_os_str() != "-" => (
            path.display().to_string(),
            files::read_capped(
                path,
                limit,
                "scan reads one message or page at a time: split it (or send a pipe's output on standard input: `scan -`), or use `batch` for lists of contacts",
            )?,
        ),
        _ => (
            "standard input".to_owned(),
            read_capped(
                &mut io::stdin().lock(),
                limit,
                "standard input",
                "scan reads one message or page at a time. Split it, or use `batch` for lists of contacts.",
            )?,
        ),
    };
    let text = String::from_utf8(buf).map_err(|e| not_utf8(&name, &e.utf8_error()))?;
    let checker = args.source.checker()?;
    let report = checker.scan(&text);
    let rendered = match args.output.format {
        Format::Json => serde_json::to_string(&report)
            .map(|s| s + "\n")
            .map_err(|e| Failure(e.to_string()))?,
        Format::Human => {
            let reader = args.output.reader();
            report::full(checker.registry(), &text, &report, &reader).to_string()
        }
    };
    write_stdout(&rendered)?;
    Ok(ExitCode::from(report.exit_code()))
}

fn run_brands(args: BrandsArgs) -> Result<ExitCode, Failure> {
    let checker = checker()?;
    warn_if_old(&checker)?;
    let registry = checker.registry();
    let lang = args.output.lang();
    let style = args.output.style();
    let text = match (&args.id, args.output.format) {
        (None, Format::Human) => args.output.localise(brands::list(registry, lang, style)),
        // JSON Lines, like every other command: one brand per line.
        (None, Format::Json) => registry
            .brands()
            .iter()
            .map(|b| serde_json::to_string(b).map(|s| s + "\n"))
            .collect::<Result<String, _>>()
            .map_err(|e| Failure(e.to_string()))?,
        (Some(id), format) => {
            let id = id.to_lowercase();
            let Some(brand) = registry.brand(&id) else {
                let ids: Vec<&str> = registry.brands().iter().map(|b| b.id.as_str()).collect();
                return Err(Failure(format!(
                    "no brand '{id}' in the registry; the brands are: {}",
                    ids.join(", ")
                )));
            };
            let stamp = checker.trusted().stamp();
            match format {
                // The brand as the registry holds it, and which registry that is.
                Format::Json => serde_json::to_value(brand)
                    .and_then(|mut value| {
                        if let Some(map) = value.as_object_mut() {
                            map.insert("registry".into(), serde_json::to_value(stamp)?);
                        }
                        serde_json::to_string(&value)
                    })
                    .map(|s| s + "\n")
                    .map_err(|e| Failure(e.to_string()))?,
                Format::Human => {
                    args.output
                        .localise(brands::show(brand, stamp, lang, style, args.sources))
                }
            }
        }
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads all of `reader` (called `name` in messages) up to `limit` bytes; more is refused
/// with `advice`.
fn read_capped(
    reader: &mut dyn Read,
    limit: usize,
    name: &str,
    advice: &str,
) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Failure(format!("cannot read {name}: {e}")))?;
    if buf.len() > limit {
        return Err(Failure(format!(
            "{name} is over {} MiB; {advice}",
            limit / (1024 * 1024)
        )));
    }
    Ok(buf)
}

/// Writes `text` to standard output; a closed pipe (`| head`) is not an error.
fn write_stdout(text: &str) -> Result<(), Failure> {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}
