//! `App::apply` without a terminal: every action, undo and redo included.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use cronograma::app::form::Edit;
use cronograma::app::{Action, App, Focus, Mode, Question, View, Zoom};
use cronograma::plan::{Hours, load_file};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The repository's plan, copied into a temporary folder so saving is safe.
fn seed_app() -> (tempfile::TempDir, PathBuf, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron"), &path).unwrap();
    let app = App::new(&path, load_file(&path).unwrap(), date("2023-10-02")).unwrap();
    (dir, path, app)
}

fn apply(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.apply(*action);
    }
}

fn end_of(app: &App, code: &str) -> String {
    let index = app
        .plan()
        .activities
        .iter()
        .position(|a| &*a.code == code)
        .unwrap();
    app.schedule().spans()[index]
        .end
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.apply(Action::Type(c));
    }
}

#[test]
fn the_cursor_moves_by_day_week_month_and_jumps() {
    let (_dir, _, mut app) = seed_app();
    assert_eq!(app.cursor, date("2023-09-13"));
    apply(&mut app, &[Action::MoveDays(7), Action::MoveDays(-1)]);
    assert_eq!(app.cursor, date("2023-09-19"));
    app.apply(Action::MoveMonths(1));
    assert_eq!(app.cursor, date("2023-10-19"));
    app.apply(Action::GoToEnd);
    assert_eq!(app.cursor, date("2023-11-28"));
    app.apply(Action::GoToStart);
    assert_eq!(app.cursor, date("2023-09-13"));
    app.apply(Action::GoToToday);
    assert_eq!(app.cursor, date("2023-10-02"));
    app.apply(Action::Pick(date("2024-01-01")));
    assert_eq!(app.cursor, date("2024-01-01"));
}

#[test]
fn a_new_holiday_pushes_everything_after_it_and_gets_a_name() {
    let (_dir, _, mut app) = seed_app();
    app.apply(Action::Pick(date("2023-10-12")));
    app.apply(Action::ToggleHoliday);
    assert!(matches!(app.mode, Mode::Form(_)));
    type_text(&mut app, "Paro");
    app.apply(Action::Confirm);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.is_dirty());
    let holiday = app
        .plan()
        .holidays
        .iter()
        .find(|h| h.date == date("2023-10-12"))
        .unwrap();
    assert_eq!(holiday.name.as_deref(), Some("Paro"));
    assert_eq!(
        app.schedule().spans()[3].start.to_string(),
        "2023-10-17 08:00:00"
    );
    assert_eq!(end_of(&app, "A7"), "2023-11-29 12:00");
    // One undo takes back the holiday and its name together.
    app.apply(Action::Undo);
    assert_eq!(end_of(&app, "A7"), "2023-11-28 12:00");
    assert!(!app.is_dirty());
    app.apply(Action::Redo);
    assert_eq!(end_of(&app, "A7"), "2023-11-29 12:00");
    // Toggling again removes it.
    app.apply(Action::ToggleHoliday);
    assert_eq!(end_of(&app, "A7"), "2023-11-28 12:00");
}

#[test]
fn holidays_shift_with_the_cursor_and_refuse_to_land_on_another() {
    let (_dir, _, mut app) = seed_app();
    app.apply(Action::Pick(date("2023-10-16")));
    app.apply(Action::ShiftHoliday(1));
    assert_eq!(app.cursor, date("2023-10-17"));
    assert!(
        app.plan()
            .holidays
            .iter()
            .any(|h| h.date == date("2023-10-17"))
    );
    app.apply(Action::ShiftHoliday(-4));
    assert_eq!(
        app.cursor,
        date("2023-10-17"),
        "2023-10-13 is a holiday already"
    );
    assert!(app.status.as_ref().unwrap().is_error);
    app.apply(Action::ShiftHoliday(7));
    assert_eq!(app.cursor, date("2023-10-24"));
    app.apply(Action::Pick(date("2023-10-02")));
    app.apply(Action::ShiftHoliday(1));
    assert!(app.status.as_ref().unwrap().text.contains("no es feriado"));
    apply(&mut app, &[Action::Undo, Action::Undo]);
    assert!(
        app.plan()
            .holidays
            .iter()
            .any(|h| h.date == date("2023-10-16"))
    );
    assert!(!app.is_dirty());
}

