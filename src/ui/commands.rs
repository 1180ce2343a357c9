//! What the user can ask for from menus, buttons and shortcuts, in one place, so a shortcut and
//! its menu entry always do the same thing. File dialogs (rfd) are opened only here.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::state::AppState;

/// A user command.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
    Duplicate,
    Delete,
    Save,
    SaveAs,
    OpenFolder,
    OpenFile,
    OpenPath(PathBuf),
    Undo,
    Redo,
    /// Full-screen presenter mode on the selected twin (handled by the app, not the state).
    Present,
    /// A panel changed the selected twin outside the Edit tab (e.g. rename).
    Edited,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Shortcuts, most specific first (Ctrl+Shift+Z before Ctrl+Z).
pub const SHORTCUTS: [(KeyboardShortcut, fn() -> Command); 9] = [
    (KeyboardShortcut::new(CTRL_SHIFT, Key::Z), || Command::Redo),
    (KeyboardShortcut::new(CTRL_SHIFT, Key::S), || {
        Command::SaveAs
    }),
    (KeyboardShortcut::new(CTRL, Key::Z), || Command::Undo),
    (KeyboardShortcut::new(CTRL, Key::Y), || Command::Redo),
    (KeyboardShortcut::new(CTRL, Key::S), || Command::Save),
    (KeyboardShortcut::new(CTRL, Key::O), || Command::OpenFolder),
    (KeyboardShortcut::new(CTRL, Key::N), || Command::New),
    (KeyboardShortcut::new(CTRL, Key::D), || Command::Duplicate),
    (KeyboardShortcut::new(Modifiers::NONE, Key::F5), || {
        Command::Present
    }),
];

/// The commands whose shortcuts were pressed this frame (consumed so text fields do not see them).
pub fn from_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    ctx.input_mut(|input| {
        SHORTCUTS
            .iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, command)| command())
            .collect()
    })
}

/// The label of a command's shortcut for menus, e.g. "Ctrl+S".
pub fn shortcut_text(ctx: &egui::Context, command: &Command) -> String {
    SHORTCUTS
        .iter()
        .find(|(_, c)| c() == *command)
        .map(|(s, _)| ctx.format_shortcut(s))
        .unwrap_or_default()
}

/// Runs a command against the state; dialogs block only while they are open.
pub fn run(state: &mut AppState, command: Command) {
    match command {
        Command::New => state.new_twin(),
        Command::Duplicate => state.duplicate_selected(),
        Command::Delete => state.delete_selected(),
        Command::Save => {
            state.save_selected();
        }
        Command::SaveAs => {
            let Some(open) = state.selected_twin() else {
                return;
            };
            let mut dialog = rfd::FileDialog::new()
                .add_filter("Twin", &["json"])
                .set_file_name(
                    open.path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
            if let Some(dir) = open.path.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(path) = dialog.save_file() {
                state.save_selected_as(path);
            }
        }
        Command::OpenFolder => {
            if let Some(path) = rfd::FileDialog::new().pick_folder() {
                state.open_path(&path);
            }
        }
        Command::OpenFile => {
            if let Some(path) = rfd::FileDialog::new()
                .add_filter("Twin", &["json"])
                .pick_file()
            {
                state.open_path(&path);
            }
        }
        Command::OpenPath(path) => state.open_path(&path),
        Command::Undo => state.undo(),
        Command::Redo => state.redo(),
        Command::Edited => state.after_edit(true, false),
        Command::Present => {}
    }
}
