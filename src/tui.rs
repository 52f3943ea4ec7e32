//! The terminal loop: draw, wait for a key (or the mouse, or a tick), turn it into an action,
//! apply it. Synchronous. Whatever ends the session — quitting, SIGTERM, SIGHUP when the terminal
//! closes, a bug — the terminal is restored, and unsaved edits that would be lost are written to
//! `PLAN.recover` first.

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind,
};
use crossterm::execute;

use crate::app::key::{Key, KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Action, App};

/// How often the plan's file is looked at for changes made by other programs.
const DISK_CHECK: Duration = Duration::from_millis(500);

/// How a session ended.
#[derive(Debug)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A bug ended it; the message says where the unsaved edits went, if there were any.
    Interrupted(String),
}

/// The state shared with the signal watcher. Locked only to draw or apply, never while waiting
/// for input, so the watcher gets it at once.
type Shared = Arc<Mutex<App>>;

fn lock(shared: &Shared) -> MutexGuard<'_, App> {
    // A panic while drawing poisons the lock; the plan inside is still what must be saved.
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs the interactive view until the user quits. `ratatui::try_init` installs a panic hook that
/// restores the terminal, so a bug never leaves a half-drawn screen.
///
/// SIGTERM and SIGHUP are handled on a thread of their own: when the terminal closes, reading
/// from it can block or spin for good, so the main loop cannot be relied on to notice.
pub fn run(app: App, sync: Option<crate::caldav::Target>) -> io::Result<Ending> {
    let shared: Shared = Arc::new(Mutex::new(app));
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    let signal_handle = signals.handle();
    let watcher = {
        let shared = Arc::clone(&shared);
        thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let app = lock(&shared);
                let cause = if signal == SIGHUP {
                    "the terminal closing (SIGHUP)"
                } else {
                    "a request to stop (SIGTERM)"
                };
                let message = interrupted(&app, cause);
                leave_terminal();
                eprintln!("error: {}", crate::text::for_terminal(&message));
                std::process::exit(1);
            }
        })
    };
    // Without a terminal (no controlling one to open), an error to report, not a panic; and
    // nothing written to an output that is not one. Raw mode is asked for first, as that is
    // what fails then (ratatui's own setup asks again, which changes nothing).
    let terminal = crossterm::terminal::enable_raw_mode().and_then(|()| {
        ratatui::try_init().inspect_err(|_| {
            let _ = ratatui::try_restore();
        })
    });
    let mut terminal = match terminal {
        Ok(terminal) => terminal,
        Err(error) => {
            signal_handle.close();
            let _ = watcher.join();
            return Err(error);
        }
    };
    keep_server_faults_off_the_screen();
    // Mouse reporting is switched on for the session and off again on every way out; a
    // terminal that does not support it simply sends no mouse events.
    let _ = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &shared, sync.as_ref())
    }));
    let app = lock(&shared);
    leave_terminal();
    signal_handle.close();
    let _ = watcher.join();
    match outcome {
        Ok(Ok(())) => Ok(Ending::Quit),
        Ok(Err(error)) => Ok(Ending::Interrupted(interrupted(
            &app,
            &format!("the terminal failing ({error})"),
        ))),
        Err(_) => Ok(Ending::Interrupted(interrupted(
            &app,
            "an internal error (a bug; please report it)",
        ))),
    }
}

/// The panic hook ratatui set restores the terminal, which is right for a fault of the view;
/// a fault on the server's or the export's thread is that thread's to report (as a failed sync
/// or export on the footer), and the view goes on: it must neither leave raw mode under the
/// running view nor print over its screen.
fn keep_server_faults_off_the_screen() {
    let view_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let current = thread::current();
        if !matches!(
            current.name(),
            Some(crate::caldav::THREAD_NAME | EXPORT_THREAD)
        ) {
            view_hook(info);
        }
    }));
}

/// The name of the thread `E`'s export runs on.
const EXPORT_THREAD: &str = "cronograma-export";

