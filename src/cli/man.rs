//! `cronograma man`: the manual pages, made by clap_mangen from the same definitions the
//! command line parses with. One page for the program and one for each command
//! (`cronograma-export(1)`, `cronograma-holidays-import(1)`), as git and cargo have.

use std::path::PathBuf;

use clap::{Args, CommandFactory};

use super::{Cli, Error};
use crate::messages::{Msg, Sentence};
use crate::plan::save::{FileRole, write_atomically};

// Options of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print, as `export` or `holidays import` [default: the
    /// program's page, which lists every command]
    #[arg(value_name = "COMMAND", num_args = 0..)]
    pub command: Vec<String>,
    /// Write every page into this folder (`cronograma.1`, `cronograma-export.1`…) instead of
    /// printing one: `cronograma man --dir ~/.local/share/man/man1`.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub dir: Option<PathBuf>,
}

/// Prints the page asked for, or writes them all into `--dir`.
pub fn man(args: &ManArgs) -> Result<(), Error> {
    let mut program = Cli::command().disable_help_subcommand(true);
    program.build();
    if let Some(dir) = &args.dir {
        return write_all(program, dir);
    }
    let mut page = program;
    for word in &args.command {
        page = page.find_subcommand(word).cloned().ok_or_else(|| {
            Error::usage(Sentence::new(
                Msg::NoSuchCommand,
                &[&args.command.join(" ")],
            ))
        })?;
    }
    super::print_bytes(&render(page))
}

/// Every page into `dir`, each through the atomic writer.
fn write_all(program: clap::Command, dir: &std::path::Path) -> Result<(), Error> {
    let mut pages = vec![program];
    while let Some(page) = pages.pop() {
        pages.extend(page.get_subcommands().cloned());
        let path = dir.join(clap_mangen::Man::new(page.clone()).get_filename());
        // A new page is readable as any program's new file (0666 less the umask).
        let role = FileRole::Export { plan_mode: 0o666 };
        write_atomically(&path, &render(page), role)
            .map_err(|source| Error::Output { path, source })?;
    }
    Ok(())
}

/// One page as roff.
fn render(page: clap::Command) -> Vec<u8> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        // No build date is kept; a blank one (not an empty one, which roff would drop and
        // shift the fields after it) leaves the footer's middle empty.
        .date(" ")
        .source(concat!("cronograma ", env!("CARGO_PKG_VERSION")))
        .manual("cronograma manual")
        .render(&mut roff)
        .expect("writing to memory does not fail");
    roff
}
