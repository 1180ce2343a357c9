//! CSV of scores, moves and evidence in one long table (one row per score, move or claim), for
//! spreadsheets; `twin-studio import` reads it back, so every field of a score and a move is here.
//! Cells that a spreadsheet would run as a formula are prefixed with `'` (undone on import).

use super::ReportError;
use crate::model::{SectorVocabulary, Side, Source, Twin};

/// The header row; score rows fill the pillar columns, move rows the sector columns, evidence
/// rows (one per claim, after their score) the claim and source columns.
pub const HEADERS: [&str; 22] = [
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
    "sector_id",
    "note",
    "claim",
    "source_title",
    "source_url",
    "source_date",
];

/// Neutralises a cell a spreadsheet would treat as a formula (`= + - @`, tab, CR); a cell that
/// already starts with `'` gets one more, so import can strip exactly one.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Column positions in [`HEADERS`].
mod col {
    pub const RECORD: usize = 0;
    pub const PILLAR_ID: usize = 4;
    pub const PILLAR: usize = 5;
    pub const WEIGHT: usize = 6;
    pub const SCORE: usize = 7;
    pub const EVIDENCE_COUNT: usize = 8;
    pub const YEAR: usize = 9;
    pub const UNIT: usize = 10;
    pub const SECTOR: usize = 11;
    pub const MODE: usize = 12;
    pub const DISTANCE: usize = 13;
    pub const STRENGTH: usize = 14;
    pub const IN_SUPER_APP: usize = 15;
    pub const SECTOR_ID: usize = 16;
    pub const NOTE: usize = 17;
    pub const CLAIM: usize = 18;
    pub const SOURCE_TITLE: usize = 19;
}

/// Title, URL and date of a source as three cells (empty when there is none).
pub fn source_cells(source: Option<&Source>) -> [String; 3] {
    source.map_or_else(Default::default, |s| {
        [
            s.title.clone(),
            s.url.clone().unwrap_or_default(),
            s.date.clone().unwrap_or_default(),
        ]
    })
}

/// The CSV bytes for one or more twins.
pub fn render(twins: &[&Twin]) -> Result<Vec<u8>, ReportError> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(HEADERS)?;
    let vocab = SectorVocabulary::bundled();
    for twin in twins {
        for side in Side::BOTH {
            let company = twin.side(side);
            let blank = |record: &str| {
                let mut r: [String; HEADERS.len()] = Default::default();
                r[col::RECORD] = record.to_owned();
                r[1] = twin.id.clone();
                r[2] = side.key().to_owned();
                r[3] = company.name.clone();
                r
            };
            for pillar in &twin.framework.pillars {
                let Some(score) = company.scores.get(&pillar.id) else {
                    continue;
                };
                let mut r = blank("score");
                r[col::PILLAR_ID] = pillar.id.clone();
                r[col::PILLAR] = pillar.name.clone();
                r[col::WEIGHT] = format!("{}", pillar.weight);
                r[col::SCORE] = format!("{}", score.value);
                r[col::EVIDENCE_COUNT] = score.evidence.len().to_string();
                w.write_record(r.iter().map(|c| neutralise(c)))?;
                for e in &score.evidence {
                    let mut r = blank("evidence");
                    r[col::PILLAR_ID] = pillar.id.clone();
                    r[col::PILLAR] = pillar.name.clone();
                    r[col::CLAIM] = e.claim.clone();
                    let source = source_cells(e.source.as_ref());
                    r[col::SOURCE_TITLE..].clone_from_slice(&source);
                    w.write_record(r.iter().map(|c| neutralise(c)))?;
                }
            }
            for m in &company.moves {
                let mut r = blank("move");
                r[col::YEAR] = m.year.to_string();
                r[col::UNIT] = m.unit.clone();
                r[col::SECTOR] = vocab.display_name(&m.sector).to_owned();
                r[col::MODE] = m.mode.label().to_owned();
                r[col::DISTANCE] = m.distance.label().to_owned();
                r[col::STRENGTH] = format!("{}", m.strength);
                r[col::IN_SUPER_APP] = m.in_super_app.to_string();
                r[col::SECTOR_ID] = m.sector.clone();
                r[col::NOTE] = m.note.clone();
                r[col::SOURCE_TITLE..].clone_from_slice(&source_cells(m.source.as_ref()));
                w.write_record(r.iter().map(|c| neutralise(c)))?;
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
        assert_eq!(neutralise("'quoted"), "''quoted");
        assert_eq!(neutralise("Amazon"), "Amazon");
    }
}
