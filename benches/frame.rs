//! `cargo bench --bench frame`: the real studio UI run headless (egui context run + tessellation,
//! no GPU) at 1280x800, over 300 idle frames per case after a warm-up.
//! Budgets: 1.0 ms for the single-twin tabs (`edit_tables_amazon_alibaba`: the Edit tab with
//! every section and table open), 3.0 ms for `library_500` and `search_library_500` (one character
//! typed into the library search each frame, results and why they matched shown), 2.0 ms for the
//! presenter slides at 3840x2160 (`present_radar_4k`, `present_evidence_4k`, and
//! `present_morph_4k`, a frame half way through the radar's morph between two snapshots).
//! Prints `bench <case> median_ms=N` plus p95 and whether idle frames asked to repaint.

#[allow(dead_code)]
#[path = "../tests/it/support/mod.rs"]
mod support;

/// The allocator the `twin-studio` binary uses, so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::time::{Duration, Instant};

use twin_studio::model::Twin;
use twin_studio::present::{Presenter, ProjectorTheme, SlideKind, deck};
use twin_studio::ui::{AppState, Tab, TwinStudioApp, style};

const FRAMES: usize = 300;
const WARM_UP: usize = 30;
const PRESENT_BUDGET_MS: f64 = 2.0;

fn fail(message: &str) -> ! {
    eprintln!("frame bench: {message}");
    std::process::exit(1)
}

fn sample_state(tab: Tab) -> AppState {
    let folder = support::samples_folder();
    let mut state = AppState::from_twins(&folder, support::samples());
    let index = state
        .twins
        .iter()
        .position(|t| t.twin.id == "amazon-alibaba");
    if index.is_none() {
        fail("amazon-alibaba sample missing");
    }
    state.select(index);
    state.tab = tab;
    state
}

/// 500 twins made from the samples under new ids and titles.
fn library_500() -> AppState {
    let samples = support::samples();
    let twins = (0..500)
        .map(|i| {
            let mut twin = samples[i % samples.len()].clone();
            twin.id = format!("generated-{i:03}");
            twin.title = format!("{} #{i}", twin.title);
            twin
        })
        .collect();
    let mut state = AppState::from_twins(Path::new("/nonexistent-library"), twins);
    state.tab = Tab::Compare;
    state
}

/// A case: its name, its budget in milliseconds, how to build its studio, and what happens before
/// the first frame and in each frame.
type Case = (&'static str, f64, fn() -> AppState, Input);

/// Set-up before the first frame, and the input events of frame `n`.
#[derive(Clone, Copy)]
struct Input {
    setup: fn(&egui::Context),
    events: fn(usize) -> Vec<egui::Event>,
}

const IDLE: Input = Input {
    setup: |_| {},
    events: |_| Vec::new(),
};

/// Types "wechat" one character per frame into the library search, then erases it and starts
/// again: every frame runs a new query over the 500 twins.
const TYPE_IN_SEARCH: Input = Input {
    setup: |ctx| ctx.memory_mut(|m| m.request_focus(egui::Id::unique("library_search"))),
    events: |frame| {
        const WORD: &str = "wechat";
        let at = frame % WORD.len();
        let mut events = Vec::new();
        if at == 0 {
            for _ in 0..WORD.len() {
                events.push(egui::Event::Key {
                    key: egui::Key::Backspace,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                });
            }
        }
        events.push(egui::Event::Text(WORD[at..=at].to_owned()));
        events
    },
};

/// Opens every section and table of the Edit tab.
const ALL_TABLES_OPEN: Input = Input {
    setup: twin_studio::ui::open_all_edit_sections,
    events: |_| Vec::new(),
};

/// Opens every section and table, then scrolls the form with the mouse wheel, 60 points (about a
/// notch) a frame, down for 180 frames and back up: the whole form of the sample passes the
/// screen, so new rows and texts are laid out on most frames.
const ALL_TABLES_OPEN_SCROLLING: Input = Input {
    setup: twin_studio::ui::open_all_edit_sections,
    events: |frame| {
        let down = frame % 360 < 180;
        vec![
            egui::Event::PointerMoved(egui::pos2(800.0, 450.0)),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, if down { -60.0 } else { 60.0 }),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::NONE,
            },
        ]
    },
};

