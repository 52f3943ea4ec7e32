//! The terminal loop: draw, wait for a key, turn it into an action, apply it. Synchronous.

use std::io;
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use ratatui::layout::Rect;

use crate::app::{App, keys};

/// Runs the interactive view until the user quits. `ratatui::init` installs a panic hook that
/// restores the terminal, so a bug never leaves a half-drawn screen behind.
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = ratatui::init();
    // Mouse reporting is switched on for the session and off again on every way out; a
    // terminal that does not support it simply sends no mouse events.
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let outcome = event_loop(&mut terminal, &mut app);
    let _ = execute!(io::stdout(), DisableMouseCapture);
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
