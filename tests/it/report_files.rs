//! Markdown, PDF, PNG, SVG and CSV exports parsed back by the programs' own kind of reader.

use crate::support;

use support::hostile::hostile_twin;
use support::sample;
use twin_studio::charts::svg::chart_svg;
use twin_studio::charts::{ChartKind, describe};
use twin_studio::model::Side;
use twin_studio::report::{PageSize, Report, csv, markdown, parse_svg, pdf, png};

#[test]
fn pdf_pages_exist_and_chinese_names_are_text() {
    let twin = sample("amazon-alibaba");
    for page in [PageSize::A4, PageSize::Letter] {
        let bytes = pdf::render(&Report::for_twin(&twin), page).expect("pdf");
        let text = pdf_extract::extract_text_from_mem(&bytes).expect("extract");
        assert!(text.contains(&twin.title), "title extractable");
        assert!(text.contains("阿里巴巴"), "Chinese name extractable");
        assert!(text.contains("page 1 of"), "page numbers");
        let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("pages");
        assert!(pages.len() > 3, "several pages: {}", pages.len());
        let doc = pdf_extract::Document::load_mem(&bytes).expect("lopdf");
        assert_eq!(doc.get_pages().len(), pages.len());
        for (i, text) in pages.iter().enumerate() {
            let footer = format!("page {} of {}", i + 1, pages.len());
            assert!(text.contains(&footer), "{footer} on its page");
        }
    }
}

#[test]
fn pdf_links_only_safe_sources() {
    let bytes = pdf::render(&Report::for_twin(&hostile_twin()), PageSize::A4).expect("pdf");
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("/URI(https://example.com/ok)"),
        "safe source is a link"
    );
    // Hostile text may appear as text (headings, bookmarks, alt text), never as a link target.
    let lower = raw.to_ascii_lowercase();
    assert!(!lower.contains("/uri(javascript:"), "no javascript link");
    assert!(!lower.contains("/uri(data:"), "no data link");
    assert!(lower.contains("/uri("), "links are written as /URI actions");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("extract");
    assert!(text.contains("阿里巴巴"));
}

#[test]
fn png_decodes_at_the_chosen_scale() {
    let twin = sample("amazon-alibaba");
    let chart = describe(&twin, ChartKind::Radar, None);
    let tree = parse_svg(&chart_svg(&chart)).expect("svg");
    for scale in [1.0_f32, 2.0] {
        let bytes = png::chart_png(&chart, scale).expect("png");
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("decode");
        assert_eq!(pixmap.width(), (tree.size().width() * scale).round() as u32);
        assert_eq!(
            pixmap.height(),
            (tree.size().height() * scale).round() as u32
        );
        // Not blank: the chart drew something besides the white background.
        assert!(pixmap.pixels().iter().any(|p| p.red() < 200));
    }
    assert!(png::chart_png(&chart, 0.0).is_err());
    assert!(png::chart_png(&chart, 100.0).is_err());
}

#[test]
fn every_chart_svg_parses_with_usvg_and_keeps_hostile_text_as_text() {
    for twin in [sample("amazon-alibaba"), hostile_twin()] {
        for kind in ChartKind::ALL {
            let svg = chart_svg(&describe(&twin, kind, None));
            let tree = parse_svg(&svg).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
            assert!(tree.size().width() > 100.0);
            let doc = resvg::usvg::roxmltree::Document::parse(&svg).expect("xml");
            let names: std::collections::HashSet<&str> = doc
                .descendants()
                .filter(|n| n.is_element())
                .map(|n| n.tag_name().name())
                .collect();
            for bad in ["script", "img", "b", "a", "foreignObject"] {
                assert!(!names.contains(bad), "{kind:?} has <{bad}>");
            }
        }
    }
}

#[test]
fn csv_reads_back_equal_to_the_data() {
    let twin = sample("amazon-alibaba");
    let bytes = csv::render(&[&twin]).expect("csv");
    let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(headers, csv::HEADERS);
    let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let scores: Vec<_> = rows.iter().filter(|r| &r[0] == "score").collect();
    let moves: Vec<_> = rows.iter().filter(|r| &r[0] == "move").collect();
    let expected_scores = twin.west.scores.len() + twin.east.scores.len();
    assert_eq!(scores.len(), expected_scores);
    assert_eq!(moves.len(), twin.west.moves.len() + twin.east.moves.len());
    for r in &scores {
        let side = if &r[2] == "west" {
            Side::West
        } else {
            Side::East
        };
        let score = twin.score(side, &r[4]).expect("scored pillar");
        assert_eq!(r[7].parse::<f64>().expect("number"), score.value);
        assert_eq!(r[8].parse::<usize>().expect("count"), score.evidence.len());
        assert_eq!(&r[3], twin.side(side).name);
    }
    for (r, m) in moves
        .iter()
        .filter(|r| &r[2] == "west")
        .zip(&twin.west.moves)
    {
        assert_eq!(&r[10], m.unit);
        assert_eq!(r[9].parse::<i32>().expect("year"), m.year);
        assert_eq!(r[14].parse::<f64>().expect("strength"), m.strength);
    }
}

#[test]
fn csv_neutralises_formulas_from_hostile_text() {
    let twin = hostile_twin();
    let bytes = csv::render(&[&twin]).expect("csv");
    let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
    let mut cells = 0;
    for row in reader.records() {
        for cell in row.expect("row").iter() {
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    }
    assert!(cells > 30);
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("'=HYPERLINK"), "kept, neutralised");
}

#[test]
fn markdown_tables_hold_and_hostile_text_makes_no_markup() {
    let export = markdown::render(&Report::for_twin(&hostile_twin()), "r");
    let md = &export.text;
    // Every `<` from user text is backslash-escaped; the only bare ones open our link target.
    for (i, _) in md.match_indices('<') {
        let escaped = i > 0 && md.as_bytes()[i - 1] == b'\\';
        assert!(
            escaped || md[..i].ends_with("]("),
            "raw HTML at {}",
            &md[i..(i + 30).min(md.len())]
        );
    }
    assert!(!md.contains("](javascript"), "no link from user text");
    assert!(!md.contains("![img]"), "no image from user text");
    assert!(md.contains("[Source: ") || md.contains("(<https://example.com/ok>)"));
    // Every table row has as many unescaped pipes as its header.
    let mut expected: Option<usize> = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            expected = None;
            continue;
        }
        let pipes = unescaped_pipes(line);
        match expected {
            None => expected = Some(pipes),
            Some(n) => assert_eq!(pipes, n, "row breaks its table: {line}"),
        }
    }
    // Only our own links: the safe source and the chart images.
    let links: Vec<&str> = md
        .match_indices("](")
        .map(|(i, _)| &md[i..(i + 40).min(md.len())])
        .collect();
    for l in &links {
        assert!(
            l.starts_with("](<https://example.com/ok>)") || l.starts_with("](r-"),
            "{l}"
        );
    }
    assert_eq!(export.charts.len(), 5);
    for (name, svg) in &export.charts {
        assert!(name.starts_with("r-") && name.ends_with(".svg"));
        parse_svg(svg).expect("chart file parses");
    }
}

fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}