#[test]
fn activities_are_selected_resized_reordered_added_and_deleted() {
    let (_dir, _, mut app) = seed_app();
    app.apply(Action::SwitchFocus);
    assert_eq!((app.focus, app.view), (Focus::Gantt, View::Gantt));
    apply(&mut app, &[Action::Select(1), Action::Select(1)]);
    assert_eq!(app.selected, 2);
    app.apply(Action::ChangeHours(1));
    assert_eq!(app.plan().activities[2].hours, Hours::from_whole(43));
    app.apply(Action::ChangeHours(-1));
    app.apply(Action::MoveActivity(-1));
    assert_eq!((app.selected, &*app.plan().activities[1].code), (1, "A3"));
    app.apply(Action::AddActivity);
    type_text(&mut app, "\u{7}");
    app.apply(Action::NextField);
    type_text(&mut app, "Revisión");
    app.apply(Action::Confirm);
    assert_eq!(&*app.plan().activities[2].code, "A8");
    assert_eq!(&*app.plan().activities[2].name, "Revisión");
    assert_eq!(app.plan().activities.len(), 8);
    app.apply(Action::DeleteActivity);
    app.apply(Action::Cancel);
    assert_eq!(app.plan().activities.len(), 8);
    app.apply(Action::DeleteActivity);
    app.apply(Action::Confirm);
    assert_eq!(app.plan().activities.len(), 7);
    apply(
        &mut app,
        &[
            Action::Undo,
            Action::Undo,
            Action::Undo,
            Action::Undo,
            Action::Undo,
        ],
    );
    assert_eq!(&*app.plan().activities[2].code, "A3");
    assert!(!app.is_dirty());
    app.apply(Action::Undo);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "No hay nada para deshacer"
    );
}

#[test]
fn the_activity_form_checks_its_fields_inline() {
    let (_dir, _, mut app) = seed_app();
    app.apply(Action::SwitchFocus);
    app.apply(Action::EditActivity);
    apply(
        &mut app,
        &[
            Action::NextField,
            Action::NextField,
            Action::EditText(Edit::Backspace),
            Action::EditText(Edit::Backspace),
        ],
    );
    type_text(&mut app, "0.3");
    app.apply(Action::Confirm);
    let Mode::Form(form) = &app.mode else {
        panic!("the form stays open")
    };
    assert!(form.error.as_deref().unwrap().contains("cuarto de hora"));
    apply(
        &mut app,
        &[
            Action::EditText(Edit::Backspace),
            Action::EditText(Edit::Backspace),
            Action::EditText(Edit::Backspace),
        ],
    );
    type_text(&mut app, "7,5");
    app.apply(Action::PreviousField);
    app.apply(Action::PreviousField);
    apply(
        &mut app,
        &[
            Action::EditText(Edit::Backspace),
            Action::EditText(Edit::Backspace),
        ],
    );
    type_text(&mut app, "A2");
    app.apply(Action::Confirm);
    let Mode::Form(form) = &app.mode else {
        panic!("duplicate code keeps it open")
    };
    assert!(form.error.as_deref().unwrap().contains("ya es el código"));
    apply(&mut app, &[Action::EditText(Edit::Backspace)]);
    type_text(&mut app, "0");
    app.apply(Action::Confirm);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(&*app.plan().activities[0].code, "A0");
    assert_eq!(app.plan().activities[0].hours, Hours::from_quarters(30));
}

#[test]
fn start_and_working_time_are_editable() {
    let (_dir, _, mut app) = seed_app();
    app.apply(Action::Pick(date("2023-09-18")));
    app.apply(Action::SetStart);
    assert_eq!(app.schedule().start().to_string(), "2023-09-18 08:00:00");
    app.apply(Action::EditWorkingTime);
    assert!(matches!(&app.mode, Mode::Form(form) if form.fields[0].value == "08:00-14:00"));
    apply(&mut app, &[Action::EditText(Edit::Backspace); 11]);
    type_text(&mut app, "09:00-16:00");
    app.apply(Action::Confirm);
    // One window stays written as the plan wrote it: `day_start` and `hours_per_day`.
    assert_eq!(app.plan().hours_per_day, Some(Hours::from_whole(7)));
    assert_eq!(app.schedule().start().to_string(), "2023-09-18 09:00:00");
    app.apply(Action::EditWorkingTime);
    apply(&mut app, &[Action::EditText(Edit::Backspace); 11]);
    type_text(&mut app, "08:00-12:00, 13:00-17:00");
    app.apply(Action::Confirm);
    assert_eq!(app.plan().hours_per_day, None);
    assert_eq!(app.plan().windows.as_ref().map(Vec::len), Some(2));
    assert_eq!(
        app.schedule().calendar().hours_per_day(),
        Hours::from_whole(8)
    );
    app.apply(Action::EditWorkingTime);
    type_text(&mut app, ", 16:00-18:00");
    app.apply(Action::Confirm);
    let Mode::Form(form) = &app.mode else {
        panic!("overlapping windows are refused")
    };
    assert!(form.error.as_deref().unwrap().contains("no se superponen"));
    app.apply(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn saving_writes_a_plan_that_loads_back_the_same() {
    let (_dir, path, mut app) = seed_app();
    app.apply(Action::Pick(date("2023-10-12")));
    app.apply(Action::ToggleHoliday);
    app.apply(Action::Confirm);
    app.apply(Action::Save);
    assert!(!app.is_dirty());
    assert!(app.status.as_ref().unwrap().text.starts_with("Guardado"));
    let saved = load_file(&path).unwrap();
    assert_eq!(saved.plan.holidays, app.plan().holidays);
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .starts_with("// Plan de cronograma: README.md")
    );
}

#[test]
fn a_failed_save_keeps_the_edits_and_says_why() {
    let (_dir, _, app) = seed_app();
    let document = load_file(&PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plan.ron"
    )))
    .unwrap();
    let mut app = App::new(Path::new("/no/such/folder/plan.ron"), document, app.today).unwrap();
    app.apply(Action::ToggleHoliday);
    app.apply(Action::Confirm);
    app.apply(Action::Save);
    assert!(app.is_dirty());
    let status = app.status.clone().unwrap();
    assert!(
        status.is_error && status.text.contains("no se puede guardar el plan"),
        // In the plan's language; what the system said is its own words.
        "{status:?}"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let (_dir, path, mut app) = seed_app();
    app.apply(Action::Quit);
    assert!(app.should_quit(), "nothing to lose");
    let (_dir2, _, mut app) = seed_app();
    app.apply(Action::ToggleHoliday);
    app.apply(Action::Confirm);
    app.apply(Action::Quit);
    assert_eq!(app.mode, Mode::Ask(Question::Quit));
    app.apply(Action::Cancel);
    assert!(!app.should_quit());
    app.apply(Action::Quit);
    app.apply(Action::Discard);
    assert!(app.should_quit());
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        include_str!("../plan.ron")
    );
}

