//! Colours as plain data, for what is printed or exported: what a piece of text is ([`Tone`]),
//! and each activity's colour as hex RGB. The view turns tones into terminal styles with its
//! theme; the exports (SVG, xlsx, PDF) print the hex colours on white. Neither knows the other.

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
    /// Days busy time takes working time from (a class, a meeting).
    Busy,
    /// An activity's code, by its index in the plan.
    Activity(usize),
}

/// The activities' colours as hex RGB, in the order of the view's themes, so an activity is
/// the same colour on paper as on the screen.
const ACTIVITY_HEX: [&str; 8] = [
    "#1fa2b8", "#3c9d3c", "#d9a520", "#b04aa8", "#3a66c4", "#e0645c", "#86c95a", "#6cc7d8",
];

/// The colour of activity `index` as `#rrggbb`.
pub fn activity_hex(index: usize) -> &'static str {
    ACTIVITY_HEX[index % ACTIVITY_HEX.len()]
}
