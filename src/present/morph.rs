//! Time travel on the radar slide: the scores at each stop (a snapshot, then today) and the frames
//! between two stops, eased so the polygons and totals glide instead of jumping. Pure, so the
//! animation is tested without a clock or a window.

use super::builds::RadarStop;
use crate::analysis::pillar_at_snapshot;
use crate::model::Twin;

/// How long a morph between two stops lasts: long enough to follow, short enough for a clicker.
pub const MORPH_SECS: f64 = 0.6;

/// The radar's figures at one moment: per side (West, East) a score per pillar in framework
/// order, and the weighted totals.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarFrame {
    /// The stop shown large on the slide ("2018", "Today").
    pub label: String,
    pub values: [Vec<Option<f64>>; 2],
    /// Whether each score has evidence; a dated snapshot is a past judgement and has none to
    /// show, so its scores count as supported.
    pub supported: [Vec<bool>; 2],
    pub totals: [Option<f64>; 2],
}

impl RadarFrame {
    /// The figures at `stop`.
    pub fn at(twin: &Twin, stop: &RadarStop) -> Self {
        let rows = pillar_at_snapshot(twin, stop.snapshot.as_deref());
        let weights: Vec<f64> = rows
            .iter()
            .map(|r| {
                twin.framework
                    .pillar(&r.pillar_id)
                    .map_or(0.0, |p| p.weight)
            })
            .collect();
        let west: Vec<Option<f64>> = rows.iter().map(|r| r.west).collect();
        let east: Vec<Option<f64>> = rows.iter().map(|r| r.east).collect();
        let dated = stop.snapshot.is_some();
        let supported = [
            rows.iter().map(|r| dated || r.west_supported).collect(),
            rows.iter().map(|r| dated || r.east_supported).collect(),
        ];
        Self {
            label: stop.label.clone(),
            supported,
            totals: [
                weighted_mean(&west, &weights),
                weighted_mean(&east, &weights),
            ],
            values: [west, east],
        }
    }
}

/// Weighted mean of the scored values; `None` when nothing is scored or the weights are zero.
fn weighted_mean(values: &[Option<f64>], weights: &[f64]) -> Option<f64> {
    let (sum, weight) = values
        .iter()
        .zip(weights)
        .filter_map(|(v, w)| v.map(|v| (v * w, *w)))
        .fold((0.0, 0.0), |(s, t), (v, w)| (s + v, t + w));
    (weight > 0.0).then(|| sum / weight)
}

/// Ease in and out (smoothstep): starts and ends at rest, never goes back.
pub fn ease(t: f64) -> f64 {
    let t = if t.is_nan() { 1.0 } else { t.clamp(0.0, 1.0) };
    t * t * (3.0 - 2.0 * t)
}

/// The frame a share `t` (0 to 1, in time) of the way from `from` to `to`. A score missing at
/// one end grows from, or shrinks to, the centre, as the radar draws a missing score; the label
/// switches half way.
pub fn between(from: &RadarFrame, to: &RadarFrame, t: f64) -> RadarFrame {
    let k = ease(t);
    let lerp = |a: Option<f64>, b: Option<f64>| {
        if k >= 1.0 || (a.is_none() && b.is_none()) {
            return b;
        }
        let (a, b) = (a.unwrap_or(0.0), b.unwrap_or(0.0));
        Some(a + (b - a) * k)
    };
    let side = |i: usize| -> Vec<Option<f64>> {
        let n = from.values[i].len().max(to.values[i].len());
        (0..n)
            .map(|p| {
                lerp(
                    from.values[i].get(p).copied().flatten(),
                    to.values[i].get(p).copied().flatten(),
                )
            })
            .collect()
    };
    let nearer = if k < 0.5 { from } else { to };
    RadarFrame {
        label: nearer.label.clone(),
        supported: nearer.supported.clone(),
        values: [side(0), side(1)],
        totals: [
            lerp(from.totals[0], to.totals[0]),
            lerp(from.totals[1], to.totals[1]),
        ],
    }
}

/// A morph under way on the radar slide: where it started and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Morph {
    pub from: RadarFrame,
    pub to: RadarFrame,
    /// `egui` input time of the click.
    pub started: f64,
}

impl Morph {
    /// The share of the morph done at `now`, 0 to 1.
    pub fn progress(&self, now: f64) -> f64 {
        ((now - self.started) / MORPH_SECS).clamp(0.0, 1.0)
    }

    /// The frame to draw at `now`.
    pub fn frame(&self, now: f64) -> RadarFrame {
        between(&self.from, &self.to, self.progress(now))
    }

