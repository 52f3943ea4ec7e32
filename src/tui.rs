//! The terminal loop: draw, wait for a key (or the mouse, or a tick), turn it into an action,
//! apply it. Synchronous. Whatever ends the session — quitting, SIGTERM, SIGHUP when the terminal
//! closes, a lost terminal, a bug — the terminal is restored, and unsaved edits that would be
//! lost are written to `PLAN.recover` first.

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use ratatui::layout::Rect;

use crate::app::{Action, App, keys};

/// How often the plan's file is looked at for changes made by other programs.
const DISK_CHECK: Duration = Duration::from_millis(500);

/// How a session ended.
#[derive(Debug)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal, a lost terminal or a bug ended it; unsaved edits, if any, went to this file.
    Interrupted {
        /// What ended it.
        cause: String,
        /// Where the unsaved edits were written (`None`: there were none), or why they could not be.
        recovery: Result<Option<PathBuf>, String>,
    },
}

/// Runs the interactive view until the user quits or something ends it. `ratatui::init`
/// installs a panic hook that restores the terminal, so a bug never leaves a half-drawn screen.
pub fn run(mut app: App) -> io::Result<Ending> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::init();
    // Mouse reporting is switched on for the session and off again on every way out; a
    // terminal that does not support it simply sends no mouse events.
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &stop)
    }));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let cause = match outcome {
        Ok(Ok(())) if !stop.load(Ordering::SeqCst) => return Ok(Ending::Quit),
        Ok(Ok(())) => "a signal (the terminal closed, or the system is shutting down)".to_owned(),
        Ok(Err(error)) => format!("the terminal failed: {error}"),
        Err(_) => "an internal error (a bug; please report it)".to_owned(),
    };
    let recovery = app.write_recovery().map_err(|error| error.to_string());
    Ok(Ending::Interrupted { cause, recovery })
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> io::Result<()> {
    while !app.should_quit() && !stop.load(Ordering::SeqCst) {
        terminal.draw(|frame| crate::ui::draw(frame, app))?;
        // A tick when nothing happens looks at the file; a resize simply leads to the next draw.
        if !event::poll(DISK_CHECK)? {
            app.apply(Action::CheckDisk);
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                keys::action_for(&key, app.key_contexts())
            }
            Event::Mouse(mouse) => {
                let size = terminal.size()?;
                let screen = Rect::new(0, 0, size.width, size.height);
                crate::ui::mouse_action(screen, app, mouse)
            }
            _ => None,
        };
        if let Some(action) = action {
            app.apply(action);
        }
    }
    Ok(())
}
