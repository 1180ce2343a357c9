//! The studio driven through its real UI with egui_kittest: clicks and typing by label, then the
//! model, the chart descriptions and the files are checked.

use crate::support::studio::{click_at, laptop_window as harness, sample_copy, selected_unsaved};

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use twin_studio::model::Side;
use twin_studio::store::{RecoveredTwin, RecoveryStore, load_twin};
use twin_studio::ui::{AppState, Tab, TwinStudioApp};

fn select(harness: &mut Harness<'_, TwinStudioApp>, id: &str) {
    let state = &mut harness.state_mut().state;
    let index = state.twins.iter().position(|t| t.twin.id == id);
    assert!(index.is_some(), "{id} is in the library");
    state.select(index);
    harness.run();
}

fn west_base(harness: &Harness<'_, TwinStudioApp>) -> f64 {
    let state = &harness.state().state;
    let open = state.selected_twin().expect("selected");
    open.twin.score(Side::West, "base").expect("scored").value
}

/// The sample library copied, Amazon vs Alibaba selected, the Edit tab open.
fn amazon_alibaba_in_edit_tab() -> (tempfile::TempDir, PathBuf, Harness<'static, TwinStudioApp>) {
    let (dir, folder) = sample_copy();
    let mut harness = harness(AppState::open(&folder));
    harness.run();
    select(&mut harness, "amazon-alibaba");
    harness.get_by_label("Edit").click();
    harness.run();
    (dir, folder, harness)
}

/// Types `text` into the first drag value labelled `label` and presses Enter.
fn type_into(harness: &mut Harness<'_, TwinStudioApp>, label: &str, text: &str) {
    harness
        .get_all_by_label(label)
        .next()
        .expect("field")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_all_by_label(label)
        .next()
        .expect("field in text mode")
        .type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn opens_the_samples_and_switches_every_tab() {
    let (_dir, folder) = sample_copy();
    let mut harness = harness(AppState::open(&folder));
    harness.run();
    assert_eq!(harness.state().state.twins.len(), 10);
    assert!(
        harness
            .get_all_by_label_contains("Amazon vs Alibaba")
            .next()
            .is_some()
    );
    for tab in Tab::ALL {
        harness.get_by_label(tab.label()).click();
        harness.run();
        assert_eq!(harness.state().state.tab, tab);
    }
}

#[test]
fn editing_a_score_changes_model_and_chart_and_undo_restores_it() {
    let (_dir, _, mut harness) = amazon_alibaba_in_edit_tab();
    let before = west_base(&harness);
    assert_ne!(before, 3.5);

    type_into(&mut harness, "Amazon score", "3.5");
    assert_eq!(west_base(&harness), 3.5);
    assert!(selected_unsaved(&harness));
    let radar_value = harness
        .state_mut()
        .figures()
        .and_then(|f| f.radar.series[0].values[0]);
    assert_eq!(
        radar_value,
        Some(3.5),
        "the radar description follows the edit"
    );
    harness.get_by_label_contains("● 1 unsaved");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(west_base(&harness), before);
    assert!(!selected_unsaved(&harness));
    let radar_value = harness
        .state_mut()
        .figures()
        .and_then(|f| f.radar.series[0].values[0]);
    assert_eq!(radar_value, Some(before));

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(west_base(&harness), 3.5, "redo replays the edit");
}

#[test]
fn an_out_of_range_score_is_explained_at_the_field_and_never_saved() {
    let (_dir, folder, mut harness) = amazon_alibaba_in_edit_tab();
    type_into(&mut harness, "Amazon score", "12");
    assert_eq!(west_base(&harness), 12.0);
    harness.run();
    harness.get_by_label_contains("it must be from 0 to 10");
    harness.get_by_label_contains("▲ 1 problem to fix before saving");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label_contains("Not saved");
    let on_disk = load_twin(&folder.join("amazon-alibaba.twin.json")).expect("file still valid");
    assert_ne!(on_disk.west.scores["base"].value, 12.0);
    assert!(selected_unsaved(&harness));
}

#[test]
fn create_duplicate_and_delete_twins_from_the_library() {
    let (_dir, folder) = sample_copy();
    let mut harness = harness(AppState::open(&folder));
    harness.run();
    harness.get_by_label("New").click();
    harness.run();
    assert_eq!(harness.state().state.twins.len(), 11);
    assert_eq!(harness.state().state.tab, Tab::Edit);
    let new_id = harness
        .state()
        .state
        .selected_twin()
        .expect("new")
        .twin
        .id
        .clone();
    assert_eq!(new_id, "new-twin");

    harness.get_by_label("Duplicate").click();
    harness.run();
    assert_eq!(harness.state().state.twins.len(), 12);
    assert_eq!(
        harness.state().state.selected_twin().expect("copy").twin.id,
        "new-twin-copy"
    );

    select(&mut harness, "uber-didi");
    harness.get_by_label("Delete").click();
    harness.run();
    assert_eq!(harness.state().state.twins.len(), 11);
    assert!(!folder.join("uber-didi.twin.json").exists());
    harness.get_by_label_contains("Ctrl+Z brings it back");

    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().state.twins.len(), 12);
    assert!(folder.join("uber-didi.twin.json").exists());
}

