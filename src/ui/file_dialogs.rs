//! File choosers that never fail silently. The system chooser (rfd) is tried first; on desktops
//! without a working file-chooser portal it returns nothing at once, which no person cancelling a
//! dialog could do, so a quick empty answer is taken as a failure. The studio then says how to
//! fix the desktop and offers its own path field with completion, which always works.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, Modal, Modifiers, RichText};

use super::style::{self, space};
use crate::store::{PathChoice, PathKind, complete_path, expand_home, is_folder, path_kind};

/// What a path is being chosen for; decides the title, the button and what completes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    OpenFolder,
    OpenFile,
    /// A twin file or a folder of twins, typed in the studio's own field.
    OpenAny,
    SaveTwin,
    /// An export of the given extension (`html`, `pdf`...).
    Export(&'static str),
}

impl Purpose {
    fn title(&self) -> &'static str {
        match self {
            Purpose::OpenFolder => "Open a folder of twins",
            Purpose::OpenFile => "Open a twin file",
            Purpose::OpenAny => "Open a twin file or a folder of twins",
            Purpose::SaveTwin => "Save the twin as",
            Purpose::Export(_) => "Export to",
        }
    }

    fn action(&self) -> &'static str {
        match self {
            Purpose::OpenFolder | Purpose::OpenFile | Purpose::OpenAny => "Open",
            Purpose::SaveTwin => "Save",
            Purpose::Export(_) => "Export",
        }
    }

    /// Whether files (not only folders) are offered as completions.
    fn lists_files(&self) -> bool {
        !matches!(self, Purpose::OpenFolder)
    }
}

/// The answer of a chooser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    Cancelled,
    /// The chooser could not open; the studio's own field must be offered.
    Failed,
}

/// Something that can ask the user for a path; the studio uses [`SystemDialogs`], tests a stub.
pub trait FileDialogs {
    /// Asks for a path for `purpose`, starting at `start` (a folder, or a suggested file).
    fn pick(&self, purpose: &Purpose, start: &Path) -> Picked;
}

/// An empty answer sooner than this is a chooser that never showed.
const QUICKEST_HUMAN_CANCEL: Duration = Duration::from_millis(250);

/// The platform's chooser through rfd.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemDialogs;

impl FileDialogs for SystemDialogs {
    fn pick(&self, purpose: &Purpose, start: &Path) -> Picked {
        let started = Instant::now();
        let (dir, name) = if is_folder(start) {
            (Some(start.to_owned()), None)
        } else {
            (
                start.parent().map(Path::to_owned),
                start.file_name().map(|n| n.to_string_lossy().into_owned()),
            )
        };
        let mut dialog = rfd::FileDialog::new();
        if let Some(dir) = dir.filter(|d| is_folder(d)) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = name {
            dialog = dialog.set_file_name(name);
        }
        let answer = match purpose {
            Purpose::OpenFolder => dialog.pick_folder(),
            Purpose::OpenFile | Purpose::OpenAny => {
                dialog.add_filter("Twin", &["json"]).pick_file()
            }
            Purpose::SaveTwin => dialog.add_filter("Twin", &["json"]).save_file(),
            Purpose::Export(ext) => dialog.add_filter(ext.to_uppercase(), &[ext]).save_file(),
        };
        match answer {
            Some(path) => Picked::Path(path),
            None if started.elapsed() < QUICKEST_HUMAN_CANCEL => Picked::Failed,
            None => Picked::Cancelled,
        }
    }
}

/// How to get the system chooser back, shown when it failed.
pub const FIX_HINT: &str = "The system file chooser did not open. On Linux it needs \
    xdg-desktop-portal with a backend for your desktop (xdg-desktop-portal-gtk, -kde or -wlr) \
    or the zenity program: install one to get it back. Meanwhile, type the path here (Tab \
    completes).";

/// The studio's own path field: a modal with a path, completions and the action button.
#[derive(Debug, Clone)]
pub struct PathPicker {
    pub purpose: Purpose,
    pub text: String,
    /// Completions for `text` as of the last change.
    choices: Vec<PathChoice>,
    completed_for: Option<String>,
    /// What the typed path names, and whether its folder exists, as of the last change.
    kind: PathKind,
    parent_is_folder: bool,
}

/// What the user did with the path field this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerAnswer {
    Chosen(PathBuf),
    Cancelled,
}

