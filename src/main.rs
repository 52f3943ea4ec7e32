//! The `cronograma` binary: parses the command line and hands over to [`cronograma::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match cronograma::cli::Cli::try_parse() {
        Ok(args) => args,
        Err(error) => return refuse_arguments(error),
    };
    let plan = args.plan_path().map(std::path::Path::to_owned);
    match cronograma::cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // In the plan's language. Messages quote the plan and its file names: nothing in
            // them reaches the terminal raw.
            let said = cronograma::cli::say_error(&error, plan.as_deref());
            eprintln!("{}", cronograma::text::for_terminal(&said));
            ExitCode::from(error.exit_code())
        }
    }
}

/// What clap says of arguments it could not take. Its errors quote what was typed
/// (`--format 'md<ESC>]0;…'`), so they go through the one escaping function, uncoloured, and
/// end the program with clap's code for a usage error (2). `--help` and `--version` are not
/// errors: clap prints them as usual.
fn refuse_arguments(error: clap::Error) -> ExitCode {
    use clap::CommandFactory;
    if !error.use_stderr() {
        error.exit();
    }
    // `cronograma exprot --format md`: a command mistyped, not a plan given a wrong option.
    let first = std::env::args_os().nth(1);
    if let Some(refused) =
        first.and_then(|word| cronograma::cli::mistyped_command(&word.to_string_lossy()))
    {
        eprintln!("{}", cronograma::cli::say_error(&refused, None));
        return ExitCode::from(2);
    }
    // The same error without colours, so that what remains of escape codes is what was typed
    // (clap's own rendering would strip them, and with them what the user needs to see).
    let plain = cronograma::cli::Cli::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches_from(std::env::args_os())
        .err()
        .unwrap_or(error);
    let message = plain.render().ansi().to_string();
    eprint!("{}", cronograma::text::for_terminal(&message));
    ExitCode::from(u8::try_from(plain.exit_code()).unwrap_or(2))
}
