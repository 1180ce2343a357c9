//! The score charts' labels placed on a canvas of a given size: the radar's pillar names and ring
//! values around the markers, the pillar names under bars and gaps. The studio (and the
//! presenter) draw them where [`super::placement`] puts them, so no label overlaps another or
//! leaves the plot, at any window or slide size.

use super::Radar;
use super::placement::{LabelRequest, Obstacle, Placed, Rect, place};
use super::svg::wrap;
use super::text::{baseline_offset, label_box, width};

/// Line spacing of a wrapped label, in font sizes.
const LINE_STEP: f64 = 1.2;
/// Pillar names on the radar.
const AXIS_SIZE: f64 = 12.0;
/// Ring values on the radar.
const RING_SIZE: f64 = 10.0;
/// Widest a radar pillar name runs before it wraps.
const AXIS_MAX_WIDTH: f64 = 150.0;
/// Largest hollow marker, plus air: labels keep clear of every score.
const MARKER_RADIUS: f64 = 7.0;

/// The canvas a score chart is drawn on, in its renderer's units (egui points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreFrame {
    pub width: f64,
    pub height: f64,
    /// Text size multiplier: 1 in the studio, larger on a projector.
    pub text_scale: f64,
}

/// A placed label of one or more lines.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockLabel {
    /// Each line with where its text starts: `[x, baseline y]`.
    pub lines: Vec<(String, [f64; 2])>,
    /// Font size in canvas units.
    pub size: f64,
    /// The box all lines cover.
    pub rect: Rect,
    pub leader: Option<([f64; 2], [f64; 2])>,
}

/// The radar on one canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarLayout {
    pub centre: [f64; 2],
    /// Canvas units per score point.
    pub scale: f64,
    /// One per axis; `None` where a name found no room (listed in `dropped`).
    pub axes: Vec<Option<BlockLabel>>,
    /// One per ring; `None` where a value would touch a marker or a name.
    pub rings: Vec<Option<BlockLabel>>,
    pub dropped: Vec<String>,
}

impl RadarLayout {
    /// Canvas position of a radar point (`Radar::point`, y up).
    pub fn at(&self, p: [f64; 2]) -> [f64; 2] {
        [
            self.centre[0] + p[0] * self.scale,
            self.centre[1] - p[1] * self.scale,
        ]
    }
}

/// The lines of a label, measured: the text wrapped to `max_width`, its box, and each line's
/// offset from the box's top left.
fn measure(text: &str, size: f64, max_width: f64, max_lines: usize) -> (Vec<String>, [f64; 2]) {
    let lines = wrap(text, size as f32, max_width as f32, max_lines);
    let w = lines.iter().map(|l| width(l, size)).fold(0.0, f64::max);
    let h = label_box("", size)[1] + (lines.len().max(1) - 1) as f64 * LINE_STEP * size;
    (lines, [w, h])
}

/// Turns a placement into lines set inside it, aligned towards the anchor (right-aligned on
/// its left, centred above or below it, left-aligned on its right).
fn block(lines: Vec<String>, size: f64, anchor: [f64; 2], placed: Placed) -> BlockLabel {
    let rect = placed.rect;
    let mid = (rect.x0 + rect.x1) / 2.0;
    let set = lines
        .into_iter()
        .enumerate()
        .map(|(j, line)| {
            let w = width(&line, size);
            let x = if rect.x1 <= anchor[0] + 1.0 {
                rect.x1 - w
            } else if rect.x0 >= anchor[0] - 1.0 {
                rect.x0
            } else {
                mid - w / 2.0
            };
            let y = rect.y0 + baseline_offset(size) + j as f64 * LINE_STEP * size;
            (line, [x, y])
        })
        .collect();
    BlockLabel {
        lines: set,
        size,
        rect,
        leader: placed.leader,
    }
}