#[test]
fn the_quit_question_can_save_then_quit() {
    let (_dir, path, mut app) = seed_app();
    app.apply(Action::ToggleHoliday);
    app.apply(Action::Confirm);
    app.apply(Action::Quit);
    app.apply(Action::Save);
    assert!(app.should_quit());
    let saved = load_file(&path).unwrap();
    assert!(
        saved
            .plan
            .holidays
            .iter()
            .any(|h| h.date == date("2023-09-13"))
    );
}

#[test]
fn views_zoom_and_help_toggle() {
    let (_dir, _, mut app) = seed_app();
    app.apply(Action::SwitchView);
    assert_eq!(app.view, View::Gantt);
    apply(&mut app, &[Action::Zoom, Action::Zoom]);
    assert_eq!(app.zoom, Zoom::Month);
    app.apply(Action::Zoom);
    assert_eq!(app.zoom, Zoom::Day);
    app.apply(Action::Help);
    assert_eq!(app.mode, Mode::Help);
    app.apply(Action::Help);
    assert_eq!(app.mode, Mode::Normal);
    app.apply(Action::PickActivity(5));
    assert_eq!((app.selected, app.focus), (5, Focus::Gantt));
}

#[test]
fn holidays_are_imported_from_a_bundled_calendar_in_one_undoable_step() {
    let (_dir, _, mut app) = seed_app();
    app.apply(Action::ImportHolidays);
    for c in "ar".chars() {
        app.apply(Action::Type(c));
    }
    app.apply(Action::Confirm);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.plan().holidays.len(), 20);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("ar: se agregaron 17 feriados")
    );
    app.apply(Action::Undo);
    assert_eq!(app.plan().holidays.len(), 3);
    app.apply(Action::ImportHolidays);
    for c in "/no/such.ics".chars() {
        app.apply(Action::Type(c));
    }
    app.apply(Action::Confirm);
    let Mode::Form(form) = &app.mode else {
        panic!("the form stays open")
    };
    assert!(
        form.error
            .as_deref()
            .unwrap()
            .contains("/no/such.ics: no se puede leer")
    );
}

#[test]
fn the_holiday_picker_suggests_as_you_type_and_takes_a_unique_name() {
    let (_dir, _, mut app) = seed_app();
    app.apply(Action::ImportHolidays);
    let Mode::Form(form) = &app.mode else {
        panic!("the picker opens")
    };
    assert_eq!(
        form.suggestions.len(),
        6,
        "the first calendars, before typing"
    );
    for c in "madr".chars() {
        app.apply(Action::Type(c));
    }
    let Mode::Form(form) = &app.mode else {
        panic!("still open")
    };
    assert_eq!(form.suggestions, ["es-md   Madrid (Spain)"]);
    // Tab takes the first match; a name that matches one calendar only works as well.
    app.apply(Action::NextField);
    let Mode::Form(form) = &app.mode else {
        panic!("still open")
    };
    assert_eq!(form.value(0), "es-md");
    app.apply(Action::Cancel);
    app.apply(Action::ImportHolidays);
    for c in "madrid".chars() {
        app.apply(Action::Type(c));
    }
    app.apply(Action::Confirm);
    assert_eq!(app.mode, Mode::Normal, "{:?}", app.status);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("madrid: se agregaron")
    );
    assert!(
        app.plan()
            .holidays
            .iter()
            .any(|holiday| holiday.date == date("2023-05-02"))
    );
}

