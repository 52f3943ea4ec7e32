//! `cronograma completions SHELL`: the shell's completion script, made by clap_complete from
//! the same definitions the command line parses with, so it never lags behind an option.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Error};

// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Writes the script to standard output.
pub fn completions(args: &CompletionsArgs) -> Result<(), Error> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "cronograma", &mut script);
    super::print_bytes(&script)
}
