//! The timeline laid out for a slide as plain shapes on the design slide (lines, dots, labels),
//! so the deck PDF and PowerPoint draw the same, readable timeline: one line per move (its unit,
//! as the live slide shows it), packed into rows so labels never overlap, type no smaller than
//! what reads from the back of a room.

use super::describe::Tone;
use crate::assets::text_width;
use crate::charts::Timeline;
use crate::model::Side;

/// What a shape is painted with: a text tone, or the theme's rule colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Tone(Tone),
    Rule,
}

/// A straight line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub paint: Paint,
    pub width: f64,
    pub dashed: bool,
}

/// A filled circle.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub centre: (f64, f64),
    pub radius: f64,
    pub paint: Paint,
}

/// A one-line label; `x` is where the text starts, or its centre when `centred`.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub x: f64,
    /// The top of the line.
    pub top: f64,
    pub size: f64,
    pub tone: Tone,
    pub centred: bool,
    pub text: String,
}

/// A chart as shapes on the design slide.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figure {
    pub lines: Vec<Line>,
    pub dots: Vec<Dot>,
    pub labels: Vec<Label>,
}

/// Largest and smallest label type on the design slide.
const LABEL_SIZES: (f64, f64) = (16.0, 13.0);
/// Horizontal room kept between two labels of a row.
const LABEL_GAP: f64 = 10.0;

/// The timeline in the area `(x, y, w, h)`: a year axis across the middle, West's moves above,
/// East's below, each lane's name at its outer edge, years along the foot.
pub fn timeline(t: &Timeline, (x, y, w, h): (f64, f64, f64, f64)) -> Figure {
    let mut fig = Figure::default();
    let year_size = LABEL_SIZES.0;
    let axis_y = y + (h - year_size * 1.6) / 2.0;
    let widest = t
        .lanes
        .iter()
        .flat_map(|l| &l.events)
        .map(|e| f64::from(text_width(&e.unit, LABEL_SIZES.0 as f32)))
        .fold(0.0, f64::max)
        .min(w * 0.25);
    let (left, right) = (x + 12.0, x + w - widest - 12.0);
    let span = f64::from((t.last_year - t.first_year).max(1));
    let x_of = |year: i32| left + f64::from(year - t.first_year) / span * (right - left);
    let step = if span > 30.0 {
        10
    } else if span > 12.0 {
        5
    } else {
        1
    };
    let mut year = t.first_year.div_euclid(step) * step;
    while year <= t.last_year {
        if year >= t.first_year {
            let yx = x_of(year);
            fig.lines.push(Line {
                from: (yx, y),
                to: (yx, y + h - year_size * 1.4),
                paint: Paint::Rule,
                width: 1.0,
                dashed: false,
            });
            fig.labels.push(Label {
                x: yx,
                top: y + h - year_size * 1.25,
                size: year_size,
                tone: Tone::Muted,
                centred: true,
                text: year.to_string(),
            });
        }
        year += step;
    }
    fig.lines.push(Line {
        from: (x, axis_y),
        to: (x + w, axis_y),
        paint: Paint::Tone(Tone::Ink),
        width: 2.0,
        dashed: false,
    });
    let room = [axis_y - y, y + h - year_size * 1.6 - axis_y];
    for (i, lane) in t.lanes.iter().enumerate().take(2) {
        let side = if i == 0 { Side::West } else { Side::East };
        let dir = if i == 0 { -1.0 } else { 1.0 };
        let name_size = LABEL_SIZES.0 + 2.0;
        let lane_room = room[i] - name_size * 1.4;
        let mut events: Vec<_> = lane.events.iter().collect();
        events.sort_by_key(|e| e.year);
        // Pack at the largest size whose rows fit the lane; at the smallest, rows share space.
        let right_edge = x + w;
        let mut size = LABEL_SIZES.0;
        let rows = loop {
            let rows = pack(&events, &x_of, size, right_edge);
            let depth = rows.iter().max().map_or(0, |r| r + 1) as f64;
            if depth * size * 1.3 <= lane_room || size <= LABEL_SIZES.1 {
                break rows;
            }
            size -= 1.0;
        };
        let depth = rows.iter().max().map_or(0, |r| r + 1).max(1) as f64;
        let row_h = (lane_room / depth).min(size * 1.5);
        for (e, row) in events.iter().zip(&rows) {
            let ex = x_of(e.year);
            let centre_y = axis_y + dir * (size * 0.8 + *row as f64 * row_h);
            fig.lines.push(Line {
                from: (ex, axis_y),
                to: (ex, centre_y),
                paint: Paint::Tone(Tone::Side(side)),
                width: 1.0,
                dashed: true,
            });
            fig.dots.push(Dot {
                centre: (ex, centre_y),
                radius: 5.0,
                paint: Paint::Tone(Tone::Side(side)),
            });
            let width = f64::from(text_width(&e.unit, size as f32));
            fig.labels.push(Label {
                x: label_span(ex, width, right_edge).2,
                top: centre_y - size * 0.6,
                size,
                tone: Tone::Ink,
                centred: false,
                text: e.unit.clone(),
            });
        }
        let name_top = if i == 0 {
            y
        } else {
            axis_y + room[1] - name_size * 1.3
        };
        fig.labels.push(Label {
            x,
            top: name_top,
            size: name_size,
            tone: Tone::Side(side),
            centred: false,
            text: lane.label.clone(),
        });
    }
    fig
}

