//! The view for daily use (issue 11), through `App::apply` and `TestBackend`: undo that goes to
//! the change and says what, every action saying what it did, Esc cancelling a whole action,
//! search, paging, the detail line, both languages and both themes.

use std::path::Path;

use chrono::NaiveDate;
use cronograma::app::form::Edit;
use cronograma::app::{Action, App, Focus, Mode};
use cronograma::palette::Theme;
use cronograma::plan::{Hours, load_file};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");
const ENGLISH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/examples/internship-en.ron"
);

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn open(path: &str) -> App {
    let path = Path::new(path);
    App::new(path, load_file(path).unwrap(), date("2023-10-04")).unwrap()
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.apply(Action::Type(c));
    }
}

fn screen(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| cronograma::ui::draw(frame, app))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn undo_goes_back_to_the_change_and_says_what_it_undid() {
    let mut app = open(SEED);
    app.apply(Action::Pick(date("2023-10-12")));
    app.apply(Action::ToggleHoliday);
    type_text(&mut app, "Paro docente");
    app.apply(Action::Confirm);
    assert_eq!(status(&app), "2023-10-12 ahora es feriado");
    app.apply(Action::Pick(date("2023-10-17")));
    app.apply(Action::Undo);
    assert_eq!(
        app.cursor,
        date("2023-10-12"),
        "the cursor goes to the change"
    );
    assert_eq!(status(&app), "Deshecho: feriado 2023-10-12 Paro docente");
    app.apply(Action::Pick(date("2023-11-01")));
    app.apply(Action::Redo);
    assert_eq!(app.cursor, date("2023-10-12"));
    assert_eq!(status(&app), "Rehecho: feriado 2023-10-12 Paro docente");
    // Right after, Shift+← acts on the holiday where the cursor now is.
    app.apply(Action::ShiftHoliday(-1));
    assert_eq!(status(&app), "Feriado movido del 2023-10-12 al 2023-10-11");
}

#[test]
fn presses_of_plus_in_a_row_are_one_step_and_every_action_says_what_it_did() {
    let mut app = open(SEED);
    app.apply(Action::SwitchFocus);
    assert_eq!(status(&app), "Las teclas van al Gantt");
    app.apply(Action::SwitchFocus);
    assert_eq!(status(&app), "Las teclas van a los calendarios");
    app.apply(Action::SwitchFocus);
    app.apply(Action::Select(2));
    for _ in 0..3 {
        app.apply(Action::ChangeHours(1));
    }
    assert_eq!(status(&app), "A3 ahora lleva 45 h");
    app.apply(Action::Undo);
    assert_eq!(
        app.plan().activities[2].hours,
        Hours::from_whole(42),
        "one undo"
    );
    assert_eq!(status(&app), "Deshecho: horas de A3");
    app.apply(Action::MoveActivity(1));
    assert_eq!(status(&app), "A3 pasó al lugar 4");
    app.apply(Action::AddActivity);
    app.apply(Action::Confirm);
    assert_eq!(status(&app), "Agregada A8");
    app.apply(Action::Zoom);
    assert_eq!(status(&app), "Zoom del Gantt: una columna por semana");
    app.apply(Action::EditWorkingTime);
    app.apply(Action::Confirm);
    assert_eq!(status(&app), "nada que cambiar: el plan ya lo dice");
    app.apply(Action::EditWorkingTime);
    for _ in 0..5 {
        app.apply(Action::EditText(Edit::Backspace));
    }
    for c in "15:00".chars() {
        app.apply(Action::Type(c));
    }
    app.apply(Action::Confirm);
    assert_eq!(status(&app), "Horario: 7 h por día, 08:00–15:00");
    // A range says it is a range.
    app.apply(Action::Pick(date("2023-11-06")));
    app.apply(Action::MarkRange);
    app.apply(Action::Pick(date("2023-11-10")));
    app.apply(Action::ToggleHoliday);
    app.apply(Action::Confirm);
    assert_eq!(status(&app), "2023-11-06 – 2023-11-10 ahora son feriados");
}

#[test]
fn esc_on_a_new_holidays_name_takes_the_holiday_back() {
    let mut app = open(SEED);
    app.apply(Action::Pick(date("2023-10-12")));
    app.apply(Action::ToggleHoliday);
    assert!(matches!(app.mode, Mode::Form(_)));
    app.apply(Action::Cancel);
    assert_eq!(app.plan().holidays.len(), 3);
    assert!(!app.is_dirty());
    app.apply(Action::Redo);
    assert_eq!(status(&app), "No hay nada para rehacer", "no trace left");
    // Esc in the view never quits.
    app.apply(Action::Cancel);
    assert!(!app.should_quit());
}

