//! The `contactguard` command: arguments → library → rendered answer and exit code.
//! Everything it knows about contacts comes from the library; this file only dispatches.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
