//! Issue #9 case 2 through the studio and a real folder watch: an outside change to a clean
//! twin reloads it; to a twin with unsaved edits it raises the choice and writes nothing; a new
//! file shows up in the library.

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use twin_studio::store::{load_twin, save_twin, twin_files_in};
use twin_studio::ui::{AppState, TwinStudioApp, style};

use crate::support;

fn studio(folder: &Path) -> Harness<'static, TwinStudioApp> {
    let mut state = AppState::open(folder);
    let index = state
        .twins
        .iter()
        .position(|t| t.twin.id == "amazon-alibaba");
    state.select(index);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(|ctx| {
            twin_studio::desktop::install_fonts(ctx);
            style::apply(ctx);
        })
        .build_ui_state(
            |ui, app: &mut TwinStudioApp| app.draw(ui),
            TwinStudioApp::new(state),
        );
    harness.run();
    harness
}

fn library_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for file in twin_files_in(&support::samples_folder()).expect("samples") {
        std::fs::copy(&file, dir.path().join(file.file_name().expect("name"))).expect("copy");
    }
    dir
}

/// Runs frames until `done` holds, for up to twenty seconds (the watch reports within a moment).
fn run_until(
    harness: &mut Harness<'_, TwinStudioApp>,
    done: impl Fn(&Harness<'_, TwinStudioApp>) -> bool,
) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        harness.run();
        if done(harness) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    false
}

fn retitle_outside(path: &Path, title: &str) {
    let mut twin = load_twin(path).expect("load");
    twin.title = title.into();
    save_twin(path, &twin).expect("save from outside");
}

fn selected_title(h: &Harness<'_, TwinStudioApp>) -> String {
    h.state()
        .state
        .selected_twin()
        .map(|t| t.twin.title.clone())
        .unwrap_or_default()
}

#[test]
fn an_outside_change_to_a_clean_twin_reloads_it() {
    let library = library_copy();
    let mut harness = studio(library.path());
    let path = library.path().join("amazon-alibaba.twin.json");
    retitle_outside(&path, "Retitled in another editor");
    assert!(
        run_until(&mut harness, |h| selected_title(h)
            == "Retitled in another editor"),
        "the twin followed its file"
    );
    assert!(
        harness
            .query_by_label_contains("changed outside the studio and was reloaded")
            .is_some()
    );
}

#[test]
fn an_outside_change_to_an_edited_twin_asks_and_writes_nothing() {
    let library = library_copy();
    let mut harness = studio(library.path());
    if let Some(twin) = harness.state_mut().state.selected_mut() {
        twin.title = "My unsaved title".into();
    }
    harness.state_mut().state.after_edit(true, false);
    harness.run();
    let path = library.path().join("amazon-alibaba.twin.json");
    retitle_outside(&path, "Their title");
    let theirs = std::fs::read(&path).expect("read");
    assert!(
        run_until(&mut harness, |h| h.query_by_label("Take theirs").is_some()),
        "the choice is offered"
    );
    assert_eq!(selected_title(&harness), "My unsaved title");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        theirs,
        "nothing written"
    );
    harness.get_by_label("Take theirs").click();
    harness.run();
    assert_eq!(selected_title(&harness), "Their title");
    assert!(harness.query_by_label("Take theirs").is_none());
}

#[test]
fn a_file_added_to_the_folder_joins_the_library() {
    let library = library_copy();
    let mut harness = studio(library.path());
    let before = harness.state().state.twins.len();
    let mut twin = support::sample("tesla-byd");
    twin.id = "tesla-byd-2".into();
    twin.title = "A twin written by a synced folder".into();
    save_twin(&library.path().join("tesla-byd-2.twin.json"), &twin).expect("save");
    assert!(
        run_until(&mut harness, |h| h.state().state.twins.len() == before + 1),
        "the new file is in the library"
    );
    assert!(
        harness
            .query_all_by_label_contains("A twin written by a synced folder")
            .next()
            .is_some(),
        "the library lists it"
    );
}
