//! The `cronograma` binary: parses the command line and hands over to [`cronograma::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cronograma::cli::Cli::parse();
    match cronograma::cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