/// Gives the terminal back as it was (best effort: it may be gone).
fn leave_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// Ctrl+Z: the terminal goes back to the shell and the program stops, as any program's does
/// (in raw mode the terminal sends the key instead of stopping us); `fg` continues here, and
/// the screen is set up and drawn again.
fn suspend(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    leave_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    // A blank frame, so the next one is drawn whole. (`Terminal::clear` would ask the terminal
    // where its cursor is, which not every terminal answers.)
    terminal
        .draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))
        .map(drop)
}

/// Writes the unsaved edits for recovery and says what happened.
fn interrupted(app: &App, cause: &str) -> String {
    match app.write_recovery() {
        Ok(Some(path)) => format!(
            "ended by {cause}; the unsaved edits were written to {}",
            path.display()
        ),
        Ok(None) => format!("ended by {cause}"),
        Err(error) => format!("ended by {cause}; the unsaved edits could not be kept: {error}"),
    }
}

/// The longest a burst of input (a paste without bracketed paste, a held key, a script) is
/// applied before the screen is drawn again, so a long burst still shows progress.
const BURST: Duration = Duration::from_millis(50);

/// A calendar server sync running on a thread of its own: its reports, and its cancel flag.
type Running = crate::caldav::Background;

/// Starts the sync the view asked for, passes on a cancel, and gives the view what the sync
/// reported since the last frame. The network never runs here: only its reports are read.
fn follow_sync(
    app: &mut App,
    target: Option<&crate::caldav::Target>,
    running: &mut Option<Running>,
) {
    use crate::app::{ServerJob, SyncReport};
    use crate::caldav::Report;
    if let Some(job) = app.take_server_request()
        && let Some(target) = target
    {
        *running = Some(match (job, &target.busy) {
            (ServerJob::Sync, Some(pull)) => {
                let range = crate::import::pulled::horizon(app.plan().start, app.schedule().end());
                crate::caldav::busy_pull_in_background(pull.clone(), range)
            }
            (ServerJob::Sync, None) => push(app, target),
            (ServerJob::PullHolidays, _) => crate::caldav::pull_in_background(target.clone()),
        });
    }
    let Some((reports, cancel)) = running.as_ref() else {
        return;
    };
    if app.sync_cancelled() {
        cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let mut finished = false;
    loop {
        let report = match reports.try_recv() {
            Ok(report) => report,
            Err(std::sync::mpsc::TryRecvError::Empty) => break,
            // Gone without a last word: never left showing a sync that runs no more.
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Report::Failed(crate::caldav::SyncError::Internal {
                    why: "the server's thread ended without a report".into(),
                })
            }
        };
        let report = match report {
            Report::Pulled(url, calendar) => {
                app.holidays_pulled(&url, &calendar);
                finished = true;
                break;
            }
            // The busy time is in the plan (one step): the push of the new schedule follows.
            Report::BusyPulled(calendars) => {
                if app.sync_cancelled() {
                    let done = crate::caldav::Changes::default().summary(true);
                    let why = crate::caldav::SyncError::Cancelled { done };
                    app.sync_reported(SyncReport::Failed(why.to_string()));
                    *running = None;
                    return;
                }
                match target.filter(|_| app.busy_pulled(&calendars)) {
                    Some(target) => *running = Some(push(app, target)),
                    None => *running = None,
                }
                return;
            }
            Report::Progress(done, total) => SyncReport::Progress(done, total),
            Report::Done(changes) => SyncReport::Done {
                created: changes.create.len(),
                updated: changes.update.len(),
                deleted: changes.delete.len(),
                unchanged: changes.unchanged,
                refused: changes.refused.len(),
            },
            Report::Failed(error) => SyncReport::Failed(error.to_string()),
        };
        finished |= !matches!(report, SyncReport::Progress(..));
        app.sync_reported(report);
        if finished {
            break;
        }
    }
    if finished {
        *running = None;
    }
}

/// An export running on a thread of its own: what it writes, and how it ends.
type Exporting = (
    crate::app::export::ExportJob,
    std::sync::mpsc::Receiver<Result<usize, crate::app::Failure>>,
);