#[test]
fn a_range_can_cover_holidays_already_there_and_each_is_edited_on_its_own() {
    let (_dir, path, mut app) = seed_app();
    let before = end_of(&app, "A7");
    // A week off over 13 and 16 October, which are holidays already.
    app.apply(Action::Pick(date("2023-10-09")));
    app.apply(Action::MarkRange);
    app.apply(Action::Pick(date("2023-10-20")));
    app.apply(Action::ToggleHoliday);
    assert!(
        !app.status.as_ref().is_some_and(|s| s.is_error),
        "{:?}",
        app.status
    );
    app.apply(Action::Confirm);
    let holidays = &app.plan().holidays;
    assert_eq!(
        holidays.len(),
        4,
        "the range and the three holidays, as written"
    );
    assert!(holidays.iter().any(|h| h.until == Some(date("2023-10-20"))));
    // Ten working days off but the two that were holidays already: eight more.
    assert_ne!(end_of(&app, "A7"), before);
    // Space on 13 October takes away that holiday, not the range around it.
    app.apply(Action::Pick(date("2023-10-13")));
    app.apply(Action::ToggleHoliday);
    assert!(
        app.plan()
            .holidays
            .iter()
            .all(|h| h.date != date("2023-10-13"))
    );
    assert!(app.schedule().calendar().is_holiday(date("2023-10-13")));
    // The range moves by a day from one of its own days, over the holiday on the 16th.
    app.apply(Action::Pick(date("2023-10-10")));
    app.apply(Action::ShiftHoliday(1));
    assert!(!app.status.as_ref().unwrap().is_error, "{:?}", app.status);
    assert!(
        app.plan()
            .holidays
            .iter()
            .any(|h| h.date == date("2023-10-10") && h.until == Some(date("2023-10-21")))
    );
    app.apply(Action::Save);
    let saved = load_file(&path).unwrap();
    assert_eq!(saved.plan.holidays, app.plan().holidays, "kept as written");
}

#[test]
fn activities_from_a_spreadsheet_replace_the_plans_in_one_undoable_step() {
    let (dir, _, mut app) = seed_app();
    let csv = dir.path().join("tareas.csv");
    fs::write(&csv, "Code;Name;Hours\nL1;Leer;7,5\nL2;Escribir;12\n").unwrap();
    app.apply(Action::ImportActivities);
    type_text(&mut app, &csv.display().to_string());
    app.apply(Action::Confirm);
    assert_eq!(app.mode, Mode::Normal, "{:?}", app.status);
    let codes: Vec<&str> = app.plan().activities.iter().map(|a| &*a.code).collect();
    assert_eq!(codes, ["L1", "L2"]);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("2 actividades de")
    );
    assert_eq!(app.plan().holidays.len(), 3, "the calendar stays");
    app.apply(Action::Undo);
    assert_eq!(app.plan().activities.len(), 7);
    // A broken file keeps the form open with the line at fault.
    fs::write(&csv, "code,hours\nA,x\n").unwrap();
    app.apply(Action::ImportActivities);
    type_text(&mut app, &csv.display().to_string());
    app.apply(Action::Confirm);
    match &app.mode {
        Mode::Form(form) => assert!(
            form.error
                .as_deref()
                .unwrap()
                .contains(":2: \"x\" no es una cantidad de horas")
        ),
        other => panic!("the form stays open: {other:?}"),
    }
}

/// In a tracked plan, the view's import keeps what a spreadsheet does not carry (A1's `done`),
/// and refuses, saying which, a spreadsheet without an activity the log has hours for.
#[test]
fn a_tracked_plans_spreadsheet_keeps_done_and_may_not_drop_logged_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.ron");
    let tracked = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/tracked.ron");
    fs::copy(tracked, &path).unwrap();
    let mut app = App::new(&path, load_file(&path).unwrap(), date("2023-10-10")).unwrap();
    let csv = dir.path().join("tareas.csv");
    let import = |app: &mut App, rows: &str| {
        fs::write(&csv, format!("code,name,hours\n{rows}")).unwrap();
        app.apply(Action::ImportActivities);
        type_text(app, &csv.display().to_string());
        app.apply(Action::Confirm);
    };
    import(&mut app, "A1,Leer,42\nA3,Diseñar,40\n");
    match &app.mode {
        Mode::Form(form) => assert_eq!(
            form.error.as_deref(),
            Some("A2 no está en la planilla, y el registro tiene horas suyas")
        ),
        other => panic!("the form stays open: {other:?}"),
    }
    app.apply(Action::Cancel);
    import(&mut app, "A1,Leer,42\nA2,Evaluar,42\nA3,Diseñar,40\n");
    assert_eq!(app.mode, Mode::Normal, "{:?}", app.status);
    assert!(app.plan().activities[0].done, "A1 stays done");
    assert_eq!(&*app.plan().activities[2].name, "Diseñar");
}

