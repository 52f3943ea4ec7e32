//! The screen, drawn into ratatui's `TestBackend` at fixed sizes: text snapshots (insta) and
//! style assertions on the buffer.

use std::path::Path;

use chrono::NaiveDate;
use cronograma::app::{Action, App};
use cronograma::plan::load_file;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plan.ron");

fn seed_app() -> App {
    let today = NaiveDate::from_ymd_opt(2023, 10, 4).unwrap();
    App::new(Path::new(PLAN), load_file(Path::new(PLAN)).unwrap(), today).unwrap()
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| cronograma::ui::draw(frame, app))
        .unwrap();
    terminal
}

/// Where `text` starts on screen, searching row by row.
fn find(buffer: &Buffer, text: &str) -> (u16, u16) {
    let area = buffer.area;
    for y in 0..area.height {
        let row: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        if let Some(byte) = row.find(text) {
            return (row[..byte].chars().count() as u16, y);
        }
    }
    let screen: Vec<String> = (0..area.height)
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    panic!("{text:?} is not on screen:\n{}", screen.join("\n"));
}

#[test]
fn calendar_at_80x24() {
    insta::assert_snapshot!(draw(&seed_app(), 80, 24).backend());
}

#[test]
fn calendar_and_gantt_at_160x48() {
    insta::assert_snapshot!(draw(&seed_app(), 160, 48).backend());
}