#[test]
fn fields_edit_like_a_shell_line() {
    let mut app = open(SEED);
    app.apply(Action::SwitchFocus);
    app.apply(Action::EditActivity);
    app.apply(Action::NextField);
    // "Búsqueda y revisión bibliográfica. Contextualización." → keep the first two words.
    app.apply(Action::EditText(Edit::Home));
    for _ in 0..19 {
        app.apply(Action::EditText(Edit::Right));
    }
    app.apply(Action::EditText(Edit::KillToEnd));
    type_text(&mut app, " de fuentes");
    app.apply(Action::EditText(Edit::KillWord));
    type_text(&mut app, "bibliografía");
    app.apply(Action::Confirm);
    assert_eq!(
        &*app.plan().activities[0].name,
        "Búsqueda y revisión de bibliografía"
    );
}

#[test]
fn search_finds_codes_and_names_as_typed_and_n_goes_on() {
    let mut app = open(SEED);
    app.apply(Action::Search);
    type_text(&mut app, "PIPE");
    assert_eq!(
        (app.selected, app.focus),
        (3, Focus::Gantt),
        "A4: Desarrollo de pipelines"
    );
    assert_eq!(app.cursor, date("2023-10-12"), "the calendars follow");
    app.apply(Action::Confirm);
    app.apply(Action::SearchNext);
    assert_eq!(app.selected, 4, "A5: … en los pipelines");
    app.apply(Action::SearchNext);
    assert_eq!(app.selected, 5, "A6: … de los pipelines");
    app.apply(Action::SearchNext);
    assert_eq!(app.selected, 3, "around again");
    app.apply(Action::SearchPrevious);
    assert_eq!(app.selected, 5);
    // Esc puts the selection back where the search started; accents do not count.
    app.apply(Action::Search);
    type_text(&mut app, "redaccion");
    assert_eq!(app.selected, 6);
    app.apply(Action::Cancel);
    assert_eq!(app.selected, 5);
    app.apply(Action::Search);
    type_text(&mut app, "zzz");
    assert!(app.status.as_ref().unwrap().is_error);
}

#[test]
fn first_last_and_pages_of_activities() {
    let mut app = open(SEED);
    app.apply(Action::SwitchFocus);
    app.apply(Action::LastActivity);
    assert_eq!(app.selected, 6);
    assert_eq!(app.cursor, date("2023-11-14"));
    app.apply(Action::FirstActivity);
    assert_eq!(app.selected, 0);
    app.apply(Action::ViewRows(3));
    app.apply(Action::PageRows(1));
    assert_eq!(app.selected, 3);
    app.apply(Action::PageRows(-1));
    assert_eq!(app.selected, 0);
}

#[test]
fn the_detail_line_says_what_is_under_the_cursor() {
    let mut app = open(SEED);
    app.apply(Action::Pick(date("2023-10-17")));
    let text = text_of(&screen(&app, 120, 40));
    assert!(
        text.contains(" Mar 17 Oct 2023: A4 6 h 08:00–14:00"),
        "{text}"
    );
    app.apply(Action::Pick(date("2023-10-16")));
    let text = text_of(&screen(&app, 120, 40));
    assert!(
        text.contains(" Lun 16 Oct 2023 · feriado: Día del Respeto a la Diversidad Cultural"),
        "{text}"
    );
    app.apply(Action::SwitchFocus);
    app.apply(Action::Select(3));
    let text = text_of(&screen(&app, 120, 40));
    assert!(
        text.contains(
            " A4 Desarrollo de pipelines de flujo de trabajo. · 48 h · 2023-10-12 08:00 → 2023-10-25 14:00 · crítica"
        ),
        "{text}"
    );
    // The edit form shows the computed dates.
    app.apply(Action::EditActivity);
    let text = text_of(&screen(&app, 120, 40));
    assert!(
        text.contains("Editar actividad A4 · 2023-10-12 08:00 → 2023-10-25 14:00"),
        "{text}"
    );
}

#[test]
fn an_english_plan_gets_an_english_interface_and_a_spanish_one_a_spanish_one() {
    let english = text_of(&screen(&open(ENGLISH), 120, 40));
    for words in [
        " Calendar ",
        "Gantt · day zoom",
        " Activity",
        "undo",
        "save",
    ] {
        assert!(english.contains(words), "{words} in\n{english}");
    }
    let spanish = text_of(&screen(&open(SEED), 120, 40));
    for words in [
        " Calendario ",
        "zoom por día",
        " Actividad",
        "deshacer",
        "guardar",
    ] {
        assert!(spanish.contains(words), "{words} in\n{spanish}");
    }
}

