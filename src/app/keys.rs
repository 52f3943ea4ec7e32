//! The one key table: every binding, the context it works in, and the words the help shows.

use super::key::{Key, KeyCode, KeyModifiers};

use super::action::Action;
use super::form::Edit;
use crate::messages::KeyHelp;

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Whatever has the focus, when no form or question is open.
    Everywhere,
    /// With the month calendars focused.
    Calendar,
    /// With the Gantt and activity list focused.
    Gantt,
    /// In an open form.
    Form,
    /// In an open question (quit, delete).
    Question,
    /// While the help is shown.
    Help,
    /// While the command palette is open.
    Palette,
}

impl Context {
    /// The heading the help gives this context.
    pub fn title(self, locale: crate::plan::Locale) -> &'static str {
        use crate::messages::Msg;
        let msg = match self {
            Context::Everywhere => Msg::ContextEverywhere,
            Context::Calendar => Msg::ContextCalendar,
            Context::Gantt => Msg::ContextGantt,
            Context::Form => Msg::ContextForm,
            Context::Question => Msg::ContextQuestion,
            Context::Help => Msg::ContextHelp,
            Context::Palette => Msg::ContextPalette,
        };
        msg.text(locale)
    }
}

/// The name of the key for `action` in `context` under the default table: the first binding,
/// or the first whose help is `help` when several keys do it there with different words
/// (`n` "no", `c` "cancel").
pub fn key_for(context: Context, action: Action, help: Option<KeyHelp>) -> Option<String> {
    KeyTable::default().key_for(context, action, help)
}

/// A key, an action, and what the help says of it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it works.
    pub context: Context,
    /// The key.
    pub code: KeyCode,
    /// Shift, Ctrl, Alt (Shift is ignored for characters, which carry their case).
    pub modifiers: KeyModifiers,
    /// What it does.
    pub action: Action,
    /// What the help says of it.
    pub help: KeyHelp,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

const fn bind(
    context: Context,
    code: KeyCode,
    modifiers: KeyModifiers,
    action: Action,
    help: KeyHelp,
) -> Binding {
    Binding {
        context,
        code,
        modifiers,
        action,
        help,
    }
}

use Context::{Calendar, Everywhere, Form, Gantt, Help, Palette, Question};
use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
    Tab, Up,
};

