//! Scores over time as SVG: one small panel per pillar, a line per company from the oldest
//! snapshot to now, on the same 0-10 scale so panels compare.

use super::{Anchor, INK, LegendMark, MUTED, Svg, fit};
use crate::charts::{ChartKind, History};

const PANEL_W: f64 = 340.0;
const PANEL_H: f64 = 170.0;
const TOP: f64 = 56.0;

pub(super) fn history_svg(history: &History) -> Svg {
    let columns = history.panels.len().clamp(1, 2);
    let rows = history.panels.len().div_ceil(columns).max(1);
    let w = PANEL_W * columns as f64 + 40.0;
    let h = TOP + PANEL_H * rows as f64 + 56.0;
    let mut svg = Svg::new(w, h, ChartKind::History.title());
    for (i, panel) in history.panels.iter().enumerate() {
        let px = 20.0 + PANEL_W * (i % columns) as f64;
        let py = TOP + PANEL_H * (i / columns) as f64;
        let (left, right) = (px + 34.0, px + PANEL_W - 24.0);
        let (top, bottom) = (py + 30.0, py + PANEL_H - 34.0);
        svg.text(
            px + 4.0,
            py + 14.0,
            &fit(&panel.title, 13.0, (PANEL_W - 12.0) as f32),
            13.0,
            Anchor::Start,
            INK,
            true,
        );
        let y_of = |v: f64| bottom - v / history.max.max(1.0) * (bottom - top);
        svg.y_grid((left, right), [0.0, 5.0, 10.0], y_of);
        let n = history.points.len();
        let x_of = |j: usize| {
            if n <= 1 {
                (left + right) / 2.0
            } else {
                left + 14.0 + j as f64 * (right - left - 28.0) / (n - 1) as f64
            }
        };
        let slot = if n <= 1 {
            right - left
        } else {
            (right - left - 28.0) / (n - 1) as f64
        };
        for (j, label) in history.points.iter().enumerate() {
            svg.text(
                x_of(j),
                bottom + 16.0,
                &fit(label, 11.0, (slot - 6.0).clamp(20.0, 120.0) as f32),
                11.0,
                Anchor::Middle,
                MUTED,
                false,
            );
        }
        for (side, values) in panel.values.iter().enumerate() {
            let colour = history.colours[side].hex();
            let scored: Vec<(f64, f64)> = values
                .iter()
                .enumerate()
                .filter_map(|(j, v)| v.map(|v| (x_of(j), y_of(v))))
                .collect();
            for pair in scored.windows(2) {
                svg.line(pair[0].0, pair[0].1, pair[1].0, pair[1].1, &colour, 2.5);
            }
            for (x, y) in scored {
                svg.marker(x, y, 4.0, &colour, true);
            }
        }
    }
    let entries: Vec<(String, LegendMark)> = history
        .names
        .iter()
        .zip(history.colours)
        .map(|(name, colour)| (name.clone(), LegendMark::Swatch(colour)))
        .collect();
    svg.legend(w / 2.0, h - 20.0, &entries);
    svg
}