impl PathPicker {
    /// A field holding `start` (a folder gets a trailing separator, ready for a name).
    pub fn new(purpose: Purpose, start: &Path) -> Self {
        let mut text = start.display().to_string();
        if is_folder(start) && !text.ends_with('/') {
            text.push('/');
        }
        Self {
            purpose,
            text,
            choices: Vec::new(),
            completed_for: None,
            kind: PathKind::Nothing,
            parent_is_folder: false,
        }
    }

    /// The path as typed, with `~` expanded.
    pub fn path(&self) -> PathBuf {
        expand_home(self.text.trim())
    }

    /// Why the typed path cannot be used yet, if it cannot.
    pub fn problem(&mut self) -> Option<&'static str> {
        self.refresh();
        if self.text.trim().is_empty() {
            return Some("Type a path.");
        }
        match (&self.purpose, self.kind) {
            (Purpose::OpenFolder, PathKind::Nothing | PathKind::File) => {
                Some("No folder at this path.")
            }
            (Purpose::OpenFile, PathKind::Nothing | PathKind::Folder) => {
                Some("No file at this path.")
            }
            (Purpose::OpenAny, PathKind::Nothing) => Some("Nothing at this path."),
            (Purpose::SaveTwin | Purpose::Export(_), PathKind::Folder) => {
                Some("This is a folder: add a file name.")
            }
            (Purpose::SaveTwin | Purpose::Export(_), _) if !self.parent_is_folder => {
                Some("The folder of this path does not exist.")
            }
            _ => None,
        }
    }

    /// Whether saving or exporting to the typed path would replace a file.
    pub fn replaces_a_file(&mut self) -> bool {
        self.refresh();
        matches!(self.purpose, Purpose::SaveTwin | Purpose::Export(_))
            && self.kind == PathKind::File
    }

    /// Completions and what the path names, looked up once per change of the text rather than
    /// on every frame the field is shown.
    fn refresh(&mut self) {
        if self.completed_for.as_deref() != Some(self.text.as_str()) {
            self.choices = complete_path(&self.text, self.purpose.lists_files());
            let path = self.path();
            self.kind = path_kind(&path);
            self.parent_is_folder = path
                .parent()
                .is_some_and(|p| p.as_os_str().is_empty() || is_folder(p));
            self.completed_for = Some(self.text.clone());
        }
    }

    /// Extends the text to what every completion shares (a single one is taken whole).
    pub fn complete(&mut self) {
        self.refresh();
        let texts: Vec<String> = self.choices.iter().map(choice_text).collect();
        let Some(first) = texts.first() else {
            return;
        };
        let mut common = first.clone();
        for t in &texts[1..] {
            let shared = common
                .char_indices()
                .zip(t.chars())
                .find(|((_, a), b)| a != b)
                .map_or(common.len().min(t.len()), |((i, _), _)| i);
            common.truncate(shared);
        }
        if common.len() > self.text.len() {
            self.text = common;
        }
    }

    /// Draws the modal; returns the answer once the user gave one.
    pub fn show(&mut self, ctx: &egui::Context, failed_chooser: bool) -> Option<PickerAnswer> {
        self.refresh();
        let mut answer = None;
        let field_id = egui::Id::unique("path_picker_field");
        Modal::new(egui::Id::unique("path_picker")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.label(
                RichText::new(self.purpose.title())
                    .size(style::size::HEADING)
                    .strong(),
            );
            ui.add_space(space::SM);
            if failed_chooser {
                ui.label(RichText::new(FIX_HINT).color(style::colours(ui).warning));
                ui.add_space(space::SM);
            }
            let tab = ui.memory(|m| m.has_focus(field_id))
                && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab));
            if tab {
                self.complete();
                move_cursor_to_end(ui.ctx(), field_id, &self.text);
            }
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .id(field_id)
                    .desired_width(f32::INFINITY)
                    .hint_text("/path/to/folder/or/file"),
            );
            if tab {
                field.request_focus();
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            self.refresh();
            ui.add_space(space::XS);
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .show(ui, |ui| {
                    for choice in &self.choices {
                        let text = choice_text(choice);
                        let name = choice
                            .path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        let label = if choice.is_folder {
                            format!("📁 {name}/")
                        } else {
                            format!("📄 {name}")
                        };
                        if ui.selectable_label(false, label).clicked() {
                            self.text = text;
                            move_cursor_to_end(ui.ctx(), field_id, &self.text);
                            field.request_focus();
                        }
                    }
                });
            let problem = self.problem();
            if let Some(problem) = problem {
                ui.weak(problem);
            } else if self.replaces_a_file() {
                ui.label(
                    RichText::new(format!(
                        "A file with this name exists: {} replaces it.",
                        self.purpose.action()
                    ))
                    .color(style::colours(ui).warning),
                );
            }
            ui.add_space(space::SM);
            ui.horizontal(|ui| {
                let go =
                    ui.add_enabled(problem.is_none(), egui::Button::new(self.purpose.action()));
                if go.clicked() || (enter && problem.is_none()) {
                    answer = Some(PickerAnswer::Chosen(self.path()));
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    answer = Some(PickerAnswer::Cancelled);
                }
            });
        });
        answer
    }
}