#[test]
fn the_close_guard_appears_with_unsaved_edits() {
    let (_dir, folder) = sample_copy();
    let mut harness = harness(AppState::open(&folder));
    harness.run();
    let close = |harness: &mut Harness<'_, TwinStudioApp>| {
        harness
            .input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        harness.run();
    };
    close(&mut harness);
    assert!(
        harness.query_by_label("Unsaved changes").is_none(),
        "nothing to guard"
    );

    harness.get_by_label("New").click();
    harness.run();
    close(&mut harness);
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_none());
    assert!(!harness.state().state.allow_close);

    close(&mut harness);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.state().state.allow_close);
}

#[test]
fn recovery_offers_and_restores_unsaved_edits() {
    let (_dir, folder) = sample_copy();
    let recovery = tempfile::tempdir().expect("tempdir");
    // The session that crashed: its recovery file stays, its lock went with the process.
    let crashed = RecoveryStore::at(recovery.path());
    let path = folder.join("amazon-alibaba.twin.json");
    let mut twin = load_twin(&path).expect("sample");
    twin.title = "Recovered title 恢复".into();
    crashed
        .write(&[RecoveredTwin {
            path: path.clone(),
            twin,
        }])
        .expect("write recovery");
    drop(crashed);
    let store = RecoveryStore::at(recovery.path());

    let state = AppState::open(&folder).with_recovery(Some(store.clone()));
    let mut harness = harness(state);
    harness.run();
    harness.get_by_label("Restore unsaved edits?");
    harness.get_by_label("Restore edits").click();
    harness.run();
    let state = &harness.state().state;
    let open = state
        .twins
        .iter()
        .find(|t| t.path == path)
        .expect("restored twin");
    assert_eq!(open.twin.title, "Recovered title 恢复");
    assert!(open.is_unsaved());
    assert!(harness.query_by_label("Restore unsaved edits?").is_none());
}

#[test]
fn every_tab_renders_for_every_sample() {
    let (_dir, folder) = sample_copy();
    let mut harness = harness(AppState::open(&folder));
    harness.run();
    let ids: Vec<String> = harness
        .state()
        .state
        .twins
        .iter()
        .map(|t| t.twin.id.clone())
        .collect();
    assert_eq!(ids.len(), 10);
    for id in ids {
        select(&mut harness, &id);
        for tab in Tab::ALL {
            harness.state_mut().state.tab = tab;
            harness.run();
        }
        let snapshots: Vec<String> = harness
            .state()
            .state
            .selected_twin()
            .map(|t| t.twin.snapshots.iter().map(|s| s.label.clone()).collect())
            .unwrap_or_default();
        harness.state_mut().state.tab = Tab::Compare;
        for label in snapshots {
            harness.state_mut().state.snapshot = Some(label.clone());
            harness.run();
            let radar_axes = harness.state_mut().figures().map(|f| f.radar.axes.len());
            assert!(radar_axes.is_some_and(|n| n > 0), "{id} at {label}");
        }
    }
}

#[test]
fn search_filters_the_library_by_chinese_name() {
    let (_dir, folder) = sample_copy();
    let mut harness = harness(AppState::open(&folder));
    harness.run();
    harness.state_mut().state.filter.search = "腾讯".into();
    harness.run();
    // Tencent and Tencent Music Entertainment both carry 腾讯.
    harness.get_by_label_contains("2 of 10 twins");
    assert!(
        harness
            .get_all_by_label_contains("Meta vs Tencent")
            .next()
            .is_some()
    );
    assert!(harness.query_by_label_contains("Uber vs DiDi").is_none());
}

#[test]
fn every_edit_section_opens_with_labelled_fields() {
    let (_dir, _, mut harness) = amazon_alibaba_in_edit_tab();
    // A section's title in the form (not its outline link) toggles it.
    let title = |harness: &Harness<'static, TwinStudioApp>, section: &str| {
        harness
            .get_all_by_label(section)
            .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Label)
            .map(|n| n.rect().center())
            .expect("section title")
    };
    harness.get_by_label("Close all").click();
    harness.run_steps(8);
    for (section, field) in [
        ("Twin", "Biggest difference"),
        ("Framework and pillars", "Pillar id"),
        ("Amazon profile", "Native name"),
        ("Alibaba Group profile", "Headquarters"),
        ("Amazon moves", "+ Add move"),
        ("Alibaba Group partnerships", "+ Add partnership"),
        ("Lessons", "+ Add lesson"),
        ("Snapshots over time", "Label"),
    ] {
        let at = title(&harness, section);
        click_at(&mut harness, at);
        harness.run_steps(6);
        assert!(
            harness.get_all_by_label(field).next().is_some(),
            "{section} shows {field}"
        );
        harness.get_by_label("Close all").click();
        harness.run_steps(8);
    }
    assert!(!selected_unsaved(&harness));
}