/// Every key binding. The help overlay is generated from this table.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(Everywhere, Left, NONE, Action::MoveDays(-1), KeyHelp::PreviousDay),
    bind(Everywhere, Right, NONE, Action::MoveDays(1), KeyHelp::NextDay),
    bind(Everywhere, Char('h'), NONE, Action::MoveDays(-1), KeyHelp::PreviousDay),
    bind(Everywhere, Char('l'), NONE, Action::MoveDays(1), KeyHelp::NextDay),
    bind(Calendar, Up, NONE, Action::MoveDays(-7), KeyHelp::PreviousWeek),
    bind(Calendar, Down, NONE, Action::MoveDays(7), KeyHelp::NextWeek),
    bind(Calendar, Char('k'), NONE, Action::MoveDays(-7), KeyHelp::PreviousWeek),
    bind(Calendar, Char('j'), NONE, Action::MoveDays(7), KeyHelp::NextWeek),
    bind(Calendar, PageUp, NONE, Action::MoveMonths(-1), KeyHelp::PreviousMonth),
    bind(Calendar, PageDown, NONE, Action::MoveMonths(1), KeyHelp::NextMonth),
    bind(Calendar, Home, NONE, Action::GoToStart, KeyHelp::PlansFirstDay),
    bind(Calendar, End, NONE, Action::GoToEnd, KeyHelp::PlansLastDay),
    bind(Calendar, Char('g'), NONE, Action::GoToStart, KeyHelp::PlansFirstDay),
    bind(Calendar, Char('G'), NONE, Action::GoToEnd, KeyHelp::PlansLastDay),
    bind(Everywhere, Char('t'), NONE, Action::GoToToday, KeyHelp::Today),
    bind(Everywhere, Char(' '), NONE, Action::ToggleHoliday, KeyHelp::HolidayOnOff),
    bind(Everywhere, Char('f'), NONE, Action::ToggleHoliday, KeyHelp::HolidayOnOff),
    bind(Everywhere, Char('m'), NONE, Action::MarkRange, KeyHelp::MarkAHolidayRange),
    bind(Everywhere, Char('x'), NONE, Action::ToggleException, KeyHelp::ShortOrExtraDay),
    bind(Everywhere, Char('i'), NONE, Action::ImportHolidays, KeyHelp::ImportHolidays),
    bind(Everywhere, Char('I'), NONE, Action::ImportActivities, KeyHelp::ActivitiesFromCsv),
    bind(Everywhere, Char('E'), NONE, Action::Export, KeyHelp::ExportToAFile),
    bind(Everywhere, Left, SHIFT, Action::ShiftHoliday(-1), KeyHelp::HolidayADayEarlier),
    bind(Everywhere, Right, SHIFT, Action::ShiftHoliday(1), KeyHelp::HolidayADayLater),
    bind(Everywhere, Up, SHIFT, Action::ShiftHoliday(-7), KeyHelp::HolidayAWeekEarlier),
    bind(Everywhere, Down, SHIFT, Action::ShiftHoliday(7), KeyHelp::HolidayAWeekLater),
    bind(Everywhere, Tab, NONE, Action::SwitchFocus, KeyHelp::SwitchFocus),
    bind(Gantt, Up, NONE, Action::Select(-1), KeyHelp::PreviousActivity),
    bind(Gantt, Down, NONE, Action::Select(1), KeyHelp::NextActivity),
    bind(Gantt, Char('k'), NONE, Action::Select(-1), KeyHelp::PreviousActivity),
    bind(Gantt, Char('j'), NONE, Action::Select(1), KeyHelp::NextActivity),
    bind(Gantt, PageUp, NONE, Action::PageRows(-1), KeyHelp::PageOfActivitiesUp),
    bind(Gantt, PageDown, NONE, Action::PageRows(1), KeyHelp::PageOfActivitiesDown),
    bind(Gantt, Home, NONE, Action::FirstActivity, KeyHelp::FirstActivity),
    bind(Gantt, End, NONE, Action::LastActivity, KeyHelp::LastActivity),
    bind(Gantt, Char('g'), NONE, Action::FirstActivity, KeyHelp::FirstActivity),
    bind(Gantt, Char('G'), NONE, Action::LastActivity, KeyHelp::LastActivity),
    bind(Gantt, Char('+'), NONE, Action::ChangeHours(1), KeyHelp::OneHourMore),
    bind(Gantt, Char('-'), NONE, Action::ChangeHours(-1), KeyHelp::OneHourLess),
    bind(Gantt, Char('e'), NONE, Action::EditActivity, KeyHelp::EditActivity),
    bind(Gantt, Char('a'), NONE, Action::AddActivity, KeyHelp::AddActivityAfter),
    bind(Gantt, Char('d'), NONE, Action::DeleteActivity, KeyHelp::DeleteActivity),
    bind(Gantt, Char('K'), NONE, Action::MoveActivity(-1), KeyHelp::MoveActivityUp),
    bind(Gantt, Char('J'), NONE, Action::MoveActivity(1), KeyHelp::MoveActivityDown),
    bind(Gantt, Up, ALT, Action::MoveActivity(-1), KeyHelp::MoveActivityUp),
    bind(Gantt, Down, ALT, Action::MoveActivity(1), KeyHelp::MoveActivityDown),
    bind(Everywhere, Char('S'), NONE, Action::SetStart, KeyHelp::PlanStartsThisDay),
    bind(Everywhere, Char('H'), NONE, Action::EditWorkingTime, KeyHelp::WorkingHours),
    bind(Everywhere, Char('p'), NONE, Action::CyclePerson, KeyHelp::PersonInTurn),
    bind(Everywhere, Char('L'), NONE, Action::LogHours, KeyHelp::LogHoursOnThisDay),
    bind(Everywhere, Char('D'), NONE, Action::ToggleDone, KeyHelp::DoneOrNot),
    bind(Everywhere, Char('b'), NONE, Action::SaveBaseline, KeyHelp::SaveTheBaseline),
    bind(Everywhere, Char('Y'), NONE, Action::Sync, KeyHelp::SyncTheCalendarServer),
    bind(Everywhere, Char('F'), NONE, Action::PullHolidays, KeyHelp::HolidaysFromTheCalendarServer),
    bind(Everywhere, Char('/'), NONE, Action::Search, KeyHelp::SearchCodesAndNames),
    bind(Everywhere, Char('n'), NONE, Action::SearchNext, KeyHelp::NextMatch),
    bind(Everywhere, Char('N'), NONE, Action::SearchPrevious, KeyHelp::PreviousMatch),
    bind(Everywhere, Char('u'), NONE, Action::Undo, KeyHelp::Undo),
    bind(Everywhere, Char('r'), CTRL, Action::Redo, KeyHelp::Redo),
    bind(Everywhere, Char('s'), NONE, Action::Save, KeyHelp::Save),
    bind(Everywhere, Char('s'), CTRL, Action::Save, KeyHelp::Save),
    bind(Everywhere, Char('v'), NONE, Action::SwitchView, KeyHelp::ShowPane),
    bind(Everywhere, Char('z'), NONE, Action::Zoom, KeyHelp::Zoom),
    bind(Everywhere, Char('?'), NONE, Action::Help, KeyHelp::ThisHelp),
    bind(Everywhere, Char(':'), NONE, Action::Palette, KeyHelp::CommandPalette),
    bind(Everywhere, Char('p'), CTRL, Action::Palette, KeyHelp::CommandPalette),
    bind(Everywhere, Char('q'), NONE, Action::Quit, KeyHelp::Quit),
    bind(Everywhere, Char('c'), CTRL, Action::Quit, KeyHelp::Quit),
    bind(Everywhere, Esc, NONE, Action::Cancel, KeyHelp::CancelARangeBeingMarked),
    bind(Everywhere, Char('z'), CTRL, Action::Suspend, KeyHelp::Suspend),
    bind(Form, Enter, NONE, Action::Confirm, KeyHelp::Accept),
    bind(Form, Esc, NONE, Action::Cancel, KeyHelp::Cancel),
    bind(Form, Tab, NONE, Action::NextField, KeyHelp::NextField),
    bind(Form, Down, NONE, Action::NextField, KeyHelp::NextField),
    bind(Form, BackTab, SHIFT, Action::PreviousField, KeyHelp::PreviousField),
    bind(Form, Up, NONE, Action::PreviousField, KeyHelp::PreviousField),
    bind(Form, Backspace, NONE, Action::EditText(Edit::Backspace), KeyHelp::DeleteACharacter),
    bind(Form, Delete, NONE, Action::EditText(Edit::Delete), KeyHelp::DeleteUnderTheCursor),
    bind(Form, Left, NONE, Action::EditText(Edit::Left), KeyHelp::CursorLeft),
    bind(Form, Right, NONE, Action::EditText(Edit::Right), KeyHelp::CursorRight),
    bind(Form, Home, NONE, Action::EditText(Edit::Home), KeyHelp::StartOfTheField),
    bind(Form, Char('a'), CTRL, Action::EditText(Edit::Home), KeyHelp::StartOfTheField),
    bind(Form, End, NONE, Action::EditText(Edit::End), KeyHelp::EndOfTheField),
    bind(Form, Char('e'), CTRL, Action::EditText(Edit::End), KeyHelp::EndOfTheField),
    bind(Form, Char('u'), CTRL, Action::EditText(Edit::KillToStart), KeyHelp::DeleteToTheStart),
    bind(Form, Char('k'), CTRL, Action::EditText(Edit::KillToEnd), KeyHelp::DeleteToTheEnd),
    bind(Form, Char('w'), CTRL, Action::EditText(Edit::KillWord), KeyHelp::DeleteTheWordBefore),
    bind(Question, Char('y'), NONE, Action::Confirm, KeyHelp::Yes),
    bind(Question, Enter, NONE, Action::Confirm, KeyHelp::Yes),
    bind(Question, Char('s'), NONE, Action::Save, KeyHelp::SaveThenQuit),
    bind(Question, Char('d'), NONE, Action::Discard, KeyHelp::QuitWithoutSaving),
    bind(Question, Char('o'), NONE, Action::Overwrite, KeyHelp::OverwriteTheFileOnDisk),
    bind(Question, Char('r'), NONE, Action::Reload, KeyHelp::ReloadTheFileFromDisk),
    bind(Question, Char('n'), NONE, Action::Cancel, KeyHelp::No),
    bind(Question, Char('c'), NONE, Action::Cancel, KeyHelp::Cancel),
    bind(Question, Esc, NONE, Action::Cancel, KeyHelp::Cancel),
    bind(Help, Right, NONE, Action::HelpPage(1), KeyHelp::NextPage),
    bind(Help, PageDown, NONE, Action::HelpPage(1), KeyHelp::NextPage),
    bind(Help, Left, NONE, Action::HelpPage(-1), KeyHelp::PreviousPage),
    bind(Help, PageUp, NONE, Action::HelpPage(-1), KeyHelp::PreviousPage),
    bind(Help, Char('?'), NONE, Action::Help, KeyHelp::CloseTheHelp),
    bind(Help, Esc, NONE, Action::Help, KeyHelp::CloseTheHelp),
    bind(Help, Char('q'), NONE, Action::Help, KeyHelp::CloseTheHelp),
    bind(Palette, Enter, NONE, Action::Confirm, KeyHelp::RunTheCommand),
    bind(Palette, Esc, NONE, Action::Cancel, KeyHelp::Cancel),
    bind(Palette, Char('p'), CTRL, Action::Cancel, KeyHelp::Cancel),
    bind(Palette, Up, NONE, Action::Select(-1), KeyHelp::PreviousCommand),
    bind(Palette, Down, NONE, Action::Select(1), KeyHelp::NextCommand),
    bind(Palette, Backspace, NONE, Action::EditText(Edit::Backspace), KeyHelp::DeleteACharacter),
    bind(Palette, Char('u'), CTRL, Action::EditText(Edit::KillToStart), KeyHelp::ClearTheFilter),
];