/// `+` and `-` keep only the activity on the undo history (not a copy of the plan): undo and
/// redo of such steps, between others, give back each plan and a schedule equal to one made
/// from scratch.
#[test]
fn hour_edits_undo_and_redo_one_activity_at_a_time() {
    let (_dir, _, mut app) = seed_app();
    let original = app.plan().clone();
    let hours =
        |app: &App| -> Vec<Hours> { app.plan().activities.iter().map(|a| a.hours).collect() };
    let fresh = |app: &App| cronograma::schedule::schedule_as_of(app.plan(), app.today).unwrap();
    app.apply(Action::SwitchFocus);
    app.apply(Action::ChangeHours(2));
    app.apply(Action::Select(3));
    app.apply(Action::ChangeHours(-1));
    app.apply(Action::MoveActivity(-1));
    app.apply(Action::ChangeHours(1));
    let edited = hours(&app);
    assert_eq!(edited[0], Hours::from_whole(44));
    assert_eq!(
        edited[2],
        Hours::from_whole(48),
        "A4: one less, moved up, one more"
    );
    assert_eq!(edited[3], Hours::from_whole(42));
    assert_eq!(app.schedule(), &fresh(&app));
    app.apply(Action::Undo);
    assert_eq!(hours(&app)[2], Hours::from_whole(47));
    assert_eq!(app.schedule(), &fresh(&app));
    apply(&mut app, &[Action::Undo, Action::Undo, Action::Undo]);
    assert_eq!(app.plan(), &original);
    assert_eq!(app.schedule(), &fresh(&app));
    assert!(!app.is_dirty());
    apply(
        &mut app,
        &[Action::Redo, Action::Redo, Action::Redo, Action::Redo],
    );
    assert_eq!(hours(&app), edited);
    assert_eq!(app.schedule(), &fresh(&app));
    assert_eq!(app.status.as_ref().unwrap().text, "Rehecho: horas de A4");
}

/// An edit that changes nothing is no change: no undo step, the plan not dirty, tracking not
/// switched on, and the footer says "nothing to change" in the plan's language.
#[test]
fn an_edit_that_changes_nothing_says_so_and_is_no_step() {
    let (_dir, _, mut app) = seed_app();
    app.apply(Action::EditWorkingTime);
    app.apply(Action::Confirm);
    assert_eq!(app.mode, Mode::Normal, "the form closes");
    let status = app.status.clone().unwrap();
    assert_eq!(
        (status.text.as_str(), status.is_error),
        ("nada que cambiar: el plan ya lo dice", false)
    );
    assert!(!app.is_dirty());
    // Logging 0 h on a day nothing was logged does not turn tracking on.
    app.apply(Action::Pick(date("2023-09-13")));
    app.apply(Action::LogHours);
    let Mode::Form(_) = &app.mode else {
        panic!("the log form opens")
    };
    app.apply(Action::NextField);
    apply(&mut app, &[Action::EditText(Edit::Backspace); 4]);
    type_text(&mut app, "0");
    app.apply(Action::Confirm);
    assert!(!app.plan().is_tracked(), "tracking stays off");
    assert_eq!(
        app.status.as_ref().map(|status| status.text.as_str()),
        Some("nada que cambiar: el plan ya lo dice")
    );
    app.apply(Action::Undo);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("No hay nada para deshacer"),
        "{:?}",
        app.status
    );
}

/// A plan that logs work after today (saved while the view ran with a later `--as-of`) opens,
/// followed as of its last logged day, and the footer says so (issue 33).
#[test]
fn a_plan_logged_after_today_opens_as_of_its_last_logged_day() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/examples/tracked.ron"
    ));
    let app = App::new(path, load_file(path).unwrap(), date("2023-10-01")).unwrap();
    assert_eq!(app.schedule().as_of(), date("2023-10-10"));
    let status = app.status.as_ref().expect("the footer says why");
    assert!(!status.is_error);
    assert!(
        status.text.contains("2023-10-10, después del 2023-10-01"),
        "{}",
        status.text
    );
    let today = App::new(path, load_file(path).unwrap(), date("2023-10-10")).unwrap();
    assert!(today.status.is_none());
}

/// `Y` with busy calendars: what the server's calendars hold goes into the plan as one step
/// that `u` takes back, and the footer says, with the sync's end, what it moved and why.
#[test]
fn busy_time_pulled_before_a_sync_is_one_undoable_step_and_said() {
    use cronograma::app::SyncReport;
    use cronograma::import::pulled::{Answer, PulledCalendar};
    let (_dir, _path, mut app) = seed_app();
    let before = app.plan().clone();
    assert_eq!(end_of(&app, "A1"), "2023-09-21 14:00");
    // Local time is the machine's: a floating free-busy period is taken as it is.
    let answer = "BEGIN:VCALENDAR\r\nBEGIN:VFREEBUSY\r\nFREEBUSY:20230914T100000/20230914T120000\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n";
    let calendars = [PulledCalendar {
        source: "https://h/ana/uni/".into(),
        who: None,
        name: "uni".into(),
        answer: Answer::FreeBusy(answer.as_bytes().to_vec()),
    }];
    assert!(app.busy_pulled(&calendars));
    assert_eq!(end_of(&app, "A1"), "2023-09-22 10:00");
    assert_eq!(app.plan().busy.len(), 1);
    app.sync_reported(SyncReport::Done {
        created: 1,
        updated: 2,
        deleted: 0,
        unchanged: 50,
        refused: 0,
    });
    let said = app.status.as_ref().unwrap().text.clone();
    assert!(
        said.contains("ocupado: 1 bloques traídos, 0 reemplazados; 7 actividades movidas · A1 termina el Vie 22 10:00, antes el Jue 21 14:00: \"uni\" Jue 14 10:00–12:00"),
        "{said}"
    );
    app.apply(Action::Undo);
    assert_eq!(app.plan(), &before);
    // A calendar for someone the plan does not have stops the sync before the push.
    let wrong = [PulledCalendar {
        who: Some("Bea".into()),
        ..calendars[0].clone()
    }];
    assert!(!app.busy_pulled(&wrong));
    assert!(app.status.as_ref().unwrap().is_error);
    assert_eq!(app.plan(), &before);
}

