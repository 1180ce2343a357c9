//! `cargo bench --bench present`: one presenter frame at 3840x2160 (egui pass + tessellation, no
//! GPU) on the radar slide and on the pillar slide with the most evidence. Budget: 2.0 ms each.
//! Prints `bench present_radar_4k median_ms=N` and `bench present_evidence_4k median_ms=N`.

use std::path::Path;
use std::time::Instant;

use twin_studio::model::Twin;
use twin_studio::present::{Presenter, ProjectorTheme, SlideKind, deck};
use twin_studio::store::load_twin;

const WARM_UP: usize = 30;
const FRAMES: usize = 300;

/// Median milliseconds of a presenter frame on slide `index` of `twin` at 4K, and the vertices
/// of the last frame (a check that the slide was really drawn).
fn frame_ms(twin: &Twin, index: usize) -> (f64, usize) {
    let ctx = egui::Context::default();
    twin_studio::ui::fonts::install(&ctx);
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

fn main() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_profiles/amazon-alibaba.twin.json");
    let twin = match load_twin(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
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
        eprintln!("the sample deck lacks a radar or a pillar slide");
        std::process::exit(1);
    };
    for (case, index) in [
        ("present_radar_4k", radar),
        ("present_evidence_4k", evidence),
    ] {
        let (median, vertices) = frame_ms(&twin, index);
        println!("bench {case} median_ms={median:.3} frames={FRAMES} vertices={vertices}");
    }
}
