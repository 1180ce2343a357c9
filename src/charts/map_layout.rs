//! The diversification map laid out on a canvas of a given size: where the centre and rings go,
//! how big each marker is, and where every label sits. Computed once per size and read by every
//! renderer (SVG, PDF, PNG, the studio, slides), so none of them overlaps or clips a label.

use super::placement::{LabelRequest, Obstacle, Placed, Rect, place};
use super::text::{baseline_offset, fit, label_box};
use super::{DiversificationMap, MapPoint};

/// The canvas a map is drawn on, in its renderer's units (SVG px, egui points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapFrame {
    pub width: f64,
    pub height: f64,
    /// Text size multiplier: 1 for exports, larger on a projector.
    pub text_scale: f64,
    /// Bands reserved above and below the plot (title, legend).
    pub top: f64,
    pub bottom: f64,
}

impl MapFrame {
    /// The SVG export's canvas, with room for the title and the two legend rows.
    pub const EXPORT: MapFrame = MapFrame {
        width: 720.0,
        height: 700.0,
        text_scale: 1.0,
        top: 48.0,
        bottom: 64.0,
    };
}

/// What a label names, so renderers can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapLabelRole {
    Sector { shared: bool },
    Cluster,
    Ring,
}

/// One placed label.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLabel {
    pub text: String,
    pub role: MapLabelRole,
    /// Font size in canvas units.
    pub size: f64,
    pub bold: bool,
    /// The text's box; text starts at `rect.x0` with its baseline at [`MapLabel::baseline`].
    pub rect: Rect,
    pub leader: Option<([f64; 2], [f64; 2])>,
}

impl MapLabel {
    /// The baseline's y.
    pub fn baseline(&self) -> f64 {
        self.rect.y0 + baseline_offset(self.size)
    }
}

/// One move's marker on the canvas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapMarker {
    pub centre: [f64; 2],
    pub radius: f64,
}

/// The whole map on one canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    pub centre: [f64; 2],
    /// Canvas units per map unit (the distant ring has radius 3 map units).
    pub scale: f64,
    /// One per [`DiversificationMap::points`], same order.
    pub markers: Vec<MapMarker>,
    pub labels: Vec<MapLabel>,
    /// Labels that found no room even on the smallest plot, named so renderers can list them.
    pub dropped: Vec<String>,
}

impl MapLayout {
    /// Canvas position of a point in map units (y up).
    pub fn at(&self, x: f64, y: f64) -> [f64; 2] {
        [
            self.centre[0] + x * self.scale,
            self.centre[1] - y * self.scale,
        ]
    }

    /// Canvas position at map radius `r` and map angle `angle` (clockwise from up).
    pub fn polar(&self, r: f64, angle: f64) -> [f64; 2] {
        self.at(r * angle.sin(), r * angle.cos())
    }
}

const SECTOR_SIZE: f64 = 12.0;
const CLUSTER_SIZE: f64 = 11.0;
const RING_SIZE: f64 = 11.0;
/// Widest a sector name may run before it is shortened.
const SECTOR_MAX_WIDTH: f64 = 170.0;

/// Lays the map out on `frame`: the plot starts as large as the labels allow and shrinks until
/// every sector and cluster label fits; only if it cannot, the least important labels are dropped.
pub fn layout_map(map: &DiversificationMap, frame: MapFrame) -> MapLayout {
    let s = frame.text_scale.max(0.1);
    let plot = Rect::new(0.0, frame.top, frame.width, frame.height - frame.bottom);
    let centre = [(plot.x0 + plot.x1) / 2.0, (plot.y0 + plot.y1) / 2.0];
    let widest = map
        .sectors
        .iter()
        .map(|sec| label_box(&sec.name, SECTOR_SIZE * s)[0].min(SECTOR_MAX_WIDTH * s))
        .fold(0.0_f64, f64::max);
    let line = SECTOR_SIZE * s * 1.3;
    let half = (plot.width() / 2.0 - widest - 14.0 * s).min(plot.height() / 2.0 - 3.0 * line);
    let smallest = plot.width().min(plot.height()) * 0.18;
    let mut radius = half.max(smallest);
    let mut best: Option<MapLayout> = None;
    for _ in 0..8 {
        let layout = attempt(map, frame, plot, centre, radius);
        let essential_dropped = layout.dropped.len();
        let done = essential_dropped == 0;
        if best
            .as_ref()
            .is_none_or(|b| essential_dropped < b.dropped.len())
        {
            best = Some(layout);
        }
        if done || radius <= smallest {
            break;
        }
        radius = (radius * 0.9).max(smallest);
    }
    best.unwrap_or_else(|| attempt(map, frame, plot, centre, smallest))
}

/// Marker radius for a move, in canvas units, at plot scale `k`.
fn marker_radius(p: &MapPoint, k: f64) -> f64 {
    // 5-16 px at the export's 76 px per ring, never smaller than a readable dot.
    ((5.0 + p.strength.clamp(0.0, 10.0) * 1.1) * k / 76.0).max(3.0)
}

