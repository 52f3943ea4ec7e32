//! The `cronograma` binary: parses the command line and hands over to [`cronograma::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cronograma::cli::Cli::parse();
    match cronograma::cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // Messages quote the plan and its file names: nothing in them reaches the
            // terminal raw.
            eprintln!(
                "error: {}",
                cronograma::text::for_terminal(&error.to_string())
            );
            ExitCode::from(error.exit_code())
        }
    }
}
