//! Rehearsal: time spent on each slide in a practice run, and on stage whether the talk runs
//! ahead of or behind that practice. Pure timing logic over `egui` input times.

use std::collections::BTreeMap;

/// Records the time spent on each slide while a rehearsal runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recorder {
    /// The slide showing since the last observation, and when that was.
    last: Option<(String, f64)>,
    times: BTreeMap<String, f64>,
}

impl Recorder {
    /// Notes that slide `key` is showing at `now`; the time since the previous observation goes
    /// to the slide that was showing then. Call it every frame (a frame follows every click).
    pub fn observe(&mut self, key: &str, now: f64) {
        if let Some((shown, since)) = &self.last {
            *self.times.entry(shown.clone()).or_default() += (now - since).max(0.0);
        }
        self.last = Some((key.to_owned(), now));
    }

    /// The seconds per slide recorded so far, counting up to `now`.
    pub fn times(&self, now: f64) -> BTreeMap<String, f64> {
        let mut times = self.times.clone();
        if let Some((shown, since)) = &self.last {
            *times.entry(shown.clone()).or_default() += (now - since).max(0.0);
        }
        times
    }
}

/// Merges a run into the saved rehearsal: slides the run visited get its times, the others keep
/// theirs, so rehearsing half the deck does not forget the other half. Times are rounded to a
/// tenth of a second, as the file keeps them.
pub fn merge(saved: &mut BTreeMap<String, f64>, run: BTreeMap<String, f64>) {
    for (key, secs) in run {
        saved.insert(key, (secs * 10.0).round() / 10.0);
    }
}

/// Where the talk stands against the rehearsal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pace {
    /// Within the current slide's rehearsed window.
    OnTime,
    /// Seconds to spare: the rehearsal reached this slide later.
    Ahead(f64),
    /// Seconds over: the rehearsal had left this slide already.
    Behind(f64),
}

/// The pace on slide `current` of a deck (slide keys in order) `elapsed` seconds into the talk,
/// against `plan` (seconds per slide key). `None` without a rehearsal to compare with.
pub fn pace(
    plan: &BTreeMap<String, f64>,
    keys: &[&str],
    current: usize,
    elapsed: f64,
) -> Option<Pace> {
    if plan.is_empty() {
        return None;
    }
    let planned = |key: &&str| plan.get(*key).copied().unwrap_or(0.0);
    let start: f64 = keys.iter().take(current).map(planned).sum();
    let end = start + keys.get(current).map_or(0.0, planned);
    Some(if elapsed < start {
        Pace::Ahead(start - elapsed)
    } else if elapsed > end {
        Pace::Behind(elapsed - end)
    } else {
        Pace::OnTime
    })
}

/// The rehearsed length of the whole deck.
pub fn planned_total(plan: &BTreeMap<String, f64>, keys: &[&str]) -> f64 {
    keys.iter().filter_map(|k| plan.get(*k)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_goes_to_the_slide_that_was_showing() {
        let mut r = Recorder::default();
        r.observe("title", 0.0);
        r.observe("title", 5.0);
        r.observe("radar", 12.0);
        r.observe("title", 30.0);
        r.observe("radar", 31.0);
        let times = r.times(40.0);
        assert_eq!(
            times.get("title"),
            Some(&13.0),
            "12 s first, then 1 s on return"
        );
        assert_eq!(times.get("radar"), Some(&27.0), "18 s, then 9 s up to now");
        assert_eq!(Recorder::default().times(9.0), BTreeMap::new());
    }

    #[test]
    fn a_partial_run_keeps_the_other_slides() {
        let mut saved: BTreeMap<String, f64> =
            [("title".to_owned(), 30.0), ("map".to_owned(), 60.0)].into();
        merge(&mut saved, [("title".to_owned(), 42.123)].into());
        assert_eq!(saved.get("title"), Some(&42.1));
        assert_eq!(saved.get("map"), Some(&60.0));
    }

    #[test]
    fn pace_compares_with_the_rehearsed_window_of_the_slide() {
        let plan: BTreeMap<String, f64> = [
            ("title".to_owned(), 30.0),
            ("radar".to_owned(), 60.0),
            ("map".to_owned(), 90.0),
        ]
        .into();
        let keys = ["title", "radar", "map", "lessons"];
        assert_eq!(pace(&plan, &keys, 1, 20.0), Some(Pace::Ahead(10.0)));
        assert_eq!(pace(&plan, &keys, 1, 30.0), Some(Pace::OnTime));
        assert_eq!(pace(&plan, &keys, 1, 90.0), Some(Pace::OnTime));
        assert_eq!(pace(&plan, &keys, 1, 100.0), Some(Pace::Behind(10.0)));
        assert_eq!(
            pace(&plan, &keys, 3, 200.0),
            Some(Pace::Behind(20.0)),
            "lessons unrehearsed"
        );
        assert_eq!(pace(&BTreeMap::new(), &keys, 1, 5.0), None);
        assert_eq!(planned_total(&plan, &keys), 180.0);
        assert_eq!(planned_total(&plan, &keys[..2]), 90.0);
    }
}
