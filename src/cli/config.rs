//! The user's settings: `$XDG_CONFIG_HOME/cronograma/config.ron` (or `~/.config/…`), as
//! `(theme: "light", keys: [(key: "w", does: "save")])`: the theme, and keys added over the
//! one key table (`does` names an action: `app::keys::ACTION_NAMES`).
//!
//! The file is read as carefully as a plan: only a regular file, opened without blocking, of at
//! most [`MAX_CONFIG_BYTES`], through the plan's RON reader. A file that cannot be used is never
//! silently ignored: each problem is one warning naming the file (and the line and column where
//! there is one), and the program goes on with its defaults — a setting must never keep the
//! plan from opening.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, Deserializer};

use crate::app::keys::{KeyTable, action_name, parse_key};
use crate::palette::ThemeChoice;
use crate::plan::load::{RonFormat, read_ron_as};

/// A config file is a few lines; anything larger is not one.
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024;

const CONFIG_FORMAT: RonFormat = RonFormat {
    what: "the settings",
    after_the_end: "the file holds one `(theme: …, keys: […])`; remove what follows it",
    hint: "see README.md (\"Settings\") for what the file may hold",
};

/// What the file may say.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    #[serde(default)]
    theme: Option<ThemeSetting>,
    /// Keys added to the key table.
    #[serde(default)]
    keys: Vec<KeySetting>,
    /// A file whose first line is the CalDAV password (`sync`, `holidays pull`).
    #[serde(default)]
    password_file: Option<PathBuf>,
    /// The calendar server the view's `Y` syncs with.
    #[serde(default)]
    sync: Option<SyncSetting>,
}

/// `sync: (url: "https://…/calendar/", user: "ana")`: the calendar the view keeps in step.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncSetting {
    /// The calendar's CalDAV URL.
    pub url: String,
    /// Who signs in (the password as for `cronograma sync`).
    #[serde(default)]
    pub user: Option<String>,
    /// Plain http to another host allowed.
    #[serde(default)]
    pub insecure: bool,
    /// A holiday calendar on the same server, which the view's `F` pulls holidays from.
    #[serde(default)]
    pub holidays_url: Option<String>,
    /// Calendars on the same server (with the same sign-in) whose busy time `busy pull`,
    /// `sync` and the view's `Y` bring into the plan.
    #[serde(default)]
    pub busy: Vec<BusySetting>,
}

/// A calendar busy time is read from: `"https://…/personal/"` (everyone's), or
/// `(url: "https://…/ana-job/", who: "Ana")` (one person's).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum BusySetting {
    /// Everyone's busy time.
    Everyone(String),
    /// One person's.
    Person {
        /// The calendar's CalDAV URL.
        url: String,
        /// The person of the plan it is for.
        who: String,
    },
}

impl BusySetting {
    /// The calendar as the CalDAV layer reads it.
    pub fn source(&self) -> crate::caldav::BusySource {
        match self {
            BusySetting::Everyone(url) => crate::caldav::BusySource {
                url: url.clone(),
                who: None,
            },
            BusySetting::Person { url, who } => crate::caldav::BusySource {
                url: url.clone(),
                who: Some(who.clone()),
            },
        }
    }
}

/// `"dark"`, `"light"` or `"auto"`, in any case.
#[derive(Debug, Clone, Copy)]
struct ThemeSetting(Option<ThemeChoice>);

impl<'de> Deserialize<'de> for ThemeSetting {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        match ThemeChoice::named(&name) {
            Some(ThemeChoice::Auto) => Ok(ThemeSetting(None)),
            Some(choice) => Ok(ThemeSetting(Some(choice))),
            None => Err(de::Error::custom(format!(
                "\"{name}\" is not dark, light or auto"
            ))),
        }
    }
}

/// `(key: "w", does: "save")`: checked as it is read, so a mistake is told where it is.
#[derive(Debug)]
struct KeySetting {
    key: String,
    does: String,
}

impl<'de> Deserialize<'de> for KeySetting {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            key: String,
            does: String,
        }
        let Written { key, does } = Written::deserialize(deserializer)?;
        parse_key(&key).map_err(de::Error::custom)?;
        if action_name_known(&does) {
            Ok(KeySetting { key, does })
        } else {
            Err(de::Error::custom(format!(
                "\"{does}\" is not the name of something a key does (README.md, \"Settings\", \
                 lists the names: save, undo, next-day, zoom…)"
            )))
        }
    }
}

/// True when `name` names an action of the key table.
fn action_name_known(name: &str) -> bool {
    crate::app::keys::BINDINGS
        .iter()
        .any(|binding| action_name(binding.action) == Some(name))
}

/// The settings, read once.
#[derive(Debug, Default)]
pub struct Settings {
    /// The theme the file names, if it names one.
    pub theme: Option<ThemeChoice>,
    /// The key table with the file's keys added.
    pub keys: KeyTable,
    /// What could not be used, one sentence each, naming the file.
    pub warnings: Vec<String>,
    /// The CalDAV password's file, if the config names one (relative to the config's folder).
    pub password_file: Option<PathBuf>,
    /// The calendar server the view syncs with, if the config names one.
    pub sync: Option<SyncSetting>,
}

/// Where the file is.
fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("cronograma").join("config.ron"))
}

