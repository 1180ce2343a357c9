//! `cargo bench --bench load`: loading and validating libraries from disk.
//! - `load_library_500`: 500 twins, budget 100 ms (median of 21 runs).
//! - `load_library_10000`: 10,000 twins all parsed and validated, budget 1,000 ms (median of 3
//!   runs), with the peak memory of the load printed (Linux: peak RSS reset before each run).
//! - `first_frame_library_10000`: from the start of opening that library in the studio to its
//!   first painted frame (headless egui pass + tessellation), budget 50 ms (median of 5): the
//!   folder loads in the background, so the window never starts blind.

#[allow(dead_code)]
#[path = "../tests/it/support/mod.rs"]
mod support;

/// The allocator the `twin-studio` binary uses, so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use twin_studio::model::Twin;
use twin_studio::store::{Library, save_twin};
use twin_studio::ui::{AppState, TwinStudioApp};

fn fail(message: &str) -> ! {
    eprintln!("load bench: {message}");
    std::process::exit(1)
}

/// `n` twins made from the template under new ids, in a temporary folder.
fn generate(template: &Twin, n: usize) -> (tempfile::TempDir, u64) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail(&format!("temp folder: {e}")));
    let mut bytes = 0u64;
    for i in 0..n {
        let mut twin = template.clone();
        twin.id = format!("generated-{i:05}");
        twin.title = format!("Generated twin {i}");
        let path = dir.path().join(format!("{}.twin.json", twin.id));
        if let Err(e) = save_twin(&path, &twin) {
            fail(&e.to_string());
        }
        bytes += std::fs::metadata(&path).map_or(0, |m| m.len());
    }
    (dir, bytes)
}

/// Resets the peak resident memory so the next reading covers only what follows (Linux).
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory in MiB since the last reset (Linux), if known.
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn measure(name: &str, template: &Twin, n: usize, runs: usize, budget_ms: f64) {
    let (dir, bytes) = generate(template, n);
    // The files were just written: let the disk take them before timing reads, so the figure is
    // the load's and not the kernel flushing this benchmark's own writes.
    let _ = std::process::Command::new("sync").status();
    let mut times = Vec::new();
    let mut peak: Option<f64> = None;
    for _ in 0..runs {
        reset_peak_memory();
        let start = Instant::now();
        let library = Library::open(dir.path());
        let elapsed = start.elapsed().as_secs_f64() * 1000.0;
        match library {
            Ok(l) if l.twins().count() == n => times.push(elapsed),
            _ => fail("the generated library did not load whole"),
        }
        if let Some(now) = peak_memory_mib() {
            peak = Some(peak.map_or(now, |p: f64| p.max(now)));
        }
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "bench {name} median_ms={median:.2} min_ms={:.2} budget_ms={budget_ms} files={n} \
         total_mib={:.1} peak_mib={} {}",
        times[0],
        bytes as f64 / 1024.0 / 1024.0,
        peak.map_or_else(|| "unknown".to_owned(), |p| format!("{p:.0}")),
        if median <= budget_ms {
            "ok"
        } else {
            "OVER BUDGET"
        }
    );
}

/// Milliseconds from opening `folder` in the studio to its first painted frame.
fn first_frame_ms(folder: &std::path::Path) -> f64 {
    let ctx = egui::Context::default();
    twin_studio::desktop::install_fonts(&ctx);
    twin_studio::ui::style::apply(&ctx);
    // Fonts are laid out once per process; do that outside the measure, as a warm start would.
    let _ = ctx.run_ui(egui::RawInput::default(), |ui| {
        ui.label("warm-up");
    });
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let start = Instant::now();
    let state = AppState::open_in_background(folder);
    let mut app = TwinStudioApp::new(state);
    let raw = egui::RawInput {
        screen_rect: Some(screen),
        ..Default::default()
    };
    let output = ctx.run_ui(raw, |ui| app.draw(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    std::hint::black_box(primitives);
    elapsed
}

fn main() {
    let template = support::sample("amazon-alibaba");
    measure("load_library_500", &template, 500, 21, 100.0);
    measure("load_library_10000", &template, 10_000, 3, 1_000.0);
    let (dir, _) = generate(&template, 10_000);
    let mut times: Vec<f64> = (0..5).map(|_| first_frame_ms(dir.path())).collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "bench first_frame_library_10000 median_ms={median:.2} min_ms={:.2} budget_ms=50 {}",
        times[0],
        if median <= 50.0 { "ok" } else { "OVER BUDGET" }
    );
}
