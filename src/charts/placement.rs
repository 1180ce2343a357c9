//! Label placement shared by every renderer: each label tries candidate boxes around its anchor
//! (nearest first, then further out with a leader line), and takes the cheapest one that stays on
//! the canvas and touches no other label and no marker. Labels are placed greedily by priority, so
//! when space runs out the least important ones are dropped, never overlapped.
//!
//! Pure geometry in canvas units (y grows downwards): the caller measures text with the real font
//! and decides what to do with dropped labels (grow the plot, list them elsewhere).

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        Self { x0, y0, x1, y1 }
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Whether the interiors meet (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Whether `other` lies wholly inside.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x0 >= self.x0 && other.x1 <= self.x1 && other.y0 >= self.y0 && other.y1 <= self.y1
    }

    /// The box grown by `by` on every side.
    pub fn inflate(&self, by: f64) -> Rect {
        Rect::new(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)
    }

    /// Whether a disc meets the box.
    pub fn meets_circle(&self, c: [f64; 2], r: f64) -> bool {
        let dx = c[0] - c[0].clamp(self.x0, self.x1);
        let dy = c[1] - c[1].clamp(self.y0, self.y1);
        dx * dx + dy * dy < r * r
    }

    /// The point of the box nearest to `p`, where a leader line ends.
    pub fn nearest_point(&self, p: [f64; 2]) -> [f64; 2] {
        [p[0].clamp(self.x0, self.x1), p[1].clamp(self.y0, self.y1)]
    }
}

/// Something labels must keep clear of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Obstacle {
    /// A marker.
    Circle { centre: [f64; 2], radius: f64 },
    /// Fixed text (title, legend) or any other reserved area.
    Rect(Rect),
}

impl Obstacle {
    fn hits(&self, rect: &Rect) -> bool {
        match self {
            Obstacle::Circle { centre, radius } => rect.meets_circle(*centre, *radius),
            Obstacle::Rect(r) => r.overlaps(rect),
        }
    }
}

/// One label to place.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelRequest {
    /// The point the label names.
    pub anchor: [f64; 2],
    /// Gap between the anchor and the nearest edge of the label (marker radius plus air).
    pub clearance: f64,
    /// The label's measured box size.
    pub size: [f64; 2],
    /// Higher is placed first and dropped last.
    pub priority: u32,
    /// Preferred direction (radians, screen axes: 0 right, π/2 down); `None`: any direction.
    pub prefer: Option<f64>,
    /// How far beyond the clearance the label may move, drawing a leader line; 0 keeps it close.
    pub max_leader: f64,
}

/// Where a label went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    /// From the anchor to the label, when the label sits away from its anchor.
    pub leader: Option<([f64; 2], [f64; 2])>,
}

/// Directions tried around each anchor.
const DIRECTIONS: usize = 24;
/// How far from the preferred direction a label may turn.
const MAX_TURN: f64 = 75.0 * std::f64::consts::PI / 180.0;
/// Air kept between two labels.
const PADDING: f64 = 1.5;

/// Places every label it can; `None` marks a label dropped for lack of room.
pub fn place(
    canvas: Rect,
    obstacles: &[Obstacle],
    requests: &[LabelRequest],
) -> Vec<Option<Placed>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(requests[i].priority));
    let mut placed: Vec<Rect> = Vec::with_capacity(requests.len());
    let mut out = vec![None; requests.len()];
    for i in order {
        let request = &requests[i];
        let found = candidates(request)
            .filter(|(rect, _)| {
                canvas.contains(rect)
                    && !placed.iter().any(|p| p.inflate(PADDING).overlaps(rect))
                    && !obstacles.iter().any(|o| o.hits(rect))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((rect, cost)) = found {
            placed.push(rect);
            let leader = (cost >= LEADER_COST).then(|| {
                let end = rect.nearest_point(request.anchor);
                (request.anchor, end)
            });
            out[i] = Some(Placed { rect, leader });
        }
    }
    out
}

/// Costs at or above this mean the label was pushed out and needs a leader line.
const LEADER_COST: f64 = 1000.0;

/// Candidate boxes with their cost: turning away from the preferred direction costs a little,
/// moving out (with a leader) costs more than any turn.
fn candidates(request: &LabelRequest) -> impl Iterator<Item = (Rect, f64)> + '_ {
    let line = request.size[1].max(1.0);
    let steps: &[f64] = if request.max_leader > 0.0 {
        &[0.0, 0.6, 1.3, 2.2, 3.4, 5.0, 7.0, 9.5]
    } else {
        &[0.0, 0.4]
    };
    steps
        .iter()
        .enumerate()
        .filter(move |(k, step)| *k == 0 || **step * line <= request.max_leader.max(0.4 * line))
        .flat_map(move |(k, step)| {
            (0..DIRECTIONS).filter_map(move |j| {
                let angle = std::f64::consts::TAU * j as f64 / DIRECTIONS as f64;
                let turn = request.prefer.map_or(0.0, |p| angle_between(angle, p));
                if turn > MAX_TURN {
                    return None;
                }
                let d = request.clearance + step * line;
                let (s, c) = angle.sin_cos();
                let p = [request.anchor[0] + d * c, request.anchor[1] + d * s];
                // The box hangs from p on the side facing away from the anchor.
                let (w, h) = (request.size[0], request.size[1]);
                let x0 = p[0] - w * (1.0 - c) / 2.0;
                let y0 = p[1] - h * (1.0 - s) / 2.0;
                let moved = if k >= 2 { LEADER_COST } else { 0.0 };
                let cost = moved + step * 10.0 + turn * 8.0;
                Some((Rect::new(x0, y0, x0 + w, y0 + h), cost))
            })
        })
}

