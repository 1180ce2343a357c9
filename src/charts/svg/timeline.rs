//! The timeline as SVG: moves by year in two lanes around an axis, labels packed into rows so
//! none overlaps.

use std::fmt::Write;

use super::{Anchor, FAINT, INK, MUTED, Svg, fit, xml_escape};
use crate::assets::text_width;
use crate::charts::{ChartKind, Timeline};

/// Packs labels into rows: each goes into the lowest row (at least the description's stacking
/// row) where it does not overlap a label already placed.
fn pack_rows(spans: &[(f64, f64, usize)]) -> Vec<usize> {
    let mut row_ends: Vec<f64> = Vec::new();
    spans
        .iter()
        .map(|&(start, end, min_row)| {
            let row = (min_row..)
                .find(|&r| row_ends.get(r).is_none_or(|&e| e <= start))
                .unwrap_or(min_row);
            if row_ends.len() <= row {
                row_ends.resize(row + 1, f64::NEG_INFINITY);
            }
            row_ends[row] = end;
            row
        })
        .collect()
}

pub(super) fn timeline_svg(timeline: &Timeline) -> Svg {
    const LABEL_W: f32 = 200.0;
    let w = 720.0;
    let (left, right) = (150.0, w - 20.0 - f64::from(LABEL_W));
    let span = f64::from((timeline.last_year - timeline.first_year).max(1));
    let x_of = |year: i32| left + f64::from(year - timeline.first_year) / span * (right - left);
    let labels: Vec<Vec<(String, String, f64)>> = timeline
        .lanes
        .iter()
        .map(|lane| {
            lane.events
                .iter()
                .map(|e| {
                    let title = fit(&format!("{} {}", e.year, e.unit), 12.0, LABEL_W);
                    let sub = fit(
                        &format!("{} · {}", e.sector_name, e.mode.label()),
                        11.0,
                        LABEL_W,
                    );
                    let width = f64::from(text_width(&title, 12.0).max(text_width(&sub, 11.0)));
                    (title, sub, width)
                })
                .collect()
        })
        .collect();
    let rows: Vec<Vec<usize>> = timeline
        .lanes
        .iter()
        .zip(&labels)
        .map(|(lane, l)| {
            let spans: Vec<(f64, f64, usize)> = lane
                .events
                .iter()
                .zip(l)
                .map(|(e, (_, _, width))| (x_of(e.year) - 6.0, x_of(e.year) + width + 14.0, e.row))
                .collect();
            pack_rows(&spans)
        })
        .collect();
    let row_h = 32.0;
    let depth = |i: usize| {
        rows.get(i)
            .and_then(|r| r.iter().max())
            .map_or(0, |m| m + 1) as f64
    };
    let axis_y = 60.0 + depth(0) * row_h + 10.0;
    let h = axis_y + depth(1) * row_h + 40.0;
    let mut svg = Svg::new(w, h, ChartKind::Timeline.title());
    let step = if span > 30.0 {
        10
    } else if span > 12.0 {
        5
    } else {
        1
    };
    let mut year = timeline.first_year.div_euclid(step) * step;
    while year <= timeline.last_year {
        if year >= timeline.first_year {
            let x = x_of(year);
            svg.line(x, 50.0, x, h - 20.0, FAINT, 1.0);
            svg.text(
                x,
                h - 6.0,
                &year.to_string(),
                11.0,
                Anchor::Middle,
                MUTED,
                false,
            );
        }
        year += step;
    }
    svg.line(left - 20.0, axis_y, right + 20.0, axis_y, INK, 1.5);
    for (li, lane) in timeline.lanes.iter().enumerate() {
        let dir = if li == 0 { -1.0 } else { 1.0 };
        let colour = lane.colour.hex();
        let name = fit(&lane.label, 14.0, 120.0);
        svg.text(
            16.0,
            axis_y + dir * 14.0 + 5.0,
            &name,
            14.0,
            Anchor::Start,
            &colour,
            true,
        );
        let lane_rows = rows.get(li).map_or(&[][..], Vec::as_slice);
        let lane_labels = labels.get(li).map_or(&[][..], Vec::as_slice);
        for ((e, row), (title, sub, _)) in lane.events.iter().zip(lane_rows).zip(lane_labels) {
            let x = x_of(e.year);
            // West rows grow upwards from the axis, East rows downwards.
            let top = if li == 0 {
                axis_y - row_h * (*row as f64 + 1.0)
            } else {
                axis_y + 6.0 + row_h * *row as f64
            };
            let marker_y = top + 9.0;
            let _ = write!(
                svg.out,
                "<line x1=\"{x:.1}\" y1=\"{axis_y:.1}\" x2=\"{x:.1}\" y2=\"{marker_y:.1}\" stroke=\"{colour}\" stroke-opacity=\"0.35\"/>"
            );
            let _ = write!(
                svg.out,
                "<g><title>{}</title>",
                xml_escape(&format!(
                    "{} {}: {}, {}",
                    e.year,
                    e.unit,
                    e.sector_name,
                    e.mode.label()
                ))
            );
            svg.marker(x, marker_y, 3.5, &colour, true);
            svg.text(
                x + 7.0,
                marker_y + 4.0,
                title,
                12.0,
                Anchor::Start,
                INK,
                false,
            );
            svg.text(
                x + 7.0,
                marker_y + 17.0,
                sub,
                11.0,
                Anchor::Start,
                MUTED,
                false,
            );
            svg.out.push_str("</g>");
        }
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_labels_never_share_a_row_span() {
        let rows = pack_rows(&[
            (0.0, 100.0, 0),
            (50.0, 150.0, 0),
            (120.0, 200.0, 0),
            (0.0, 10.0, 2),
        ]);
        assert_eq!(rows, [0, 1, 0, 2]);
    }
}
