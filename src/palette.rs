//! Colours and styles: one theme table for each terminal background, so an activity has the
//! same colour in the `cal` output, the month calendars and the Gantt bars, and every widget
//! asks the theme (no colour is written inline in a widget). Both themes set foreground and
//! background together wherever they paint a background, so neither depends on the terminal's
//! own default colours, and a test checks the contrast of every pair.

use ratatui::style::{Color, Modifier, Style};

use crate::colour::Tone;

/// Which background a theme is for. The command line, `CRONOGRAMA_THEME` and the config file
/// all spell it by [`ThemeChoice::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    Auto,
    Dark,
    Light,
}

impl ThemeChoice {
    /// Every choice, in the order `--help` lists them.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Dark, ThemeChoice::Light];

    /// The choice's name: `auto`, `dark` or `light`.
    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Dark => "dark",
            ThemeChoice::Light => "light",
        }
    }

    /// What the choice means, in one line.
    pub fn about(self) -> &'static str {
        match self {
            ThemeChoice::Auto => {
                "From `CRONOGRAMA_THEME`, the config file, the terminal's own answer (OSC 11) or its `COLORFGBG`; dark otherwise"
            }
            ThemeChoice::Dark => "Light text on a dark background",
            ThemeChoice::Light => "Dark text on a light background",
        }
    }

    /// The choice `text` names, in any case, with spaces around it ignored.
    pub fn named(text: &str) -> Option<ThemeChoice> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|choice| text.eq_ignore_ascii_case(choice.name()))
    }
}

/// Every style the view uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Dark or light.
    pub choice: ThemeChoice,
    /// The background the theme expects of the terminal (for contrast checks).
    pub background: Color,
    /// The header bar.
    pub header: Style,
    /// The plan's title in the header.
    pub header_title: Style,
    /// `[+]` for unsaved changes.
    pub header_dirty: Style,
    /// The pane that has the keys, and the others.
    pub pane_focused: Style,
    /// A pane without the keys.
    pub pane: Style,
    /// The footer's messages.
    pub status_ok: Style,
    /// The footer's errors.
    pub status_error: Style,
    /// Keys and words in the footer's hints.
    pub hint_key: Style,
    /// The words after a key.
    pub hint_text: Style,
    /// The detail line.
    pub detail: Style,
    /// The detail line's emphasised parts.
    pub detail_strong: Style,
    /// Pop-up borders.
    pub dialog_border: Style,
    /// A form's error.
    pub dialog_error: Style,
    /// The help's headings and border.
    pub help_heading: Style,
    /// The day under the cursor.
    pub cursor_day: Style,
    /// Days of a holiday range being marked.
    pub marking: Style,
    /// The Gantt's column of the cursor's day.
    pub cursor_column: Style,
    /// The ruler's cell of the cursor's day.
    pub ruler_cursor: Style,
    /// The selected row, when the Gantt has the keys and when not.
    pub selected_row: Style,
    /// The selected row when the calendars have the keys.
    pub selected_row_quiet: Style,
    /// Text that is there but quiet (week numbers, rest days, hours).
    pub faint: Style,
    /// Added to an activity's colour where its work was logged (calendar codes, Gantt cells).
    pub logged: Style,
    /// Added to an activity's colour where a tracked plan's work is still planned.
    pub planned: Style,
    /// Added to the Gantt cells of an activity's baseline span: a thin line under the bar.
    pub baseline: Style,
    /// The Gantt's line on the status date.
    pub status_line: Style,
    /// Holidays.
    pub holiday: Color,
    /// Days with their own hours.
    pub exception: Color,
    /// Days busy time takes working time from.
    pub busy: Color,
    /// Activity colours, in turn.
    pub activities: [Color; 8],
}