/// The unsigned angle between two directions, 0..=π.
fn angle_between(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(std::f64::consts::TAU);
    d.min(std::f64::consts::TAU - d)
}

/// Whether any two boxes overlap: the property every placement keeps, for tests and debug checks.
pub fn first_overlap(rects: &[Rect]) -> Option<(usize, usize)> {
    for (i, a) in rects.iter().enumerate() {
        for (j, b) in rects.iter().enumerate().skip(i + 1) {
            if a.overlaps(b) {
                return Some((i, j));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(anchor: [f64; 2], w: f64, priority: u32) -> LabelRequest {
        LabelRequest {
            anchor,
            clearance: 4.0,
            size: [w, 12.0],
            priority,
            prefer: None,
            max_leader: 60.0,
        }
    }

    #[test]
    fn crowded_labels_spread_out_without_overlap() {
        let canvas = Rect::new(0.0, 0.0, 400.0, 300.0);
        let requests: Vec<LabelRequest> = (0..12)
            .map(|i| request([200.0 + f64::from(i) * 2.0, 150.0], 70.0, 1))
            .collect();
        let placed = place(canvas, &[], &requests);
        let rects: Vec<Rect> = placed.iter().flatten().map(|p| p.rect).collect();
        assert_eq!(rects.len(), 12, "all fit in a large canvas");
        assert_eq!(first_overlap(&rects), None);
        assert!(rects.iter().all(|r| canvas.contains(r)));
        assert!(
            placed.iter().flatten().any(|p| p.leader.is_some()),
            "some were pushed out with a leader"
        );
    }

    #[test]
    fn labels_keep_clear_of_markers_and_the_edge() {
        let canvas = Rect::new(0.0, 0.0, 200.0, 100.0);
        let marker = Obstacle::Circle {
            centre: [190.0, 50.0],
            radius: 8.0,
        };
        let mut r = request([190.0, 50.0], 60.0, 1);
        r.clearance = 10.0;
        // Right of the marker there is no room: the label turns left, off the marker.
        r.prefer = Some(std::f64::consts::PI);
        let placed = place(canvas, &[marker], &[r]);
        let p = placed[0].expect("placed");
        assert!(canvas.contains(&p.rect));
        assert!(!marker.hits(&p.rect));
    }

    #[test]
    fn the_least_important_label_is_dropped_when_room_runs_out() {
        // One spot only: hanging below the anchor, centred.
        let canvas = Rect::new(0.0, 0.0, 80.0, 14.0);
        let mut a = request([40.0, 1.0], 70.0, 1);
        let mut b = request([40.0, 1.0], 70.0, 5);
        for r in [&mut a, &mut b] {
            r.clearance = 0.0;
            r.max_leader = 0.0;
        }
        let placed = place(canvas, &[], &[a, b]);
        assert!(placed[0].is_none(), "low priority dropped");
        assert!(placed[1].is_some(), "high priority kept");
    }

    #[test]
    fn preferred_direction_wins_when_free() {
        let canvas = Rect::new(0.0, 0.0, 400.0, 400.0);
        let mut r = request([200.0, 200.0], 50.0, 1);
        r.prefer = Some(std::f64::consts::PI);
        let p = place(canvas, &[], &[r])[0].expect("placed");
        assert!(p.rect.x1 <= 200.0, "hangs to the left: {p:?}");
        assert!(p.leader.is_none());
    }

    #[test]
    fn rect_geometry() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(!a.overlaps(&Rect::new(10.0, 0.0, 20.0, 10.0)), "touching");
        assert!(a.overlaps(&Rect::new(9.0, 9.0, 20.0, 10.0)));
        assert!(a.meets_circle([12.0, 5.0], 2.5));
        assert!(!a.meets_circle([13.0, 13.0], 3.0));
        assert_eq!(a.nearest_point([20.0, 5.0]), [10.0, 5.0]);
    }
}
