//! The deck as 16:9 SVG pages, one per slide: the presenter's PDF backup goes through the same
//! SVG -> PDF pipeline as the reports (`report::pdf::svg_pages_pdf`) and the same chart SVGs.

use std::fmt::Write;

use super::deck::{Slide, SlideKind, deck};
use crate::analysis::compare_pillars;
use crate::assets::FONT_STACK;
use crate::charts::svg::{chart_svg, wrap, xml_escape};
use crate::charts::{ChartKind, Rgb, describe, side_colours};
use crate::model::{CompanyProfile, Orientation, Side, Twin};

const WIDTH: f64 = 1600.0;
const HEIGHT: f64 = 900.0;
const MARGIN: f64 = 80.0;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#555555";

/// One SVG document per slide of the twin's deck, in deck order.
pub fn deck_svgs(twin: &Twin) -> Vec<String> {
    let slides = deck(twin);
    let total = slides.len();
    slides
        .iter()
        .enumerate()
        .map(|(i, slide)| slide_svg(twin, slide, i + 1, total))
        .collect()
}

/// Font size, fill colour, bold, text-anchor: how one piece of text looks.
type Look<'a> = (f64, &'a str, bool, &'a str);

/// A page writer: every text goes through `xml_escape`.
struct Page {
    out: String,
    colours: [Rgb; 2],
}

impl Page {
    fn new(twin: &Twin) -> Self {
        let mut out = String::with_capacity(16 * 1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
             width=\"{WIDTH}\" height=\"{HEIGHT}\" font-family=\"{}\">\
             <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>",
            xml_escape(FONT_STACK)
        );
        Self {
            out,
            colours: side_colours(twin),
        }
    }

    fn text(&mut self, x: f64, y: f64, look: Look<'_>, text: &str) {
        let (size, fill, bold, anchor) = look;
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let _ = write!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size:.0}\" fill=\"{fill}\" \
             text-anchor=\"{anchor}\"{weight}>{}</text>",
            xml_escape(text)
        );
    }

    /// Wrapped text from `y` down; returns the y below the last line.
    fn paragraph(
        &mut self,
        (x, y, width): (f64, f64, f64),
        (size, fill): (f64, &str),
        max_lines: usize,
        text: &str,
    ) -> f64 {
        let mut y = y;
        for line in wrap(text, size as f32, width as f32, max_lines) {
            y += size * 1.3;
            self.text(x, y, (size, fill, false, "start"), &line);
        }
        y
    }

    fn heading(&mut self, title: &str) {
        for (i, line) in wrap(title, 54.0, (WIDTH - 2.0 * MARGIN) as f32, 1)
            .iter()
            .enumerate()
        {
            self.text(
                MARGIN,
                110.0 + i as f64 * 60.0,
                (54.0, INK, true, "start"),
                line,
            );
        }
        let _ = write!(
            self.out,
            "<rect x=\"{MARGIN}\" y=\"135\" width=\"{:.0}\" height=\"3\" fill=\"#cccccc\"/>",
            WIDTH - 2.0 * MARGIN
        );
    }

    fn colour(&self, side: Side) -> String {
        self.colours[usize::from(side == Side::East)].hex()
    }

    /// A chart SVG scaled into a box, centred.
    fn chart(&mut self, chart_svg: &str, x: f64, y: f64, w: f64, h: f64) {
        let (cw, ch) = view_box_size(chart_svg).unwrap_or((w, h));
        let scale = (w / cw).min(h / ch);
        let (dx, dy) = (x + (w - cw * scale) / 2.0, y + (h - ch * scale) / 2.0);
        let _ = write!(
            self.out,
            "<g transform=\"translate({dx:.1} {dy:.1}) scale({scale:.4})\">{chart_svg}</g>"
        );
    }

    fn finish(mut self, number: usize, total: usize) -> String {
        self.text(
            WIDTH - MARGIN,
            HEIGHT - 40.0,
            (24.0, MUTED, false, "end"),
            &format!("{number} / {total}"),
        );
        self.out.push_str("</svg>");
        self.out
    }
}