impl Theme {
    /// For dark terminal backgrounds.
    pub fn dark() -> Theme {
        Theme {
            choice: ThemeChoice::Dark,
            background: Color::Black,
            header: Style::new().fg(Color::Indexed(255)).bg(Color::Indexed(236)),
            header_title: Style::new()
                .fg(Color::Indexed(117))
                .add_modifier(Modifier::BOLD),
            header_dirty: Style::new()
                .fg(Color::Indexed(221))
                .add_modifier(Modifier::BOLD),
            pane_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            pane: Style::new().add_modifier(Modifier::DIM),
            status_ok: Style::new().fg(Color::Black).bg(Color::Indexed(114)),
            status_error: Style::new()
                .fg(Color::Indexed(231))
                .bg(Color::Indexed(124))
                .add_modifier(Modifier::BOLD),
            hint_key: Style::new().add_modifier(Modifier::BOLD),
            hint_text: Style::new().add_modifier(Modifier::DIM),
            detail: Style::new().fg(Color::Indexed(252)),
            detail_strong: Style::new()
                .fg(Color::Indexed(255))
                .add_modifier(Modifier::BOLD),
            dialog_border: Style::new().fg(Color::Indexed(221)),
            dialog_error: Style::new()
                .fg(Color::Indexed(203))
                .add_modifier(Modifier::BOLD),
            help_heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            cursor_day: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            marking: Style::new().fg(Color::Black).bg(Color::Indexed(217)),
            cursor_column: Style::new().bg(Color::Indexed(238)),
            ruler_cursor: Style::new().add_modifier(Modifier::REVERSED),
            selected_row: Style::new().add_modifier(Modifier::REVERSED),
            selected_row_quiet: Style::new().add_modifier(Modifier::UNDERLINED),
            faint: Style::new().add_modifier(Modifier::DIM),
            logged: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            planned: Style::new().add_modifier(Modifier::DIM),
            baseline: Style::new().add_modifier(Modifier::UNDERLINED),
            status_line: Style::new().fg(Color::Indexed(203)),
            holiday: Color::Indexed(203),
            exception: Color::Indexed(221),
            busy: Color::Indexed(117),
            activities: [
                Color::Cyan,
                Color::Green,
                Color::Yellow,
                Color::Magenta,
                Color::Indexed(111),
                Color::LightRed,
                Color::LightGreen,
                Color::LightCyan,
            ],
        }
    }

    /// For light terminal backgrounds: darker colours, and a light header and cursor column.
    pub fn light() -> Theme {
        Theme {
            choice: ThemeChoice::Light,
            background: Color::White,
            header: Style::new().fg(Color::Indexed(232)).bg(Color::Indexed(253)),
            header_title: Style::new()
                .fg(Color::Indexed(25))
                .add_modifier(Modifier::BOLD),
            header_dirty: Style::new()
                .fg(Color::Indexed(124))
                .add_modifier(Modifier::BOLD),
            pane_focused: Style::new()
                .fg(Color::Indexed(25))
                .add_modifier(Modifier::BOLD),
            pane: Style::new().fg(Color::Indexed(244)),
            status_ok: Style::new().fg(Color::Indexed(231)).bg(Color::Indexed(22)),
            status_error: Style::new()
                .fg(Color::Indexed(231))
                .bg(Color::Indexed(124))
                .add_modifier(Modifier::BOLD),
            hint_key: Style::new()
                .fg(Color::Indexed(232))
                .add_modifier(Modifier::BOLD),
            hint_text: Style::new().fg(Color::Indexed(240)),
            detail: Style::new().fg(Color::Indexed(236)),
            detail_strong: Style::new()
                .fg(Color::Indexed(232))
                .add_modifier(Modifier::BOLD),
            dialog_border: Style::new().fg(Color::Indexed(130)),
            dialog_error: Style::new()
                .fg(Color::Indexed(124))
                .add_modifier(Modifier::BOLD),
            help_heading: Style::new()
                .fg(Color::Indexed(25))
                .add_modifier(Modifier::BOLD),
            cursor_day: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            marking: Style::new().fg(Color::Indexed(232)).bg(Color::Indexed(217)),
            cursor_column: Style::new().bg(Color::Indexed(254)),
            ruler_cursor: Style::new().add_modifier(Modifier::REVERSED),
            selected_row: Style::new().add_modifier(Modifier::REVERSED),
            selected_row_quiet: Style::new().add_modifier(Modifier::UNDERLINED),
            faint: Style::new().fg(Color::Indexed(243)),
            logged: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            planned: Style::new().add_modifier(Modifier::DIM),
            baseline: Style::new().add_modifier(Modifier::UNDERLINED),
            status_line: Style::new().fg(Color::Indexed(160)),
            holiday: Color::Indexed(160),
            exception: Color::Indexed(130),
            busy: Color::Indexed(61),
            activities: [
                Color::Indexed(25),
                Color::Indexed(28),
                Color::Indexed(130),
                Color::Indexed(90),
                Color::Indexed(160),
                Color::Indexed(30),
                Color::Indexed(94),
                Color::Indexed(55),
            ],
        }
    }

