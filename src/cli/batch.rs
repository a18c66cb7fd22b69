//! `batch`: one contact per line in, one verdict per line out, in input order, for feeds of
//! millions of domains. Lines are read in blocks; each block is checked on every core and
//! written before the next is read, so memory stays constant whatever the input size.

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

use contactguard::{Checker, Kind, Status, Verdict};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Failure;

/// Lines per block: large enough to keep both cores busy, small enough to stay in cache.
const BLOCK: usize = 8192;

/// Input bytes per block: a block ends at [`BLOCK`] lines or this many bytes, whichever comes
/// first, so a feed of long lines holds no more in memory than one of short ones.
const BLOCK_BYTES: usize = 2 * 1024 * 1024;

/// The longest line read; the rest of a longer line is skipped and the line is `invalid`.
pub const MAX_LINE: usize = 64 * 1024;

/// The output format of `batch`.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Output {
    /// The `check --format json` object, one per line.
    Json,
    /// The same without `official_channels` (`--compact`).
    CompactJson,
    /// A header line, then `input`, `kind`, `status`, `technique`, `brand`, `reason`,
    /// tab-separated; tabs, line breaks and backslashes in a value are escaped (`\t`, `\n`,
    /// `\r`, `\\`), never changed.
    Tsv,
}

/// Counts per status, for the summary on standard error.
#[derive(Debug, Default)]
pub struct Counts {
    pub official: u64,
    pub impersonation: u64,
    pub unknown: u64,
    pub invalid: u64,
}

impl Counts {
    fn add(&mut self, status: Status) {
        match status {
            Status::Official => self.official += 1,
            Status::Impersonation => self.impersonation += 1,
            Status::Unknown => self.unknown += 1,
            _ => self.invalid += 1,
        }
    }

    fn total(&self) -> u64 {
        self.official + self.impersonation + self.unknown + self.invalid
    }

    /// The worst status seen, for the exit code, in the order of [`Status::severity`].
    pub fn worst(&self) -> Status {
        [
            (self.impersonation, Status::Impersonation),
            (self.unknown, Status::Unknown),
            (self.invalid, Status::Invalid),
        ]
        .into_iter()
        .find(|(n, _)| *n > 0)
        .map_or(Status::Official, |(_, s)| s)
    }

    /// One line for standard error.
    pub fn summary(&self, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            self.total() as f64 / secs
        } else {
            0.0
        };
        format!(
            "{} lines in {secs:.2} s ({rate:.0}/s): {} impersonation · {} unknown · {} official · {} invalid",
            self.total(),
            self.impersonation,
            self.unknown,
            self.official,
            self.invalid
        )
    }
}

/// One input line as read: text, or why it cannot be checked.
enum Line {
    Text(String),
    Bad(String, &'static str),
}

/// Reads the next line of at most [`MAX_LINE`] bytes; `None` at the end of input.
fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>) -> io::Result<Option<Line>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, found) = match available.iter().position(|b| *b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = chunk.len();
        if buf.len() + n <= MAX_LINE + 1 {
            buf.extend_from_slice(chunk);
        } else {
            too_long = true;
        }
        input.consume(n);
        if found {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    while buf.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
        buf.pop();
    }
    let shown = |buf: &[u8]| String::from_utf8_lossy(&buf[..buf.len().min(80)]).into_owned();
    if too_long || buf.len() > MAX_LINE {
        return Ok(Some(Line::Bad(
            shown(buf),
            "the line is over 64 KiB; one contact per line",
        )));
    }
    match std::str::from_utf8(buf) {
        Ok(s) => Ok(Some(Line::Text(s.trim().to_owned()))),
        Err(_) => Ok(Some(Line::Bad(shown(buf), "the line is not UTF-8"))),
    }
}