/// The user's settings (the defaults when there is no file).
pub fn settings() -> Settings {
    match path() {
        Some(path) => settings_at(&path),
        None => Settings::default(),
    }
}

/// The settings of the file at `path`: none when it does not exist, the defaults and a warning
/// when it cannot be used.
pub fn settings_at(path: &Path) -> Settings {
    let warned = |message: String| Settings {
        warnings: vec![format!(
            "{}: {message} (the settings are not used)",
            path.display()
        )],
        ..Settings::default()
    };
    let bytes = match crate::plan::read_regular(path, MAX_CONFIG_BYTES) {
        Ok(bytes) => bytes,
        // No file, no settings; but a link to nowhere was meant to be one.
        Err(error)
            if error.kind() == std::io::ErrorKind::NotFound
                && std::fs::symlink_metadata(path).is_err() =>
        {
            return Settings::default();
        }
        Err(error) => return warned(format!("cannot be read: {error}")),
    };
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return warned(format!(
            "is larger than {MAX_CONFIG_BYTES} bytes, too large for a settings file"
        ));
    }
    let bytes = bytes.strip_prefix(crate::plan::BOM).unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => settings_from(path, text),
        Err(error) => {
            let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            let line = 1 + valid.matches('\n').count();
            warned(format!("line {line}: the file is not UTF-8 text"))
        }
    }
}

/// The settings `text` (the file at `path`) holds; what cannot be used is in `warnings`.
pub fn settings_from(path: &Path, text: &str) -> Settings {
    let config: Config = match read_ron_as(text, &CONFIG_FORMAT) {
        Ok(config) => config,
        Err(error) => {
            let hint = error
                .hint
                .map(|hint| format!("; {hint}"))
                .unwrap_or_default();
            return Settings {
                warnings: vec![format!(
                    "{}:{}:{}: {}{hint} (the settings are not used)",
                    path.display(),
                    error.at.line,
                    error.at.col,
                    error.message
                )],
                ..Settings::default()
            };
        }
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut settings = Settings {
        theme: config.theme.and_then(|theme| theme.0),
        password_file: config.password_file.map(|file| folder.join(file)),
        sync: config.sync,
        ..Settings::default()
    };
    for (index, setting) in config.keys.iter().enumerate() {
        if let Err(why) = settings.keys.remap(&setting.key, &setting.does) {
            settings
                .warnings
                .push(format!("{}: keys[{index}]: {why}", path.display()));
        }
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::keys::Context;

    fn from(text: &str) -> Settings {
        settings_from(Path::new("config.ron"), text)
    }

    #[test]
    fn the_file_sets_the_theme_and_adds_keys_refusing_clashes() {
        let settings =
            from(r#"(theme: "Light", keys: [(key: "w", does: "save"), (key: "u", does: "quit")])"#);
        assert_eq!(settings.theme, Some(ThemeChoice::Light));
        let key = |action| settings.keys.key_for(Context::Everywhere, action, None);
        assert_eq!(key(Action::Save).as_deref(), Some("w"));
        // `u` undoes: the clash is refused, said with where it is, and `u` still undoes.
        assert_eq!(key(Action::Undo).as_deref(), Some("u"));
        assert_ne!(key(Action::Quit).as_deref(), Some("u"));
        assert_eq!(settings.warnings.len(), 1, "{:?}", settings.warnings);
        assert!(settings.warnings[0].starts_with("config.ron: keys[1]: u already does"));
    }

    #[test]
    fn busy_calendars_are_everyones_or_one_persons() {
        let settings = from(
            r#"(sync: (url: "https://h/ana/plan/", busy: ["https://h/ana/uni/", (url: "https://h/ana/job/", who: "Ana")]))"#,
        );
        assert!(settings.warnings.is_empty(), "{:?}", settings.warnings);
        let busy = settings.sync.unwrap().busy;
        assert_eq!(
            busy,
            [
                BusySetting::Everyone("https://h/ana/uni/".into()),
                BusySetting::Person {
                    url: "https://h/ana/job/".into(),
                    who: "Ana".into()
                }
            ]
        );
        assert_eq!(busy[1].source().who.as_deref(), Some("Ana"));
        let wrong = from(r#"(sync: (url: "https://h/p/", busy: [(url: "https://h/x/")]))"#);
        assert_eq!(wrong.warnings.len(), 1, "{:?}", wrong.warnings);
    }

    #[test]
    fn every_mistake_says_which_and_where() {
        for (text, expected) in [
            ("(colour: 1)", "config.ron:1:2: unknown field `colour`"),
            (
                r#"(theme: "blue")"#,
                "config.ron:1:10: theme: \"blue\" is not dark, light",
            ),
            (
                "(\n  keys: [(key: \"w\", does: \"fly\")],\n)",
                "config.ron:2:32: keys[0]: \"fly\" is not the name",
            ),
            (
                r#"(keys: [(key: "Ctrl+", does: "save")])"#,
                "config.ron:1:36: keys[0]: \"Ctrl+\" is not a key",
            ),
            ("(theme: ", "config.ron:1:8: Expected string in theme"),
        ] {
            let settings = from(text);
            assert_eq!(settings.theme, None, "{text}");
            assert_eq!(settings.warnings.len(), 1, "{text}");
            assert!(
                settings.warnings[0].starts_with(expected),
                "{text}: {}",
                settings.warnings[0]
            );
        }
    }
}
