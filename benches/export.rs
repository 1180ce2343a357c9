//! `cargo bench --bench export`: the cost of each export format on the flagship twin and on a
//! portfolio. Prints `bench <case> median_ms=N` per case. Budgets: html 10 ms, pdf 100 ms,
//! png radar 50 ms, 50-twin portfolio PDF 500 ms, placing the flagship map's labels 5 ms, pptx 100 ms,
//! importing a 500-row CSV 20 ms.

#[allow(dead_code)]
#[path = "../tests/it/support/mod.rs"]
mod support;

/// The allocator the `twin-studio` binary uses, so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use twin_studio::charts::{ChartKind, describe};
use twin_studio::interop::{TableFormat, import_new, read_table};
use twin_studio::model::Twin;
use twin_studio::report::{PageSize, Report, html, pdf, png};

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
    let twin = support::sample("amazon-alibaba");

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
    bench("pptx_amazon_alibaba", 21, || {
        twin_studio::report::pptx::render(&twin_studio::present::deck_pptx::deck_pptx(
            &twin,
            twin_studio::report::pptx::Aspect::Wide,
        ))
        .unwrap_or_else(|e| fail(e.to_string()))
        .len()
    });
    let csv_500 = csv_of_500_rows(&twin);
    bench("import_csv_500_rows", 21, || {
        let table = read_table("bench.csv", TableFormat::Csv, &csv_500)
            .unwrap_or_else(|e| fail(e.to_string()));
        import_new("bench.csv", &table, None)
            .map(|t| t.west.moves.len() + t.east.moves.len())
            .unwrap_or_else(|e| fail(format!("{e:?}")))
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

/// The flagship twin's CSV grown to at least 500 data rows with extra moves.
fn csv_of_500_rows(twin: &Twin) -> Vec<u8> {
    let mut big = twin.clone();
    let rows = |t: &Twin| {
        twin_studio::report::csv::render(&[t])
            .map(|b| b.iter().filter(|&&c| c == b'\n').count())
            .unwrap_or(0)
    };
    let template = twin.west.moves[0].clone();
    let mut i = 0;
    while rows(&big) <= 500 {
        let mut m = template.clone();
        m.unit = format!("Generated unit {i}");
        m.year = 1990 + (i % 30);
        big.west.moves.push(m);
        i += 1;
    }
    twin_studio::report::csv::render(&[&big]).unwrap_or_else(|e| fail(e.to_string()))
}
