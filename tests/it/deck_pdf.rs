//! `twin-studio export FILE --format deck-pdf`: one 16:9 page per slide, text extractable.

use crate::support;

use std::process::Command;

use twin_studio::present::deck;

#[test]
fn deck_pdf_has_one_landscape_page_per_slide_with_chinese_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("deck.pdf");
    let input = support::sample_path("amazon-alibaba");
    let status = Command::new(env!("CARGO_BIN_EXE_twin-studio"))
        .args(["export", "--format", "deck-pdf", "--out"])
        .arg(&out)
        .arg(&input)
        .output()
        .expect("run");
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let bytes = std::fs::read(&out).expect("deck written");
    let twin = support::sample("amazon-alibaba");
    let slides = deck(&twin);
    let doc = pdf_extract::Document::load_mem(&bytes).expect("parses as PDF");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), slides.len());
    let first = *pages.values().next().expect("a page");
    let media_box = doc
        .get_object(first)
        .and_then(|o| o.as_dict())
        .and_then(|d| d.get(b"MediaBox"))
        .and_then(|m| m.as_array())
        .expect("media box");
    let nums: Vec<f32> = media_box
        .iter()
        .map(|n| {
            n.as_float()
                .or_else(|_| n.as_i64().map(|i| i as f32))
                .expect("number")
        })
        .collect();
    assert!(
        (nums[2] / nums[3] - 16.0 / 9.0).abs() < 0.01,
        "16:9 page: {nums:?}"
    );
    // SVG text is placed glyph by glyph, so extractors space the letters out: compare without spaces.
    let text: String = pdf_extract::extract_text_from_mem(&bytes)
        .expect("text")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("阿里巴巴"), "Chinese name is text");
    assert!(
        text.contains("Greatproducts"),
        "pillar slide titles are text"
    );
}

#[test]
fn deck_pdf_refuses_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("deck.pdf");
    let input = support::samples_folder();
    let status = Command::new(env!("CARGO_BIN_EXE_twin-studio"))
        .args(["export", "--format", "deck-pdf", "--out"])
        .arg(&out)
        .arg(&input)
        .output()
        .expect("run");
    assert_ne!(status.status.code(), Some(0));
    assert!(!out.exists());
}

#[test]
fn deck_pdf_takes_the_projector_theme_and_refuses_an_unknown_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = support::sample_path("amazon-alibaba");
    let export = |name: &str, theme: Option<&str>| {
        let out = dir.path().join(name);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_twin-studio"));
        cmd.args(["export", "--format", "deck-pdf", "--out"])
            .arg(&out);
        if let Some(theme) = theme {
            cmd.args(["--theme", theme]);
        }
        let status = cmd.arg(&input).output().expect("run");
        (status.status.code(), std::fs::read(&out).ok())
    };
    let (code, dark) = export("dark.pdf", None);
    assert_eq!(code, Some(0));
    let (code, light) = export("light.pdf", Some("light"));
    assert_eq!(code, Some(0));
    let (code, explicit_dark) = export("dark2.pdf", Some("dark"));
    assert_eq!(code, Some(0));
    let (dark, light) = (dark.expect("dark"), light.expect("light"));
    assert_ne!(dark, light, "the theme changes the pages");
    assert_eq!(
        Some(dark.len()),
        explicit_dark.map(|b| b.len()),
        "dark is the default"
    );
    let (code, none) = export("blue.pdf", Some("blue"));
    assert_eq!(code, Some(2));
    assert!(none.is_none());
}

/// Where each `<text>` of an SVG page is drawn: its text and box (left, right, top, bottom).
fn text_boxes(page: &str) -> Vec<(String, [f64; 4])> {
    let doc = roxmltree::Document::parse(page).expect("SVG parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            let text = n.text()?.to_owned();
            let num = |a: &str| n.attribute(a).and_then(|v| v.parse::<f64>().ok());
            let (x, y, size) = (num("x")?, num("y")?, num("font-size")?);
            let [width, height] = twin_studio::charts::text::label_box(&text, size);
            let left = match n.attribute("text-anchor") {
                Some("middle") => x - width / 2.0,
                Some("end") => x - width,
                _ => x,
            };
            let top = y - twin_studio::charts::text::baseline_offset(size);
            Some((text, [left, left + width, top, top + height]))
        })
        .collect()
}

/// Every page of every sample's deck PDF, 16:9 and 4:3, in both themes' layout: no text runs
/// off the page and no two texts overlap (the radar's labels beside its score table included).
#[test]
fn deck_pages_of_every_sample_keep_every_text_apart_and_on_the_page() {
    use twin_studio::present::ProjectorTheme;
    use twin_studio::present::deck_svg::deck_svgs_in;
    use twin_studio::report::pptx::Aspect;
    let mut problems = Vec::new();
    for twin in support::samples() {
        for aspect in [Aspect::Wide, Aspect::Standard] {
            let width = 720.0 * aspect.width() / 900.0;
            for (i, page) in deck_svgs_in(&twin, ProjectorTheme::Dark, aspect)
                .iter()
                .enumerate()
            {
                let at = format!("{} {} page {}", twin.id, aspect.key(), i + 1);
                let boxes = text_boxes(page);
                for (n, (a, ba)) in boxes.iter().enumerate() {
                    if ba[0] < -0.5 || ba[1] > width + 0.5 || ba[2] < -0.5 || ba[3] > 720.5 {
                        problems.push(format!("{at}: {a:?} leaves the page {ba:?}"));
                    }
                    for (b, bb) in &boxes[n + 1..] {
                        let w = ba[1].min(bb[1]) - ba[0].max(bb[0]);
                        let h = ba[3].min(bb[3]) - ba[2].max(bb[2]);
                        if w > 2.0 && h > 2.0 {
                            problems.push(format!("{at}: {a:?} overlaps {b:?}"));
                        }
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
