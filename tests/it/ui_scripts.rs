//! Issue #12 in the studio: egui neither joins Arabic letters nor lays text right to left, so
//! names in right-to-left scripts are handed to it joined and in visual order.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use twin_studio::font_chain::{for_egui, missing};
use twin_studio::store::save_twin;
use twin_studio::ui::{AppState, TwinStudioApp, style};

use crate::support;

#[test]
fn an_arabic_company_name_shows_joined_and_right_to_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut twin = support::sample("uber-didi");
    twin.east.name = "كريم".into();
    twin.east.native_name = String::new();
    save_twin(&dir.path().join("uber-didi.twin.json"), &twin).expect("save");
    let mut state = AppState::open(dir.path());
    state.select(Some(0));
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
    let shown = for_egui("كريم").into_owned();
    assert_ne!(shown, "كريم", "joined forms, visual order");
    assert!(
        missing(&shown).is_empty(),
        "the bundled fonts draw every joined form"
    );
    // The company card and the library row both carry the shaped name.
    assert!(harness.query_all_by_label_contains(&shown).count() >= 2);
    assert!(harness.query_all_by_label_contains("كريم").next().is_none());
}
