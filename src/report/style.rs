//! Terminal colour, only when asked for or on a terminal.

/// How a report marks its emphasis: with terminal colours (ANSI escapes), or not at all.
///
/// ```
/// use contactguard::report::Style;
///
/// assert_eq!(Style::plain().bad("x"), "x");
/// assert_eq!(Style::new(true).bad("x"), "\x1b[1;31mx\x1b[0m");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Colours when `on`.
    pub fn new(on: bool) -> Style {
        Style { on }
    }

    /// No colours: plain text, for the page, files and messages.
    pub fn plain() -> Style {
        Style { on: false }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// An impersonation (bold red).
    pub fn bad(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    /// An official answer (bold green).
    pub fn good(self, text: &str) -> String {
        self.paint("1;32", text)
    }

    /// A warning (bold yellow).
    pub fn warn(self, text: &str) -> String {
        self.paint("1;33", text)
    }

    /// A heading or a name (bold).
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// A detail (dim).
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
}