/// Checks every line of `input` and writes one result line per input line to `out`.
/// Checks every line of `input` and writes one verdict per line to `out`. `progress` shows a
/// bar on standard error: with the input's size in bytes, its percentage and time left; without,
/// the lines done. Both say the rate in whole lines per second.
pub fn run(
    checker: &Checker,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    format: Output,
    jobs: usize,
    progress: Option<Option<u64>>,
) -> Result<Counts, Failure> {
    let started = Instant::now();
    let bar = progress.map(|size| {
        let template = match size {
            Some(_) => "{wide_bar} {percent}% · {msg} · {eta} left",
            None => "{spinner} {msg} · {elapsed}",
        };
        let bar = ProgressBar::with_draw_target(size, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar
    });
    let mut lines_done: u64 = 0;
    let mut counts = Counts::default();
    let mut buf = Vec::new();
    let mut block: Vec<Line> = Vec::with_capacity(BLOCK);
    let mut rendered = String::new();
    if format == Output::Tsv {
        match out.write_all(TSV_HEADER.as_bytes()) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(counts),
            Err(e) => return Err(Failure(format!("cannot write the output: {e}"))),
            Ok(()) => {}
        }
    }
    loop {
        block.clear();
        let mut bytes = 0;
        let mut ended = false;
        while block.len() < BLOCK && bytes < BLOCK_BYTES {
            match read_line(input, &mut buf) {
                Ok(Some(line)) => {
                    bytes += buf.len() + 1;
                    block.push(line);
                }
                Ok(None) => {
                    ended = true;
                    break;
                }
                Err(e) => return Err(Failure(format!("cannot read the input: {e}"))),
            }
        }
        if block.is_empty() {
            break;
        }
        let mut verdicts = check_block(checker, &block, jobs);
        for v in &mut verdicts {
            counts.add(v.status);
            v.lean();
            if format == Output::CompactJson {
                v.official_channels.clear();
            }
            render(v, format, &mut rendered);
        }
        if let Err(e) = out.write_all(rendered.as_bytes()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(counts);
            }
            return Err(Failure(format!("cannot write the output: {e}")));
        }
        rendered.clear();
        if let Some(bar) = &bar {
            lines_done += block.len() as u64;
            let rate = lines_done as f64 / started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{lines_done} lines · {rate:.0} lines/s"));
            bar.inc(if bar.length().is_some() {
                bytes as u64
            } else {
                block.len() as u64
            });
        }
        if ended {
            break;
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(Failure(format!("cannot write the output: {e}")));
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let _ = writeln!(
        io::stderr(),
        "{} · registry version {}",
        counts.summary(started.elapsed()),
        checker.registry().version()
    );
    Ok(counts)
}

/// Checks a block on `jobs` threads, keeping the order.
fn check_block(checker: &Checker, block: &[Line], jobs: usize) -> Vec<Verdict> {
    let one = |line: &Line| match line {
        Line::Text(text) if text.is_empty() => {
            Verdict::invalid(text, Kind::Domain, "an empty line")
        }
        Line::Text(text) => checker.check(text),
        Line::Bad(shown, why) => Verdict::invalid(shown, Kind::Domain, *why),
    };
    if jobs <= 1 || block.len() < 64 {
        return block.iter().map(one).collect();
    }
    let size = block.len().div_ceil(jobs);
    std::thread::scope(|scope| {
        let handles: Vec<_> = block
            .chunks(size)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        let mut all = Vec::with_capacity(block.len());
        for (h, part) in handles.into_iter().zip(block.chunks(size)) {
            // A panicking check is a bug; report the lines as invalid rather than lose them.
            match h.join() {
                Ok(v) => all.extend(v),
                Err(_) => {
                    all.extend(part.iter().map(|_| {
                        Verdict::invalid("", Kind::Domain, "internal error while checking")
                    }))
                }
            }
        }
        all
    })
}

/// The first line of `--format tsv`.
const TSV_HEADER: &str = "input\tkind\tstatus\ttechnique\tbrand\treason\n";

/// A TSV value: tabs, line breaks and backslashes escaped, so every value stays in its column
/// and reads back exactly.
fn tsv_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out
}

/// Appends one output line for `v`.
fn render(v: &Verdict, format: Output, out: &mut String) {
    match format {
        Output::Json | Output::CompactJson => {
            out.push_str(&serde_json::to_string(v).unwrap_or_else(|e| {
                format!("{{\"input\":\"\",\"status\":\"invalid\",\"error\":\"{e}\"}}")
            }));
        }
        Output::Tsv => {
            let reason = v
                .findings
                .first()
                .map(|f| f.message.as_str())
                .or(v.error.as_deref())
                .filter(|r| !r.is_empty())
                .unwrap_or("-");
            out.push_str(&tsv_escape(&v.input));
            out.push('\t');
            out.push_str(v.kind.as_str());
            out.push('\t');
            out.push_str(v.status.as_str());
            out.push('\t');
            out.push_str(v.findings.first().map_or("-", |f| f.technique.as_str()));
            out.push('\t');
            out.push_str(v.brand.as_ref().map_or("-", |b| b.id.as_str()));
            out.push('\t');
            out.push_str(&tsv_escape(reason));
        }
    }
    out.push('\n');
}