/// `i` offers busy time beside holidays: the second field says what the file is.
#[test]
fn the_import_form_brings_busy_time_too_in_one_undoable_step() {
    let (dir, _, mut app) = seed_app();
    let file = dir.path().join("clases.ics");
    fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x@y\r\nDTSTART:20230919T100000\r\nDTEND:20230919T115000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:Álgebra\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let end_before = end_of(&app, "A7");
    let import_as = |app: &mut App, kind: &str| {
        app.apply(Action::ImportHolidays);
        type_text(app, file.to_str().unwrap());
        // Tab: no calendar's name to complete, so on to the second field.
        app.apply(Action::NextField);
        app.apply(Action::EditText(Edit::KillToStart));
        type_text(app, kind);
        app.apply(Action::Confirm);
    };
    import_as(&mut app, "Ocupado");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.plan().busy.len(), 1);
    assert!(app.plan().busy[0].weekly);
    let said = &app.status.as_ref().unwrap().text;
    assert!(
        said.ends_with("clases.ics: se agregó 1 bloque ocupado (ocurrencias: 4)"),
        "{said}"
    );
    assert_ne!(end_of(&app, "A7"), end_before);
    app.apply(Action::Undo);
    assert!(app.plan().busy.is_empty());
    assert_eq!(end_of(&app, "A7"), end_before);
    import_as(&mut app, "Bea");
    let Mode::Form(form) = &app.mode else {
        panic!("the form stays open")
    };
    let error = form.error.as_deref().unwrap();
    assert!(
        error.contains("\"Bea\" no es feriados, ocupado ni una persona"),
        "{error}"
    );
}

/// The error the open form shows, if any.
fn form_error(app: &App) -> Option<String> {
    match &app.mode {
        Mode::Form(form) => form.error.clone(),
        _ => None,
    }
}

