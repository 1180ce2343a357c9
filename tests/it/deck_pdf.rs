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
