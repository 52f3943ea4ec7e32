//! Colours and styles shared by every coloured view, so an activity has the same colour in the
//! `cal` output, the month calendars and the Gantt bars.

use ratatui::style::{Color, Modifier, Style};

/// What a piece of text is, for colouring it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Ordinary text.
    Plain,
    /// Month names and column headings.
    Heading,
    /// Rest days and week numbers: present but quiet.
    Faint,
    /// Holidays: the day number and its mark.
    Holiday,
    /// Days with their own hours (a short day, an extra day).
    Exception,
    /// An activity's code, by its index in the plan.
    Activity(usize),
}

/// Colours that read on dark and light terminals alike, from the 16 every terminal has.
const ACTIVITY_COLORS: [Color; 8] = [
    Color::Cyan,
    Color::Green,
    Color::Yellow,
    Color::Magenta,
    Color::Blue,
    Color::LightRed,
    Color::LightGreen,
    Color::LightCyan,
];

/// The same colours as hex RGB, for the SVG export, in the same order.
const ACTIVITY_HEX: [&str; 8] = [
    "#1fa2b8", "#3c9d3c", "#d9a520", "#b04aa8", "#3a66c4", "#e0645c", "#86c95a", "#6cc7d8",
];

/// The colour of activity `index` as `#rrggbb`, matching [`activity_color`].
pub fn activity_hex(index: usize) -> &'static str {
    ACTIVITY_HEX[index % ACTIVITY_HEX.len()]
}

/// The colour of activity `index`.
pub fn activity_color(index: usize) -> Color {
    ACTIVITY_COLORS[index % ACTIVITY_COLORS.len()]
}

/// The colour holidays are drawn in.
pub const HOLIDAY: Color = Color::Red;

/// The style of a tone.
pub fn style(tone: Tone) -> Style {
    match tone {
        Tone::Plain => Style::new(),
        Tone::Heading => Style::new().add_modifier(Modifier::BOLD),
        Tone::Faint => Style::new().add_modifier(Modifier::DIM),
        Tone::Holiday => Style::new().fg(HOLIDAY).add_modifier(Modifier::BOLD),
        Tone::Exception => Style::new()
            .fg(Color::Yellow)
            .add_modifier(Modifier::ITALIC),
        Tone::Activity(index) => Style::new().fg(activity_color(index)),
    }
}