/// The name a config file gives each thing a key can do (`(key: "w", does: "save")`): stable
/// identifiers, not the help's words, so rewording a help line breaks no one's config. The
/// README lists them; a test checks every binding's action has exactly one.
#[rustfmt::skip]
pub const ACTION_NAMES: &[(Action, &str)] = &[
    (Action::MoveDays(-1), "previous-day"),
    (Action::MoveDays(1), "next-day"),
    (Action::MoveDays(-7), "previous-week"),
    (Action::MoveDays(7), "next-week"),
    (Action::MoveMonths(-1), "previous-month"),
    (Action::MoveMonths(1), "next-month"),
    (Action::GoToStart, "first-day"),
    (Action::GoToEnd, "last-day"),
    (Action::GoToToday, "today"),
    (Action::ToggleHoliday, "holiday"),
    (Action::MarkRange, "mark-range"),
    (Action::ToggleException, "exception"),
    (Action::ImportHolidays, "import-holidays"),
    (Action::ImportActivities, "import-activities"),
    (Action::Export, "export"),
    (Action::ShiftHoliday(-1), "holiday-earlier"),
    (Action::ShiftHoliday(1), "holiday-later"),
    (Action::ShiftHoliday(-7), "holiday-week-earlier"),
    (Action::ShiftHoliday(7), "holiday-week-later"),
    (Action::SwitchFocus, "focus"),
    (Action::Select(-1), "previous-activity"),
    (Action::Select(1), "next-activity"),
    (Action::PageRows(-1), "page-up"),
    (Action::PageRows(1), "page-down"),
    (Action::FirstActivity, "first-activity"),
    (Action::LastActivity, "last-activity"),
    (Action::ChangeHours(1), "more-hours"),
    (Action::ChangeHours(-1), "fewer-hours"),
    (Action::EditActivity, "edit"),
    (Action::AddActivity, "add"),
    (Action::DeleteActivity, "delete"),
    (Action::MoveActivity(-1), "move-up"),
    (Action::MoveActivity(1), "move-down"),
    (Action::SetStart, "set-start"),
    (Action::EditWorkingTime, "working-hours"),
    (Action::CyclePerson, "person"),
    (Action::LogHours, "log"),
    (Action::ToggleDone, "done"),
    (Action::SaveBaseline, "baseline"),
    (Action::Sync, "sync"),
    (Action::PullHolidays, "pull-holidays"),
    (Action::Search, "search"),
    (Action::SearchNext, "next-match"),
    (Action::SearchPrevious, "previous-match"),
    (Action::Undo, "undo"),
    (Action::Redo, "redo"),
    (Action::Save, "save"),
    (Action::SwitchView, "view"),
    (Action::Zoom, "zoom"),
    (Action::Help, "help"),
    (Action::Palette, "palette"),
    (Action::Quit, "quit"),
    (Action::Cancel, "cancel"),
    (Action::Suspend, "suspend"),
    (Action::Confirm, "confirm"),
    (Action::NextField, "next-field"),
    (Action::PreviousField, "previous-field"),
    (Action::EditText(Edit::Backspace), "backspace"),
    (Action::EditText(Edit::Delete), "delete-char"),
    (Action::EditText(Edit::Left), "cursor-left"),
    (Action::EditText(Edit::Right), "cursor-right"),
    (Action::EditText(Edit::Home), "field-start"),
    (Action::EditText(Edit::End), "field-end"),
    (Action::EditText(Edit::KillToStart), "delete-to-start"),
    (Action::EditText(Edit::KillToEnd), "delete-to-end"),
    (Action::EditText(Edit::KillWord), "delete-word"),
    (Action::Discard, "discard"),
    (Action::Overwrite, "overwrite"),
    (Action::Reload, "reload"),
    (Action::HelpPage(1), "next-page"),
    (Action::HelpPage(-1), "previous-page"),
];