    /// The theme `choice` names; `Auto` asks the environment (see [`detect`]), and the
    /// terminal through `ask` when nothing set decides (the question is terminal I/O, which
    /// this module does not do: the caller passes it in).
    pub fn chosen(
        choice: ThemeChoice,
        config: Option<ThemeChoice>,
        ask: impl FnOnce() -> Option<ThemeChoice>,
    ) -> Theme {
        let variable = std::env::var("CRONOGRAMA_THEME").ok();
        let set = detect(variable.as_deref(), config, None);
        let decided = variable.is_some_and(|value| set_by_name(&value))
            || config.is_some_and(|choice| choice != ThemeChoice::Auto);
        let resolved = match choice {
            ThemeChoice::Auto if decided => set,
            ThemeChoice::Auto => match ask() {
                Some(answer) => answer,
                None => detect(None, None, std::env::var("COLORFGBG").ok().as_deref()),
            },
            other => other,
        };
        match resolved {
            ThemeChoice::Light => Theme::light(),
            _ => Theme::dark(),
        }
    }

    /// The colour of activity `index`.
    pub fn activity(&self, index: usize) -> Color {
        self.activities[index % self.activities.len()]
    }

    /// The style of a tone.
    pub fn tone(&self, tone: Tone) -> Style {
        match tone {
            Tone::Plain => Style::new(),
            Tone::Heading => Style::new().add_modifier(Modifier::BOLD),
            Tone::Faint => self.faint,
            Tone::Holiday => Style::new().fg(self.holiday).add_modifier(Modifier::BOLD),
            Tone::Exception => Style::new()
                .fg(self.exception)
                .add_modifier(Modifier::ITALIC),
            Tone::Busy => Style::new().fg(self.busy).add_modifier(Modifier::ITALIC),
            Tone::Activity(index) => Style::new().fg(self.activity(index)),
        }
    }
}

/// True when `value` names a theme (`dark`, `light`).
fn set_by_name(value: &str) -> bool {
    matches!(value.trim().to_ascii_lowercase().as_str(), "dark" | "light")
}

/// The theme for the background a terminal reports in its answer to OSC 11
/// (`ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or ST; 1 to 4 hex digits a component): light
/// when the colour's relative luminance is above one half.
pub fn from_background_reply(reply: &[u8]) -> Option<ThemeChoice> {
    let text = String::from_utf8_lossy(reply);
    let start = text.find("]11;rgb:")? + "]11;rgb:".len();
    let end = text[start..]
        .find(['\u{7}', '\u{1b}'])
        .map_or(text.len(), |at| start + at);
    let mut components = text[start..end].split('/').map(|hex| {
        let digits = hex.len();
        if !(1..=4).contains(&digits) {
            return None;
        }
        let value = u32::from_str_radix(hex, 16).ok()?;
        Some(f64::from(value) / f64::from((1u32 << (4 * digits)) - 1))
    });
    let (r, g, b) = (
        components.next()??,
        components.next()??,
        components.next()??,
    );
    let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    Some(if luminance > 0.5 {
        ThemeChoice::Light
    } else {
        ThemeChoice::Dark
    })
}

/// Which theme `Auto` means: `CRONOGRAMA_THEME` (`dark` or `light`), else the config file's,
/// else the terminal's `COLORFGBG` (`15;0`: light text on black; `0;15`: dark on white; its
/// last number is the background, 7 and 9–15 being light), else dark.
pub fn detect(
    variable: Option<&str>,
    config: Option<ThemeChoice>,
    colorfgbg: Option<&str>,
) -> ThemeChoice {
    let decided = |choice: &ThemeChoice| *choice != ThemeChoice::Auto;
    let named = variable.and_then(ThemeChoice::named).filter(decided);
    if let Some(choice) = named.or(config.filter(decided)) {
        return choice;
    }
    let background = colorfgbg
        .and_then(|value| value.rsplit(';').next())
        .and_then(|last| last.trim().parse::<u8>().ok());
    match background {
        Some(7 | 9..=15) => ThemeChoice::Light,
        _ => ThemeChoice::Dark,
    }
}

/// The style of a tone in the dark theme (for `cal`, which colours only on a terminal).
pub fn style(tone: Tone) -> Style {
    Theme::dark().tone(tone)
}

