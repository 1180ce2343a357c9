//! Presenter mode driven like a clicker, through egui_kittest: keys, blank screens, number jumps,
//! every slide of every sample at projector sizes, live edits, and the presenter console.

use crate::support;
use crate::support::shapes::cut_texts;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use twin_studio::model::Twin;
use twin_studio::present::{
    Blank, Outcome, Presenter, ProjectorTheme, deck, deck_shaped, design_width,
};
use twin_studio::store::{load_twin, twin_files_in};

/// What the harness keeps between frames: the presenter, the twin it shows, whether it asked to
/// leave (as the studio would see on that frame).
struct Stage {
    presenter: Presenter,
    twin: Twin,
    left: bool,
}

fn samples() -> Vec<Twin> {
    let folder = support::samples_folder();
    twin_files_in(&folder)
        .expect("sample folder")
        .iter()
        .map(|p| load_twin(p).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn sample(id: &str) -> Twin {
    samples()
        .into_iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("sample {id} is bundled"))
}

fn stage(twin: Twin, start: usize, size: [f32; 2]) -> Harness<'static, Stage> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_context_setup(twin_studio::desktop::install_fonts)
        .build_ui_state(
            |ui, stage: &mut Stage| {
                if stage.presenter.show(ui, &stage.twin) == Outcome::Leave {
                    stage.left = true;
                }
            },
            Stage {
                presenter: Presenter::new(start, ProjectorTheme::Dark),
                twin,
                left: false,
            },
        );
    harness.step();
    harness
}

fn press(harness: &mut Harness<'_, Stage>, key: Key) {
    harness.key_press(key);
    harness.step();
}

fn current(harness: &Harness<'_, Stage>) -> usize {
    harness.state().presenter.navigator().current()
}

#[test]
fn every_key_moves_as_described_including_at_the_ends() {
    let mut twin = sample("amazon-alibaba");
    // One click per slide here; builds and time travel have their own tests (present_stage).
    twin.deck.builds.insert("radar".into(), false);
    let last = deck(&twin).len() - 1;
    let mut h = stage(twin, 0, [1280.0, 720.0]);
    assert!(h.query_by_label(&format!("1 / {}", last + 1)).is_some());

    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::PageUp);
    assert_eq!(current(&h), 0, "previous stops at the first slide");

    for (key, expected) in [
        (Key::ArrowRight, 1),
        (Key::ArrowDown, 2),
        (Key::PageDown, 3),
        (Key::Space, 4),
        (Key::Enter, 5),
    ] {
        press(&mut h, key);
        assert_eq!(current(&h), expected, "{key:?} moves on");
    }
    for (key, expected) in [
        (Key::ArrowLeft, 4),
        (Key::ArrowUp, 3),
        (Key::PageUp, 2),
        (Key::Backspace, 1),
    ] {
        press(&mut h, key);
        assert_eq!(current(&h), expected, "{key:?} moves back");
    }

    press(&mut h, Key::End);
    assert_eq!(current(&h), last);
    assert!(
        h.query_by_label("Lessons").is_some(),
        "the last slide is shown"
    );
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Space);
    assert_eq!(current(&h), last, "next stops at the last slide");
    press(&mut h, Key::Home);
    assert_eq!(current(&h), 0);
    assert!(h.query_by_label(&format!("1 / {}", last + 1)).is_some());

    assert!(!h.state().left);
    press(&mut h, Key::Escape);
    assert!(h.state().left, "Esc leaves");
}

