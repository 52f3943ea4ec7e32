//! The command palette (`:` or Ctrl+P): every action of the key table by its help words,
//! filtered as one types (accents and case ignored, every word typed must match), with the
//! keys that do it; Enter runs the one chosen. It is made from the same table as the help, so
//! it lists what the keys do, under the user's own keys too.

use super::keys::{Binding, Context, KeyTable, action_name, key_name};
use super::{Action, App, Failure, Focus, Mode};
use crate::messages::{KeyHelp, Msg};
use crate::plan::Locale;
use crate::text::fold;

/// The palette as it is being typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandPalette {
    /// What was typed.
    pub query: String,
    /// The chosen row among those that match.
    pub selected: usize,
}

/// One thing the palette offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// What it does.
    pub action: Action,
    /// Its words in the help.
    pub help: KeyHelp,
    /// The keys that do it, as the help names them (`Space, f`).
    pub keys: String,
    /// Where its keys work: a pane's commands move to that pane first.
    pub context: Context,
}

/// Every command of `table`, in the table's order: one per action and help words, with all
/// the keys that do it joined.
pub fn commands(table: &KeyTable) -> Vec<Command> {
    let mut commands: Vec<Command> = Vec::new();
    let offered = |binding: &&Binding| {
        matches!(
            binding.context,
            Context::Everywhere | Context::Calendar | Context::Gantt
        ) && binding.action != Action::Palette
    };
    for binding in table.bindings().iter().filter(offered) {
        let name = key_name(binding);
        let same = |command: &&mut Command| {
            command.action == binding.action && command.help == binding.help
        };
        match commands.iter_mut().find(same) {
            Some(command) => {
                command.keys.push_str(", ");
                command.keys.push_str(&name);
            }
            None => commands.push(Command {
                action: binding.action,
                help: binding.help,
                keys: name,
                context: binding.context,
            }),
        }
    }
    commands
}

impl CommandPalette {
    /// The commands whose words (in `locale`'s language, or the action's name in the
    /// settings file) hold every word of the query; best first: those whose words start with
    /// what was typed, then the shortest (`guard` finds "save" before "save the baseline"),
    /// then in the table's order.
    pub fn matching(&self, table: &KeyTable, locale: Locale) -> Vec<Command> {
        let query = fold(&self.query);
        let words: Vec<&str> = query.split_whitespace().collect();
        let mut ranked: Vec<((bool, usize), Command)> = commands(table)
            .into_iter()
            .filter_map(|command| {
                let said = fold(command.help.text(locale));
                let name = action_name(command.action).unwrap_or_default();
                let found = |word: &&str| said.contains(word) || name.contains(word);
                if !words.iter().all(found) {
                    return None;
                }
                let starts = |word: &&str| {
                    said.split_whitespace().any(|part| part.starts_with(word))
                        || name.split('-').any(|part| part.starts_with(word))
                };
                let rank = (!words.iter().all(starts), said.chars().count());
                Some((rank, command))
            })
            .collect();
        // Stable: equal ranks keep the table's order.
        ranked.sort_by_key(|(rank, _)| *rank);
        ranked.into_iter().map(|(_, command)| command).collect()
    }
}

impl App {
    /// Opens the palette, empty.
    pub(super) fn open_palette(&mut self) {
        self.mode = Mode::Palette(CommandPalette::default());
    }

    /// What a key does with the palette open: typing filters, ↑/↓ choose, Enter runs the
    /// chosen command (on its pane), Esc closes.
    pub(super) fn apply_in_palette(&mut self, action: Action) -> Result<(), Failure> {
        let locale = self.locale();
        let Mode::Palette(palette) = &mut self.mode else {
            return Ok(());
        };
        match action {
            Action::Type(c) => {
                palette.query.push(c);
                palette.selected = 0;
            }
            Action::EditText(super::form::Edit::Backspace) => {
                palette.query.pop();
                palette.selected = 0;
            }
            Action::EditText(super::form::Edit::KillToStart) => {
                palette.query.clear();
                palette.selected = 0;
            }
            Action::Select(step) => {
                let count = palette.matching(&self.keys, locale).len();
                let last = count.saturating_sub(1) as i64;
                palette.selected = (palette.selected as i64 + step).clamp(0, last) as usize;
            }
            Action::Confirm => return self.run_chosen(),
            Action::Cancel | Action::Palette => self.mode = Mode::Normal,
            _ => {}
        }
        Ok(())
    }

    /// Runs the palette's chosen command as its key would, on its pane.
    fn run_chosen(&mut self) -> Result<(), Failure> {
        let Mode::Palette(palette) = &self.mode else {
            return Ok(());
        };
        let chosen = palette
            .matching(&self.keys, self.locale())
            .into_iter()
            .nth(palette.selected);
        let Some(command) = chosen else {
            return Err(Failure::refused(Msg::PaletteNothing, &[&palette.query]));
        };
        self.mode = Mode::Normal;
        let elsewhere = matches!(
            (command.context, self.focus),
            (Context::Calendar, Focus::Gantt) | (Context::Gantt, Focus::Calendar)
        );
        if elsewhere {
            self.switch_pane();
        }
        self.apply_in_normal(command.action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn palette(query: &str) -> CommandPalette {
        CommandPalette {
            query: query.into(),
            selected: 0,
        }
    }

    #[test]
    fn every_action_of_the_panes_is_offered_once_with_all_its_keys() {
        let all = commands(&KeyTable::default());
        let save = all
            .iter()
            .find(|command| command.action == Action::Save)
            .unwrap();
        assert_eq!(save.keys, "s, Ctrl+S");
        assert!(all.iter().all(|command| command.action != Action::Palette));
        assert!(
            all.iter()
                .any(|command| command.action == Action::Select(1))
        );
        assert!(all.iter().all(|command| command.context != Context::Form));
    }

    #[test]
    fn the_filter_ignores_accents_and_case_and_needs_every_word() {
        let table = KeyTable::default();
        let found = palette("EXPORTAR").matching(&table, Locale::ES);
        assert_eq!(found[0].action, Action::Export);
        // `día` typed without its accent, and two words in any order.
        let days = palette("dia siguiente").matching(&table, Locale::ES);
        assert_eq!(days[0].action, Action::MoveDays(1));
        assert!(
            palette("siguiente zzz")
                .matching(&table, Locale::ES)
                .is_empty()
        );
        // The settings file's names are found too.
        let named = palette("pull-holidays").matching(&table, Locale::EN);
        assert_eq!(named[0].action, Action::PullHolidays);
        // What starts a word, and the shortest, first: "guardar" before the baseline's.
        let save = palette("GUARD").matching(&table, Locale::ES);
        assert_eq!(save[0].action, Action::Save);
        assert!(
            save.iter()
                .any(|command| command.action == Action::SaveBaseline)
        );
    }
}
