use crate::model::{Side, Twin};

use super::{WhatIf, compare_pillars, weighted_total_with};

/// One pillar across a library: the average West and China score.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioPillar {
    pub pillar_id: String,
    pub pillar_name: String,
    pub west_mean: Option<f64>,
    pub east_mean: Option<f64>,
    /// How many twins scored this pillar on both sides.
    pub pairs: usize,
}

/// One twin of the library as a row of the portfolio table.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioRow {
    pub twin_id: String,
    pub title: String,
    pub west_name: String,
    pub east_name: String,
    /// West minus East per portfolio pillar (same order as the pillars), `None` if not scored.
    pub deltas: Vec<Option<f64>>,
    pub west_total: Option<f64>,
    pub east_total: Option<f64>,
}

/// West vs China across many twins; pillars are matched by id, in order of first appearance.
pub fn portfolio<'a>(
    twins: impl IntoIterator<Item = &'a Twin>,
) -> (Vec<PortfolioPillar>, Vec<PortfolioRow>) {
    portfolio_with(twins, &WhatIf::default())
}

/// [`portfolio`] with the totals weighted as `what_if` asks (the pillar averages and gaps do
/// not depend on weights).
pub fn portfolio_with<'a>(
    twins: impl IntoIterator<Item = &'a Twin>,
    what_if: &WhatIf,
) -> (Vec<PortfolioPillar>, Vec<PortfolioRow>) {
    let twins: Vec<&Twin> = twins.into_iter().collect();
    let mut pillars: Vec<PortfolioPillar> = Vec::new();
    for twin in &twins {
        for p in &twin.framework.pillars {
            if !pillars.iter().any(|q| q.pillar_id == p.id) {
                pillars.push(PortfolioPillar {
                    pillar_id: p.id.clone(),
                    pillar_name: p.name.clone(),
                    west_mean: None,
                    east_mean: None,
                    pairs: 0,
                });
            }
        }
    }
    let mut rows = Vec::with_capacity(twins.len());
    let mut sums = vec![(0.0, 0usize, 0.0, 0usize); pillars.len()];
    for twin in &twins {
        let comparisons = compare_pillars(twin);
        let mut deltas = vec![None; pillars.len()];
        for c in &comparisons {
            let Some(i) = pillars.iter().position(|p| p.pillar_id == c.pillar_id) else {
                continue;
            };
            if let Some(w) = c.west {
                sums[i].0 += w;
                sums[i].1 += 1;
            }
            if let Some(e) = c.east {
                sums[i].2 += e;
                sums[i].3 += 1;
            }
            if c.delta().is_some() {
                pillars[i].pairs += 1;
            }
            deltas[i] = c.delta();
        }
        rows.push(PortfolioRow {
            twin_id: twin.id.clone(),
            title: twin.title.clone(),
            west_name: twin.west.name.clone(),
            east_name: twin.east.name.clone(),
            deltas,
            west_total: weighted_total_with(twin, Side::West, what_if),
            east_total: weighted_total_with(twin, Side::East, what_if),
        });
    }
    let mean =
        |sum: f64, n: usize| (n > 0).then(|| crate::model::Score::round_value(sum / n as f64));
    for (p, (ws, wn, es, en)) in pillars.iter_mut().zip(sums) {
        p.west_mean = mean(ws, wn);
        p.east_mean = mean(es, en);
    }
    (pillars, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;

    #[test]
    fn averages_and_rows() {
        let mut a = Twin::new_blank("a", "A");
        a.west.scores.insert("base".into(), Score::unsupported(8.0));
        a.east.scores.insert("base".into(), Score::unsupported(6.0));
        let mut b = Twin::new_blank("b", "B");
        b.west.scores.insert("base".into(), Score::unsupported(6.0));
        b.east.scores.insert("base".into(), Score::unsupported(9.0));
        let (pillars, rows) = portfolio([&a, &b]);
        assert_eq!(pillars.len(), 4);
        assert_eq!(pillars[0].west_mean, Some(7.0));
        assert_eq!(pillars[0].east_mean, Some(7.5));
        assert_eq!(pillars[0].pairs, 2);
        assert_eq!(pillars[1].west_mean, None);
        assert_eq!(rows[0].deltas[0], Some(2.0));
        assert_eq!(rows[1].deltas[0], Some(-3.0));
    }

    #[test]
    fn what_if_weights_move_the_totals_not_the_gaps() {
        let a = crate::fixtures::twin("A")
            .score(Side::West, "base", 9.0)
            .score(Side::West, "save_the_world", 4.0)
            .score(Side::East, "base", 6.0)
            .score(Side::East, "save_the_world", 8.0)
            .build();
        let (_, plain) = portfolio([&a]);
        let mut what_if = WhatIf::default();
        what_if.set("save_the_world", 3.0);
        let (_, weighted) = portfolio_with([&a], &what_if);
        assert_eq!(plain[0].west_total, Some(6.5));
        assert_eq!(plain[0].east_total, Some(7.0));
        // (9 + 4*3) / 4 = 5.25 and (6 + 8*3) / 4 = 7.5: China's lead widens.
        assert_eq!(weighted[0].west_total, Some(5.3));
        assert_eq!(weighted[0].east_total, Some(7.5));
        assert_eq!(plain[0].deltas, weighted[0].deltas);
    }
}
