//! The user's settings: `$XDG_CONFIG_HOME/cronograma/config.ron` (or `~/.config/…`), as
//! `(theme: "light")`. A file that cannot be read is reported once and otherwise ignored: a
//! setting must never keep the plan from opening.

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
}

/// Where the file is.
fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("cronograma").join("config.ron"))
}

/// The theme the config file names, if it names one.
pub fn theme() -> Option<ThemeChoice> {
    let path = path()?;
    let text = std::fs::read_to_string(&path).ok()?;
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let config: Config = match options.from_str(&text) {
        Ok(config) => config,
        Err(error) => {
            eprintln!(
                "{}",
                crate::text::for_terminal(&format!(
                    "warning: {}: {error} (the settings are ignored)",
                    path.display()
                ))
            );
            return None;
        }
    };
    match config.theme?.to_ascii_lowercase().as_str() {
        "dark" => Some(ThemeChoice::Dark),
        "light" => Some(ThemeChoice::Light),
        "auto" => None,
        other => {
            eprintln!(
                "{}",
                crate::text::for_terminal(&format!(
                    "warning: {}: theme \"{other}\" is not dark, light or auto",
                    path.display()
                ))
            );
            None
        }
    }
}
