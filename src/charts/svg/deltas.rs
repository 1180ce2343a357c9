//! Pillar gaps as SVG: West minus East around a zero line, each bar in the leader's colour.

use super::{Anchor, GRID, INK, MUTED, Svg, fit};
use crate::charts::{ChartKind, Deltas};
use crate::wording::NOT_SCORED;

pub(super) fn deltas_svg(deltas: &Deltas) -> Svg {
    let n = deltas.categories.len().max(1);
    let w = 760.0;
    let row = 44.0;
    let (label_w, top) = (210.0, 70.0);
    let h = top + row * n as f64 + 90.0;
    let (left, right) = (label_w + 20.0, w - 30.0);
    let mid = (left + right) / 2.0;
    let k = (right - left) / 2.0 / deltas.extent.max(1.0);
    let mut svg = Svg::new(w, h, ChartKind::Deltas.title());
    let bottom = top + row * n as f64;
    let mut tick = -deltas.extent;
    while tick <= deltas.extent + 1e-9 {
        let x = mid + tick * k;
        svg.line(x, top - 6.0, x, bottom, GRID, 1.0);
        let label = if tick.abs() < 1e-9 {
            "0".to_owned()
        } else {
            format!("{tick:+.0}")
        };
        svg.text(x, bottom + 16.0, &label, 11.0, Anchor::Middle, MUTED, false);
        tick += 1.0;
    }
    for (i, (category, value)) in deltas.categories.iter().zip(&deltas.values).enumerate() {
        let y = top + row * i as f64;
        svg.text(
            label_w,
            y + row / 2.0 + 5.0,
            &fit(category, 13.0, label_w as f32 - 10.0),
            13.0,
            Anchor::End,
            INK,
            false,
        );
        match value {
            Some(v) => {
                let colour = deltas.colour_of(*v).hex();
                let x0 = mid.min(mid + v * k);
                svg.rect(
                    x0,
                    y + 10.0,
                    (v * k).abs().max(1.5),
                    row - 20.0,
                    &colour,
                    None,
                );
                let (tx, anchor) = if *v >= 0.0 {
                    (mid + v * k + 6.0, Anchor::Start)
                } else {
                    (mid + v * k - 6.0, Anchor::End)
                };
                svg.text(
                    tx,
                    y + row / 2.0 + 5.0,
                    &format!("{v:+.1}"),
                    12.0,
                    anchor,
                    INK,
                    true,
                );
            }
            None => svg.text(
                mid + 8.0,
                y + row / 2.0 + 5.0,
                &format!("{NOT_SCORED} on both sides"),
                12.0,
                Anchor::Start,
                MUTED,
                false,
            ),
        }
    }
    svg.line(mid, top - 6.0, mid, bottom, INK, 1.5);
    svg.text(
        left,
        bottom + 40.0,
        &format!("← {}", fit(&deltas.east_label, 13.0, 240.0)),
        13.0,
        Anchor::Start,
        &deltas.east_colour.hex(),
        true,
    );
    svg.text(
        right,
        bottom + 40.0,
        &format!("{} →", fit(&deltas.west_label, 13.0, 240.0)),
        13.0,
        Anchor::End,
        &deltas.west_colour.hex(),
        true,
    );
    svg
}