#[test]
fn the_light_theme_paints_light_backgrounds_with_dark_text() {
    let light = Theme::light();
    let app = open(SEED).with_theme(light.clone());
    let buffer = screen(&app, 120, 40);
    // The header: dark text on a light grey, whatever the terminal's own colours.
    assert_eq!(buffer[(2, 0)].bg, Color::Indexed(253));
    assert_eq!(buffer[(2, 0)].fg, light.header_title.fg.unwrap());
    // Holidays and codes in the light theme's darker colours.
    let text = text_of(&buffer);
    let row = text.lines().position(|line| line.contains("13 F")).unwrap() as u16;
    let column = text
        .lines()
        .nth(row as usize)
        .unwrap()
        .find("13 F")
        .unwrap();
    let x = text.lines().nth(row as usize).unwrap()[..column]
        .chars()
        .count() as u16;
    assert_eq!(buffer[(x, row)].fg, light.holiday);
    // The Gantt's cursor column is a light band, not a dark bar.
    let app = {
        let mut app = open(SEED).with_theme(light.clone());
        app.apply(Action::SwitchFocus);
        app
    };
    let buffer = screen(&app, 120, 40);
    let painted = (0..120u16)
        .flat_map(|x| (0..40u16).map(move |y| (x, y)))
        .filter(|at| buffer[*at].bg == Color::Indexed(254))
        .count();
    assert!(painted > 0, "the cursor column uses the light band");
}

/// Text snapshots at three sizes in both languages (the themes change colours only, which
/// the style assertions above check).
#[test]
fn snapshots_at_three_sizes_in_both_languages() {
    for (name, path) in [("es", SEED), ("en", ENGLISH)] {
        for (width, height) in [(80, 24), (120, 40), (200, 50)] {
            let mut app = open(path);
            app.apply(Action::GoToStart);
            let text = text_of(&screen(&app, width, height));
            insta::assert_snapshot!(format!("daily_{name}_{width}x{height}"), text);
            app.apply(Action::SwitchFocus);
            let text = text_of(&screen(&app, width, height));
            insta::assert_snapshot!(format!("daily_{name}_{width}x{height}_gantt"), text);
        }
    }
}

#[test]
fn the_help_turns_pages_on_a_small_screen_and_has_the_legend() {
    let mut app = open(SEED);
    app.apply(Action::Help);
    let first = text_of(&screen(&app, 80, 24));
    assert!(first.contains("Teclas 1/4"), "{first}");
    app.apply(Action::HelpPage(1));
    app.apply(Action::HelpPage(1));
    let third = text_of(&screen(&app, 80, 24));
    app.apply(Action::HelpPage(1));
    // The legend runs over the last two pages.
    let last = format!("{third}{}", text_of(&screen(&app, 80, 24)));
    assert!(
        last.contains("Teclas 4/4") && last.contains("Leyenda"),
        "{last}"
    );
    assert!(
        last.contains("F  feriado") && last.contains("A3+") && last.contains("mouse"),
        "{last}"
    );
    app.apply(Action::Quit);
    assert_eq!(app.mode, Mode::Normal, "another key closes it");
    assert!(!app.should_quit());
    // On a large screen, one page.
    app.apply(Action::Help);
    let whole = text_of(&screen(&app, 200, 50));
    assert!(
        whole.contains(" Teclas · cualquier tecla cierra "),
        "{whole}"
    );
}

#[test]
fn one_persons_calendars_and_working_time() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/examples/part-time-reviewer.ron"
    );
    let mut app = open(path);
    app.apply(Action::CyclePerson);
    assert_eq!(app.person.as_deref(), Some("Lucía"));
    app.apply(Action::CyclePerson);
    assert_eq!(app.person.as_deref(), Some("Marta"));
    assert_eq!(
        status(&app),
        "Los calendarios muestran los días y el trabajo de Marta"
    );
    // Marta's own vacation, and her work at her own hours.
    app.apply(Action::Pick(date("2024-03-11")));
    let text = text_of(&screen(&app, 120, 40));
    assert!(text.contains(" Calendario de Marta "), "{text}");
    assert!(
        text.contains("Lun 11 Mar 2024 · feriado: Vacaciones"),
        "{text}"
    );
    app.apply(Action::Pick(date("2024-03-06")));
    let text = text_of(&screen(&app, 120, 40));
    assert!(
        text.contains("Mié 6 Mar 2024: R1 2 h 16:00–18:00"),
        "{text}"
    );
    // Her days show only her work: Lucía's L1 is not on 4 March in Marta's calendar.
    assert!(!text.contains(" 4 L1"), "{text}");
    // H edits her hours: 3 a day, so the review ends on the 18th.
    app.apply(Action::EditWorkingTime);
    assert!(matches!(&app.mode, Mode::Form(form) if form.fields[0].value == "16:00-18:00"));
    for _ in 0..5 {
        app.apply(Action::EditText(Edit::Backspace));
    }
    type_text(&mut app, "19:00");
    app.apply(Action::Confirm);
    assert_eq!(status(&app), "Marta: 3 h por día, 16:00–19:00");
    assert_eq!(
        app.schedule().spans()[1].end.to_string(),
        "2024-03-18 19:00:00"
    );
    app.apply(Action::Undo);
    assert_eq!(status(&app), "Deshecho: horario de Marta");
    app.apply(Action::CyclePerson);
    assert_eq!(app.person, None);
}
