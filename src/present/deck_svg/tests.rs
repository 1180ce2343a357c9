use super::charts::view_box_size;
use super::*;
use crate::charts::svg;
use crate::model::{Evidence, Score, Side, Twin};
use crate::present::deck;

#[test]
fn one_page_per_slide_each_valid_svg_with_escaped_text() {
    let mut twin = Twin::new_blank("t", "T <script>alert(1)</script>");
    twin.west.name = "A & B".into();
    twin.east.native_name = "阿里巴巴".into();
    twin.west.scores.insert(
        "base".into(),
        Score {
            value: 8.0,
            evidence: vec![Evidence {
                claim: "\"quoted\" <b>bold</b>".into(),
                source: None,
            }],
        },
    );
    for theme in [ProjectorTheme::Dark, ProjectorTheme::Light] {
        let pages = deck_svgs_in(&twin, theme, Aspect::Wide);
        assert_eq!(pages.len(), deck(&twin).len());
        for page in &pages {
            assert!(!page.contains("<script>") && !page.contains("<b>"));
            crate::report::pdf::svg_pages_pdf(
                std::slice::from_ref(page),
                crate::report::PageSize::Slide16x9,
                "t",
            )
            .expect("each page parses as SVG and converts");
        }
        assert!(pages[0].contains("阿里巴巴"));
        assert!(pages[0].contains("1 / 11"));
        let background = rgb(theme.background()).hex();
        assert!(pages[0].contains(&format!("fill=\"{background}\"")));
    }
}

#[test]
fn charts_take_the_theme_and_keep_no_paper_white_on_a_dark_slide() {
    let twin = crate::fixtures::twin("T")
        .score(Side::West, "base", 5.0)
        .entered(Side::West, "cloud", "AWS", 2006)
        .build();
    for page in deck_svgs_in(&twin, ProjectorTheme::Dark, Aspect::Wide) {
        assert!(!page.contains(&format!("\"{}\"", svg::PAPER)), "{page}");
        assert!(!page.contains(&format!("\"{}\"", svg::INK)));
    }
}

#[test]
fn view_box_is_read_from_chart_svg() {
    assert_eq!(
        view_box_size("<svg viewBox=\"0 0 680 600\">"),
        Some((680.0, 600.0))
    );
    assert_eq!(view_box_size("<svg>"), None);
}

#[test]
fn a_4_3_deck_has_4_3_pages_laid_out_inside_them() {
    let twin = crate::fixtures::twin("T")
        .score(Side::West, "base", 5.0)
        .entered(Side::West, "cloud", "AWS", 2006)
        .build();
    for page in deck_svgs_in(&twin, ProjectorTheme::Dark, Aspect::Standard) {
        assert!(page.contains("viewBox=\"0 0 960 720\""), "{page}");
        assert!(page.contains("width=\"1200\" height=\"900\""));
        let xs = text_x_positions(&page);
        assert!(
            xs.iter().all(|&x| (0.0..=960.0).contains(&x)),
            "every text starts on the page: {xs:?}"
        );
    }
    let pdf = crate::report::pdf::svg_pages_pdf(
        &deck_svgs_in(&twin, ProjectorTheme::Light, Aspect::Standard),
        Aspect::Standard.page(),
        "t",
    )
    .expect("a 4:3 deck PDF");
    assert!(pdf.starts_with(b"%PDF"));
}

/// The x of every `<text x="...">` on a page.
fn text_x_positions(page: &str) -> Vec<f64> {
    page.match_indices("<text x=\"")
        .filter_map(|(i, m)| {
            let rest = &page[i + m.len()..];
            rest.split('"').next()?.parse().ok()
        })
        .collect()
}

#[test]
fn super_app_dots_stay_light_on_a_dark_slide() {
    let mut twin = crate::fixtures::twin("T")
        .score(Side::West, "base", 5.0)
        .entered(Side::East, "payments", "Pay", 2010)
        .build();
    for m in &mut twin.east.moves {
        m.in_super_app = true;
    }
    let map = crate::present::describe_deck(&twin, Slides::Shown)
        .into_iter()
        .position(|s| s.kind == deck::SlideKind::Map)
        .expect("a map slide");
    for theme in [ProjectorTheme::Dark, ProjectorTheme::Light] {
        let page = &deck_svgs_in(&twin, theme, Aspect::Wide)[map];
        let dot = page
            .split(svg::SUPER_APP_DOT)
            .nth(1)
            .and_then(|rest| rest.split("/>").next())
            .expect("a super-app dot");
        let background = rgb(theme.background()).hex();
        let expected = match theme {
            ProjectorTheme::Dark => rgb(theme.text()).hex(),
            ProjectorTheme::Light => background,
        };
        assert!(
            dot.contains(&format!("fill=\"{expected}\"")),
            "{theme:?}: {dot}"
        );
    }
}
