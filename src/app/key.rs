//! A key as the view's actions know it. The terminal loop makes one of each key event the
//! terminal reports (`tui`), so the app, its key table and its tests know no terminal
//! library: only the keys a binding can name are told apart.

use std::ops::{BitOr, BitOrAssign, Sub};

/// Which key, apart from its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    /// A character, with its case (Shift is in the character).
    Char(char),
    /// Enter or Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift+Tab, as terminals report it.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// A key no binding names (F5, Insert, a media key).
    Other,
}

/// Shift, Ctrl and Alt, held with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct KeyModifiers(u8);

impl KeyModifiers {
    /// None held.
    pub const NONE: KeyModifiers = KeyModifiers(0);
    /// Shift.
    pub const SHIFT: KeyModifiers = KeyModifiers(1);
    /// Ctrl.
    pub const CONTROL: KeyModifiers = KeyModifiers(2);
    /// Alt (Option, Meta).
    pub const ALT: KeyModifiers = KeyModifiers(4);

    /// True when every modifier of `other` is held.
    pub const fn contains(self, other: KeyModifiers) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when none is held.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl BitOr for KeyModifiers {
    type Output = KeyModifiers;

    fn bitor(self, other: KeyModifiers) -> KeyModifiers {
        KeyModifiers(self.0 | other.0)
    }
}

impl BitOrAssign for KeyModifiers {
    fn bitor_assign(&mut self, other: KeyModifiers) {
        self.0 |= other.0;
    }
}

impl Sub for KeyModifiers {
    type Output = KeyModifiers;

    /// These modifiers without those of `other`.
    fn sub(self, other: KeyModifiers) -> KeyModifiers {
        KeyModifiers(self.0 & !other.0)
    }
}

/// A key pressed: which, and with what held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// What was held with it.
    pub modifiers: KeyModifiers,
}

impl Key {
    /// `code` with `modifiers` held.
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key { code, modifiers }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifiers_combine_and_come_off() {
        let held = KeyModifiers::CONTROL | KeyModifiers::SHIFT;
        assert!(held.contains(KeyModifiers::CONTROL));
        assert!(!held.contains(KeyModifiers::ALT));
        assert_eq!(held - KeyModifiers::SHIFT, KeyModifiers::CONTROL);
        assert!((held - held).is_empty());
        assert!(KeyModifiers::NONE.is_empty());
    }
}