/// The config file's name for `action` (see [`ACTION_NAMES`]).
pub fn action_name(action: Action) -> Option<&'static str> {
    ACTION_NAMES
        .iter()
        .find(|(named, _)| *named == action)
        .map(|(_, name)| *name)
}

/// The key table in force: the defaults of [`BINDINGS`] and, over them, the keys the user's
/// config file adds (`(key: "w", does: "save")`: the key does what the default bindings of
/// the action named `save` do, where they do it). Help, footer and dialog hints are read from
/// here.
#[derive(Debug, Clone)]
pub struct KeyTable {
    bindings: Vec<Binding>,
}

impl Default for KeyTable {
    fn default() -> Self {
        KeyTable {
            bindings: BINDINGS.to_vec(),
        }
    }
}

impl KeyTable {
    /// Every binding, defaults first.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Adds `key` doing what the default bindings of the action named `does` (see
    /// [`ACTION_NAMES`]) do, where they do it. Refused, with the reason, when the key cannot be
    /// read, no action has that name, or the key already does something else where the new
    /// binding would work.
    pub fn remap(&mut self, key: &str, does: &str) -> Result<(), KeyError> {
        let (code, modifiers) = parse_key(key)?;
        let targets: Vec<Binding> = BINDINGS
            .iter()
            .filter(|binding| action_name(binding.action) == Some(does))
            .copied()
            .collect();
        if targets.is_empty() {
            return Err(KeyError::NoSuchAction(does.to_owned()));
        }
        for target in &targets {
            let added = Binding {
                code,
                modifiers,
                ..*target
            };
            if let Some(taken) = self
                .bindings
                .iter()
                .find(|other| clash(other, &added) && other.action != added.action)
            {
                return Err(KeyError::Taken {
                    key: key.to_owned(),
                    by: key_name(taken),
                    does: taken.help.text(crate::plan::Locale::EN),
                });
            }
        }
        for target in targets {
            self.bindings.insert(
                0,
                Binding {
                    code,
                    modifiers,
                    ..target
                },
            );
        }
        Ok(())
    }