/// What the chosen path is for, so the app knows what to do with it once chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathRequest {
    OpenFolder,
    OpenFile,
    SaveAs,
    /// The Report tab's export.
    Export,
}

/// Asks for paths: the system chooser first, the studio's own field when it failed (or when the
/// user asked for the field), so Open, Save as and Export always work.
pub struct PathChooser {
    dialogs: Box<dyn FileDialogs>,
    /// The field being shown, whether it stands in for a failed chooser, and what it is for.
    field: Option<(PathPicker, bool, PathRequest)>,
}

impl Default for PathChooser {
    fn default() -> Self {
        Self::new(Box::new(SystemDialogs))
    }
}

impl PathChooser {
    /// A chooser asking through `dialogs` (tests pass one that fails or answers at once).
    pub fn new(dialogs: Box<dyn FileDialogs>) -> Self {
        Self {
            dialogs,
            field: None,
        }
    }

    /// Asks for a path: `Some` when the system chooser answered at once; `None` when the user
    /// cancelled or when the studio's field now asks instead (its answer comes from [`Self::show`]).
    pub fn ask(&mut self, request: PathRequest, purpose: Purpose, start: &Path) -> Option<PathBuf> {
        match self.dialogs.pick(&purpose, start) {
            Picked::Path(path) => Some(path),
            Picked::Cancelled => None,
            Picked::Failed => {
                self.field = Some((PathPicker::new(purpose, start), true, request));
                None
            }
        }
    }

    /// Opens the studio's own path field directly (File > Type a path…).
    pub fn type_path(&mut self, request: PathRequest, purpose: Purpose, start: &Path) {
        self.field = Some((PathPicker::new(purpose, start), false, request));
    }

    /// Whether the path field is open.
    pub fn is_open(&self) -> bool {
        self.field.is_some()
    }

    /// Draws the path field if it is open; returns the chosen path and what it is for.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<(PathRequest, PathBuf)> {
        let (picker, failed, _) = self.field.as_mut()?;
        let answer = picker.show(ctx, *failed)?;
        let (_, _, request) = self.field.take()?;
        match answer {
            PickerAnswer::Chosen(path) => Some((request, path)),
            PickerAnswer::Cancelled => None,
        }
    }
}

/// A completion as it goes in the field: folders end with a separator, to keep typing inside.
fn choice_text(choice: &PathChoice) -> String {
    let mut text = choice.path.display().to_string();
    if choice.is_folder {
        text.push('/');
    }
    text
}

fn move_cursor_to_end(ctx: &egui::Context, id: egui::Id, text: &str) {
    if let Some(mut state) = egui::TextEdit::load_state(ctx, id) {
        let end = egui::text::CCursor::new(text.chars().count());
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ctx, id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_extends_to_the_shared_part_and_checks_the_purpose() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = |name: &str| {
            tempfile::Builder::new()
                .prefix(name)
                .rand_bytes(0)
                .tempdir_in(dir.path())
                .expect("mkdir")
        };
        let _folders = [folder("twins-2024"), folder("twins-2025")];
        let mut picker = PathPicker::new(Purpose::OpenFolder, dir.path());
        picker.text.push_str("tw");
        picker.complete();
        assert!(picker.text.ends_with("twins-202"), "{}", picker.text);
        picker.text.push('5');
        picker.complete();
        assert!(picker.text.ends_with("twins-2025/"), "{}", picker.text);
        assert_eq!(picker.problem(), None);
        let mut save = PathPicker::new(Purpose::SaveTwin, dir.path());
        assert_eq!(save.problem(), Some("This is a folder: add a file name."));
        save.text.push_str("new.twin.json");
        assert_eq!(save.problem(), None);
        save.text = dir.path().join("missing/x.twin.json").display().to_string();
        assert!(save.problem().is_some());
    }
}