/// Starts the export the view asked for (`E`) on a thread of its own, so a big plan's workbook
/// never holds up a frame, and tells the view how it ended.
fn follow_export(app: &mut App, running: &mut Option<Exporting>) {
    use std::sync::mpsc::TryRecvError;
    if let Some(job) = app.take_export_request() {
        let (sender, receiver) = std::sync::mpsc::channel();
        let (plan, schedule) = (app.plan().clone(), app.schedule().clone());
        let (work, plan_path) = (job.clone(), app.path().to_owned());
        let spawned = std::thread::Builder::new()
            .name(EXPORT_THREAD.into())
            .spawn(move || {
                let outcome = crate::app::export::write_export(&work, &plan, &schedule, &plan_path);
                let _ = sender.send(outcome);
            });
        match spawned {
            Ok(_) => *running = Some((job, receiver)),
            Err(error) => app.export_finished(&job, Err(crate::app::Failure::from(error))),
        }
    }
    let Some((job, receiver)) = running.as_ref() else {
        return;
    };
    let outcome = match receiver.try_recv() {
        Ok(outcome) => outcome,
        Err(TryRecvError::Empty) => return,
        // The thread ended without an answer: only a fault in it does that.
        Err(TryRecvError::Disconnected) => Err(crate::app::Failure::ExportBug),
    };
    app.export_finished(job, outcome);
    *running = None;
}

/// Pushes the view's schedule to `target` in the background.
fn push(app: &App, target: &crate::caldav::Target) -> Running {
    crate::caldav::sync_in_background(target.clone(), app.plan().clone(), app.schedule().clone())
}

/// How often the screen is drawn again while a sync reports its progress.
const SYNC_TICK: Duration = Duration::from_millis(100);

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    shared: &Shared,
    sync: Option<&crate::caldav::Target>,
) -> io::Result<()> {
    let mut running: Option<Running> = None;
    let mut exporting: Option<Exporting> = None;
    loop {
        {
            let mut app = lock(shared);
            follow_sync(&mut app, sync, &mut running);
            follow_export(&mut app, &mut exporting);
            if app.should_quit() {
                return Ok(());
            }
            if app.take_suspend() {
                suspend(terminal)?;
            }
            // The Gantt's page, for PgUp/PgDn, as this screen shows it.
            let size = terminal.size()?;
            let rows = crate::ui::gantt_rows(Rect::new(0, 0, size.width, size.height), &app);
            app.apply(Action::ViewRows(rows));
            terminal.draw(|frame| crate::ui::draw(frame, &app))?;
        }
        // A tick when nothing happens looks at the file; a resize simply leads to the next draw.
        let tick = if running.is_some() || exporting.is_some() {
            SYNC_TICK
        } else {
            DISK_CHECK
        };
        if !event::poll(tick)? {
            lock(shared).apply(Action::CheckDisk);
            continue;
        }
        // Everything that is already waiting is applied before the next draw: input that
        // arrives faster than frames are drawn never waits for more input to be seen.
        let started = Instant::now();
        loop {
            let event = event::read()?;
            handle(terminal, &mut lock(shared), event)?;
            if lock(shared).should_quit() || started.elapsed() > BURST {
                break;
            }
            // (A zero timeout would not look at the terminal at all: crossterm's poll-based
            // reader only reads within a timeout.)
            if !event::poll(Duration::from_millis(1))? {
                break;
            }
        }
    }
}

/// The app's key for a key the terminal reports.
fn key_of(event: &event::KeyEvent) -> Key {
    use event::KeyCode as Terminal;
    let code = match event.code {
        Terminal::Char(c) => KeyCode::Char(c),
        Terminal::Enter => KeyCode::Enter,
        Terminal::Esc => KeyCode::Esc,
        Terminal::Tab => KeyCode::Tab,
        Terminal::BackTab => KeyCode::BackTab,
        Terminal::Backspace => KeyCode::Backspace,
        Terminal::Delete => KeyCode::Delete,
        Terminal::Home => KeyCode::Home,
        Terminal::End => KeyCode::End,
        Terminal::PageUp => KeyCode::PageUp,
        Terminal::PageDown => KeyCode::PageDown,
        Terminal::Up => KeyCode::Up,
        Terminal::Down => KeyCode::Down,
        Terminal::Left => KeyCode::Left,
        Terminal::Right => KeyCode::Right,
        _ => KeyCode::Other,
    };
    let held = event.modifiers;
    let mut modifiers = KeyModifiers::NONE;
    for (terminal, ours) in [
        (event::KeyModifiers::SHIFT, KeyModifiers::SHIFT),
        (event::KeyModifiers::CONTROL, KeyModifiers::CONTROL),
        (event::KeyModifiers::ALT, KeyModifiers::ALT),
    ] {
        if held.contains(terminal) {
            modifiers |= ours;
        }
    }
    Key::new(code, modifiers)
}

