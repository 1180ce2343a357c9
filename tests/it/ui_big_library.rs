//! Issue #9 case 12: a big library does not start blind. The window paints its first frame
//! while the folder is still being parsed, and the library fills in with a progress line.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use twin_studio::model::Twin;
use twin_studio::store::to_json;
use twin_studio::ui::{AppState, TwinStudioApp, style};

#[test]
fn ten_thousand_twins_paint_a_first_frame_before_parsing_ends() {
    let dir = tempfile::tempdir().expect("tempdir");
    // One blank twin serialised once, then written under 10,000 ids.
    let template = to_json(&Twin::new_blank("generated-xxxxx", "Generated twin xxxxx"));
    for i in 0..10_000 {
        let text = template.replace("xxxxx", &format!("{i:05}"));
        std::fs::write(dir.path().join(format!("generated-{i:05}.twin.json")), text)
            .expect("write");
    }
    let state = AppState::open_in_background(dir.path());
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
    harness.step();
    let (loaded, total) = harness
        .state()
        .state
        .loading_progress()
        .expect("still loading after the first frame");
    assert!(
        loaded < 10_000,
        "{loaded} of {total:?} parsed before the first frame"
    );
    assert!(
        harness
            .query_by_label_contains("Loading twins")
            .or_else(|| harness.query_by_label_contains("Listing the folder"))
            .is_some(),
        "the library says it is loading"
    );
    // Let the load finish without drawing every frame (a debug build draws slowly).
    let start = Instant::now();
    while harness.state().state.is_loading() && start.elapsed() < Duration::from_secs(120) {
        harness.state_mut().state.poll_loading();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.step();
    harness.step();
    assert_eq!(harness.state().state.twins.len(), 10_000);
    assert!(harness.query_by_label_contains("Loading twins").is_none());
}