#[test]
fn gantt_at_80x24() {
    let mut app = seed_app();
    app.apply(Action::SwitchFocus);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn gantt_zoomed_to_weeks_at_160x48() {
    let mut app = seed_app();
    app.apply(Action::SwitchFocus);
    app.apply(Action::Zoom);
    insta::assert_snapshot!(draw(&app, 160, 48).backend());
}

#[test]
fn help_at_80x24() {
    let mut app = seed_app();
    app.apply(Action::Help);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn help_at_160x48() {
    let mut app = seed_app();
    app.apply(Action::Help);
    insta::assert_snapshot!(draw(&app, 160, 48).backend());
}

#[test]
fn too_small_at_60x20() {
    insta::assert_snapshot!(draw(&seed_app(), 60, 20).backend());
}

#[test]
fn every_size_down_to_1x1_draws_without_panicking() {
    let mut app = seed_app();
    for (width, height) in [
        (1, 1),
        (2, 1),
        (1, 30),
        (79, 24),
        (80, 23),
        (80, 24),
        (100, 30),
        (300, 100),
    ] {
        draw(&app, width, height);
        app.apply(Action::Help);
        draw(&app, width, height);
        app.apply(Action::Help);
    }
}

#[test]
fn holidays_weekends_cursor_today_and_codes_carry_their_styles() {
    let mut app = seed_app();
    app.apply(Action::Pick(NaiveDate::from_ymd_opt(2023, 10, 3).unwrap()));
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    // 13 October 2023: a holiday, red, number and mark.
    let red = cronograma::palette::Theme::dark().holiday;
    let (x, y) = find(buffer, "13 F");
    assert_eq!(buffer[(x, y)].fg, red);
    assert_eq!(buffer[(x + 3, y)].fg, red);
    // Saturday 14 October: a rest day, dimmed.
    let (x, y) = find(buffer, "14     15");
    assert!(buffer[(x, y)].modifier.contains(Modifier::DIM));
    // The cursor (3 October) is reversed.
    let (x, y) = find(buffer, " 3 A3");
    assert!(buffer[(x + 1, y)].modifier.contains(Modifier::REVERSED));
    // Today (4 October) is underlined; A3's code has A3's colour, not reversed.
    let (x, y) = find(buffer, " 4 A3");
    assert!(buffer[(x + 1, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buffer[(x + 1, y)].modifier.contains(Modifier::REVERSED));
    assert_eq!(
        buffer[(x + 3, y)].fg,
        cronograma::palette::Theme::dark().activity(2)
    );
}

#[test]
fn gantt_bars_have_the_colour_of_their_codes() {
    let mut app = seed_app();
    app.apply(Action::SwitchFocus);
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let (_, y) = find(buffer, "A2 Investigación");
    let bar = (0..80)
        .find(|x| buffer[(*x, y)].symbol() == "█")
        .expect("A2 has a bar");
    assert_eq!(
        buffer[(bar, y)].fg,
        cronograma::palette::Theme::dark().activity(1)
    );
    // The selected row (A1) is reversed while the Gantt has the focus.
    let (x, y) = find(buffer, "A1 Búsqueda");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_new_holiday_shows_at_once_in_the_calendar_and_the_header() {
    let mut app = seed_app();
    app.apply(Action::Pick(NaiveDate::from_ymd_opt(2023, 10, 12).unwrap()));
    app.apply(Action::ToggleHoliday);
    app.apply(Action::Confirm);
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    find(buffer, "12 F");
    find(buffer, "17 A4");
    find(buffer, "[+]");
    find(buffer, "2023-11-29 12:00");
}

mod mouse {
    use super::*;
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    use ratatui::layout::Rect;

    const SCREEN: Rect = Rect::new(0, 0, 120, 40);

    fn event(kind: MouseEventKind, (column, row): (u16, u16)) -> MouseEvent {
        MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }
    }

    fn click(app: &App, at: (u16, u16)) -> Option<Action> {
        cronograma::ui::mouse_action(
            SCREEN,
            app,
            event(MouseEventKind::Down(MouseButton::Left), at),
        )
    }

    #[test]
    fn a_click_on_a_day_number_or_its_code_picks_that_day() {
        let app = seed_app();
        let terminal = draw(&app, SCREEN.width, SCREEN.height);
        let (x, y) = find(terminal.backend().buffer(), "22 A2");
        let day = NaiveDate::from_ymd_opt(2023, 9, 22).unwrap();
        assert_eq!(click(&app, (x, y)), Some(Action::Pick(day)));
        assert_eq!(click(&app, (x + 4, y)), Some(Action::Pick(day)));
        let (x, y) = find(terminal.backend().buffer(), "Sem Lu");
        assert_eq!(click(&app, (x, y)), None, "headings are not days");
    }

    #[test]
    fn a_click_on_a_gantt_row_selects_its_activity() {
        let app = seed_app();
        let terminal = draw(&app, SCREEN.width, SCREEN.height);
        let (x, y) = find(terminal.backend().buffer(), "A3 Diseño");
        assert_eq!(click(&app, (x + 1, y)), Some(Action::PickActivity(2)));
        assert_eq!(click(&app, (x + 60, y)), Some(Action::PickActivity(2)));
        assert_eq!(
            click(&app, (x + 1, y + 10)),
            None,
            "below the last activity"
        );
    }

    #[test]
    fn the_wheel_walks_months_over_the_calendar_and_rows_over_the_gantt() {
        let app = seed_app();
        let down =
            |at| cronograma::ui::mouse_action(SCREEN, &app, event(MouseEventKind::ScrollDown, at));
        let up =
            |at| cronograma::ui::mouse_action(SCREEN, &app, event(MouseEventKind::ScrollUp, at));
        assert_eq!(down((10, 5)), Some(Action::MoveMonths(1)));
        assert_eq!(up((10, 5)), Some(Action::MoveMonths(-1)));
        // The Gantt takes the rows its seven activities need, at the bottom.
        assert_eq!(down((10, 20)), Some(Action::MoveMonths(1)));
        assert_eq!(down((10, 32)), Some(Action::Select(1)));
        assert_eq!(up((10, 32)), Some(Action::Select(-1)));
        assert_eq!(down((10, 0)), None, "the header does not scroll");
    }

    #[test]
    fn the_mouse_is_ignored_under_a_pop_up_and_on_a_small_screen() {
        let mut app = seed_app();
        let day = (20, 6);
        assert!(click(&app, day).is_some());
        app.apply(Action::Help);
        assert_eq!(click(&app, day), None);
        app.apply(Action::Help);
        let tiny = Rect::new(0, 0, 40, 10);
        let pressed = event(MouseEventKind::Down(MouseButton::Left), day);
        assert_eq!(cronograma::ui::mouse_action(tiny, &app, pressed), None);
    }
}

/// At week zoom a month is four or five columns: January's year is written `'25`, so only
/// February's label gives way to it, never March's (with `Jan 2025` both did).
#[test]
fn week_zoom_across_a_new_year_names_every_month_but_february() {
    let text = "Plan(title: \"Across the new year\", locale: \"en\", start: \"2024-10-01\", \
                hours_per_day: 4, activities: [(code: \"A\", name: \"Survey\", hours: 200), \
                (code: \"B\", name: \"Build\", hours: 400)])";
    let path = Path::new("new-year.ron");
    let document = cronograma::plan::load::parse(text, path).unwrap();
    let today = NaiveDate::from_ymd_opt(2024, 10, 1).unwrap();
    let mut app = App::new(path, document, today).unwrap();
    app.apply(Action::SwitchFocus);
    app.apply(Action::Zoom);
    let terminal = draw(&app, 100, 30);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "Oct Nov Dec  Jan '25 Mar  Apr");
    // October's label is on its first week that starts in October, one column after the
    // plan's first (week 40 starts on 30 September).
    let weeks: String = (x - 1..x + 30)
        .map(|x| buffer[(x, y + 1)].symbol())
        .collect();
    assert_eq!(weeks, "40  44  48  52  4   8   12  16 ");
}

#[test]
fn gantt_zoomed_to_months_at_80x24() {
    let mut app = seed_app();
    app.apply(Action::SwitchFocus);
    app.apply(Action::Zoom);
    app.apply(Action::Zoom);
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn people_milestones_and_the_critical_path_at_120x32() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/examples/thesis-two-people.ron"
    ));
    let today = NaiveDate::from_ymd_opt(2024, 3, 6).unwrap();
    let app = App::new(path, load_file(path).unwrap(), today).unwrap();
    let terminal = draw(&app, 120, 32);
    let buffer = terminal.backend().buffer();
    find(buffer, "*C1 [Lucía]");
    find(buffer, " R1 [Marta]");
    find(buffer, "◆");
    find(buffer, "(E)");
    insta::assert_snapshot!(terminal.backend());
}

const TRACKED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/tracked.ron");

/// The shipped tracked example, on its status date.
fn tracked_app() -> App {
    let today = NaiveDate::from_ymd_opt(2023, 10, 10).unwrap();
    let path = Path::new(TRACKED);
    App::new(path, load_file(path).unwrap(), today).unwrap()
}

#[test]
fn a_tracked_plan_at_120x40() {
    insta::assert_snapshot!(draw(&tracked_app(), 120, 40).backend());
}

#[test]
fn logged_days_planned_work_the_baseline_and_the_status_date_carry_their_styles() {
    let app = tracked_app();
    let theme = cronograma::palette::Theme::dark();
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    // The header: progress and the slip against the baseline.
    let (_, y) = find(buffer, "21 % hecho · 7 días hábiles de atraso");
    assert_eq!(y, 0);
    // 27 September was logged: its code is underlined; 11 October is planned: it is not.
    let (x, y) = find(buffer, "27 A2");
    assert!(buffer[(x + 3, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find(buffer, "11 A2");
    assert!(!buffer[(x + 3, y)].modifier.contains(Modifier::UNDERLINED));
    // A2's row: logged days are solid and bold, its remaining days lighter (▓, dim), and the
    // slip column says +8.
    let (_, y) = find(buffer, "A2 Investigación");
    let row: String = (0..120).map(|x| buffer[(x, y)].symbol()).collect();
    assert!(row.contains("+8 42 h"), "{row}");
    let solid = (0..120).find(|x| buffer[(*x, y)].symbol() == "█").unwrap();
    assert!(buffer[(solid, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buffer[(solid, y)].fg, theme.activity(1));
    let planned = (0..120).find(|x| buffer[(*x, y)].symbol() == "▓").unwrap();
    assert!(buffer[(planned, y)].modifier.contains(Modifier::DIM));
    // The status date's line runs down the rows, in the status line's colour.
    let (_, a1) = find(buffer, "A1 Búsqueda");
    let line = (0..120)
        .find(|x| buffer[(*x, a1)].symbol() == "│" && *x > 40)
        .unwrap();
    assert_eq!(buffer[(line, a1)].fg, theme.status_line.fg.unwrap());
    // A3's baseline (3 to 11 October) is underlined on its row, before its bar.
    let (_, a3) = find(buffer, "A3 Diseño");
    assert!(
        (0..120).any(|x| buffer[(x, a3)].modifier.contains(Modifier::UNDERLINED)
            && buffer[(x, a3)].symbol() != "▓")
    );
}

#[test]
fn the_detail_line_says_logged_remaining_state_and_slip() {
    let mut app = tracked_app();
    app.apply(Action::SwitchFocus);
    app.apply(Action::Select(1));
    let terminal = draw(&app, 200, 50);
    let buffer = terminal.backend().buffer();
    find(
        buffer,
        "registradas 30 h · restantes 12 h · en curso · 8 días hábiles de atraso",
    );
}

/// The seed in Brazilian Portuguese: the interface's words, Sunday-first calendars.
#[test]
fn the_view_in_brazilian_portuguese_at_120x40() {
    let mut document = load_file(Path::new(PLAN)).unwrap();
    document.plan.locale = "pt-BR".parse().unwrap();
    let today = NaiveDate::from_ymd_opt(2023, 10, 4).unwrap();
    let app = App::new(Path::new(PLAN), document, today).unwrap();
    let terminal = draw(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    find(buffer, "Setembro 2023");
    find(buffer, "Sem Dom    Seg    Ter    Qua    Qui    Sex    Sáb");
    find(buffer, "Gantt · zoom por dia (z) · * caminho crítico");
    insta::assert_snapshot!(terminal.backend());
}

/// The busy-week example on Tuesday 10 March 2026: the day's line names the class and the
/// work around it; days busy time cuts into are blue, the exam's Friday too.
#[test]
fn busy_time_is_named_in_the_days_line_and_its_days_are_marked() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/busy-week.ron");
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let mut app = App::new(&path, load_file(&path).unwrap(), today).unwrap();
    app.apply(Action::Pick(NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()));
    let terminal = draw(&app, 120, 32);
    let buffer = terminal.backend().buffer();
    find(
        buffer,
        "A2 3.83 h 08:00–10:00 11:50–12:00 13:00–14:40, A3 2.33 h 14:40–17:00 · ocupado: Álgebra 10:00–11:50",
    );
    let busy = cronograma::palette::Theme::dark().busy;
    for day in ["11 A3", "13    "] {
        let (x, y) = find(buffer, day);
        assert_eq!(buffer[(x, y)].fg, busy, "{day}");
    }
    // Thursday 12 has no busy time: a plain number.
    let (x, y) = find(buffer, "12 A3");
    assert_ne!(buffer[(x, y)].fg, busy);
    app.apply(Action::Pick(NaiveDate::from_ymd_opt(2026, 3, 13).unwrap()));
    let terminal = draw(&app, 120, 32);
    find(
        terminal.backend().buffer(),
        "Vie 13 Mar 2026 · 0 h libres · ocupado: Examen de Física todo el día",
    );
    // The Gantt by day: a day the class cuts is filled as far as the work fills the day
    // without it, and the exam's Friday inside A3's bar is a gap in the busy colour.
    let terminal = draw(&app, 120, 32);
    let buffer = terminal.backend().buffer();
    let (_, a1) = find(buffer, "A1 Lectura");
    let row: String = (0..120).map(|x| buffer[(x, a1)].symbol()).collect();
    assert!(row.contains("█▊▊"), "{row}");
    let (_, a3) = find(buffer, "A3 Revisión");
    let row: String = (0..120).map(|x| buffer[(x, a3)].symbol()).collect();
    assert!(row.contains("▎▊█░··▉"), "{row}");
    let gap = (0..120).find(|x| buffer[(*x, a3)].symbol() == "░").unwrap();
    assert_eq!(buffer[(gap, a3)].fg, busy);
}

#[test]
fn command_palette_at_80x24_filtered_in_spanish() {
    let mut app = seed_app();
    app.apply(Action::Palette);
    for c in "feria".chars() {
        app.apply(Action::Type(c));
    }
    app.apply(Action::Select(1));
    insta::assert_snapshot!(draw(&app, 80, 24).backend());
}

#[test]
fn command_palette_with_nothing_matching_says_so() {
    let mut app = seed_app();
    app.apply(Action::Palette);
    for c in "zzz".chars() {
        app.apply(Action::Type(c));
    }
    let terminal = draw(&app, 200, 50);
    find(
        terminal.backend().buffer(),
        "Ningún comando coincide con «zzz»",
    );
}

/// A holiday given hours of its own is worked, and the day's detail says both (issue 38).
#[test]
fn the_detail_of_a_worked_holiday_shows_its_work_and_the_holiday() {
    let mut app = seed_app();
    app.apply(Action::Pick(NaiveDate::from_ymd_opt(2023, 10, 13).unwrap()));
    app.apply(Action::ToggleException);
    app.apply(Action::Confirm);
    let terminal = draw(&app, 160, 48);
    // At 80 columns the holiday's name goes, never the word that it is one.
    find(
        draw(&app, 80, 24).backend().buffer(),
        "Vie 13 Oct 2023 (feriado): A4 6 h 08:00–14:00 ",
    );
    find(
        terminal.backend().buffer(),
        "Vie 13 Oct 2023 (feriado): A4 6 h 08:00–14:00 · Feriado con fines turísticos: con 6 h de trabajo igual",
    );
}
