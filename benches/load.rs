//! `cargo bench --bench load`: loading and validating a library of 500 twins from disk.
//! Budget: 100 ms. Prints `bench load_library_500 median_ms=N`.

use std::path::Path;
use std::time::Instant;

use twin_studio::store::{Library, load_twin, save_twin};

fn main() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_profiles/amazon-alibaba.twin.json");
    let template = match load_twin(&sample) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot create a temp folder: {e}");
            std::process::exit(1);
        }
    };
    let mut bytes = 0u64;
    for i in 0..500 {
        let mut twin = template.clone();
        twin.id = format!("generated-{i:03}");
        twin.title = format!("Generated twin {i}");
        let path = dir.path().join(format!("{}.twin.json", twin.id));
        if let Err(e) = save_twin(&path, &twin) {
            eprintln!("{e}");
            std::process::exit(1);
        }
        bytes += std::fs::metadata(&path).map_or(0, |m| m.len());
    }
    let mut times = Vec::new();
    for _ in 0..21 {
        let start = Instant::now();
        let library = Library::open(dir.path());
        let elapsed = start.elapsed().as_secs_f64() * 1000.0;
        match library {
            Ok(l) if l.twins().count() == 500 => times.push(elapsed),
            _ => {
                eprintln!("the generated library did not load whole");
                std::process::exit(1);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "bench load_library_500 median_ms={:.2} min_ms={:.2} files=500 total_kib={}",
        times[times.len() / 2],
        times[0],
        bytes / 1024
    );
}
