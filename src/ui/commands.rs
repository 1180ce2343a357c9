//! What the user can ask for from menus, buttons and shortcuts, in one place, so a shortcut and
//! its menu entry always do the same thing. Commands that need a path (open, save as) are
//! handled by the app, which asks through `file_dialogs`.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, ThemePreference};

use super::state::{AppState, Tab};

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
    /// Opens what the user types in the studio's own path field (works without a system chooser).
    OpenTyped,
    OpenPath(PathBuf),
    Undo,
    Redo,
    /// Full-screen presenter mode on the selected twin (handled by the app, not the state).
    Present,
    /// A panel changed the selected twin outside the Edit tab (e.g. rename).
    Edited,
    /// Opens the twin at this index of the library.
    OpenTwin(usize),
    /// Opens a twin in the Edit tab at one field (a validation path such as `east.moves[2].unit`).
    JumpTo {
        twin: usize,
        path: String,
    },
    ShowTab(Tab),
    /// Light, dark or follow the system (handled by the app, which owns the egui context).
    Theme(ThemePreference),
    /// Opens the command palette (handled by the app).
    Palette,
}

/// The commands of the menus, in menu order: what the command palette offers besides twins,
/// fields and recent files.
pub const MENU: [Command; 19] = [
    Command::New,
    Command::OpenFolder,
    Command::OpenFile,
    Command::OpenTyped,
    Command::Save,
    Command::SaveAs,
    Command::Duplicate,
    Command::Delete,
    Command::Undo,
    Command::Redo,
    Command::Present,
    Command::ShowTab(Tab::Compare),
    Command::ShowTab(Tab::Edit),
    Command::ShowTab(Tab::Diversification),
    Command::ShowTab(Tab::Portfolio),
    Command::ShowTab(Tab::Report),
    Command::Theme(ThemePreference::System),
    Command::Theme(ThemePreference::Light),
    Command::Theme(ThemePreference::Dark),
];

impl Command {
    /// The words menus and the palette show for a command.
    pub fn label(&self) -> String {
        match self {
            Command::New => "New twin".into(),
            Command::Duplicate => "Duplicate".into(),
            Command::Delete => "Delete".into(),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save as…".into(),
            Command::OpenFolder => "Open folder…".into(),
            Command::OpenFile => "Open file…".into(),
            Command::OpenTyped => "Open a typed path…".into(),
            Command::OpenPath(path) => format!("Open {}", path.display()),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::Present => "Present full screen".into(),
            Command::Edited => "Edited".into(),
            Command::OpenTwin(i) => format!("Open twin {}", i + 1),
            Command::JumpTo { path, .. } => format!("Go to {path}"),
            Command::ShowTab(tab) => format!("Show the {} tab", tab.label()),
            Command::Theme(ThemePreference::System) => "Theme: follow the system".into(),
            Command::Theme(ThemePreference::Light) => "Theme: light".into(),
            Command::Theme(ThemePreference::Dark) => "Theme: dark".into(),
            Command::Palette => "Command palette…".into(),
        }
    }

    /// Whether the command needs a selected twin (menus grey it out, the palette hides it).
    pub fn needs_twin(&self) -> bool {
        matches!(
            self,
            Command::Save
                | Command::SaveAs
                | Command::Duplicate
                | Command::Delete
                | Command::Present
        )
    }
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Shortcuts, most specific first (Ctrl+Shift+Z before Ctrl+Z).
pub const SHORTCUTS: [(KeyboardShortcut, fn() -> Command); 11] = [
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
    (KeyboardShortcut::new(CTRL, Key::K), || Command::Palette),
    (KeyboardShortcut::new(CTRL, Key::P), || Command::Palette),
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
        Command::OpenPath(path) => state.open_path(&path),
        Command::Undo => state.undo(),
        Command::Redo => state.redo(),
        Command::Edited => state.after_edit(true, false),
        Command::OpenTwin(index) => {
            if index < state.twins.len() {
                state.select(Some(index));
            }
        }
        Command::JumpTo { twin, .. } => {
            if twin < state.twins.len() {
                state.select(Some(twin));
                state.tab = Tab::Edit;
            }
        }
        Command::ShowTab(tab) => state.tab = tab,
        // Handled by the app: they need the egui context or a path chooser.
        Command::Present
        | Command::Theme(_)
        | Command::Palette
        | Command::SaveAs
        | Command::OpenFolder
        | Command::OpenFile
        | Command::OpenTyped => {}
    }
}