/// `E` asks for a format and a file: the workbook beside the plan by default; the terminal
/// loop writes it (here, by hand, with the function it runs on its thread) and the footer says
/// where and how big. An unknown format lists the formats; a second export waits for the first.
#[test]
fn e_exports_the_plan_to_a_file_named_in_a_form() {
    use cronograma::app::export::write_export;
    let (dir, path, mut app) = seed_app();
    app.apply(Action::Export);
    assert!(matches!(app.mode, Mode::Form(_)));
    app.apply(Action::Confirm);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        format!("Exportando a {}…", dir.path().join("plan.xlsx").display())
    );
    let job = app.take_export_request().expect("an export asked for");
    assert_eq!(job.path, dir.path().join("plan.xlsx"));
    assert!(app.take_export_request().is_none(), "asked once");
    // While it runs, another waits: the form says so.
    apply(&mut app, &[Action::Export, Action::Confirm]);
    assert_eq!(
        form_error(&app).as_deref(),
        Some("Ya hay una exportación en curso")
    );
    app.apply(Action::Cancel);
    let outcome = write_export(&job, app.plan(), app.schedule(), &path);
    app.export_finished(&job, outcome);
    let written = fs::read(&job.path).unwrap();
    assert!(written.starts_with(b"PK\x03\x04"), "a workbook");
    let said = &app.status.as_ref().unwrap().text;
    assert!(
        said.starts_with("Exportado a ") && said.ends_with(" KB)"),
        "{said}"
    );
    // Another format and file, typed.
    app.apply(Action::Export);
    for _ in 0..4 {
        app.apply(Action::EditText(Edit::Backspace));
    }
    type_text(&mut app, "pdf");
    app.apply(Action::NextField);
    type_text(&mut app, "informe.pdf");
    app.apply(Action::Confirm);
    let job = app.take_export_request().unwrap();
    assert_eq!(job.path, dir.path().join("informe.pdf"));
    let outcome = write_export(&job, app.plan(), app.schedule(), &path);
    app.export_finished(&job, outcome);
    assert!(
        fs::read(dir.path().join("informe.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    // A format that is none: the formats are listed, nothing is asked.
    app.apply(Action::Export);
    for _ in 0..4 {
        app.apply(Action::EditText(Edit::Backspace));
    }
    type_text(&mut app, "docx");
    app.apply(Action::Confirm);
    let error = form_error(&app).unwrap();
    assert!(
        error.contains("«docx» no es un formato: md, json"),
        "{error}"
    );
    assert!(app.take_export_request().is_none());
    // The plan itself is never written over.
    app.apply(Action::Cancel);
    let over_the_plan = cronograma::app::export::ExportJob {
        output: cronograma::export::Output::Xlsx,
        path: path.clone(),
    };
    let refused = write_export(&over_the_plan, app.plan(), app.schedule(), &path);
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("that is the plan itself")
    );
}

/// A key of the Gantt pressed on the calendars (`a`, add an activity) moves to the Gantt and
/// does it there, so the form's activity is in view even where only one pane shows (80×24);
/// a key bound in both panes does what the focused pane binds it to.
#[test]
fn a_key_of_the_other_pane_brings_that_pane_into_view() {
    use cronograma::app::key::{Key, KeyCode, KeyModifiers};
    let (_dir, _path, mut app) = seed_app();
    assert_eq!(app.focus, Focus::Calendar);
    let a = Key::new(KeyCode::Char('a'), KeyModifiers::NONE);
    let action = app.action_for_key(&a);
    assert_eq!(action, Some(Action::AddActivity));
    assert_eq!((app.focus, app.view), (Focus::Gantt, View::Gantt));
    app.apply(action.unwrap());
    assert!(matches!(app.mode, Mode::Form(_)));
    // `j` is the calendars' next week there: it stays on the calendars.
    app.apply(Action::Cancel);
    app.apply(Action::SwitchFocus);
    let j = Key::new(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(app.action_for_key(&j), Some(Action::MoveDays(7)));
    assert_eq!(app.focus, Focus::Calendar);
}

/// `L` (issue 38): a day still to come is refused before the form opens; a past day whose work
/// the plan moved past the status date offers the activity in progress and the day's working
/// hours, not 0; a day with entries says in the form's title what is logged on it.
#[test]
fn logging_a_day_offers_what_makes_sense() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/examples/tracked.ron"
    ));
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("tracked.ron");
    fs::copy(path, &copy).unwrap();
    let mut app = App::new(&copy, load_file(&copy).unwrap(), date("2023-10-12")).unwrap();
    app.apply(Action::Pick(date("2023-10-20")));
    app.apply(Action::LogHours);
    assert_eq!(app.mode, Mode::Normal, "no form for a day to come");
    let status = app.status.clone().unwrap();
    assert!(
        status.is_error && status.text.contains("es posterior a hoy"),
        "{status:?}"
    );
    // 2023-10-11 has nothing planned (remaining work starts on the status date, the 12th),
    // and nothing logged: A2, in progress, and a working day's 6 h are offered.
    app.apply(Action::Pick(date("2023-10-11")));
    app.apply(Action::LogHours);
    let Mode::Form(form) = &app.mode else {
        panic!("the log form opens")
    };
    assert_eq!((form.value(0), form.value(1)), ("A2", "6"));
    app.apply(Action::Cancel);
    // A day with entries: its title says what is logged.
    app.apply(Action::Pick(date("2023-09-14")));
    app.apply(Action::LogHours);
    let Mode::Form(form) = &app.mode else {
        panic!("the log form opens")
    };
    assert!(
        form.title.contains("(registrado: A1 6 h)"),
        "{}",
        form.title
    );
    assert_eq!((form.value(0), form.value(1)), ("A1", "6"));
}

/// `:` opens the palette; what is typed filters it; Enter runs the chosen command on its own
/// pane (a Gantt command chosen from the calendars moves there), as its key would; Esc
/// closes it without doing anything.
#[test]
fn the_command_palette_runs_what_is_chosen_on_its_pane() {
    let (_dir, _path, mut app) = seed_app();
    assert_eq!(app.focus, Focus::Calendar);
    let first = app.selected;
    app.apply(Action::Palette);
    assert!(matches!(app.mode, Mode::Palette(_)));
    for c in "ACTIVIDAD SIGUIENTE".chars() {
        app.apply(Action::Type(c));
    }
    app.apply(Action::Confirm);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.focus, Focus::Gantt);
    assert_eq!(app.selected, first + 1);
    // A command that opens a form opens it; Backspace and Ctrl+U edit the filter.
    app.apply(Action::Palette);
    for c in "exportarx".chars() {
        app.apply(Action::Type(c));
    }
    app.apply(Action::EditText(Edit::Backspace));
    app.apply(Action::Confirm);
    assert!(matches!(app.mode, Mode::Form(_)), "{:?}", app.mode);
    app.apply(Action::Cancel);
    // Esc closes it, and nothing changed.
    let revision = app.plan().clone();
    app.apply(Action::Palette);
    app.apply(Action::Type('u'));
    app.apply(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(*app.plan(), revision);
    // Enter with nothing matching says so, and the palette stays open.
    app.apply(Action::Palette);
    for c in "zzz".chars() {
        app.apply(Action::Type(c));
    }
    app.apply(Action::Confirm);
    assert!(matches!(app.mode, Mode::Palette(_)));
    assert!(app.status.as_ref().unwrap().text.contains("«zzz»"));
}