#[test]
fn f5_presents_the_selected_twin_and_esc_returns_to_the_studio() {
    let (_dir, folder) = sample_copy();
    let mut harness = harness(AppState::open(&folder));
    harness.run();
    select(&mut harness, "amazon-alibaba");
    assert!(harness.query_by_label("Library").is_some());
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    assert!(
        harness.query_by_label("Library").is_none(),
        "the studio is hidden on stage"
    );
    assert!(
        harness
            .query_by_label("Amazon vs Alibaba: the e-commerce twins")
            .is_some(),
        "the title slide shows"
    );
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(
        harness.query_by_label("Amazon and Alibaba Group").is_some(),
        "Right moves to the companies slide"
    );
    // A live edit (e.g. from the console window) shows on the deck at once.
    harness
        .state_mut()
        .state
        .twins
        .iter_mut()
        .find(|t| t.twin.id == "amazon-alibaba")
        .expect("twin")
        .twin
        .west
        .name = "Amazon.com".into();
    harness.run();
    assert!(
        harness
            .query_by_label("Amazon.com and Alibaba Group")
            .is_some()
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().is_presenting());
    assert!(harness.query_by_label("Library").is_some());
}

#[test]
fn the_present_button_needs_a_selected_twin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = harness(AppState::open(dir.path()));
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    assert!(!harness.state().is_presenting(), "nothing to present");
}

#[test]
fn the_problems_filter_lists_only_twins_with_health_flags() {
    let (_dir, folder) = sample_copy();
    let path = folder.join("uber-didi.twin.json");
    let mut weak = load_twin(&path).expect("uber-didi");
    if let Some(score) = weak.west.scores.get_mut("base") {
        score.evidence.clear();
    }
    let text = serde_json::to_string_pretty(&weak).expect("json");
    std::fs::write(&path, text).expect("write");
    let mut harness = harness(AppState::open(&folder));
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("Meta vs Tencent")
            .next()
            .is_some()
    );
    harness.get_by_label("Only twins with problems").click();
    harness.run();
    assert!(harness.state().state.filter.problems);
    harness.get_by_label_contains("1 of 10 twins");
    assert!(
        harness
            .query_all_by_label_contains("Uber vs DiDi")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("Meta vs Tencent")
            .next()
            .is_none()
    );
}

/// Clicks a top-bar button on the first letter of its label, where a person aims.
fn click_button_text(harness: &mut Harness<'_, TwinStudioApp>, label: &str) {
    let rect = harness
        .get_all_by_label(label)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .map(|n| n.rect())
        .expect("button");
    let padding = harness.ctx.global_style().spacing.button_padding.x;
    click_at(
        harness,
        egui::pos2(rect.left() + padding + 3.0, rect.center().y),
    );
    harness.run();
}

fn button_enabled(harness: &Harness<'_, TwinStudioApp>, label: &str) -> bool {
    harness
        .get_all_by_label(label)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .is_some_and(|n| !n.accesskit_node().is_disabled())
}

/// Issue #9, case 1, through the window: edit, Save, Undo must say "unsaved" (the screen shows
/// the old value, the file holds the new one); Redo makes it "All saved" again.
#[test]
fn undo_after_save_shows_unsaved_in_the_status_line() {
    let (_dir, folder, mut harness) = amazon_alibaba_in_edit_tab();
    let file = folder.join("amazon-alibaba.twin.json");
    let before = west_base(&harness);
    type_into(&mut harness, "Amazon score", "3.5");
    harness.get_by_label("● 1 unsaved");
    assert!(button_enabled(&harness, "Save"));

    click_button_text(&mut harness, "Save");
    harness.get_by_label("All saved");
    harness.get_by_label_contains("Saved ");
    assert!(!button_enabled(&harness, "Save"), "nothing left to save");
    let on_disk = |file: &PathBuf| {
        let twin = load_twin(file).expect("load");
        twin.score(Side::West, "base").expect("scored").value
    };
    assert_eq!(on_disk(&file), 3.5);

    click_button_text(&mut harness, "Undo");
    assert_eq!(west_base(&harness), before);
    harness.get_by_label("● 1 unsaved");
    assert!(
        harness.query_by_label("All saved").is_none(),
        "the screen differs from the file"
    );
    assert!(button_enabled(&harness, "Save"));
    assert_eq!(on_disk(&file), 3.5, "undo does not write");

    click_button_text(&mut harness, "Redo");
    assert_eq!(west_base(&harness), 3.5);
    harness.get_by_label("All saved");
    assert!(!button_enabled(&harness, "Save"));
}