    /// Whether the morph has run its course (to within a microsecond of clock rounding).
    pub fn is_done(&self, now: f64) -> bool {
        now - self.started >= MORPH_SECS - 1e-6
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(label: &str, west: &[Option<f64>], east: &[Option<f64>]) -> RadarFrame {
        RadarFrame {
            label: label.into(),
            values: [west.to_vec(), east.to_vec()],
            supported: [vec![true; west.len()], vec![true; east.len()]],
            totals: [Some(west.iter().flatten().sum()), None],
        }
    }

    #[test]
    fn easing_is_monotonic_and_rests_at_both_ends() {
        assert_eq!(ease(0.0), 0.0);
        assert_eq!(ease(1.0), 1.0);
        assert_eq!(ease(-3.0), 0.0);
        assert_eq!(ease(7.0), 1.0);
        assert_eq!(ease(f64::NAN), 1.0);
        let mut last = 0.0;
        for i in 0..=1000 {
            let e = ease(f64::from(i) / 1000.0);
            assert!(e >= last, "ease goes back at {i}");
            last = e;
        }
        assert!(ease(0.01) < 0.01, "starts gently");
    }

    #[test]
    fn every_score_moves_monotonically_from_start_to_end() {
        let from = frame(
            "2018",
            &[Some(8.5), Some(4.0), None],
            &[Some(7.5), Some(9.0), None],
        );
        let to = frame(
            "2021",
            &[Some(9.0), Some(2.5), Some(6.0)],
            &[Some(7.5), None, None],
        );
        let mut previous = between(&from, &to, 0.0);
        assert_eq!(previous.values[0][..2], from.values[0][..2]);
        for i in 1..=60 {
            let now = between(&from, &to, f64::from(i) / 60.0);
            for side in 0..2 {
                for p in 0..3 {
                    let (a, b) = (
                        from.values[side][p].unwrap_or(0.0),
                        to.values[side][p].unwrap_or(0.0),
                    );
                    let (was, is) = (
                        previous.values[side][p].unwrap_or(0.0),
                        now.values[side][p].unwrap_or(0.0),
                    );
                    let (lo, hi) = (a.min(b), a.max(b));
                    assert!((lo..=hi).contains(&is), "frame {i} leaves the range");
                    if b >= a {
                        assert!(is >= was, "side {side} pillar {p} goes back at frame {i}");
                    } else {
                        assert!(is <= was, "side {side} pillar {p} goes back at frame {i}");
                    }
                }
            }
            let (t0, t1) = (
                previous.totals[0].unwrap_or(0.0),
                now.totals[0].unwrap_or(0.0),
            );
            assert!(t1 >= t0, "the total rises with its scores");
            previous = now;
        }
        assert_eq!(previous, to, "the last frame is the destination exactly");
    }

    #[test]
    fn label_switches_half_way_and_morphs_end_on_time() {
        let from = frame("2018", &[Some(1.0)], &[Some(1.0)]);
        let to = frame("Today", &[Some(9.0)], &[Some(9.0)]);
        assert_eq!(between(&from, &to, 0.49).label, "2018");
        assert_eq!(between(&from, &to, 0.51).label, "Today");
        let m = Morph {
            from: from.clone(),
            to: to.clone(),
            started: 10.0,
        };
        assert!(!m.is_done(10.3));
        assert!((m.frame(10.3).values[0][0].unwrap_or(0.0) - 5.0).abs() < 1e-9);
        assert!(m.is_done(10.0 + MORPH_SECS));
        assert_eq!(m.frame(99.0), to);
    }

    #[test]
    fn totals_are_weighted_means_at_each_stop() {
        let mut twin = Twin::new_blank("t", "T");
        twin.snapshots.push(crate::model::Snapshot {
            label: "2018".into(),
            west: [("base".to_owned(), 8.0), ("save_the_world".to_owned(), 4.0)].into(),
            ..Default::default()
        });
        let stop = RadarStop {
            snapshot: Some("2018".into()),
            label: "2018".into(),
        };
        let f = RadarFrame::at(&twin, &stop);
        let weights: Vec<f64> = twin.framework.pillars.iter().map(|p| p.weight).collect();
        let expected = (8.0 * weights[0] + 4.0 * weights[3]) / (weights[0] + weights[3]);
        assert!((f.totals[0].unwrap_or(0.0) - expected).abs() < 1e-9);
        assert_eq!(f.totals[1], None, "East has no 2018 scores");
        assert_eq!(f.label, "2018");
    }
}