    /// The action a key asks for in the given contexts, searched in order.
    pub fn action_for(&self, key: &Key, contexts: &[Context]) -> Option<Action> {
        action_in(&self.bindings, key, contexts)
    }

    /// The name of the key for `action` in `context` (see [`key_for`]).
    pub fn key_for(
        &self,
        context: Context,
        action: Action,
        help: Option<KeyHelp>,
    ) -> Option<String> {
        self.bindings
            .iter()
            .filter(|binding| binding.context == context && binding.action == action)
            .find(|binding| help.is_none_or(|help| binding.help == help))
            .map(key_name)
    }
}

/// True when two bindings are the same key where both could apply.
fn clash(a: &Binding, b: &Binding) -> bool {
    let together = a.context == b.context
        || (a.context == Everywhere && matches!(b.context, Calendar | Gantt))
        || (b.context == Everywhere && matches!(a.context, Calendar | Gantt));
    together && a.code == b.code && a.modifiers == b.modifiers
}

/// Why a key of the settings file was not bound. The settings are read before any plan, so
/// these are said in English, with the file's name, as the other settings errors are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Text that names no key.
    #[error("\"{0}\" is not a key (as w, Ctrl+w, Alt+x, Space)")]
    NotAKey(String),
    /// A name that no action has.
    #[error(
        "\"{0}\" is not the name of something a key does; the names are listed in README.md \
         (\"Settings\"), for example \"save\", \"next-day\", \"zoom\""
    )]
    NoSuchAction(String),
    /// A key that already does something else where the new binding would work.
    #[error("{by} already does \"{does}\"; \"{key}\" is not changed")]
    Taken {
        /// The key asked for.
        key: String,
        /// The key as the help names it.
        by: String,
        /// What it does.
        does: &'static str,
    },
}