struct Measure {
    median_ms: f64,
    p95_ms: f64,
    idle_repaints: usize,
}

fn run(state: AppState, input: Input) -> Measure {
    let ctx = egui::Context::default();
    twin_studio::desktop::install_fonts(&ctx);
    style::apply(&ctx);
    (input.setup)(&ctx);
    let mut app = TwinStudioApp::new(state);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let mut times = Vec::with_capacity(FRAMES);
    let mut idle_repaints = 0;
    for frame in 0..WARM_UP + FRAMES {
        let raw = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(frame as f64 / 60.0),
            events: (input.events)(frame),
            ..Default::default()
        };
        let start = Instant::now();
        let output = ctx.run_ui(raw, |ui| app.draw(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = start.elapsed().as_secs_f64() * 1000.0;
        std::hint::black_box(primitives);
        if frame >= WARM_UP {
            times.push(elapsed);
            let wants_now = output
                .viewport_output
                .get(&egui::ViewportId::ROOT)
                .is_some_and(|v| v.repaint_delay < Duration::from_millis(100));
            idle_repaints += usize::from(wants_now);
        }
    }
    times.sort_by(f64::total_cmp);
    Measure {
        median_ms: times[times.len() / 2],
        p95_ms: times[times.len() * 95 / 100],
        idle_repaints,
    }
}

/// Median milliseconds of a presenter frame on slide `index` of `twin` at 4K, and the vertices
/// of the last frame (a check that the slide was really drawn).
fn presenter_frame_ms(twin: &Twin, index: usize) -> (f64, usize) {
    let ctx = egui::Context::default();
    twin_studio::desktop::install_fonts(&ctx);
    let mut presenter = Presenter::new(index, ProjectorTheme::Dark);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(3840.0, 2160.0));
    let mut times = Vec::with_capacity(FRAMES);
    let mut vertices = 0;
    for frame in 0..WARM_UP + FRAMES {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            max_texture_side: Some(8192),
            time: Some(frame as f64 / 60.0),
            ..Default::default()
        };
        let start = Instant::now();
        let output = ctx.run_ui(input, |ui| {
            presenter.show(ui, twin);
        });
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = start.elapsed().as_secs_f64() * 1000.0;
        vertices = primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        if frame >= WARM_UP {
            times.push(elapsed);
        }
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], vertices)
}

/// Median milliseconds of a 4K presenter frame half way through a radar morph: each measured
/// frame follows, 0.3 s later, a frame whose click started a morph (forward, then back).
fn morph_frame_ms(twin: &Twin, radar: usize) -> (f64, usize) {
    let ctx = egui::Context::default();
    twin_studio::desktop::install_fonts(&ctx);
    let mut presenter = Presenter::new(radar, ProjectorTheme::Dark);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(3840.0, 2160.0));
    let mut times = Vec::with_capacity(FRAMES);
    let mut vertices = 0;
    // A press and its release: a key never released would make egui call the next press a repeat.
    let key = |key: egui::Key| {
        [true, false].map(|pressed| egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        })
    };
    // One frame on the radar before any click, so the presenter knows where the morph starts.
    let _ = ctx.run_ui(
        egui::RawInput {
            screen_rect: Some(screen),
            max_texture_side: Some(8192),
            time: Some(-1.0),
            ..Default::default()
        },
        |ui| {
            presenter.show(ui, twin);
        },
    );
    for frame in 0..WARM_UP + FRAMES {
        let t = frame as f64;
        let click = if frame % 2 == 0 {
            egui::Key::ArrowRight
        } else {
            egui::Key::ArrowLeft
        };
        for (time, events, measured) in [(t, key(click).to_vec(), false), (t + 0.3, vec![], true)] {
            let input = egui::RawInput {
                screen_rect: Some(screen),
                max_texture_side: Some(8192),
                time: Some(time),
                events,
                ..Default::default()
            };
            let start = Instant::now();
            let output = ctx.run_ui(input, |ui| {
                presenter.show(ui, twin);
            });
            let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
            let elapsed = start.elapsed().as_secs_f64() * 1000.0;
            if !measured {
                continue;
            }
            if !presenter.is_morphing() {
                fail("present_morph_4k: the measured frame is not in a morph");
            }
            vertices = primitives
                .iter()
                .map(|p| match &p.primitive {
                    egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                    egui::epaint::Primitive::Callback(_) => 0,
                })
                .sum();
            if frame >= WARM_UP {
                times.push(elapsed);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], vertices)
}

