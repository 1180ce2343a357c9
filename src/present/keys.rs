//! Physical keys to clicker keys: what a presentation remote or keyboard sends, mapped onto the
//! navigator's vocabulary.

use egui::{Event, Key};

use super::nav::PresenterKey;

/// A key the presenter acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenterCommand {
    Navigate(PresenterKey),
    /// P: show or hide the presenter console inside the main window.
    ToggleConsole,
}

/// The commands in this frame's events, in order. Auto-repeat is ignored: a held key on a
/// clicker must not race through the deck.
pub fn commands(events: &[Event]) -> Vec<PresenterCommand> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Key {
                key,
                pressed: true,
                repeat: false,
                modifiers,
                ..
            } if !modifiers.ctrl && !modifiers.alt && !modifiers.command => command(*key),
            _ => None,
        })
        .collect()
}

fn command(key: Key) -> Option<PresenterCommand> {
    use PresenterKey as P;
    let nav = match key {
        Key::ArrowRight | Key::ArrowDown | Key::PageDown | Key::Space => P::Next,
        Key::ArrowLeft | Key::ArrowUp | Key::PageUp => P::Previous,
        Key::Enter => P::Enter,
        Key::Backspace => P::Backspace,
        Key::Home => P::First,
        Key::End => P::Last,
        Key::B | Key::Period => P::ToggleBlack,
        Key::W => P::ToggleWhite,
        Key::Escape => P::Escape,
        Key::P => return Some(PresenterCommand::ToggleConsole),
        _ => P::Digit(digit(key)?),
    };
    Some(PresenterCommand::Navigate(nav))
}

fn digit(key: Key) -> Option<u8> {
    let digits = [
        Key::Num0,
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    digits
        .iter()
        .position(|k| *k == key)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Modifiers;

    fn press(key: Key, repeat: bool, modifiers: Modifiers) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat,
            modifiers,
        }
    }

    #[test]
    fn clicker_keys_map_to_navigation() {
        let n = Modifiers::NONE;
        let events = [
            press(Key::PageDown, false, n),
            press(Key::Backspace, false, n),
            press(Key::Num7, false, n),
            press(Key::Period, false, n),
            press(Key::P, false, n),
            press(Key::Q, false, n),
        ];
        assert_eq!(
            commands(&events),
            [
                PresenterCommand::Navigate(PresenterKey::Next),
                PresenterCommand::Navigate(PresenterKey::Backspace),
                PresenterCommand::Navigate(PresenterKey::Digit(7)),
                PresenterCommand::Navigate(PresenterKey::ToggleBlack),
                PresenterCommand::ToggleConsole,
            ]
        );
    }

    #[test]
    fn repeats_releases_and_shortcuts_are_ignored() {
        let events = [
            press(Key::ArrowRight, true, Modifiers::NONE),
            press(Key::W, false, Modifiers::CTRL),
            Event::Key {
                key: Key::ArrowRight,
                physical_key: None,
                pressed: false,
                repeat: false,
                modifiers: Modifiers::NONE,
            },
        ];
        assert!(commands(&events).is_empty());
    }
}