/// A colour's RGB as xterm draws it, for contrast checks.
pub fn rgb(color: Color) -> (u8, u8, u8) {
    const BASE: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let indexed = |n: u8| -> (u8, u8, u8) {
        match n {
            0..=15 => BASE[usize::from(n)],
            16..=231 => {
                let n = n - 16;
                let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
                (level(n / 36), level((n / 6) % 6), level(n % 6))
            }
            _ => {
                let grey = 8 + (n - 232) * 10;
                (grey, grey, grey)
            }
        }
    };
    match color {
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(n) => indexed(n),
        Color::Black => BASE[0],
        Color::Red => BASE[1],
        Color::Green => BASE[2],
        Color::Yellow => BASE[3],
        Color::Blue => BASE[4],
        Color::Magenta => BASE[5],
        Color::Cyan => BASE[6],
        Color::Gray => BASE[7],
        Color::DarkGray => BASE[8],
        Color::LightRed => BASE[9],
        Color::LightGreen => BASE[10],
        Color::LightYellow => BASE[11],
        Color::LightBlue => BASE[12],
        Color::LightMagenta => BASE[13],
        Color::LightCyan => BASE[14],
        Color::White | Color::Reset => BASE[15],
    }
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color, b: Color) -> f64 {
    let luminance = |color: Color| {
        let (r, g, b) = rgb(color);
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_reads_on_its_themes_background() {
        for theme in [Theme::dark(), Theme::light()] {
            let on_background = theme.activities.iter().copied().chain([
                theme.holiday,
                theme.exception,
                theme.busy,
            ]);
            for colour in on_background {
                let ratio = contrast(colour, theme.background);
                assert!(
                    ratio >= 3.0,
                    "{:?}: {colour:?} is {ratio:.1}:1",
                    theme.choice
                );
            }
            let painted = [
                theme.header,
                theme.status_ok,
                theme.status_error,
                theme.marking,
            ];
            for style in painted {
                let (fg, bg) = (style.fg.unwrap(), style.bg.unwrap());
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= 4.5,
                    "{:?}: {style:?} is {ratio:.1}:1",
                    theme.choice
                );
            }
            for style in [theme.header_title, theme.header_dirty] {
                let ratio = contrast(style.fg.unwrap(), theme.header.bg.unwrap());
                assert!(
                    ratio >= 3.0,
                    "{:?}: {style:?} is {ratio:.1}:1",
                    theme.choice
                );
            }
        }
    }

    #[test]
    fn auto_asks_the_variable_then_the_config_then_the_terminal() {
        use ThemeChoice::{Dark, Light};
        assert_eq!(detect(Some("light"), Some(Dark), Some("15;0")), Light);
        assert_eq!(detect(None, Some(Light), Some("15;0")), Light);
        assert_eq!(detect(None, None, Some("0;15")), Light);
        assert_eq!(detect(None, None, Some("15;default;0")), Dark);
        assert_eq!(detect(None, None, None), Dark);
        // The variable is read as the flag and the config file read it; `auto` in it, or a
        // word it does not know, leaves the choice to the config file.
        assert_eq!(detect(Some(" Dark\n"), Some(Light), None), Dark);
        assert_eq!(detect(Some("auto"), Some(Light), None), Light);
        assert_eq!(detect(Some("sepia"), Some(Light), None), Light);
    }

    #[test]
    fn choices_are_named_in_any_case() {
        for choice in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::named(choice.name()), Some(choice));
            assert_eq!(
                ThemeChoice::named(&choice.name().to_uppercase()),
                Some(choice)
            );
        }
        assert_eq!(ThemeChoice::named("darkish"), None);
    }

    #[test]
    fn a_terminals_background_answer_chooses_the_theme() {
        use ThemeChoice::{Dark, Light};
        // xterm (ST), and a terminal that answers with BEL and two-digit components.
        assert_eq!(
            from_background_reply(b"\x1b]11;rgb:ffff/ffff/dddd\x1b\\"),
            Some(Light)
        );
        assert_eq!(
            from_background_reply(b"\x1b]11;rgb:1e/1e/2e\x07\x1b[?62;22c"),
            Some(Dark)
        );
        assert_eq!(from_background_reply(b"\x1b]11;rgb:0/0/0\x07"), Some(Dark));
        // No answer, only the device attributes; or nonsense.
        assert_eq!(from_background_reply(b"\x1b[?1;2c"), None);
        assert_eq!(from_background_reply(b"\x1b]11;rgb:zz/00/00\x07"), None);
        assert_eq!(from_background_reply(b"\x1b]11;rgb:12345/0/0\x07"), None);
        assert_eq!(from_background_reply(b"\x1b]11;rgb:12345678/0/0\x07"), None);
    }
}