/// Presenter slides at 3840x2160: the radar and the pillar with the most evidence.
fn present_cases(filter: &[String]) -> bool {
    let twin = support::sample("amazon-alibaba");
    let slides = deck(&twin);
    let radar = slides.iter().position(|s| s.kind == SlideKind::Radar);
    let evidence_count = |kind: &SlideKind| match kind {
        SlideKind::Pillar(id) => [&twin.west, &twin.east]
            .iter()
            .filter_map(|c| c.scores.get(id))
            .map(|s| s.evidence.len())
            .sum(),
        _ => 0,
    };
    let evidence = (0..slides.len()).max_by_key(|&i| evidence_count(&slides[i].kind));
    let (Some(radar), Some(evidence)) = (radar, evidence) else {
        fail("the sample deck lacks a radar or a pillar slide");
    };
    let mut over = false;
    for (case, index) in [
        ("present_radar_4k", radar),
        ("present_evidence_4k", evidence),
        ("present_morph_4k", radar),
    ] {
        if !filter.is_empty() && !filter.iter().any(|f| case.contains(f.as_str())) {
            continue;
        }
        let (median, vertices) = if case == "present_morph_4k" {
            morph_frame_ms(&twin, index)
        } else {
            presenter_frame_ms(&twin, index)
        };
        let verdict = if median <= PRESENT_BUDGET_MS {
            "ok"
        } else {
            "OVER"
        };
        over |= median > PRESENT_BUDGET_MS;
        println!(
            "bench {case} median_ms={median:.3} budget_ms={PRESENT_BUDGET_MS} {verdict} frames={FRAMES} vertices={vertices}"
        );
    }
    over
}

fn main() {
    let cases: [Case; 7] = [
        (
            "compare_amazon_alibaba",
            1.0,
            || sample_state(Tab::Compare),
            IDLE,
        ),
        ("edit_amazon_alibaba", 1.0, || sample_state(Tab::Edit), IDLE),
        (
            "edit_tables_amazon_alibaba",
            1.0,
            || sample_state(Tab::Edit),
            ALL_TABLES_OPEN,
        ),
        (
            "edit_tables_scrolling_amazon_alibaba",
            1.0,
            || sample_state(Tab::Edit),
            ALL_TABLES_OPEN_SCROLLING,
        ),
        (
            "diversification_amazon_alibaba",
            1.0,
            || sample_state(Tab::Diversification),
            IDLE,
        ),
        ("library_500", 3.0, library_500, IDLE),
        ("search_library_500", 3.0, library_500, TYPE_IN_SEARCH),
    ];
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut over = false;
    for (name, budget, state, input) in cases {
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let m = run(state(), input);
        let verdict = if m.median_ms <= budget { "ok" } else { "OVER" };
        over |= m.median_ms > budget;
        println!(
            "bench {name} median_ms={:.3} p95_ms={:.3} budget_ms={budget} {verdict} idle_repaint_frames={}/{FRAMES}",
            m.median_ms, m.p95_ms, m.idle_repaints
        );
    }
    over |= present_cases(&filter);
    if over {
        std::process::exit(2);
    }
}