#[test]
fn black_and_white_screens_toggle() {
    let mut h = stage(sample("amazon-alibaba"), 3, [1280.0, 720.0]);
    let title = deck(&h.state().twin)[3].title.clone();
    assert!(h.query_by_label(&title).is_some());

    press(&mut h, Key::B);
    assert_eq!(h.state().presenter.navigator().blank(), Blank::Black);
    assert!(
        h.query_by_label(&title).is_none(),
        "nothing of the slide shows"
    );
    press(&mut h, Key::B);
    assert_eq!(h.state().presenter.navigator().blank(), Blank::None);
    assert!(h.query_by_label(&title).is_some());

    press(&mut h, Key::Period);
    assert_eq!(h.state().presenter.navigator().blank(), Blank::Black);
    press(&mut h, Key::W);
    assert_eq!(h.state().presenter.navigator().blank(), Blank::White);
    press(&mut h, Key::W);
    assert_eq!(h.state().presenter.navigator().blank(), Blank::None);
    assert_eq!(current(&h), 3, "blanking never moves");
}

#[test]
fn a_number_then_enter_jumps() {
    let count = deck(&sample("amazon-alibaba")).len();
    let mut h = stage(sample("amazon-alibaba"), 0, [1280.0, 720.0]);
    press(&mut h, Key::Num1);
    press(&mut h, Key::Num0);
    assert!(
        h.query_by_label("go to 10").is_some(),
        "typed digits are echoed"
    );
    assert_eq!(current(&h), 0);
    press(&mut h, Key::Enter);
    assert_eq!(current(&h), 9);
    assert!(h.query_by_label(&format!("10 / {count}")).is_some());
    press(&mut h, Key::Num5);
    press(&mut h, Key::Enter);
    assert_eq!(current(&h), 4);
}

/// Every label of the slide lies inside the window: nothing runs off the screen.
fn assert_on_screen(h: &Harness<'_, Stage>, size: [f32; 2], what: &str) {
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size.into()).expand(1.0);
    let labels: Vec<_> = h.query_all_by_role(Role::Label).collect();
    assert!(labels.len() >= 2, "{what}: the slide shows text");
    for node in labels {
        assert!(
            screen.contains_rect(node.rect()),
            "{what}: {:?} at {:?} leaves the screen",
            node.accesskit_node().label(),
            node.rect()
        );
    }
}

#[test]
fn every_slide_of_every_sample_renders_at_projector_sizes() {
    for twin in samples() {
        for size in [
            [1024.0, 768.0],
            [1366.0, 768.0],
            [1920.0, 1080.0],
            [3840.0, 2160.0],
        ] {
            let mut h = stage(twin.clone(), 0, size);
            // The presenter's own deck, paged for the area it draws the slides in.
            let count = h.state().presenter.navigator().slide_count();
            assert!(
                count >= deck(&twin).len().min(11),
                "{}: {count} slides",
                twin.id
            );
            for i in 0..count {
                for step in 0..h.state().presenter.navigator().steps_of(i) {
                    assert_eq!(current(&h), i);
                    assert_eq!(h.state().presenter.navigator().step(), step);
                    assert_on_screen(
                        &h,
                        size,
                        &format!("{} slide {} step {step} at {size:?}", twin.id, i + 1),
                    );
                    press(&mut h, Key::ArrowRight);
                }
            }
        }
    }
}

#[test]
fn long_evidence_lists_continue_on_follow_on_slides_instead_of_being_cut() {
    let mut twin = sample("amazon-alibaba");
    let claim = twin.west.scores["base"].evidence[0].clone();
    let score = twin.west.scores.get_mut("base").expect("scored");
    score.evidence = (0..30)
        .map(|i| {
            let mut e = claim.clone();
            e.claim = format!("Claim number {i}: {}", claim.claim);
            e
        })
        .collect();
    for size in [[1024.0, 768.0], [1280.0, 720.0], [3840.0, 2160.0]] {
        let slides = deck_shaped(&twin, design_width(size.into()));
        let parts: Vec<_> = slides
            .iter()
            .filter(|s| s.file_key() == "pillar.base")
            .collect();
        assert!(
            parts.len() >= 3,
            "30 claims take several slides: {}",
            parts.len()
        );
        assert!(parts[0].title.ends_with(&format!("(1/{})", parts.len())));
        let first = slides
            .iter()
            .position(|s| s.key == "pillar.base")
            .expect("pillar slide");
        let mut h = stage(twin.clone(), first, size);
        let mut seen = Vec::new();
        for part in &parts {
            h.step();
            assert!(
                h.query_all_by(|n| n
                    .label()
                    .is_some_and(|l| l.starts_with('+') && l.ends_with(" more")))
                    .next()
                    .is_none(),
                "{}: no +N more line at {size:?}",
                part.title
            );
            assert!(
                cut_texts(&h.output().shapes).is_empty(),
                "{} at {size:?}",
                part.title
            );
            assert_on_screen(&h, size, &part.title);
            for i in 0..30 {
                let label = format!("Claim number {i}:");
                if h.query_by_label_contains(&label).is_some() {
                    seen.push(i);
                }
            }
            press(&mut h, Key::ArrowRight);
        }
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(
            seen,
            (0..30).collect::<Vec<_>>(),
            "every claim shows once at {size:?}"
        );
    }
}

