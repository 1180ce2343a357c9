//! "What if this pillar weighed double?": multipliers on top of each twin's own pillar weights, so
//! a strategist can test how sensitive the totals and the portfolio ranking are to the weighting
//! without editing any twin.

use std::collections::BTreeMap;

use crate::model::{Score, Side, Twin};

/// The largest multiplier offered: beyond three times, one pillar drowns the others.
pub const MAX_MULTIPLIER: f64 = 3.0;

/// A multiplier per pillar id; a pillar not listed keeps its own weight (multiplier 1).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WhatIf {
    multipliers: BTreeMap<String, f64>,
}

impl WhatIf {
    /// The multiplier of `pillar_id` (1 when not changed).
    pub fn multiplier(&self, pillar_id: &str) -> f64 {
        self.multipliers.get(pillar_id).copied().unwrap_or(1.0)
    }

    /// Sets a multiplier, kept within 0 and [`MAX_MULTIPLIER`]; 1 removes the change. A value that
    /// is not a number is ignored.
    pub fn set(&mut self, pillar_id: &str, multiplier: f64) {
        if !multiplier.is_finite() {
            return;
        }
        let m = multiplier.clamp(0.0, MAX_MULTIPLIER);
        if (m - 1.0).abs() < 1e-9 {
            self.multipliers.remove(pillar_id);
        } else {
            self.multipliers.insert(pillar_id.to_owned(), m);
        }
    }

    /// Whether every pillar keeps its own weight.
    pub fn is_neutral(&self) -> bool {
        self.multipliers.is_empty()
    }

    /// Back to every twin's own weights.
    pub fn reset(&mut self) {
        self.multipliers.clear();
    }

    /// The changed pillars, for a "what if" banner and cache keys: `(pillar id, multiplier)`.
    pub fn changes(&self) -> impl Iterator<Item = (&str, f64)> {
        self.multipliers.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// The weighted mean of a side's scored pillars (0-10) with `what_if` applied to the pillar
/// weights; `None` if nothing is scored or every weight is 0.
pub fn weighted_total_with(twin: &Twin, side: Side, what_if: &WhatIf) -> Option<f64> {
    let (sum, weights) = twin
        .framework
        .pillars
        .iter()
        .filter_map(|p| {
            let weight = p.weight * what_if.multiplier(&p.id);
            twin.score(side, &p.id).map(|s| (s.value * weight, weight))
        })
        .fold((0.0, 0.0), |(s, w), (v, pw)| (s + v, w + pw));
    (weights > 0.0).then(|| Score::round_value(sum / weights))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::weighted_total;

    fn twin() -> Twin {
        crate::fixtures::twin("T")
            .score(Side::West, "base", 9.0)
            .score(Side::West, "save_the_world", 5.0)
            .score(Side::East, "base", 7.0)
            .score(Side::East, "save_the_world", 8.0)
            .build()
    }

    #[test]
    fn neutral_weights_give_the_twins_own_totals() {
        let t = twin();
        for side in Side::BOTH {
            assert_eq!(
                weighted_total_with(&t, side, &WhatIf::default()),
                weighted_total(&t, side)
            );
        }
        assert_eq!(weighted_total(&t, Side::West), Some(7.0));
    }

    #[test]
    fn doubling_a_pillar_moves_the_totals_and_can_flip_the_lead() {
        let t = twin();
        let mut what_if = WhatIf::default();
        what_if.set("save_the_world", 2.0);
        // West: (9 + 5*2) / 3 = 6.33; East: (7 + 8*2) / 3 = 7.67.
        assert_eq!(weighted_total_with(&t, Side::West, &what_if), Some(6.3));
        assert_eq!(weighted_total_with(&t, Side::East, &what_if), Some(7.7));
        what_if.set("save_the_world", 0.0);
        assert_eq!(weighted_total_with(&t, Side::West, &what_if), Some(9.0));
        assert_eq!(weighted_total_with(&t, Side::East, &what_if), Some(7.0));
        what_if.set("base", 0.0);
        assert_eq!(
            weighted_total_with(&t, Side::West, &what_if),
            None,
            "no weight left"
        );
    }

    #[test]
    fn multipliers_stay_in_range_and_one_is_no_change() {
        let mut what_if = WhatIf::default();
        what_if.set("base", 7.0);
        assert_eq!(what_if.multiplier("base"), MAX_MULTIPLIER);
        what_if.set("base", -1.0);
        assert_eq!(what_if.multiplier("base"), 0.0);
        what_if.set("base", f64::NAN);
        assert_eq!(what_if.multiplier("base"), 0.0);
        what_if.set("base", 1.0);
        assert!(what_if.is_neutral());
    }
}
