//! Exported files read back: every colour they draw with is a role of the paper look (or one of
//! the twin's two company colours), shared sectors wear the same role as in the studio, and the
//! phrases they repeat are `wording`'s.

use std::collections::BTreeSet;

use crate::support::{sample, sample_ids};
use scraper::{Html, Selector};
use twin_studio::charts::svg::chart_svg;
use twin_studio::charts::{ChartKind, describe, side_colours};
use twin_studio::model::{Side, Twin};
use twin_studio::report::{PageSize, Report, html, markdown, pdf, png};
use twin_studio::tokens::{Look, Rgb};
use twin_studio::wording::{
    NOT_SCORED, SCORE_WITHOUT_EVIDENCE, UNSUPPORTED, capitalised, source_text,
};

/// The paper roles a chart may draw with.
fn paper_roles() -> BTreeSet<String> {
    let t = Look::Paper.tokens();
    [t.ink, t.muted, t.grid, t.band, t.surface, t.shared_band]
        .iter()
        .map(|c| c.hex())
        .collect()
}

/// Every `fill` and `stroke` colour of an SVG document, read with an XML parser.
fn svg_colours(svg: &str) -> BTreeSet<String> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG parses");
    doc.descendants()
        .flat_map(|n| [n.attribute("fill"), n.attribute("stroke")])
        .flatten()
        .filter(|v| v.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

/// The colours a twin's charts may use: the paper roles and its two company colours.
fn allowed(twin: &Twin) -> BTreeSet<String> {
    let mut ok = paper_roles();
    ok.extend(side_colours(twin).iter().map(|c| c.hex()));
    ok
}

/// A sample with its first backed score stripped of evidence, and a pillar scored on one side
/// only, so the reports must say "no evidence" and "not scored".
fn twin_with_gaps() -> Twin {
    let mut twin = sample("amazon-alibaba");
    let pillar = twin.framework.pillars[0].id.clone();
    if let Some(score) = twin.side_mut(Side::East).scores.get_mut(&pillar) {
        score.evidence.clear();
    }
    let last = twin.framework.pillars.last().expect("pillars").id.clone();
    twin.side_mut(Side::West).scores.remove(&last);
    twin
}

#[test]
fn every_exported_chart_draws_only_paper_roles_and_the_twins_colours() {
    for id in sample_ids() {
        let twin = sample(&id);
        let ok = allowed(&twin);
        for kind in ChartKind::ALL {
            let used = svg_colours(&chart_svg(&describe(&twin, kind, None)));
            let stray: Vec<&String> = used.difference(&ok).collect();
            assert!(stray.is_empty(), "{id} {kind:?} draws with {stray:?}");
            assert!(
                used.contains(&Look::Paper.tokens().ink.hex()),
                "{id} {kind:?}"
            );
        }
    }
}

#[test]
fn shared_sectors_wear_the_tokens_shared_role_in_every_export() {
    let twin = sample("amazon-alibaba");
    let svg = chart_svg(&describe(&twin, ChartKind::Map, None));
    let band = Look::Paper.tokens().shared_band;
    assert_eq!(
        band,
        Look::Light.tokens().shared_band,
        "paper and studio agree"
    );
    let doc = roxmltree::Document::parse(&svg).expect("parses");
    let wedges = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "path" && n.attribute("fill") == Some(&band.hex()))
        .count();
    assert!(wedges > 0, "the shared sectors are tinted with shared_band");
    // The legend swatch says what the tint means, in the same colour.
    assert!(
        doc.descendants()
            .any(|n| n.tag_name().name() == "rect" && n.attribute("fill") == Some(&band.hex()))
    );
}

#[test]
fn html_styles_come_from_the_paper_look() {
    let twin = sample("amazon-alibaba");
    let page = Html::parse_document(&html::render(&Report::for_twin(&twin)));
    let style: String = page
        .select(&Selector::parse("style").expect("selector"))
        .flat_map(|e| e.text())
        .collect();
    let t = Look::Paper.tokens();
    for (name, role) in [
        ("ink", t.ink),
        ("muted", t.muted),
        ("line", t.grid),
        ("band", t.band),
        ("accent", t.link),
        ("surface", t.surface),
    ] {
        assert!(
            style.contains(&format!("--{name}: {};", role.hex())),
            "--{name} is not {}",
            role.hex()
        );
    }
    // Past the variables, the stylesheet names no colour of its own.
    let rules = style.split_once("}\n").map_or("", |(_, rest)| rest);
    assert!(!rules.contains('#'), "a raw colour in the CSS rules");
    let ok = allowed(&twin);
    for svg in page.select(&Selector::parse("svg").expect("selector")) {
        let used = svg_colours(&svg.html());
        let stray: Vec<&String> = used.difference(&ok).collect();
        assert!(stray.is_empty(), "inline chart draws with {stray:?}");
    }
}

#[test]
fn png_is_drawn_on_the_paper_surface() {
    let twin = sample("amazon-alibaba");
    let bytes = png::chart_png(&describe(&twin, ChartKind::Radar, None), 1.0).expect("png");
    let decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("png header");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    reader.next_frame(&mut pixels).expect("png frame");
    let surface = Look::Paper.tokens().surface;
    assert_eq!(
        Rgb(pixels[0], pixels[1], pixels[2]),
        surface,
        "top-left corner"
    );
}

#[test]
fn reports_and_charts_say_no_evidence_and_sources_in_wordings_words() {
    let twin = twin_with_gaps();
    let report = Report::for_twin(&twin);
    let md = markdown::render(&report, "r").text;
    let unsupported = format!("{}.", capitalised(UNSUPPORTED));
    assert!(
        md.contains(&markdown::escape(&unsupported)),
        "Markdown lacks {unsupported:?}"
    );
    assert!(md.contains(&markdown::escape(&format!("{}.", capitalised(NOT_SCORED)))));
    let source = twin
        .west
        .scores
        .values()
        .flat_map(|s| &s.evidence)
        .find_map(|e| e.source.as_ref())
        .expect("a sourced claim");
    let page = Html::parse_document(&html::render(&report));
    let sources: Vec<String> = page
        .select(&Selector::parse(".source").expect("selector"))
        .map(|e| e.text().collect())
        .collect();
    assert!(
        sources.iter().any(|s| s.contains(&source_text(source))),
        "no source reads {:?}",
        source_text(source)
    );
    let radar = chart_svg(&describe(&twin, ChartKind::Radar, None));
    let doc = roxmltree::Document::parse(&radar).expect("parses");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(
        texts.iter().any(|t| t.contains(SCORE_WITHOUT_EVIDENCE)),
        "{texts:?}"
    );
    let deltas = chart_svg(&describe(&twin, ChartKind::Deltas, None));
    assert!(deltas.contains(NOT_SCORED));
    let pdf_text =
        pdf_extract::extract_text_from_mem(&pdf::render(&report, PageSize::A4).expect("pdf"))
            .expect("pdf text");
    let flat = pdf_text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&unsupported), "the PDF lacks {unsupported:?}");
}
