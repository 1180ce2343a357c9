//! Issue #9 case 11: on a desktop whose file chooser cannot open, Save as, Open and Export still
//! work through the studio's own path field, and the user is told how to get the chooser back.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use twin_studio::store::{load_twin, twin_files_in};
use twin_studio::ui::file_dialogs::{FileDialogs, Picked, Purpose};
use twin_studio::ui::{AppState, TwinStudioApp, style};

use crate::support;

/// A chooser that fails at once, as rfd does without a portal.
struct Broken;

impl FileDialogs for Broken {
    fn pick(&self, _: &Purpose, _: &Path) -> Picked {
        Picked::Failed
    }
}

/// A chooser where the user picks `0` at once.
struct Answers(PathBuf);

impl FileDialogs for Answers {
    fn pick(&self, _: &Purpose, _: &Path) -> Picked {
        Picked::Path(self.0.clone())
    }
}

fn library_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for file in twin_files_in(&support::samples_folder()).expect("samples") {
        std::fs::copy(&file, dir.path().join(file.file_name().expect("name"))).expect("copy");
    }
    dir
}

fn studio(folder: &Path, dialogs: Box<dyn FileDialogs>) -> Harness<'static, TwinStudioApp> {
    let mut state = AppState::open(folder);
    let index = state
        .twins
        .iter()
        .position(|t| t.twin.id == "amazon-alibaba");
    state.select(index);
    let app = TwinStudioApp::new(state).with_file_dialogs(dialogs);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(|ctx| {
            twin_studio::desktop::install_fonts(ctx);
            style::apply(ctx);
        })
        .build_ui_state(|ui, app: &mut TwinStudioApp| app.draw(ui), app);
    harness.run();
    harness
}

fn menu(harness: &mut Harness<'_, TwinStudioApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    // Menu entries carry their shortcut after the words.
    harness.get_by_label_contains(item).click();
    harness.run();
}

/// The path field: the text input that holds a path (the library's search box does not).
fn path_field<'a>(harness: &'a Harness<'_, TwinStudioApp>) -> Option<egui_kittest::Node<'a>> {
    harness.query_all_by_role(Role::TextInput).find(|n| {
        n.accesskit_node()
            .value()
            .is_some_and(|v| v.starts_with('/'))
    })
}

/// Replaces the text of the path field with `path`.
fn type_path(harness: &mut Harness<'_, TwinStudioApp>, path: &Path) {
    path_field(harness).expect("the path field is open").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    path_field(harness)
        .expect("the path field is open")
        .type_text(&path.display().to_string());
    harness.run();
}

#[test]
fn save_as_without_a_chooser_says_why_and_saves_through_the_typed_path() {
    let library = library_copy();
    let mut harness = studio(library.path(), Box::new(Broken));
    menu(&mut harness, "Save as…");
    assert!(
        harness
            .query_by_label_contains("system file chooser did not open")
            .is_some(),
        "the failure is explained"
    );
    let target = library.path().join("copy-of-amazon.twin.json");
    type_path(&mut harness, &target);
    // The toolbar has a Save button too; the field's is drawn last, on top.
    harness
        .get_all_by_label("Save")
        .last()
        .expect("the field's Save")
        .click();
    harness.run();
    let saved = load_twin(&target).expect("the typed path holds the twin");
    assert_eq!(saved.id, "amazon-alibaba");
    assert!(
        harness
            .query_by_label_contains("system file chooser did not open")
            .is_none(),
        "the field closed"
    );
}

#[test]
fn a_working_chooser_saves_at_once_without_the_field() {
    let library = library_copy();
    let target = library.path().join("chosen.twin.json");
    let mut harness = studio(library.path(), Box::new(Answers(target.clone())));
    menu(&mut harness, "Save as…");
    assert!(
        path_field(&harness).is_none(),
        "no field when the chooser works"
    );
    assert_eq!(load_twin(&target).expect("saved").id, "amazon-alibaba");
}

#[test]
fn export_without_a_chooser_writes_the_report_at_the_typed_path() {
    let library = library_copy();
    let mut harness = studio(library.path(), Box::new(Broken));
    harness.get_by_label("Report").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    let target = library.path().join("client.html");
    type_path(&mut harness, &target);
    harness.get_by_label("Export").click();
    harness.run();
    let html = std::fs::read_to_string(&target).expect("the report was written");
    assert!(html.contains("Amazon"), "it is the twin's report");
    assert!(
        harness
            .query_by_label_contains(&format!("Exported {}", target.display()))
            .is_some()
    );
}

#[test]
fn a_typed_path_opens_a_folder_even_with_a_working_chooser() {
    let library = library_copy();
    let other = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        support::sample_path("tesla-byd"),
        other.path().join("tesla-byd.twin.json"),
    )
    .expect("copy");
    let mut harness = studio(library.path(), Box::new(Answers(PathBuf::from("/nowhere"))));
    menu(&mut harness, "Open a typed path…");
    type_path(&mut harness, other.path());
    assert!(
        harness
            .query_by_label_contains("Nothing at this path")
            .is_none(),
        "the folder exists"
    );
    harness.get_by_label("Open").click();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.folder.as_deref(), Some(other.path()));
    assert_eq!(state.twins.len(), 1);
}
