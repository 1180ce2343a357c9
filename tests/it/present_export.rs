//! Export from the presenter's console, driven through egui_kittest: the button writes a valid
//! PowerPoint deck and a valid deck PDF (at a given path, so no dialog opens) while the slides
//! keep running.

use crate::pptx_export::{slide_parts, unzip};
use crate::support;

use std::path::Path;
use std::time::{Duration, Instant};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use twin_studio::model::Twin;
use twin_studio::present::deck_export::DeckFormat;
use twin_studio::present::{Outcome, Presenter, ProjectorTheme, deck};

struct Stage {
    presenter: Presenter,
    twin: Twin,
}

fn stage(twin: Twin, out: &Path) -> Harness<'static, Stage> {
    let mut harness = Harness::builder()
        .with_size([1600.0, 900.0])
        .with_context_setup(twin_studio::desktop::install_fonts)
        .build_ui_state(
            |ui, stage: &mut Stage| {
                let _: Outcome = stage.presenter.show(ui, &stage.twin);
            },
            Stage {
                presenter: Presenter::new(0, ProjectorTheme::Dark).with_export_path(out.into()),
                twin,
            },
        );
    harness.step();
    harness.key_press(Key::P);
    harness.step();
    harness
}

/// Clicks the export button for `format` and steps frames until the export is done.
fn export(harness: &mut Harness<'_, Stage>, format: DeckFormat) {
    harness.get_by_label(format.button()).click();
    harness.step();
    // The click returns at once: the next key moves the slides while the file is written.
    harness.key_press(Key::ArrowRight);
    harness.step();
    let start = Instant::now();
    while harness.state().presenter.export().is_running() {
        assert!(start.elapsed() < Duration::from_secs(60), "export finishes");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.step();
}

#[test]
fn the_console_exports_a_valid_powerpoint_deck_and_deck_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let twin = support::sample("amazon-alibaba");
    let slides = deck(&twin).len();

    let pptx = dir.path().join("deck.pptx");
    let mut h = stage(twin.clone(), &pptx);
    export(&mut h, DeckFormat::Pptx);
    let bytes = std::fs::read(&pptx).expect("pptx written");
    assert_eq!(
        slide_parts(&unzip(&bytes)).len(),
        slides,
        "one slide per slide"
    );
    assert!(
        h.query_by_label_contains("Exported").is_some(),
        "the console says it is done"
    );
    assert!(
        h.state().presenter.navigator().current() > 0,
        "the slides moved on after the click"
    );

    let pdf = dir.path().join("deck.pdf");
    let mut h = stage(twin, &pdf);
    export(&mut h, DeckFormat::Pdf);
    let bytes = std::fs::read(&pdf).expect("pdf written");
    let doc = pdf_extract::Document::load_mem(&bytes).expect("parses as PDF");
    assert_eq!(doc.get_pages().len(), slides);
}

#[test]
fn an_export_that_cannot_be_written_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("missing-folder").join("deck.pptx");
    let mut h = stage(support::sample("amazon-alibaba"), &bad);
    export(&mut h, DeckFormat::Pptx);
    assert!(!bad.exists());
    assert!(h.query_by_label_contains("Could not export").is_some());
}
