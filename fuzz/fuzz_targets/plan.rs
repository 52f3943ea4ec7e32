//! Any bytes as a plan file: parsing, validation, scheduling and drawing the interactive view
//! (at a size taken from the input) must never panic.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fuzz_target!(|data: &[u8]| {
    let Some((&size, text)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let path = Path::new("fuzz.ron");
    let Ok(document) = cronograma::plan::parse_file(text, path) else {
        return;
    };
    if cronograma::schedule::schedule(&document.plan).is_err() {
        return;
    }
    let today = chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    let app = cronograma::app::App::new(path, document, today).unwrap();
    let (width, height) = (u16::from(size) + 1, u16::from(size / 3) + 1);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| cronograma::ui::draw(frame, &app)).unwrap();
});
