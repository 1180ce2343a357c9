//! Every script a strategist types is drawn in PNG, PDF and the deck PDF: Arabic, Hebrew, emoji,
//! traditional Chinese, Japanese and Korean names come out as their glyphs, not blank space and
//! not placeholder boxes.

use super::{PageSize, Report, pdf, png};
use crate::charts::svg::{chart_svg, xml_escape};
use crate::charts::{ChartKind, describe};
use crate::model::Twin;

/// Names in the scripts the issue lists, with the font that must draw them.
const NAMES: [(&str, &str); 6] = [
    ("أرامكو السعودية", "NotoSansArabic"),
    ("שטראוס", "NotoSansHebrew"),
    ("🚀🛒", "NotoEmoji"),
    ("騰訊控股", "NotoSansCJKtc"),
    ("ソニーグループ", "NotoSansCJKtc"),
    ("삼성전자", "NotoSansCJKtc"),
];

/// Dark pixels of `text` set alone at 28 px.
fn ink(text: &str) -> Vec<bool> {
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"50\" viewBox=\"0 0 400 50\">\
         <text x=\"10\" y=\"38\" font-size=\"28\" font-family=\"Noto Sans CJK SC\">{}</text></svg>",
        xml_escape(text)
    );
    let pixmap = png::svg_pixmap(&svg, 1.0).expect("renders");
    pixmap
        .data()
        .chunks_exact(4)
        .map(|p| p[0] < 160 || p[1] < 160 || p[2] < 160)
        .collect()
}

#[test]
fn png_draws_every_script_as_glyphs_not_blanks_or_boxes() {
    for (name, _) in NAMES {
        let drawn = ink(name);
        let count = drawn.iter().filter(|d| **d).count();
        assert!(count > 150, "{name}: only {count} dark pixels");
        // The same number of characters no font has: the placeholder boxes.
        let boxes: String = name.chars().map(|_| '\u{10FFFD}').collect();
        assert_ne!(drawn, ink(&boxes), "{name} drawn as placeholder boxes");
    }
    assert!(ink("").iter().all(|d| !d));
}

#[test]
fn a_missing_glyph_is_a_visible_box() {
    assert!(ink("\u{10FFFD}").iter().filter(|d| **d).count() > 30);
}

fn twin_named(west: &str, east: &str) -> Twin {
    let mut twin = crate::charts::test_samples()
        .into_iter()
        .find(|t| t.id == "amazon-alibaba")
        .expect("sample loads");
    twin.west.name = west.to_owned();
    twin.east.name = east.to_owned();
    twin.title = format!("{west} vs {east}");
    twin
}

#[test]
fn chart_png_changes_when_a_name_is_in_another_script() {
    let latin = png::chart_png(
        &describe(&twin_named("West", "East"), ChartKind::Radar, None),
        1.0,
    );
    for (name, _) in NAMES {
        let other = png::chart_png(
            &describe(&twin_named(name, "East"), ChartKind::Radar, None),
            1.0,
        );
        assert_ne!(latin.as_ref().ok(), other.as_ref().ok(), "{name}");
        assert!(
            chart_svg(&describe(&twin_named(name, "E"), ChartKind::Radar, None)).contains(name)
        );
    }
}

#[test]
fn pdf_embeds_the_font_of_every_script_and_keeps_the_text() {
    let names: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
    let twin = twin_named(&names[..3].join(" "), &names[3..].join(" "));
    let bytes = pdf::render(&Report::for_twin(&twin), PageSize::A4).expect("pdf");
    let raw = String::from_utf8_lossy(&bytes);
    for (name, font) in NAMES {
        assert!(raw.contains(font), "{name}: font {font} not embedded");
    }
    // Text extraction puts a space where the font changes mid-word: compare without spaces.
    let text: String = pdf_extract::extract_text_from_mem(&bytes)
        .expect("text")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for name in ["騰訊控股", "ソニーグループ", "삼성전자"] {
        assert!(text.contains(name), "{name} not in the text layer: {text}");
    }
}
