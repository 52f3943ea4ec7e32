//! The user's settings: `$XDG_CONFIG_HOME/cronograma/config.ron` (or `~/.config/…`), as
//! `(theme: "light", keys: [(key: "w", does: "save")])`: the theme, and keys added over the
//! one key table (`does` names an action: `app::keys::ACTION_NAMES`). A file that cannot be
//! read, or a key that clashes, is reported and otherwise ignored: a setting must never keep
//! the plan from opening.

use std::path::PathBuf;

use serde::Deserialize;

use crate::palette::ThemeChoice;

/// What the file may say.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    /// `"dark"`, `"light"` or `"auto"`.
    #[serde(default)]
    theme: Option<String>,
    /// Keys added to the key table.
    #[serde(default)]
    keys: Vec<KeySetting>,
}

/// `(key: "w", does: "save")`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeySetting {
    key: String,
    does: String,
}

/// The settings, read once.
#[derive(Debug, Default)]
pub struct Settings {
    /// The theme the file names, if it names one.
    pub theme: Option<ThemeChoice>,
    /// The key table with the file's keys added.
    pub keys: crate::app::keys::KeyTable,
}

/// Where the file is.
fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("cronograma").join("config.ron"))
}

fn warn(path: &std::path::Path, message: &str) {
    eprintln!(
        "{}",
        crate::text::for_terminal(&format!("warning: {}: {message}", path.display()))
    );
}

/// The user's settings (the defaults when there is no file).
pub fn settings() -> Settings {
    match path() {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => settings_from(&path, &text),
            Err(_) => Settings::default(),
        },
        None => Settings::default(),
    }
}

/// The settings `text` (the file at `path`) holds; what cannot be used is warned about.
pub fn settings_from(path: &std::path::Path, text: &str) -> Settings {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let config: Config = match options.from_str(text) {
        Ok(config) => config,
        Err(error) => {
            warn(path, &format!("{error} (the settings are ignored)"));
            return Settings::default();
        }
    };
    let theme = match config
        .theme
        .map(|theme| theme.to_ascii_lowercase())
        .as_deref()
    {
        Some("dark") => Some(ThemeChoice::Dark),
        Some("light") => Some(ThemeChoice::Light),
        Some("auto") | None => None,
        Some(other) => {
            warn(
                path,
                &format!("theme \"{other}\" is not dark, light or auto"),
            );
            None
        }
    };
    let mut settings = Settings {
        theme,
        ..Settings::default()
    };
    for setting in config.keys {
        if let Err(why) = settings.keys.remap(&setting.key, &setting.does) {
            warn(path, &why);
        }
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::keys::Context;

    #[test]
    fn the_file_sets_the_theme_and_adds_keys_refusing_clashes() {
        let text =
            r#"(theme: "light", keys: [(key: "w", does: "save"), (key: "u", does: "quit")])"#;
        let settings = settings_from(std::path::Path::new("config.ron"), text);
        assert_eq!(settings.theme, Some(ThemeChoice::Light));
        assert_eq!(
            settings
                .keys
                .key_for(Context::Everywhere, Action::Save, None)
                .as_deref(),
            Some("w")
        );
        // `u` undoes: the clash is refused and `u` still undoes.
        assert_eq!(
            settings
                .keys
                .key_for(Context::Everywhere, Action::Undo, None)
                .as_deref(),
            Some("u")
        );
        assert_ne!(
            settings
                .keys
                .key_for(Context::Everywhere, Action::Quit, None)
                .as_deref(),
            Some("u")
        );
        let broken = settings_from(std::path::Path::new("config.ron"), "(colour: 1)");
        assert_eq!(broken.theme, None);
    }
}
