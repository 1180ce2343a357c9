//! The history chart: each pillar's scores across the twin's snapshots and today, as small
//! multiples (one panel per pillar, a line per company), so "how did the pair move since 2018?"
//! reads at a glance.

use super::{Rgb, side_colours};
use crate::analysis::score_history;
use crate::model::{Side, Twin};

/// One pillar's panel: the company's score at each point, `None` where it was not scored.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPanel {
    pub title: String,
    /// `[west, east]`, one value per point.
    pub values: [Vec<Option<f64>>; 2],
}

/// Scores across time, described once for the studio and every export.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// The points in time, oldest first: snapshot labels, then "Now".
    pub points: Vec<String>,
    pub panels: Vec<HistoryPanel>,
    /// Company names, `[west, east]`.
    pub names: [String; 2],
    pub colours: [Rgb; 2],
    /// The top of the score scale.
    pub max: f64,
}

impl History {
    pub fn new(twin: &Twin) -> Self {
        let (points, rows) = score_history(twin);
        let panels = rows
            .into_iter()
            .map(|row| HistoryPanel {
                title: row.pillar_name,
                values: [
                    row.values.iter().map(|v| v.0).collect(),
                    row.values.iter().map(|v| v.1).collect(),
                ],
            })
            .collect();
        Self {
            points: points.into_iter().map(|p| p.label).collect(),
            panels,
            names: Side::BOTH.map(|s| twin.side(s).name.clone()),
            colours: side_colours(twin),
            max: 10.0,
        }
    }

    /// Whether there is a past to show: at least one snapshot before today.
    pub fn has_past(&self) -> bool {
        self.points.len() > 1
    }

    /// How a company's score on a panel changed from the first point it was scored to the last,
    /// e.g. `+1.5`; `None` with fewer than two scored points.
    pub fn change(&self, panel: usize, side: usize) -> Option<f64> {
        let values = self.panels.get(panel)?.values.get(side)?;
        let mut scored = values.iter().flatten();
        let first = scored.next()?;
        let last = scored.last()?;
        Some(last - first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Snapshot;

    #[test]
    fn points_run_from_the_oldest_snapshot_to_now() {
        let mut twin = crate::fixtures::twin("T")
            .score(Side::West, "base", 9.0)
            .score(Side::East, "base", 7.0)
            .build();
        let mut old = Snapshot {
            label: "2018".into(),
            ..Snapshot::default()
        };
        old.west.insert("base".into(), 8.0);
        old.east.insert("base".into(), 5.5);
        twin.snapshots.push(old);
        let history = History::new(&twin);
        assert_eq!(history.points, ["2018", "Now"]);
        assert!(history.has_past());
        let base = &history.panels[0];
        assert_eq!(base.values[0], [Some(8.0), Some(9.0)]);
        assert_eq!(base.values[1], [Some(5.5), Some(7.0)]);
        assert_eq!(history.change(0, 1), Some(1.5));
        assert_eq!(history.change(1, 0), None, "a pillar never scored");
    }
}