#[test]
fn an_edit_to_a_score_changes_the_radar_slide() {
    let twin = sample("amazon-alibaba");
    let radar = deck(&twin)
        .iter()
        .position(|s| s.key == "radar")
        .expect("radar slide");
    let stops = twin.snapshots.len();
    let mut h = stage(twin, radar, [1280.0, 720.0]);
    // The radar starts at the first snapshot; today's scores are its last stop.
    for _ in 0..stops {
        press(&mut h, Key::ArrowRight);
    }
    for _ in 0..4 {
        h.step();
    }
    assert!(h.query_by_label("Today").is_some());
    assert!(h.query_by_label("3.2").is_none());
    h.state_mut()
        .twin
        .west
        .scores
        .get_mut("base")
        .expect("scored")
        .value = 3.2;
    h.step();
    assert!(
        h.query_by_label("3.2").is_some(),
        "the new score shows at once"
    );
}

#[test]
fn the_console_shows_the_next_title_and_the_notes() {
    let twin = sample("amazon-alibaba");
    // With the console beside it the slide is 4:3, and the deck is paged for that shape.
    let slides = deck_shaped(&twin, design_width(egui::vec2(4.0, 3.0)));
    let notes = twin.speaker_notes["companies"].clone();
    let mut h = stage(twin, 1, [1280.0, 720.0]);
    assert!(
        h.query_by_label(&notes).is_none(),
        "notes stay off the audience's screen"
    );
    press(&mut h, Key::P);
    assert!(h.state().presenter.console_inline());
    assert!(
        h.query_by_label(&format!("Next: {}", slides[2].title))
            .is_some()
    );
    assert!(h.query_by_label(&notes).is_some());
    assert!(
        h.query_by_label(&format!("Slide 2 / {}", slides.len()))
            .is_some()
    );
    press(&mut h, Key::ArrowRight);
    assert!(
        h.query_by_label(&format!("Next: {}", slides[3].title))
            .is_some()
    );
    press(&mut h, Key::P);
    assert!(
        h.query_by_label(&format!("Next: {}", slides[3].title))
            .is_none()
    );
}

#[test]
fn the_pointer_hides_after_two_still_seconds() {
    let mut h = stage(sample("amazon-alibaba"), 0, [1280.0, 720.0]);
    let cursor = |h: &Harness<'_, Stage>| h.output().platform_output.cursor_icon;
    h.event(egui::Event::PointerMoved(egui::pos2(300.0, 300.0)));
    h.step();
    assert_ne!(cursor(&h), egui::CursorIcon::None, "a moving pointer shows");
    // Each step advances egui's clock by the harness step (a fraction of a second).
    let mut still_steps = 0;
    while cursor(&h) != egui::CursorIcon::None && still_steps < 200 {
        h.step();
        still_steps += 1;
    }
    assert_eq!(cursor(&h), egui::CursorIcon::None, "hidden once still");
    assert!(still_steps > 1, "not hidden at once");
    h.event(egui::Event::PointerMoved(egui::pos2(310.0, 300.0)));
    h.step();
    assert_ne!(cursor(&h), egui::CursorIcon::None, "moving brings it back");
}