/// Lays the radar out on `frame` as large as its names allow: the plot shrinks until every pillar
/// name has room; ring values are placed only where they touch nothing.
pub fn layout_radar(radar: &Radar, frame: ScoreFrame) -> RadarLayout {
    let s = frame.text_scale.max(0.1);
    let max = radar.max.max(1.0);
    let canvas = Rect::new(0.0, 0.0, frame.width.max(1.0), frame.height.max(1.0));
    let centre = [canvas.x1 / 2.0, canvas.y1 / 2.0];
    // The framing the charts have always had (names need about three quarters of the radius
    // beside the plot and a third above and below), narrowed a little where that lets the widest
    // name sit straight out beside the plot; past that, names turn to where there is room.
    let widest = radar
        .axes
        .iter()
        .map(|a| measure(a, AXIS_SIZE * s, AXIS_MAX_WIDTH * s, 2).1[0])
        .fold(0.0, f64::max);
    let beside = (canvas.x1 / 2.0 - widest - 10.0 * s) / max;
    let framed = (canvas.x1 / (3.5 * max)).min(canvas.y1 / (2.6 * max));
    let mut scale = framed.min(beside.max(framed * 0.85));
    let mut best: Option<RadarLayout> = None;
    for _ in 0..8 {
        let layout = attempt(radar, canvas, centre, scale, s);
        let dropped = layout.dropped.len();
        if best.as_ref().is_none_or(|b| dropped < b.dropped.len()) {
            best = Some(layout);
        }
        if dropped == 0 {
            break;
        }
        scale *= 0.9;
    }
    best.unwrap_or_else(|| attempt(radar, canvas, centre, scale, s))
}

fn attempt(radar: &Radar, canvas: Rect, centre: [f64; 2], scale: f64, s: f64) -> RadarLayout {
    let mut layout = RadarLayout {
        centre,
        scale,
        axes: Vec::new(),
        rings: Vec::new(),
        dropped: Vec::new(),
    };
    let mut obstacles: Vec<Obstacle> = radar
        .series
        .iter()
        .flat_map(|series| radar.polygon(series))
        .map(|p| Obstacle::Circle {
            centre: layout.at(p),
            radius: MARKER_RADIUS * s,
        })
        .collect();
    obstacles.push(Obstacle::Rect(legend_box(radar, canvas, s)));
    let mut texts: Vec<(Vec<String>, f64, [f64; 2])> = Vec::new();
    let mut requests: Vec<LabelRequest> = Vec::new();
    for (i, axis) in radar.axes.iter().enumerate() {
        let size = AXIS_SIZE * s;
        let (lines, size_box) = measure(axis, size, AXIS_MAX_WIDTH * s, 2);
        let [x, y] = radar.point(i, radar.max);
        let anchor = layout.at([x, y]);
        requests.push(LabelRequest {
            anchor,
            clearance: 6.0 * s,
            size: size_box,
            priority: 2,
            prefer: Some((-y).atan2(x)),
            max_leader: 4.0 * size,
        });
        texts.push((lines, size, anchor));
    }
    for ring in &radar.rings {
        let size = RING_SIZE * s;
        let text = format!("{ring:.0}");
        let anchor = layout.at([0.0, *ring]);
        requests.push(LabelRequest {
            anchor,
            clearance: 2.0 * s,
            size: label_box(&text, size),
            priority: 1,
            prefer: Some(-std::f64::consts::FRAC_PI_4),
            max_leader: 0.0,
        });
        texts.push((vec![text], size, anchor));
    }
    let placed = place(canvas, &obstacles, &requests);
    for (k, ((lines, size, anchor), spot)) in texts.into_iter().zip(placed).enumerate() {
        let label = spot.map(|p| block(lines.clone(), size, anchor, p));
        if k < radar.axes.len() {
            if label.is_none() {
                layout.dropped.push(lines.join(" "));
            }
            layout.axes.push(label);
        } else {
            layout.rings.push(label);
        }
    }
    layout
}

/// Room kept for the plot's legend in its bottom-right corner: one row per company (egui's body
/// text, 12.5 points, with its marker and padding).
pub fn legend_box(radar: &Radar, canvas: Rect, s: f64) -> Rect {
    let size = 12.5 * s;
    let widest = radar
        .series
        .iter()
        .map(|series| width(&series.label, size))
        .fold(0.0, f64::max);
    let w = widest + 40.0 * s;
    let h = radar.series.len() as f64 * 20.0 * s + 14.0 * s;
    Rect::new(canvas.x1 - w, canvas.y1 - h, canvas.x1, canvas.y1)
}