/// Applies what one terminal event asks.
fn handle(terminal: &ratatui::DefaultTerminal, app: &mut App, event: Event) -> io::Result<()> {
    let action = match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.action_for_key(&key_of(&key)),
        Event::Mouse(mouse) => {
            let size = terminal.size()?;
            let screen = Rect::new(0, 0, size.width, size.height);
            crate::ui::mouse_action(screen, app, mouse)
        }
        // A paste is text for the open form, typed as it is (its line breaks as spaces); with
        // no form open it does nothing, so pasted text can never run commands.
        Event::Paste(text) => {
            for c in text.chars() {
                let c = if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                };
                app.apply(Action::Type(c));
            }
            None
        }
        _ => None,
    };
    if let Some(action) = action {
        app.apply(action);
    }
    Ok(())
}

/// Asks the terminal for its background colour (OSC 11), for `--theme auto`: the question is
/// followed by a request for the device attributes (DA1), which every terminal answers, in
/// order, so once that answer is in, any background answer came before it and nothing is left
/// to arrive later as key presses. The tty is read without blocking, for at most `timeout`;
/// `None` when stdin or stdout is no terminal, or no usable answer came.
#[cfg(unix)]
pub fn ask_background(timeout: std::time::Duration) -> Option<crate::palette::ThemeChoice> {
    use std::io::{IsTerminal, Read, Write};
    use std::os::unix::fs::OpenOptionsExt;
    use std::time::Instant;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return None;
    }
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open("/dev/tty")
        .ok()?;
    crossterm::terminal::enable_raw_mode().ok()?;
    let mut reply = Vec::new();
    if tty.write_all(b"\x1b]11;?\x07\x1b[c").is_ok() {
        let deadline = Instant::now() + timeout;
        let mut buffer = [0u8; 256];
        while Instant::now() < deadline && !answered_attributes(&reply) && reply.len() < 4096 {
            match tty.read(&mut buffer) {
                Ok(0) => break,
                Ok(count) => reply.extend_from_slice(&buffer[..count]),
                Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                    thread::sleep(std::time::Duration::from_millis(2));
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
    }
    let _ = crossterm::terminal::disable_raw_mode();
    crate::palette::from_background_reply(&reply)
}

/// Without a Unix tty to ask, the environment decides.
#[cfg(not(unix))]
pub fn ask_background(_timeout: std::time::Duration) -> Option<crate::palette::ThemeChoice> {
    None
}

/// True once `reply` holds the device attributes' answer, `ESC [ ? … c`.
fn answered_attributes(reply: &[u8]) -> bool {
    reply
        .windows(3)
        .position(|window| window == b"\x1b[?")
        .is_some_and(|at| reply[at + 3..].contains(&b'c'))
}

#[cfg(test)]
mod background_tests {
    use super::answered_attributes;

    #[test]
    fn the_device_attributes_answer_ends_the_wait() {
        assert!(answered_attributes(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;22c"));
        assert!(!answered_attributes(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;2"));
        assert!(!answered_attributes(b""));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_keys_become_the_apps_with_what_was_held() {
        use event::{KeyCode as Terminal, KeyEvent, KeyModifiers as Held};
        let ctrl_p = KeyEvent::new(Terminal::Char('p'), Held::CONTROL | Held::SHIFT);
        assert_eq!(
            key_of(&ctrl_p),
            Key::new(
                KeyCode::Char('p'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )
        );
        let back_tab = KeyEvent::new(Terminal::BackTab, Held::SHIFT);
        assert_eq!(key_of(&back_tab).code, KeyCode::BackTab);
        // A key no binding names is none of those a binding names.
        let f5 = KeyEvent::new(Terminal::F(5), Held::NONE);
        assert_eq!(key_of(&f5).code, KeyCode::Other);
    }
}