/// Width and height from a `viewBox="0 0 W H"` attribute.
fn view_box_size(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("viewBox=\"")? + "viewBox=\"".len();
    let rest = &svg[start..];
    let end = rest.find('"')?;
    let nums: Vec<f64> = rest[..end]
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match nums.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => Some((*w, *h)),
        _ => None,
    }
}

/// One slide as an SVG page.
pub fn slide_svg(twin: &Twin, slide: &Slide, number: usize, total: usize) -> String {
    let mut page = Page::new(twin);
    let body_top = 170.0;
    let body_h = HEIGHT - body_top - 80.0;
    match &slide.kind {
        SlideKind::Title => title(&mut page, twin),
        SlideKind::Companies => {
            page.heading(&slide.title);
            let col = (WIDTH - 2.0 * MARGIN - 60.0) / 2.0;
            for (i, side) in Side::BOTH.into_iter().enumerate() {
                company(
                    &mut page,
                    twin.side(side),
                    side,
                    MARGIN + i as f64 * (col + 60.0),
                    body_top,
                    col,
                );
            }
        }
        SlideKind::Contrast => {
            page.heading(&slide.title);
            let width = WIDTH - 2.0 * MARGIN;
            page.text(
                MARGIN,
                body_top + 40.0,
                (34.0, INK, true, "start"),
                "Biggest difference",
            );
            let y = page.paragraph(
                (MARGIN, body_top + 50.0, width),
                (30.0, INK),
                6,
                &twin.biggest_difference,
            );
            page.text(
                MARGIN,
                y + 70.0,
                (34.0, INK, true, "start"),
                "Biggest similarity",
            );
            page.paragraph(
                (MARGIN, y + 80.0, width),
                (30.0, INK),
                6,
                &twin.biggest_similarity,
            );
        }
        SlideKind::Radar | SlideKind::Map | SlideKind::Timeline => {
            page.heading(&slide.title);
            let kind = match slide.kind {
                SlideKind::Radar => ChartKind::Radar,
                SlideKind::Map => ChartKind::Map,
                _ => ChartKind::Timeline,
            };
            let svg = chart_svg(&describe(twin, kind, None));
            page.chart(&svg, MARGIN, body_top, WIDTH - 2.0 * MARGIN, body_h);
        }
        SlideKind::Pillar(id) => {
            page.heading(&slide.title);
            pillar(&mut page, twin, id, body_top);
        }
        SlideKind::Lessons => {
            page.heading(&slide.title);
            let mut y = body_top;
            for lesson in twin.lessons.iter().take(5) {
                page.text(MARGIN, y + 40.0, (32.0, INK, true, "start"), &lesson.title);
                y = page.paragraph(
                    (MARGIN, y + 44.0, WIDTH - 2.0 * MARGIN),
                    (24.0, MUTED),
                    2,
                    &lesson.text,
                ) + 16.0;
            }
            if twin.lessons.len() > 5 {
                page.text(
                    MARGIN,
                    y + 36.0,
                    (24.0, MUTED, false, "start"),
                    &format!("+{} more", twin.lessons.len() - 5),
                );
            }
        }
    }
    page.finish(number, total)
}

fn title(page: &mut Page, twin: &Twin) {
    let width = WIDTH - 2.0 * MARGIN;
    let mut y = 300.0;
    for line in wrap(&twin.title, 64.0, width as f32, 2) {
        page.text(WIDTH / 2.0, y, (64.0, INK, true, "middle"), &line);
        y += 80.0;
    }
    for (i, side) in Side::BOTH.into_iter().enumerate() {
        let x = WIDTH / 2.0 + if i == 0 { -40.0 } else { 40.0 };
        let anchor = if i == 0 { "end" } else { "start" };
        let colour = page.colour(side);
        let c = twin.side(side);
        page.text(x, y + 80.0, (48.0, &colour, true, anchor), &c.name);
        if !c.native_name.is_empty() && c.native_name != c.name {
            page.text(x, y + 140.0, (36.0, MUTED, false, anchor), &c.native_name);
        }
    }
    page.text(WIDTH / 2.0, y + 80.0, (40.0, MUTED, false, "middle"), "×");
    page.text(
        WIDTH / 2.0,
        HEIGHT - 100.0,
        (26.0, MUTED, false, "middle"),
        &super::deck::title_footer(twin),
    );
}

