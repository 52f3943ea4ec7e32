//! The terminal loop: draw, wait for a key, turn it into an action, apply it. Synchronous.

use std::io;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};

use crate::app::{App, keys};

/// Runs the interactive view until the user quits. `ratatui::init` installs a panic hook that
/// restores the terminal, so a bug never leaves a half-drawn screen behind.
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = ratatui::init();
    let outcome = event_loop(&mut terminal, &mut app);
    ratatui::restore();
    outcome
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    while !app.should_quit() {
        terminal.draw(|frame| crate::ui::draw(frame, app))?;
        // Block until something happens; a resize simply leads to the next draw.
        if !event::poll(Duration::from_secs(3600))? {
            continue;
        }
        match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if let Some(action) = keys::action_for(&key, app.key_contexts()) {
                    app.apply(action);
                }
            }
            _ => {}
        }
    }
    Ok(())
}