/// Where a label of `width` for the event at `ex` goes: right of its dot, or left of it when it
/// would run past `right_edge`. Returns the span it covers (with the dot) and the text's x.
fn label_span(ex: f64, width: f64, right_edge: f64) -> (f64, f64, f64) {
    if ex + 9.0 + width <= right_edge {
        (ex - 6.0, ex + 9.0 + width, ex + 9.0)
    } else {
        (ex - 9.0 - width, ex + 6.0, ex - 9.0 - width)
    }
}

/// Rows for labels beside their event's x, in year order: each takes the first row where it
/// clears every label already in that row.
fn pack(
    events: &[&crate::charts::TimelineEvent],
    x_of: &dyn Fn(i32) -> f64,
    size: f64,
    right_edge: f64,
) -> Vec<usize> {
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    events
        .iter()
        .map(|e| {
            let width = f64::from(text_width(&e.unit, size as f32));
            let (start, end, _) = label_span(x_of(e.year), width, right_edge);
            let clear = |row: &Vec<(f64, f64)>| {
                row.iter()
                    .all(|&(a, b)| start > b + LABEL_GAP || end + LABEL_GAP < a)
            };
            let row = rows.iter().position(clear).unwrap_or(rows.len());
            if row == rows.len() {
                rows.push(Vec::new());
            }
            rows[row].push((start, end));
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{Chart, ChartKind, describe};
    use crate::fixtures;

    #[test]
    fn labels_of_a_lane_never_overlap_and_stay_readable() {
        let mut b = fixtures::twin("T");
        for (i, unit) in [
            "Alpha unit",
            "Beta unit",
            "Gamma",
            "Delta long name",
            "Epsilon",
        ]
        .iter()
        .enumerate()
        {
            b = b
                .entered(Side::West, "cloud", unit, 2000 + i as i32)
                .entered(Side::East, "cloud", unit, 2001 + i as i32);
        }
        let Chart::Timeline(t) = describe(&b.build(), ChartKind::Timeline, None) else {
            panic!("a timeline");
        };
        let fig = timeline(&t, (64.0, 160.0, 1152.0, 520.0));
        let moves: Vec<&Label> = fig.labels.iter().filter(|l| l.tone == Tone::Ink).collect();
        assert_eq!(moves.len(), 10);
        for (i, a) in moves.iter().enumerate() {
            assert!(a.size >= LABEL_SIZES.1);
            for b in &moves[i + 1..] {
                let aw = f64::from(text_width(&a.text, a.size as f32));
                let bw = f64::from(text_width(&b.text, b.size as f32));
                let apart = a.x + aw < b.x || b.x + bw < a.x || (a.top - b.top).abs() >= a.size;
                assert!(apart, "{} overlaps {}", a.text, b.text);
            }
        }
        assert!(fig.labels.iter().any(|l| l.text == "2000"));
    }
}
