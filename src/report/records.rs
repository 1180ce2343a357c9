//! The rows every tabular export walks: one per score, per evidence claim and per move, in one
//! order (twin, side, then pillar or move), so the spreadsheet's sheets list the same records in
//! the same order and each writer only says which cells a row has.

use crate::model::{CompanyProfile, DiversificationMove, Evidence, Pillar, Score, Side, Twin};

/// Where a row belongs: the twin and one of its companies.
#[derive(Debug, Clone, Copy)]
pub struct Owner<'a> {
    pub twin: &'a Twin,
    pub side: Side,
    pub company: &'a CompanyProfile,
}

/// Every (twin, side) pair, West before China.
fn owners<'a>(twins: &'a [&'a Twin]) -> impl Iterator<Item = Owner<'a>> {
    twins.iter().flat_map(|twin| {
        Side::BOTH.into_iter().map(move |side| Owner {
            twin,
            side,
            company: twin.side(side),
        })
    })
}

/// Every score, in the framework's pillar order.
pub fn scores<'a>(
    twins: &'a [&'a Twin],
) -> impl Iterator<Item = (Owner<'a>, &'a Pillar, &'a Score)> {
    owners(twins).flat_map(|owner| {
        owner
            .twin
            .framework
            .pillars
            .iter()
            .filter_map(move |pillar| {
                owner
                    .company
                    .scores
                    .get(&pillar.id)
                    .map(|score| (owner, pillar, score))
            })
    })
}

/// Every evidence claim, after its score's place.
pub fn evidence<'a>(
    twins: &'a [&'a Twin],
) -> impl Iterator<Item = (Owner<'a>, &'a Pillar, &'a Evidence)> {
    scores(twins)
        .flat_map(|(owner, pillar, score)| score.evidence.iter().map(move |e| (owner, pillar, e)))
}

/// Every diversification move, in the order the company lists them.
pub fn moves<'a>(
    twins: &'a [&'a Twin],
) -> impl Iterator<Item = (Owner<'a>, &'a DiversificationMove)> {
    owners(twins).flat_map(|owner| owner.company.moves.iter().map(move |m| (owner, m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_per_twin_then_side_in_pillar_order() {
        let a = crate::fixtures::twin("A")
            .score(Side::East, "save_the_world", 6.0)
            .backed(Side::East, "base", 7.0, "claim")
            .score(Side::West, "base", 9.0)
            .entered(Side::East, "cloud", "Aliyun", 2009)
            .build();
        let twins = [&a];
        let order: Vec<(Side, &str)> = scores(&twins)
            .map(|(o, p, _)| (o.side, p.id.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                (Side::West, "base"),
                (Side::East, "base"),
                (Side::East, "save_the_world")
            ]
        );
        assert_eq!(evidence(&twins).count(), 1);
        let (owner, m) = moves(&twins).next().expect("a move");
        assert_eq!((owner.side, m.unit.as_str()), (Side::East, "Aliyun"));
    }
}
