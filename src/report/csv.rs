//! CSV of scores and moves in one long table (one row per score or move), for spreadsheets.
//! Cells that a spreadsheet would run as a formula are prefixed with `'`.

use super::ReportError;
use crate::model::{SectorVocabulary, Side, Twin};

/// The header row; score rows fill the pillar columns, move rows the sector columns.
pub const HEADERS: [&str; 16] = [
    "record",
    "twin_id",
    "side",
    "company",
    "pillar_id",
    "pillar",
    "weight",
    "score",
    "evidence_count",
    "year",
    "unit",
    "sector",
    "mode",
    "distance",
    "strength",
    "in_super_app",
];

/// Neutralises a cell a spreadsheet would treat as a formula (`= + - @`, tab, CR).
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// The CSV bytes for one or more twins.
pub fn render(twins: &[&Twin]) -> Result<Vec<u8>, ReportError> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(HEADERS)?;
    let vocab = SectorVocabulary::bundled();
    for twin in twins {
        for side in Side::BOTH {
            let company = twin.side(side);
            for pillar in &twin.framework.pillars {
                let Some(score) = company.scores.get(&pillar.id) else {
                    continue;
                };
                let row = [
                    "score".to_owned(),
                    twin.id.clone(),
                    side.key().to_owned(),
                    company.name.clone(),
                    pillar.id.clone(),
                    pillar.name.clone(),
                    format!("{}", pillar.weight),
                    format!("{}", score.value),
                    score.evidence.len().to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ];
                w.write_record(row.iter().map(|c| neutralise(c)))?;
            }
            for m in &company.moves {
                let row = [
                    "move".to_owned(),
                    twin.id.clone(),
                    side.key().to_owned(),
                    company.name.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    m.year.to_string(),
                    m.unit.clone(),
                    vocab.display_name(&m.sector).to_owned(),
                    m.mode.label().to_owned(),
                    m.distance.label().to_owned(),
                    format!("{}", m.strength),
                    m.in_super_app.to_string(),
                ];
                w.write_record(row.iter().map(|c| neutralise(c)))?;
            }
        }
    }
    w.into_inner()
        .map_err(|e| ReportError::Io(std::io::Error::other(e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("@SUM"), "'@SUM");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("Amazon"), "Amazon");
    }
}