fn company(page: &mut Page, c: &CompanyProfile, side: Side, x: f64, top: f64, width: f64) {
    let colour = page.colour(side);
    page.text(x, top + 50.0, (46.0, &colour, true, "start"), &c.name);
    let mut y = top + 60.0;
    if !c.native_name.is_empty() && c.native_name != c.name {
        page.text(x, y + 40.0, (34.0, MUTED, false, "start"), &c.native_name);
        y += 50.0;
    }
    let founded = c
        .founded
        .map(|f| format!(" · founded {f}"))
        .unwrap_or_default();
    page.text(
        x,
        y + 36.0,
        (24.0, MUTED, false, "start"),
        &format!("{} · {}{founded}", c.region, c.headquarters),
    );
    y = page.paragraph((x, y + 50.0, width), (24.0, INK), 4, &c.core_business);
    spectra(page, &c.orientation, &colour, x, y + 40.0, width);
}

/// The two orientation axes as labelled spectra with the company's marker.
fn spectra(page: &mut Page, o: &Orientation, colour: &str, x: f64, y: f64, width: f64) {
    let axes = [
        (
            "Customer-driven",
            "Relationship-driven",
            o.customer_vs_relationship,
        ),
        ("Company", "Ecosystem", o.company_vs_ecosystem),
    ];
    for (i, (left, right, value)) in axes.into_iter().enumerate() {
        let y = y + i as f64 * 90.0;
        let _ = write!(
            page.out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"6\" fill=\"#dddddd\"/>\
             <circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"14\" fill=\"{colour}\"/>",
            y + 27.0,
            x + (value.clamp(-1.0, 1.0) + 1.0) / 2.0 * width,
            y + 30.0
        );
        page.text(x, y + 70.0, (22.0, MUTED, false, "start"), left);
        page.text(x + width, y + 70.0, (22.0, MUTED, false, "end"), right);
    }
}

fn pillar(page: &mut Page, twin: &Twin, id: &str, top: f64) {
    let Some(row) = compare_pillars(twin)
        .into_iter()
        .find(|r| r.pillar_id == id)
    else {
        return;
    };
    let col = (WIDTH - 2.0 * MARGIN - 60.0) / 2.0;
    for (i, side) in Side::BOTH.into_iter().enumerate() {
        let x = MARGIN + i as f64 * (col + 60.0);
        let colour = page.colour(side);
        let (value, supported) = match side {
            Side::West => (row.west, row.west_supported),
            Side::East => (row.east, row.east_supported),
        };
        let score = value.map_or("not scored".to_owned(), |v| format!("{v:.1} / 10"));
        page.text(
            x,
            top + 50.0,
            (34.0, &colour, true, "start"),
            &twin.side(side).name,
        );
        page.text(x, top + 120.0, (64.0, INK, true, "start"), &score);
        if value.is_some() && !supported {
            page.text(
                x,
                top + 160.0,
                (24.0, MUTED, false, "start"),
                "unsupported: no evidence yet",
            );
        }
        let evidence = twin
            .score(side, id)
            .map(|s| s.evidence.as_slice())
            .unwrap_or_default();
        let mut y = top + 170.0;
        for e in evidence.iter().take(4) {
            y = page.paragraph((x, y, col), (22.0, INK), 3, &format!("• {}", e.claim)) + 10.0;
        }
        if evidence.len() > 4 {
            page.text(
                x,
                y + 26.0,
                (22.0, MUTED, false, "start"),
                &format!("+{} more", evidence.len() - 4),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Score};

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
        let pages = deck_svgs(&twin);
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
    }

    #[test]
    fn view_box_is_read_from_chart_svg() {
        assert_eq!(
            view_box_size("<svg viewBox=\"0 0 680 600\">"),
            Some((680.0, 600.0))
        );
        assert_eq!(view_box_size("<svg>"), None);
    }
}