/// `w`, `Ctrl+w`, `Alt+x`, `Space`, `Enter`, `F5`-free names as the help writes them.
pub fn parse_key(text: &str) -> Result<(KeyCode, KeyModifiers), KeyError> {
    let mut modifiers = NONE;
    let mut rest = text.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        if let Some(after) = lower.strip_prefix("ctrl+") {
            modifiers |= CTRL;
            rest = &rest[rest.len() - after.len()..];
        } else if let Some(after) = lower.strip_prefix("alt+") {
            modifiers |= ALT;
            rest = &rest[rest.len() - after.len()..];
        } else {
            break;
        }
    }
    let code = match rest.to_ascii_lowercase().as_str() {
        "space" => Char(' '),
        "enter" => Enter,
        "esc" => Esc,
        "tab" => Tab,
        "bksp" | "backspace" => Backspace,
        "del" | "delete" => Delete,
        "home" => Home,
        "end" => End,
        "pgup" => PageUp,
        "pgdn" => PageDown,
        "up" => Up,
        "down" => Down,
        "left" => Left,
        "right" => Right,
        _ => {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if modifiers.contains(CTRL) => Char(c.to_ascii_lowercase()),
                (Some(c), None) => Char(c),
                _ => {
                    return Err(KeyError::NotAKey(text.to_owned()));
                }
            }
        }
    };
    Ok((code, modifiers))
}

/// True when `binding` is the key pressed. Characters carry their case, so Shift is ignored
/// for them (terminals differ in whether they report it).
fn matches(binding: &Binding, key: &Key) -> bool {
    let modifiers = match key.code {
        Char(_) => key.modifiers - SHIFT,
        _ => key.modifiers,
    };
    binding.code == key.code && binding.modifiers == modifiers
}

/// The action a key asks for in the given contexts under the default table.
pub fn action_for(key: &Key, contexts: &[Context]) -> Option<Action> {
    action_in(BINDINGS, key, contexts)
}

fn action_in(bindings: &[Binding], key: &Key, contexts: &[Context]) -> Option<Action> {
    for context in contexts {
        let found = bindings
            .iter()
            .find(|binding| binding.context == *context && matches(binding, key));
        if let Some(binding) = found {
            return Some(binding.action);
        }
    }
    let typing = (contexts.contains(&Form) || contexts.contains(&Palette))
        && (key.modifiers - SHIFT).is_empty();
    match key.code {
        Char(c) if typing => Some(Action::Type(c)),
        _ => None,
    }
}

