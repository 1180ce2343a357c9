//! Scores across time: each pillar's score per snapshot, then today's, so the history table and
//! chart show how a pair moved (e.g. 2018 -> 2021 -> now).

use crate::model::{PartialDate, Side, Twin};

/// One point in time: a snapshot, or the twin's current scores.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPoint {
    /// The snapshot label, or "Now" (with the twin's as-of date when it has one).
    pub label: String,
    /// The date the scores describe, when known.
    pub as_of: Option<String>,
}

/// One pillar's scores at every point, `(west, east)`, in the order of [`score_history`]'s points.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarHistory {
    pub pillar_id: String,
    pub pillar_name: String,
    pub values: Vec<(Option<f64>, Option<f64>)>,
}

/// Snapshots in date order (by `as_of`, else by label), followed by the current scores.
pub fn score_history(twin: &Twin) -> (Vec<HistoryPoint>, Vec<PillarHistory>) {
    let mut snapshots: Vec<_> = twin.snapshots.iter().collect();
    snapshots.sort_by_key(|s| {
        let date = s
            .as_of
            .as_deref()
            .or(Some(s.label.as_str()))
            .and_then(PartialDate::parse)
            .map(PartialDate::latest);
        (date.is_none(), date, s.label.clone())
    });
    let mut points: Vec<HistoryPoint> = snapshots
        .iter()
        .map(|s| HistoryPoint {
            label: s.label.clone(),
            as_of: s.as_of.clone(),
        })
        .collect();
    points.push(HistoryPoint {
        label: "Now".to_owned(),
        as_of: twin.as_of.clone(),
    });
    let rows = twin
        .framework
        .pillars
        .iter()
        .map(|p| {
            let mut values: Vec<(Option<f64>, Option<f64>)> = snapshots
                .iter()
                .map(|s| (s.west.get(&p.id).copied(), s.east.get(&p.id).copied()))
                .collect();
            let now = |side| twin.score(side, &p.id).map(|s| s.value);
            values.push((now(Side::West), now(Side::East)));
            PillarHistory {
                pillar_id: p.id.clone(),
                pillar_name: p.name.clone(),
                values,
            }
        })
        .collect();
    (points, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Score, Snapshot};

    #[test]
    fn snapshots_come_in_date_order_then_now() {
        let mut t = Twin::new_blank("t", "T");
        t.as_of = Some("2026-11-23".into());
        t.west.scores.insert("base".into(), Score::unsupported(8.0));
        for (label, as_of, v) in [("Late", Some("2021-11-08"), 7.0), ("2018", None, 6.0)] {
            t.snapshots.push(Snapshot {
                label: label.into(),
                as_of: as_of.map(str::to_owned),
                west: [("base".to_string(), v)].into(),
                ..Default::default()
            });
        }
        let (points, rows) = score_history(&t);
        let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2018", "Late", "Now"]);
        assert_eq!(points[2].as_of.as_deref(), Some("2026-11-23"));
        assert_eq!(rows[0].pillar_id, "base");
        assert_eq!(
            rows[0].values,
            vec![(Some(6.0), None), (Some(7.0), None), (Some(8.0), None)]
        );
        assert_eq!(rows[1].values, vec![(None, None); 3]);
    }
}
