//! Tests of the SVG writer and of every chart drawn as SVG.

use super::*;
use crate::charts::describe;
use crate::model::{DiversificationMove, Score, Twin};

pub(super) fn twin() -> Twin {
    let mut t = Twin::new_blank("t", "T");
    t.west.name = "A & <B>".into();
    t.east.name = "阿里巴巴".into();
    t.west.scores.insert("base".into(), Score::unsupported(8.0));
    let mut m = DiversificationMove::new(2010);
    m.unit = "\"unit\" <x>".into();
    t.east.moves.push(m);
    t
}

/// The box a label's text covers, measured with the bundled fonts.
fn label_rect(l: &SvgLabel) -> crate::charts::placement::Rect {
    let [w, h] = crate::charts::text::label_box(&l.text, l.size);
    let x0 = match l.anchor {
        Anchor::Start => l.x,
        Anchor::Middle => l.x - w / 2.0,
        Anchor::End => l.x - w,
    };
    let y0 = l.y - crate::charts::text::baseline_offset(l.size);
    crate::charts::placement::Rect::new(x0, y0, x0 + w, y0 + h)
}

#[test]
fn no_label_overlaps_another_or_leaves_the_canvas_in_any_sample_chart() {
    for twin in crate::charts::test_samples() {
        for kind in ChartKind::ALL {
            let chart = describe(&twin, kind, None);
            let (svg, labels) = chart_svg_split(&chart);
            let size = |attr: &str| -> f64 {
                svg.split(&format!(" {attr}=\""))
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0.0)
            };
            let canvas =
                crate::charts::placement::Rect::new(0.0, 0.0, size("width"), size("height"));
            let rects: Vec<_> = labels.iter().map(label_rect).collect();
            if let Some((i, j)) = crate::charts::placement::first_overlap(&rects) {
                panic!(
                    "{} {kind:?}: {:?} overlaps {:?}",
                    twin.id, labels[i].text, labels[j].text
                );
            }
            for (l, r) in labels.iter().zip(&rects) {
                assert!(
                    canvas.contains(r),
                    "{} {kind:?}: {:?} leaves the canvas {r:?}",
                    twin.id,
                    l.text
                );
            }
        }
    }
}

#[test]
fn escape_covers_markup_and_controls() {
    assert_eq!(
        xml_escape("<a href='x'>&\"\u{1}"),
        "&lt;a href=&apos;x&apos;&gt;&amp;&quot; "
    );
}

#[test]
fn every_chart_is_escaped_and_closed() {
    for kind in ChartKind::ALL {
        let svg = chart_svg(&describe(&twin(), kind, None));
        assert!(
            svg.starts_with("<svg ") && svg.ends_with("</svg>"),
            "{kind:?}"
        );
        assert!(!svg.contains("<B>") && !svg.contains("<x>"), "{kind:?}");
        assert!(svg.contains(&xml_escape(kind.title())));
    }
}

#[test]
fn wrap_and_fit_respect_width() {
    let lines = wrap(
        "Great products, fair price and a very long tail",
        13.0,
        100.0,
        2,
    );
    assert_eq!(lines.len(), 2);
    assert!(
        lines.iter().all(|l| text_width(l, 13.0) <= 100.5),
        "{lines:?}"
    );
    assert!(lines[1].ends_with('…'));
    assert_eq!(fit("short", 12.0, 200.0), "short");
}