/// How the help names a key: `←`, `Shift+→`, `Ctrl+R`, `PgDn`.
pub fn key_name(binding: &Binding) -> String {
    let key = match binding.code {
        Left => "←".to_owned(),
        Right => "→".to_owned(),
        Up => "↑".to_owned(),
        Down => "↓".to_owned(),
        PageUp => "PgUp".to_owned(),
        PageDown => "PgDn".to_owned(),
        Home => "Home".to_owned(),
        End => "End".to_owned(),
        Tab => "Tab".to_owned(),
        BackTab => "Tab".to_owned(),
        Enter => "Enter".to_owned(),
        Esc => "Esc".to_owned(),
        Backspace => "Bksp".to_owned(),
        Delete => "Del".to_owned(),
        Char(' ') => "Space".to_owned(),
        Char(c) if binding.modifiers.contains(CTRL) => c.to_ascii_uppercase().to_string(),
        Char(c) => c.to_string(),
        _ => "?".to_owned(),
    };
    let mut name = String::new();
    if binding.modifiers.contains(CTRL) {
        name.push_str("Ctrl+");
    }
    if binding.modifiers.contains(ALT) {
        name.push_str("Alt+");
    }
    if binding.modifiers.contains(SHIFT) {
        name.push_str("Shift+");
    }
    name + &key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key::new(code, modifiers)
    }

    #[test]
    fn no_key_is_bound_twice_where_both_bindings_could_apply() {
        let reachable_together = |a: Context, b: Context| {
            a == b
                || (a == Everywhere && matches!(b, Calendar | Gantt))
                || (b == Everywhere && matches!(a, Calendar | Gantt))
        };
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let clash = reachable_together(a.context, b.context)
                    && a.code == b.code
                    && a.modifiers == b.modifiers;
                assert!(
                    !clash,
                    "{} is bound twice: {:?} and {:?}",
                    key_name(a),
                    a.action,
                    b.action
                );
            }
        }
    }

    #[test]
    fn the_focused_context_wins_over_everywhere() {
        let down = key(Down, NONE);
        assert_eq!(
            action_for(&down, &[Gantt, Everywhere]),
            Some(Action::Select(1))
        );
        assert_eq!(
            action_for(&down, &[Calendar, Everywhere]),
            Some(Action::MoveDays(7))
        );
    }

    #[test]
    fn characters_match_with_or_without_a_reported_shift() {
        let upper = key(Char('K'), SHIFT);
        assert_eq!(
            action_for(&upper, &[Gantt, Everywhere]),
            Some(Action::MoveActivity(-1))
        );
        let ctrl_r = key(Char('r'), CTRL);
        assert_eq!(
            action_for(&ctrl_r, &[Calendar, Everywhere]),
            Some(Action::Redo)
        );
    }

    #[test]
    fn forms_take_typed_characters() {
        assert_eq!(
            action_for(&key(Char('q'), NONE), &[Form]),
            Some(Action::Type('q'))
        );
        assert_eq!(action_for(&key(Esc, NONE), &[Form]), Some(Action::Cancel));
        assert_eq!(action_for(&key(Char('q'), NONE), &[Question]), None);
    }

    #[test]
    fn the_config_file_can_add_keys_but_not_clash() {
        let mut table = KeyTable::default();
        table.remap("w", "save").unwrap();
        assert_eq!(
            table.action_for(&key(Char('w'), NONE), &[Calendar, Everywhere]),
            Some(Action::Save)
        );
        assert_eq!(
            table.key_for(Everywhere, Action::Save, None).as_deref(),
            Some("w")
        );
        let clash = table.remap("u", "save").unwrap_err().to_string();
        assert!(clash.contains("u already does \"undo\""), "{clash}");
        assert!(
            table
                .remap("Ctrl+q", "fly")
                .unwrap_err()
                .to_string()
                .contains("not the name of something a key does")
        );
        assert!(
            table
                .remap("Ctrl+", "save")
                .unwrap_err()
                .to_string()
                .contains("not a key")
        );
        table.remap("Ctrl+Q", "quit").unwrap();
        assert_eq!(
            table.action_for(&key(Char('q'), CTRL), &[Gantt, Everywhere]),
            Some(Action::Quit)
        );
    }

    /// Every default binding's action has one name; no name is given twice; and a config
    /// names actions, not the help's words, so rewording help changes nothing.
    #[test]
    fn every_bound_action_has_one_config_name() {
        for binding in BINDINGS {
            let named = ACTION_NAMES
                .iter()
                .filter(|(action, _)| *action == binding.action)
                .count();
            assert_eq!(named, 1, "{:?} ({:?})", binding.action, binding.help);
        }
        let mut names: Vec<&str> = ACTION_NAMES.iter().map(|(_, name)| *name).collect();
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "a name is given twice");
        for (action, name) in ACTION_NAMES {
            assert!(
                BINDINGS.iter().any(|binding| binding.action == *action),
                "{name} names an action no key does"
            );
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{name}"
            );
        }
        let mut table = KeyTable::default();
        table.remap("w", "next-day").unwrap();
        assert_eq!(
            table.action_for(&key(Char('w'), NONE), &[Calendar, Everywhere]),
            Some(Action::MoveDays(1))
        );
        // The help's words are not names: "next day" was never an identifier.
        assert!(table.remap("W", "next day").is_err());
        let readme = include_str!("../../README.md");
        for (_, name) in ACTION_NAMES {
            assert!(
                readme.contains(&format!("| `{name}` |")),
                "README lacks {name}"
            );
        }
    }

    #[test]
    fn keys_have_readable_names() {
        let shift_right = BINDINGS
            .iter()
            .find(|b| b.action == Action::ShiftHoliday(1))
            .unwrap();
        assert_eq!(key_name(shift_right), "Shift+→");
        let redo = BINDINGS.iter().find(|b| b.action == Action::Redo).unwrap();
        assert_eq!(key_name(redo), "Ctrl+R");
    }
}
