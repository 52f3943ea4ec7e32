//! End-to-end: the real binary in a pseudo-terminal (portable-pty), its screen read back with
//! vt100. A thread keeps reading the pty so the program never blocks on a full buffer; every
//! wait has a timeout and prints the screen when it fails.

use std::io::{Read, Write};
use std::num::NonZero;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const SIZE: (u16, u16) = (120, 40);
const TIMEOUT: Duration = Duration::from_secs(10);

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Session {
    fn start(plan: &Path) -> Session {
        Session::start_with(plan, &[])
    }

    /// The program on `plan`, with these environment variables.
    fn start_with(plan: &Path, env: &[(&str, &str)]) -> Session {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cronograma"));
        command.arg(plan);
        for (name, value) in env {
            command.env(name, value);
        }
        Session::spawn(command)
    }

    /// The program with these arguments (the plan among them).
    fn start_args(args: &[&str]) -> Session {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cronograma"));
        command.args(args);
        Session::spawn(command)
    }

    /// An interactive shell (with job control) in the pseudo-terminal, in `folder`.
    fn shell(folder: &Path) -> Session {
        let mut command = CommandBuilder::new("bash");
        command.args(["--norc", "--noprofile", "-i"]);
        command.cwd(folder);
        command.env("PS1", "shell$ ");
        Session::spawn(command)
    }

    fn spawn(command: CommandBuilder) -> Session {
        Session::spawn_answering(command, None)
    }

    /// The program in a terminal that answers a background colour question (OSC 11) with
    /// `answer`, followed by its device attributes, as xterm does.
    fn spawn_answering(mut command: CommandBuilder, answer: Option<&'static [u8]>) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                cols: SIZE.0,
                rows: SIZE.1,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        command.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(command).unwrap();
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = Arc::new(Mutex::new(pty.master.take_writer().unwrap()));
        let answering = Arc::clone(&writer);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZero::new(SIZE.1).unwrap(),
            NonZero::new(SIZE.0).unwrap(),
            0,
        )));
        let sink = Arc::clone(&screen);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(read) = reader.read(&mut buffer) {
                if read == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buffer[..read]);
                let asked = buffer[..read].windows(6).any(|w| w == b"\x1b]11;?");
                if let (true, Some(answer)) = (asked, answer) {
                    let mut writer = answering.lock().unwrap();
                    let _ = writer.write_all(answer);
                    let _ = writer.write_all(b"\x1b[?62;22c");
                    let _ = writer.flush();
                }
            }
        });
        Session {
            master: pty.master,
            child,
            writer,
            screen,
        }
    }

    /// The colours of the cell at (`row`, `column`).
    fn colours(&self, row: u16, column: u16) -> (vt100::Color, vt100::Color) {
        let parser = self.screen.lock().unwrap();
        let cell = parser.screen().cell(row, column).unwrap();
        (cell.fgcolor(), cell.bgcolor())
    }

    /// Forgets what the screen showed, to see what is drawn next.
    fn blank(&self) {
        self.screen.lock().unwrap().process(b"\x1b[2J\x1b[H");
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text` and has stopped changing.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let before = self.contents();
            if before.contains(text) {
                thread::sleep(Duration::from_millis(50));
                let after = self.contents();
                if after == before {
                    return after;
                }
                continue;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{before}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen no longer shows `text` (a pop-up has closed).
    fn wait_until_gone(&self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while self.contents().contains(text) {
            assert!(
                Instant::now() < deadline,
                "{text:?} stayed on screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn press(&mut self, keys: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
        // Give each burst time to be read as separate key presses.
        thread::sleep(Duration::from_millis(60));
    }

    /// Resizes the terminal, as a window manager would; the screen model follows.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(NonZero::new(rows).unwrap(), NonZero::new(cols).unwrap());
        self.master
            .resize(PtySize {
                cols,
                rows,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Sends the program a signal, by name (`TERM`, `HUP`).
    fn signal(&self, name: &str) {
        let pid = self.child.process_id().unwrap().to_string();
        let sent = Command::new("kill")
            .args([&format!("-{name}"), &pid])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    fn wait_for_exit(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        while self.child.try_wait().unwrap().is_none() {
            assert!(
                Instant::now() < deadline,
                "the program did not exit; screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

const DOWN: &str = "\x1b[B";
const RIGHT: &str = "\x1b[C";
const LEFT: &str = "\x1b[D";
const PAGE_UP: &str = "\x1b[5~";
const PAGE_DOWN: &str = "\x1b[6~";
const SHIFT_RIGHT: &str = "\x1b[1;2C";

fn temporary_plan() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron"), &path).unwrap();
    (dir, path)
}

#[test]
fn page_keys_walk_the_months() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("Septiembre 2023");
    session.press(PAGE_DOWN);
    session.wait_for("Noviembre 2023");
    session.press(PAGE_UP);
    session.press(PAGE_UP);
    let screen = session.wait_for("Agosto 2023");
    assert!(screen.contains("Septiembre 2023"));
    session.press("q");
    session.wait_for_exit();
}

#[test]
fn a_holiday_added_on_screen_moves_the_plan_and_is_saved() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    for _ in 0..4 {
        session.press(DOWN);
    }
    session.press(RIGHT);
    session.press(" ");
    session.wait_for("Feriado el 2023-10-12");
    session.press("\r");
    let screen = session.wait_for("17 A4");
    assert!(screen.contains("12 F"), "{screen}");
    assert!(screen.contains("2023-11-29 12:00"), "{screen}");
    session.press("s");
    session.wait_for("Guardado");
    session.press("q");
    session.wait_for_exit();
    let output = assert_cmd::Command::cargo_bin("cronograma")
        .unwrap()
        .args(["export", "--format", "json"])
        .arg(&plan)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["end"], "2023-11-29T12:00");
}

#[test]
fn shift_arrow_moves_a_holiday_and_undo_brings_it_back() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    for _ in 0..5 {
        session.press(DOWN);
    }
    session.press(LEFT);
    session.press(LEFT);
    session.press(SHIFT_RIGHT);
    let screen = session.wait_for("Feriado movido del 2023-10-16 al 2023-10-17");
    assert!(
        screen.contains("17 F") && screen.contains("16 A4"),
        "{screen}"
    );
    session.press("u");
    let screen = session.wait_for("Deshecho: feriado movido");
    assert!(
        screen.contains("16 F") && screen.contains("17 A4"),
        "{screen}"
    );
    session.press("q");
    session.wait_for_exit();
}

#[test]
fn quitting_with_unsaved_changes_asks_and_cancel_keeps_it_open() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    session.press("f");
    session.wait_for("Feriado el 2023-09-13");
    // Enter names it (with no name): an unsaved edit. (Esc would take the holiday back.)
    session.press("\r");
    session.wait_until_gone("Feriado el 2023-09-13");
    session.wait_for("[+]");
    session.press("q");
    session.wait_for("Cambios sin guardar");
    session.press("c");
    session.wait_until_gone("Cambios sin guardar");
    thread::sleep(Duration::from_millis(200));
    assert!(
        session.child.try_wait().unwrap().is_none(),
        "still running after cancel"
    );
    let screen = session.contents();
    assert!(
        !screen.contains("Cambios sin guardar") && screen.contains("[+]"),
        "{screen}"
    );
    session.press("q");
    session.wait_for("Cambios sin guardar");
    session.press("d");
    session.wait_for_exit();
    let text = std::fs::read_to_string(&plan).unwrap();
    assert_eq!(
        text,
        include_str!("../plan.ron"),
        "discarding leaves the file alone"
    );
}

/// An SGR mouse report (what xterm sends with mouse capture on) for a left click at the
/// 0-based cell (`column`, `row`).
fn click(column: u16, row: u16) -> String {
    format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        column + 1,
        row + 1,
        column + 1,
        row + 1
    )
}

/// Where `text` starts on the screen, as 0-based (column, row).
fn locate(screen: &str, text: &str) -> (u16, u16) {
    screen
        .lines()
        .enumerate()
        .find_map(|(row, line)| {
            line.find(text)
                .map(|byte| (line[..byte].chars().count() as u16, row as u16))
        })
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{screen}"))
}

#[test]
fn clicking_a_day_moves_the_cursor_and_clicking_a_row_selects_the_activity() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    let screen = session.wait_for("22 A2");
    let (x, y) = locate(&screen, "22 A2");
    session.press(&click(x + 1, y));
    session.press(" ");
    session.wait_for("Feriado el 2023-09-22");
    session.press("\r");
    session.wait_until_gone("Feriado el 2023-09-22");
    let screen = session.wait_for("[+]");
    let (x, y) = locate(&screen, "A5 Integración");
    session.press(&click(x + 2, y));
    session.press("e");
    session.wait_for("Editar actividad A5");
    session.press("\x1b");
    session.wait_until_gone("Editar actividad A5");
    session.press("q");
    session.wait_for("Cambios sin guardar");
    session.press("d");
    session.wait_for_exit();
}

#[test]
fn a_resize_redraws_too_small_and_back() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("Septiembre 2023");
    session.resize(60, 20);
    session.wait_for("Terminal demasiado pequeña: 60×20");
    session.resize(SIZE.0, SIZE.1);
    let screen = session.wait_for("Septiembre 2023");
    assert!(!screen.contains("demasiado pequeña"), "{screen}");
    session.press("q");
    session.wait_for_exit();
}

/// Another program's edit of the plan file: seven hours a day, and a size change.
fn edit_on_disk(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let edited = text.replace("hours_per_day: 6,", "hours_per_day: 7,") + "// edited elsewhere\n";
    std::fs::write(path, edited).unwrap();
}

/// Adds a holiday on the cursor's day without naming it: an unsaved edit.
fn add_unnamed_holiday(session: &mut Session, day: &str) {
    session.press("f");
    let form = format!("Feriado el {day}");
    session.wait_for(&form);
    session.press("\r");
    session.wait_until_gone(&form);
    session.wait_for("[+]");
}

#[test]
fn a_clean_plan_changed_on_disk_is_reloaded_on_screen() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("6 h/día 08:00–14:00");
    edit_on_disk(&plan);
    let screen = session.wait_for("cambió en el disco: recargado");
    assert!(screen.contains("7 h/día 08:00–15:00"), "{screen}");
    session.press("q");
    session.wait_for_exit();
}

#[test]
fn saving_over_a_changed_file_asks_and_overwrite_keeps_the_edits() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    add_unnamed_holiday(&mut session, "2023-09-13");
    edit_on_disk(&plan);
    session.wait_for("al guardar se pregunta");
    session.press("s");
    session.wait_for("Otro programa cambió");
    session.press("o");
    session.wait_for("Guardado");
    session.press("q");
    session.wait_for_exit();
    let saved = std::fs::read_to_string(&plan).unwrap();
    assert!(saved.contains("(date: \"2023-09-13\")") && saved.contains("hours_per_day: 6,"));
}

#[test]
fn sigterm_keeps_unsaved_edits_for_the_next_session_to_recover() {
    let (_dir, plan) = temporary_plan();
    let recovery = plan.with_file_name("plan.ron.recover");
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    add_unnamed_holiday(&mut session, "2023-09-13");
    session.signal("TERM");
    session.wait_for_exit();
    assert!(recovery.exists(), "the edits went to plan.ron.recover");
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        include_str!("../plan.ron")
    );
    drop(session);

    let mut session = Session::start(&plan);
    session.wait_for("Hay cambios sin guardar");
    session.press("y");
    let screen = session.wait_for("Cambios recuperados");
    assert!(
        screen.contains("[+]") && screen.contains("2023-09-14 08:00"),
        "{screen}"
    );
    session.press("s");
    session.wait_for("Guardado");
    session.press("q");
    session.wait_for_exit();
    assert!(!recovery.exists());
    assert!(
        std::fs::read_to_string(&plan)
            .unwrap()
            .contains("(date: \"2023-09-13\")")
    );
}

/// A closed terminal window sends SIGHUP (closing this test's pty cannot be done while its
/// reader thread holds the master open, so the signal is sent directly).
#[test]
fn sighup_keeps_unsaved_edits_and_ends_the_program() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    add_unnamed_holiday(&mut session, "2023-09-13");
    session.signal("HUP");
    session.wait_for_exit();
    let recovered = std::fs::read_to_string(plan.with_file_name("plan.ron.recover")).unwrap();
    assert!(recovered.contains("(date: \"2023-09-13\")"));
}

#[test]
fn a_burst_of_keys_is_applied_without_waiting_for_more() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    // 2,000 presses of → in one write, as a held key or a script sends them: the cursor walks
    // from 2023-09-13 to 2029-03-05 and the screen shows it with no further key.
    session.press(&RIGHT.repeat(2000));
    session.wait_for("Marzo 2029");
    session.press("q");
    session.wait_for_exit();
}

#[test]
fn a_long_paste_goes_into_the_form_whole_and_never_runs_keys() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    session.press("f");
    session.wait_for("Feriado el 2023-09-13");
    // Bracketed paste: 10,000 characters with a line break and a `q`, then Enter and `s` in
    // the same write; nothing more is sent.
    let pasted = format!("{}\nq{}", "x".repeat(5000), "y".repeat(4998));
    let burst = format!("\x1b[200~{pasted}\x1b[201~\rs");
    session.press(&burst);
    session.wait_for("Guardado");
    session.press("q");
    session.wait_for_exit();
    let holidays = cronograma::plan::load_file(&plan).unwrap().plan.holidays;
    let name = holidays[0].name.clone().unwrap();
    assert_eq!(name.chars().count(), 10_000);
    assert_eq!(name, pasted.replace('\n', " "));
}

#[test]
fn a_plan_is_made_from_an_empty_folder_through_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let mut session = Session::start(&plan);
    session.wait_for("New plan");
    // Title: replace the proposed one; the other fields keep their defaults but the start.
    session.press(&"\x7f".repeat(10));
    session.press("Tesis de grado");
    session.press("\t");
    session.press(&"\x7f".repeat(10));
    session.press("2024-03-04\r");
    // The plan is on disk, and the first activity's form is open to name it.
    session.wait_for("Edit activity A1");
    assert!(plan.exists());
    session.press("\t");
    session.press(&"\x7f".repeat(40));
    session.press("Leer la bibliografía\r");
    session.wait_for("Leer la bibliografía");
    session.press("s");
    session.wait_for("Saved");
    session.press("q");
    session.wait_for_exit();
    let saved = cronograma::plan::load_file(&plan).unwrap().plan;
    assert_eq!(saved.title(), "Tesis de grado");
    assert_eq!(saved.start.to_string(), "2024-03-04");
    assert_eq!(&*saved.activities[0].name, "Leer la bibliografía");
}

#[test]
fn leaving_the_new_plan_form_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("nuevo.ron");
    let mut session = Session::start(&plan);
    session.wait_for("New plan");
    session.press("\x1b");
    session.wait_for_exit();
    assert!(!plan.exists());
}

#[test]
fn the_detail_line_undo_and_esc_work_where_the_change_was() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("Mié 13 Sep 2023: A1 6 h 08:00–14:00");
    // A holiday on 12 October, named; the detail line names it.
    session.press("G");
    for _ in 0..7 {
        session.press(PAGE_UP);
    }
    session.press("g");
    for _ in 0..4 {
        session.press(DOWN);
    }
    session.press(RIGHT);
    session.press(" ");
    session.wait_for("Feriado el 2023-10-12");
    session.press("Paro");
    session.press("\r");
    session.wait_for("Jue 12 Oct 2023 · feriado: Paro");
    // Elsewhere, undo comes back to 12 October and says what it undid.
    session.press(DOWN);
    session.wait_for("Jue 19 Oct 2023");
    session.press("u");
    let screen = session.wait_for("Deshecho: feriado 2023-10-12 Paro");
    assert!(screen.contains("Jue 12 Oct 2023: A4"), "{screen}");
    // Esc on a new holiday's name takes it back; a second Esc does not quit.
    session.press(" ");
    session.wait_for("Feriado el 2023-10-12");
    session.press("\x1b");
    session.wait_until_gone("Feriado el 2023-10-12");
    session.press("\x1b");
    thread::sleep(Duration::from_millis(200));
    assert!(
        session.child.try_wait().unwrap().is_none(),
        "Esc does not quit"
    );
    let screen = session.contents();
    assert!(
        screen.contains("12 A4") && !screen.contains("[+]"),
        "{screen}"
    );
    session.press("q");
    session.wait_for_exit();
}

#[test]
fn search_and_text_editing_in_forms() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    session.press("/");
    session.wait_for("Buscar");
    session.press("pipe");
    session.wait_for("4 de 7: A4 Desarrollo de pipelines");
    session.press("\r");
    session.press("n");
    session.wait_for("5 de 7: A5 Integración");
    // Edit A5's name: Ctrl+W deletes the last word.
    session.press("e");
    session.wait_for("Editar actividad A5");
    session.press("\t");
    session.press("\x17");
    session.press("flujos.\r");
    session.wait_for("Cambiada A5");
    session.press("\x1b");
    session.press("s");
    session.wait_for("Guardado");
    session.press("q");
    session.wait_for_exit();
    let saved = cronograma::plan::load_file(&plan).unwrap().plan;
    assert_eq!(
        &*saved.activities[4].name,
        "Integración de modelos de Machine Learning en los flujos."
    );
}

#[test]
fn the_light_theme_and_the_english_interface() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("internship.ron");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/examples/internship-en.ron"
        ),
        &plan,
    )
    .unwrap();
    let mut session = Session::start_with(&plan, &[("CRONOGRAMA_THEME", "light")]);
    let screen = session.wait_for(" Calendar ");
    assert!(
        screen.contains("4 h/day 09:00–13:00") && screen.contains("undo"),
        "{screen}"
    );
    // The header: dark text on light grey.
    assert_eq!(
        session.colours(0, 3),
        (vt100::Color::Idx(25), vt100::Color::Idx(253))
    );
    session.press("q");
    session.wait_for_exit();
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_view_back() {
    let (dir, plan) = temporary_plan();
    let mut session = Session::shell(dir.path());
    session.wait_for("shell$");
    let command = format!("{} {}\r", env!("CARGO_BIN_EXE_cronograma"), plan.display());
    session.press(&command);
    session.wait_for("13 A1");
    session.press("\x1a");
    session.wait_for("Stopped");
    session.blank();
    session.press("fg\r");
    session.wait_for("13 A1");
    session.press("q");
    session.wait_for("shell$");
    session.press("exit\r");
    session.wait_for_exit();
}

#[test]
fn the_config_file_adds_keys_and_sets_the_theme() {
    let (dir, plan) = temporary_plan();
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("cronograma")).unwrap();
    std::fs::write(
        config.join("cronograma/config.ron"),
        r#"(theme: "light", keys: [(key: "w", does: "save")])"#,
    )
    .unwrap();
    let mut session = Session::start_with(&plan, &[("XDG_CONFIG_HOME", config.to_str().unwrap())]);
    session.wait_for("13 A1");
    assert_eq!(
        session.colours(0, 3).1,
        vt100::Color::Idx(253),
        "the light theme"
    );
    add_unnamed_holiday(&mut session, "2023-09-13");
    session.press("w");
    session.wait_for("Guardado");
    session.press("q");
    session.wait_for_exit();
}

/// A config that cannot be used is said on the footer as the view opens (stderr is under
/// the view's screen), with the file, line and column; the view works with the defaults.
#[test]
fn a_broken_config_is_said_on_the_footer_and_the_view_opens() {
    let (dir, plan) = temporary_plan();
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("cronograma")).unwrap();
    std::fs::write(
        config.join("cronograma/config.ron"),
        "(\n  theme: \"blue\",\n)",
    )
    .unwrap();
    let mut session = Session::start_with(&plan, &[("XDG_CONFIG_HOME", config.to_str().unwrap())]);
    let screen = session.wait_for("13 A1");
    assert!(
        screen.contains("config.ron:2:11: theme: \"blue\" is not dark, light or auto"),
        "{screen}"
    );
    session.press("q");
    session.wait_for_exit();
}

/// The tracking story on the seed, two days in: `L` logs the day's hours (and turns tracking
/// on), `D` marks A1 done, `b` saves a baseline and asks before replacing it; undo takes each
/// back, and the saved plan has it all.
#[test]
fn logging_hours_marking_done_and_a_baseline() {
    let (_dir, plan) = temporary_plan();
    let path = plan.to_str().unwrap();
    let mut session = Session::start_args(&["--as-of", "2023-09-14", path]);
    session.wait_for("13 A1");
    session.press("t");
    session.press("L");
    let form = session.wait_for("Registrar horas el 2023-09-14");
    assert!(form.contains("Actividad: A1"), "{form}");
    assert!(form.contains("Horas: 6"), "{form}");
    session.press("\r");
    let screen =
        session.wait_for("Seguimiento activado: el trabajo restante empieza el 2023-09-14");
    assert!(
        screen.contains("A1: 6 h registradas el 2023-09-14"),
        "{screen}"
    );
    // 13 Sep was not logged: its 6 h are gone, and A1's other 36 h start on the 15th.
    // Progress: 6 h of 6 + 36 + 268 = 310 h, 1 %.
    assert!(screen.contains("1 % hecho"), "{screen}");
    assert!(screen.contains("2023-11-29 12:00"), "{screen}");
    session.press("D");
    session.wait_for("A1: terminada");
    session.press("b");
    session.wait_for("Línea base guardada el 2023-09-14: 7 actividades");
    // Done: 6 h of 6 + 268 h, 2 %; the baseline is today's schedule, so no slip.
    let screen = session.wait_for("2 % hecho · a tiempo");
    assert!(screen.contains("  0 42 h"), "{screen}");
    session.press("b");
    session.wait_for("¿Reemplazar la línea base?");
    session.press("n");
    session.wait_until_gone("¿Reemplazar la línea base?");
    session.press("u");
    session.wait_for("Deshecho: línea base");
    session.press("b");
    session.wait_for("Línea base guardada");
    session.press("s");
    session.wait_for("Guardado");
    session.press("q");
    session.wait_for_exit();
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("hours: 42, done: true)"), "{text}");
    assert!(
        text.contains("(date: \"2023-09-14\", code: \"A1\", hours: 6),"),
        "{text}"
    );
    assert!(
        text.contains("    baseline: (\n        saved: \"2023-09-14\","),
        "{text}"
    );
}

/// `--theme auto` with nothing set: the terminal is asked for its background (OSC 11) and a
/// white one gives the light theme, a black one the dark.
#[test]
fn the_terminals_own_background_chooses_the_theme() {
    let (_dir, plan) = temporary_plan();
    for (answer, header) in [
        (
            &b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"[..],
            vt100::Color::Idx(253),
        ),
        (
            &b"\x1b]11;rgb:0000/0000/0000\x07"[..],
            vt100::Color::Idx(236),
        ),
    ] {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cronograma"));
        command.arg(&plan);
        command.env_remove("COLORFGBG");
        command.env_remove("CRONOGRAMA_THEME");
        let mut session = Session::spawn_answering(command, Some(answer));
        session.wait_for("Septiembre 2023");
        assert_eq!(session.colours(0, 3).1, header);
        session.press("q");
        session.wait_for_exit();
    }
}

/// A small, slow CalDAV server on this machine for the view's sync: an empty calendar, and
/// every PUT answered after `delay` (so the sync is seen running). Returns its calendar URL.
fn slow_calendar_server(delay: std::time::Duration) -> String {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/u/cal/",
        listener.local_addr().unwrap().port()
    );
    std::thread::spawn(move || {
        for stream in listener.incoming().take(200) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let (mut request, mut length) = (String::new(), 0usize);
            reader.read_line(&mut request).unwrap_or(0);
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                    break;
                }
                if let Some(value) = header.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let holidays = "<d:multistatus xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:response><d:href>/h/navidad.ics</d:href><d:propstat><d:prop><d:getetag>\"1\"</d:getetag><c:calendar-data>BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:navidad@example.com\r\nDTSTART;VALUE=DATE:20231225\r\nSUMMARY:Navidad\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n</c:calendar-data></d:prop></d:propstat></d:response></d:multistatus>";
            let (status, text) = if request.starts_with("REPORT /h/") {
                (207, holidays)
            } else if request.starts_with("REPORT") {
                (207, "<d:multistatus xmlns:d=\"DAV:\"/>")
            } else {
                std::thread::sleep(delay);
                (201, "")
            };
            let reply = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    url
}

/// `Y` syncs with the calendar server the config file names, on a thread of its own: the
/// footer shows the progress while the view still answers keys, then what was done; `Esc`
/// cancels a sync under way; without a server set up, `Y` says how to set one.
#[test]
fn y_syncs_the_calendar_server_in_the_background() {
    let (dir, plan) = temporary_plan();
    let url = slow_calendar_server(std::time::Duration::from_millis(150));
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("cronograma")).unwrap();
    let holidays = url.replace("/u/cal/", "/h/");
    std::fs::write(
        config.join("cronograma/config.ron"),
        format!("(sync: (url: \"{url}\", holidays_url: \"{holidays}\"))"),
    )
    .unwrap();
    let mut session = Session::start_with(&plan, &[("XDG_CONFIG_HOME", config.to_str().unwrap())]);
    session.wait_for("13 A1");
    session.press("Y");
    session.wait_for("Sincronizando con el servidor de calendario:");
    // The view answers while the sync runs: the cursor moves.
    session.press("l");
    session.wait_for("Jue 14 Sep 2023");
    session.wait_for(
        "Servidor de calendario al día: 10 creados, 0 actualizados, 0 borrados, 0 sin cambios",
    );
    // A second sync, cancelled with Esc.
    session.press("Y");
    session.wait_for("Sincronizando con el servidor de calendario");
    session.press("\x1b");
    session.wait_for("Sincronización detenida: the sync was cancelled");
    // F: the server's holiday calendar, added as one step that u takes back.
    session.press("F");
    session.wait_for("se agregó 1 feriado");
    session.press("u");
    session.wait_for("Deshecho");
    // Back to the plan as loaded: q quits without asking.
    session.press("q");
    session.wait_for_exit();
    // No server set up: Y says how to set one up.
    let mut session = Session::start_with(&plan, &[("XDG_CONFIG_HOME", "/nonexistent")]);
    session.wait_for("13 A1");
    session.press("Y");
    session.wait_for("No hay servidor de calendario");
    session.press("F");
    session.wait_for("No hay calendario de feriados");
    session.press("q");
    session.wait_for_exit();
}

/// `E` exports on a thread of its own: the form offers the workbook beside the plan, Enter
/// writes it, and the footer says where and how big; the view answers meanwhile.
#[test]
fn e_exports_the_workbook_beside_the_plan() {
    let (dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    session.press("E");
    session.wait_for("Exportar el plan");
    session.press("\r");
    session.wait_for("Exportado a");
    let book = std::fs::read(dir.path().join("plan.xlsx")).unwrap();
    assert!(book.starts_with(b"PK\x03\x04"), "a workbook");
    session.press("q");
    session.wait_for_exit();
}

/// The command palette in a real terminal: `:` opens it, typing without accents finds
/// `guardar` (save), Enter runs it; Ctrl+P opens it again and Esc closes it.
#[test]
fn the_command_palette_finds_an_action_by_its_words_and_runs_it() {
    let (_dir, plan) = temporary_plan();
    let mut session = Session::start(&plan);
    session.wait_for("13 A1");
    session.press(":");
    session.wait_for("Comandos");
    session.press("GUARD");
    let screen = session.wait_for("> GUARD");
    assert!(screen.contains("guardar"), "{screen}");
    session.press("\r");
    session.wait_for("Guardado");
    session.press("\x10");
    session.wait_for("Comandos");
    session.press("\x1b");
    session.wait_until_gone("Comandos");
    session.press("q");
    session.wait_for_exit();
}