fn attempt(
    map: &DiversificationMap,
    frame: MapFrame,
    plot: Rect,
    centre: [f64; 2],
    radius: f64,
) -> MapLayout {
    let s = frame.text_scale.max(0.1);
    let outer = map.outer_radius();
    let k = radius / outer;
    let mut layout = MapLayout {
        centre,
        scale: k,
        markers: Vec::with_capacity(map.points.len()),
        labels: Vec::new(),
        dropped: Vec::new(),
    };
    layout.markers = map
        .points
        .iter()
        .map(|p| MapMarker {
            centre: layout.at(p.x, p.y),
            radius: marker_radius(p, k),
        })
        .collect();
    let mut obstacles: Vec<Obstacle> = layout
        .markers
        .iter()
        .map(|m| Obstacle::Circle {
            centre: m.centre,
            radius: m.radius + 1.0,
        })
        .collect();
    // The cluster arcs run just outside the outer ring; labels start beyond them.
    obstacles.push(Obstacle::Circle {
        centre,
        radius: radius + 6.0 * s,
    });

    let mut texts: Vec<(String, MapLabelRole, f64, bool)> = Vec::new();
    let mut requests: Vec<LabelRequest> = Vec::new();
    for sector in &map.sectors {
        let size = SECTOR_SIZE * s;
        let text = fit(&sector.name, size, SECTOR_MAX_WIDTH * s);
        let (sin, cos) = sector.angle.sin_cos();
        requests.push(LabelRequest {
            anchor: layout.polar(outer, sector.angle),
            clearance: 8.0 * s,
            size: label_box(&text, size),
            priority: 3,
            prefer: Some((-cos).atan2(sin)),
            max_leader: 6.0 * size,
        });
        texts.push((
            text,
            MapLabelRole::Sector {
                shared: sector.shared,
            },
            size,
            sector.shared,
        ));
    }
    for cluster in &map.clusters {
        let size = CLUSTER_SIZE * s;
        let text = fit(&cluster.name.to_uppercase(), size, SECTOR_MAX_WIDTH * s);
        let mid = (cluster.start + cluster.end) / 2.0;
        let (sin, cos) = mid.sin_cos();
        requests.push(LabelRequest {
            anchor: layout.polar(outer, mid),
            clearance: 10.0 * s,
            size: label_box(&text, size),
            priority: 2,
            prefer: Some((-cos).atan2(sin)),
            max_leader: 10.0 * size,
        });
        texts.push((text, MapLabelRole::Cluster, size, true));
    }
    // Ring names sit in the empty slot before the first cluster, where no marker can be.
    let gap = map.clusters.first().map_or(0.0, |c| c.start) - slot_width(map) / 2.0;
    for (r, name) in &map.rings {
        let size = RING_SIZE * s;
        requests.push(LabelRequest {
            anchor: layout.polar(*r, gap),
            clearance: 1.0,
            size: label_box(name, size),
            priority: 1,
            prefer: None,
            max_leader: 0.0,
        });
        texts.push(((*name).to_owned(), MapLabelRole::Ring, size, false));
    }

    let canvas = Rect::new(plot.x0 + 2.0, plot.y0, plot.x1 - 2.0, plot.y1);
    // Rings may sit inside the plot; everything else must clear the outer ring.
    let ring_count = map.rings.len();
    let split = requests.len() - ring_count;
    let outside = place(canvas, &obstacles, &requests[..split]);
    let mut taken: Vec<Obstacle> = obstacles[..obstacles.len() - 1].to_vec();
    taken.extend(outside.iter().flatten().map(|p| Obstacle::Rect(p.rect)));
    let inside = place(canvas, &taken, &requests[split..]);
    for ((text, role, size, bold), placed) in
        texts.into_iter().zip(outside.into_iter().chain(inside))
    {
        match placed {
            Some(Placed { rect, leader }) => layout.labels.push(MapLabel {
                text,
                role,
                size,
                bold,
                rect,
                leader,
            }),
            // Ring names are a convenience: the legend explains the rings anyway.
            None if role == MapLabelRole::Ring => {}
            None => layout.dropped.push(text),
        }
    }
    layout
}

/// The angular width of one sector slot.
fn slot_width(map: &DiversificationMap) -> f64 {
    map.sectors
        .first()
        .and_then(|s| map.clusters.first().map(|c| (s.angle - c.start) * 2.0))
        .unwrap_or(std::f64::consts::TAU)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::placement::first_overlap;
    use crate::model::SectorVocabulary;

    #[test]
    fn every_sample_map_places_every_label_without_overlap_at_every_size() {
        let frames = [
            MapFrame::EXPORT,
            // The studio's chart area on a laptop, and a 1080p slide.
            MapFrame {
                width: 760.0,
                height: 600.0,
                text_scale: 1.0,
                top: 0.0,
                bottom: 0.0,
            },
            MapFrame {
                width: 1800.0,
                height: 860.0,
                text_scale: 1.8,
                top: 0.0,
                bottom: 40.0,
            },
        ];
        for twin in crate::charts::test_samples() {
            let map = DiversificationMap::new(&twin, SectorVocabulary::bundled());
            for frame in frames {
                let layout = layout_map(&map, frame);
                let canvas = Rect::new(0.0, 0.0, frame.width, frame.height);
                let rects: Vec<Rect> = layout.labels.iter().map(|l| l.rect).collect();
                assert_eq!(first_overlap(&rects), None, "{} at {frame:?}", twin.id);
                assert!(rects.iter().all(|r| canvas.contains(r)), "{}", twin.id);
                assert!(
                    layout.dropped.is_empty(),
                    "{}: {:?}",
                    twin.id,
                    layout.dropped
                );
                for label in &layout.labels {
                    for m in &layout.markers {
                        assert!(
                            !label.rect.meets_circle(m.centre, m.radius),
                            "{} label {} on a marker",
                            twin.id,
                            label.text
                        );
                    }
                }
                let sectors = layout
                    .labels
                    .iter()
                    .filter(|l| matches!(l.role, MapLabelRole::Sector { .. }))
                    .count();
                assert_eq!(sectors, map.sectors.len(), "{}", twin.id);
            }
        }
    }
}
