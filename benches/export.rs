//! `cargo bench --bench export`: the cost of each export format on the flagship twin and on a
//! portfolio. Prints `bench <case> median_ms=N` per case. Budgets: html 10 ms, pdf 100 ms,
//! png radar 50 ms, 50-twin portfolio PDF 500 ms, placing the flagship map's labels 5 ms.

use std::path::Path;
use std::time::Instant;

use twin_studio::charts::{ChartKind, describe};
use twin_studio::model::Twin;
use twin_studio::report::{PageSize, Report, html, pdf, png};
use twin_studio::store::load_twin;

/// Runs `f` `runs` times (after one warm-up) and prints the median and minimum.
fn bench(case: &str, runs: usize, mut f: impl FnMut() -> usize) {
    let mut bytes = f();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        bytes = f();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "bench {case} median_ms={:.2} min_ms={:.2} bytes={bytes}",
        times[times.len() / 2],
        times[0]
    );
}

fn fail(message: String) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}

fn main() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_profiles/amazon-alibaba.twin.json");
    let twin = load_twin(&sample).unwrap_or_else(|e| fail(e.to_string()));

    bench("html_amazon_alibaba", 51, || {
        html::render(&Report::for_twin(&twin)).len()
    });
    bench("pdf_amazon_alibaba", 21, || {
        pdf::render(&Report::for_twin(&twin), PageSize::A4)
            .unwrap_or_else(|e| fail(e.to_string()))
            .len()
    });
    bench("png_radar_amazon_alibaba", 21, || {
        png::chart_png(&describe(&twin, ChartKind::Radar, None), 2.0)
            .unwrap_or_else(|e| fail(e.to_string()))
            .len()
    });
    let map = twin_studio::charts::DiversificationMap::new(
        &twin,
        twin_studio::model::SectorVocabulary::bundled(),
    );
    bench("svg_map_placement", 51, || {
        twin_studio::charts::map_layout::layout_map(
            &map,
            twin_studio::charts::map_layout::MapFrame::EXPORT,
        )
        .labels
        .len()
    });
    let radar_svg = twin_studio::charts::svg::chart_svg(&describe(&twin, ChartKind::Radar, None));
    bench("parse_svg_radar", 21, || {
        twin_studio::report::parse_svg(&radar_svg)
            .map(|t| t.size().width() as usize)
            .unwrap_or_else(|e| fail(e.to_string()))
    });
    let twins: Vec<Twin> = (0..50)
        .map(|i| {
            let mut t = twin.clone();
            t.id = format!("generated-{i:02}");
            t.title = format!("Generated twin {i}");
            for score in t.west.scores.values_mut() {
                score.value = f64::from((i * 7 + 3) % 101) / 10.0;
            }
            t
        })
        .collect();
    let refs: Vec<&Twin> = twins.iter().collect();
    bench("pdf_portfolio_50", 5, || {
        pdf::render(&Report::for_portfolio("Portfolio", &refs), PageSize::A4)
            .unwrap_or_else(|e| fail(e.to_string()))
            .len()
    });
}