/// Holidays and days with their own hours: the later, explicit action wins, says so on the
/// footer, and one undo takes it back (issue 38).
#[test]
fn the_later_of_a_holiday_and_a_days_own_hours_wins_and_says_so() {
    let (_dir, _, mut app) = seed_app();
    let footer = |app: &App| app.status.as_ref().unwrap().text.clone();
    let own_hours = |app: &App, day: &str| {
        (app.plan().exceptions.iter())
            .find(|exception| exception.date == date(day))
            .map(|exception| exception.hours.unwrap())
    };
    // Hours given to a holiday win over it, and the title and the footer name the holiday.
    app.apply(Action::Pick(date("2023-10-13")));
    app.apply(Action::ToggleException);
    let Mode::Form(form) = &app.mode else {
        panic!("the hours are asked")
    };
    assert_eq!(
        form.title,
        "Trabajar el 2023-10-13, feriado (Feriado con fines turísticos)"
    );
    assert_eq!(form.value(0), "6");
    app.apply(Action::Confirm);
    assert_eq!(
        footer(&app),
        "2023-10-13: 6 h, aunque es feriado (Feriado con fines turísticos)"
    );
    assert_eq!(
        app.schedule().calendar().capacity(date("2023-10-13")),
        Hours::from_whole(6)
    );
    // A range over it, marked later, takes the day off again: the footer names the day.
    app.apply(Action::Pick(date("2023-10-09")));
    app.apply(Action::MarkRange);
    app.apply(Action::Pick(date("2023-10-13")));
    app.apply(Action::ToggleHoliday);
    type_text(&mut app, "Semana de exámenes");
    app.apply(Action::Confirm);
    assert_eq!(
        footer(&app),
        "2023-10-09 – 2023-10-13 ahora son feriados; el 2023-10-13 pierde sus horas propias"
    );
    assert_eq!(own_hours(&app, "2023-10-13"), None);
    assert!(
        app.schedule()
            .calendar()
            .capacity(date("2023-10-13"))
            .is_zero()
    );
    // One undo brings the range's day its hours back.
    app.apply(Action::Undo);
    assert_eq!(own_hours(&app, "2023-10-13"), Some(Hours::from_whole(6)));
    // A holiday moved onto days with their own hours takes them; days it left keep theirs.
    app.apply(Action::Pick(date("2023-10-17")));
    app.apply(Action::ToggleException);
    app.apply(Action::Confirm);
    assert_eq!(own_hours(&app, "2023-10-17"), Some(Hours::from_whole(3)));
    app.apply(Action::Pick(date("2023-10-16")));
    app.apply(Action::ShiftHoliday(1));
    assert_eq!(
        footer(&app),
        "Feriado movido del 2023-10-16 al 2023-10-17; el 2023-10-17 pierde sus horas propias"
    );
    assert_eq!(own_hours(&app, "2023-10-17"), None);
    assert_eq!(own_hours(&app, "2023-10-13"), Some(Hours::from_whole(6)));
    // An import over a day given hours: the report names it.
    app.apply(Action::Pick(date("2023-12-25")));
    app.apply(Action::ToggleException);
    app.apply(Action::Confirm);
    app.apply(Action::ImportHolidays);
    type_text(&mut app, "ar");
    app.apply(Action::Confirm);
    let said = footer(&app);
    assert!(said.starts_with("ar: se agregaron 1"), "{said}");
    assert!(
        said.ends_with("; el 2023-12-25 pierde sus horas propias"),
        "{said}"
    );
    assert_eq!(own_hours(&app, "2023-12-25"), None);
    app.apply(Action::Undo);
    assert_eq!(own_hours(&app, "2023-12-25"), Some(Hours::from_whole(3)));
}

/// The new-plan form offers the working days in the plan's words and reads them back: a
/// Spanish student sees `Lun Mar Mié Jue Vie`, not `Mon Tue …` (issue 38).
#[test]
fn the_new_plan_form_names_the_days_in_the_plans_language() {
    use cronograma::plan::Locale;
    use cronograma::plan::template::NewPlan;
    for (locale, days) in [
        (Locale::ES, "Lun Mar Mié Jue Vie"),
        (Locale::PT_BR, "Seg Ter Qua Qui Sex"),
        (Locale::EN, "Mon Tue Wed Thu Fri"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tesis.ron");
        let mut values = NewPlan::defaults("tesis", date("2026-03-02"));
        values.locale = locale;
        let mut app = App::new_plan(&path, values, date("2026-03-02")).unwrap();
        let Mode::Form(form) = &app.mode else {
            panic!("the new-plan form opens")
        };
        assert_eq!(form.value(4), days, "{locale:?}");
        app.apply(Action::Confirm);
        let written = load_file(&path).unwrap().plan;
        assert_eq!(written.workdays.len(), 5, "{locale:?}");
        assert_eq!(written.locale, locale);
    }
}