/// Category names under bars or gaps: each centred under its slot at `anchors` (canvas points on
/// the baseline), wrapped to two lines of the slot's width, placed clear of each other and of the
/// canvas edge. `None` marks a name that found no room.
pub fn layout_categories(
    names: &[String],
    anchors: &[[f64; 2]],
    slot_width: f64,
    text_scale: f64,
    canvas: Rect,
) -> Vec<Option<BlockLabel>> {
    let s = text_scale.max(0.1);
    let size = 11.0 * s;
    let measured: Vec<(Vec<String>, [f64; 2])> = names
        .iter()
        .zip(anchors)
        .map(|(n, anchor)| {
            // Two lines where there is room below the anchor, else one.
            let room = canvas.y1 - anchor[1] - 4.0 * s;
            let lines = if room >= label_box("", size)[1] + LINE_STEP * size {
                2
            } else {
                1
            };
            measure(n, size, (slot_width - 6.0 * s).max(size), lines)
        })
        .collect();
    let requests: Vec<LabelRequest> = measured
        .iter()
        .zip(anchors)
        .map(|((_, size_box), anchor)| LabelRequest {
            anchor: *anchor,
            clearance: 4.0 * s,
            size: *size_box,
            priority: 1,
            prefer: Some(std::f64::consts::FRAC_PI_2),
            max_leader: 0.0,
        })
        .collect();
    place(canvas, &[], &requests)
        .into_iter()
        .zip(measured)
        .zip(anchors)
        .map(|((spot, (lines, _)), anchor)| spot.map(|p| block(lines, size, *anchor, p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::placement::first_overlap;
    use crate::charts::{Bars, Radar};

    /// The studio's compare tab, a narrow window, and a 4K slide.
    const FRAMES: [ScoreFrame; 3] = [
        ScoreFrame {
            width: 480.0,
            height: 280.0,
            text_scale: 1.0,
        },
        ScoreFrame {
            width: 320.0,
            height: 240.0,
            text_scale: 1.0,
        },
        ScoreFrame {
            width: 1700.0,
            height: 820.0,
            text_scale: 2.5,
        },
    ];

    fn rects(labels: &[Option<BlockLabel>]) -> Vec<Rect> {
        labels.iter().flatten().map(|l| l.rect).collect()
    }

    #[test]
    fn radar_labels_never_overlap_or_leave_the_canvas_in_any_sample() {
        for twin in crate::charts::test_samples() {
            let radar = Radar::new(&twin, None);
            for frame in FRAMES {
                let layout = layout_radar(&radar, frame);
                let canvas = Rect::new(0.0, 0.0, frame.width, frame.height);
                let mut all = rects(&layout.axes);
                all.extend(rects(&layout.rings));
                assert_eq!(first_overlap(&all), None, "{} {frame:?}", twin.id);
                assert!(all.iter().all(|r| canvas.contains(r)), "{}", twin.id);
                assert!(layout.dropped.is_empty(), "{} {frame:?}", twin.id);
                let legend = legend_box(&radar, canvas, frame.text_scale);
                assert!(all.iter().all(|r| !r.overlaps(&legend)), "{}", twin.id);
                // Names stay clear of every score marker.
                for series in &radar.series {
                    for p in radar.polygon(series) {
                        let c = layout.at(p);
                        assert!(
                            rects(&layout.axes)
                                .iter()
                                .all(|r| !r.meets_circle(c, MARKER_RADIUS * frame.text_scale)),
                            "{}: a name covers a marker",
                            twin.id
                        );
                    }
                }
                // Each line of a name sits inside its box.
                for label in layout.axes.iter().flatten() {
                    for (line, [x, _]) in &label.lines {
                        assert!(*x >= label.rect.x0 - 1e-6, "{line}");
                        assert!(
                            x + width(line, label.size) <= label.rect.x1 + 1e-6,
                            "{line}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn category_names_never_overlap_under_bars_at_any_width() {
        for twin in crate::charts::test_samples() {
            let bars = Bars::new(&twin, None);
            let n = bars.categories.len().max(1) as f64;
            for (w, scale) in [(300.0, 1.0), (480.0, 1.0), (900.0, 1.0), (1700.0, 2.5)] {
                let canvas = Rect::new(0.0, 0.0, w, 400.0 * scale);
                let slot = w / (n + 0.2);
                let anchors: Vec<[f64; 2]> = (0..bars.categories.len())
                    .map(|i| [slot * (i as f64 + 0.6), 300.0 * scale])
                    .collect();
                let labels = layout_categories(&bars.categories, &anchors, slot, scale, canvas);
                let placed = rects(&labels);
                assert_eq!(placed.len(), bars.categories.len(), "{} at {w}", twin.id);
                assert_eq!(first_overlap(&placed), None, "{} at {w}", twin.id);
                assert!(placed.iter().all(|r| canvas.contains(r)));
            }
        }
    }
}
