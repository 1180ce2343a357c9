//! Rows of a table read into typed records: one per score, move or evidence claim. Checks what
//! only the table can get wrong (missing columns, unreadable numbers, unknown words, duplicate
//! rows, a company named two ways); ranges and lengths are left to the model's validation.

use std::collections::HashMap;

use super::cells::{Cells, Columns, Kind, Origin, missing_column_message, read_move, shorten};
use super::{ImportError, Row, Sheet, Table};
use crate::model::{DiversificationMove, Evidence, Side};

/// A pillar as score rows name it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPillar {
    pub id: String,
    pub name: Option<String>,
    pub weight: Option<f64>,
    pub origin: Origin,
}

/// A score row.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedScore {
    pub side: Side,
    pub pillar_id: String,
    pub value: f64,
    pub origin: Origin,
}

/// An evidence row: one claim backing one score.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedEvidence {
    pub side: Side,
    pub pillar_id: String,
    pub evidence: Evidence,
    pub origin: Origin,
}

/// A move row; `has_note` and `has_source` say whether the table had those columns at all
/// (a table without them leaves an existing move's note and source alone).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedMove {
    pub side: Side,
    pub mv: DiversificationMove,
    pub has_note: bool,
    pub has_source: bool,
    pub origin: Origin,
}

/// Everything a table says about one twin, in table order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportedTwin {
    pub id: String,
    /// West, east: the company name and where it was first given.
    pub companies: [Option<(String, Origin)>; 2],
    pub pillars: Vec<ImportedPillar>,
    pub scores: Vec<ImportedScore>,
    pub evidence: Vec<ImportedEvidence>,
    pub moves: Vec<ImportedMove>,
}

/// Reads every sheet of a table into twins (in order of first appearance). All problems are
/// collected, so the user fixes them in one pass.
pub fn parse_table(file: &str, table: &Table) -> Result<Vec<ImportedTwin>, Vec<ImportError>> {
    let mut p = Parser {
        file,
        errors: Vec::new(),
        twins: Vec::new(),
        seen: HashMap::new(),
    };
    let mut any_rows = false;
    for sheet in &table.sheets {
        let sheet_kind = Kind::from_word(&sheet.name);
        let columns = Columns::new(sheet);
        if columns.index("record").is_none() && sheet_kind.is_none() {
            if table.sheets.len() == 1 {
                p.error(sheet, 1, "record", missing_column_message("record", None));
            }
            continue;
        }
        let mut checked_columns = Vec::new();
        for row in &sheet.rows {
            let kind = match (columns.cell(row, "record"), sheet_kind) {
                (Some(word), _) if !word.trim().is_empty() => match Kind::from_word(word) {
                    Some(kind) => kind,
                    None => {
                        p.error(
                            sheet,
                            row.number,
                            "record",
                            format!(
                                "is \"{}\"; use score, move or evidence",
                                shorten(word.trim())
                            ),
                        );
                        continue;
                    }
                },
                (_, Some(kind)) => kind,
                (_, None) => {
                    p.error(
                        sheet,
                        row.number,
                        "record",
                        "is empty; use score, move or evidence",
                    );
                    continue;
                }
            };
            any_rows = true;
            if !checked_columns.contains(&kind) {
                checked_columns.push(kind);
                let missing: Vec<&str> = kind
                    .required()
                    .iter()
                    .copied()
                    .filter(|c| columns.index(c).is_none())
                    .collect();
                for column in &missing {
                    p.error(sheet, 1, column, missing_column_message(column, Some(kind)));
                }
            }
            if kind
                .required()
                .iter()
                .any(|column| columns.index(column).is_none())
            {
                continue;
            }
            p.row(sheet, &columns, row, kind);
        }
    }
    if !any_rows && p.errors.is_empty() {
        p.errors.push(ImportError::file(
            file,
            "holds no score, move or evidence rows: export a twin with `twin-studio export -f csv` \
             to see the layout",
        ));
    }
    if p.errors.is_empty() {
        Ok(p.twins)
    } else {
        Err(p.errors)
    }
}

/// Keys that must be unique, with the row that used them first.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Score(String, Side, String),
    Move(String, Side, String, String, i32),
    Evidence(String, Side, String, String),
}

struct Parser<'a> {
    file: &'a str,
    errors: Vec<ImportError>,
    twins: Vec<ImportedTwin>,
    seen: HashMap<Key, usize>,
}

impl Parser<'_> {
    fn error(&mut self, sheet: &Sheet, row: usize, column: &str, message: impl Into<String>) {
        self.errors.push(ImportError::at(
            self.file,
            &sheet.name,
            row,
            column,
            message,
        ));
    }

    fn twin_mut(&mut self, id: &str) -> &mut ImportedTwin {
        let i = match self.twins.iter().position(|t| t.id == id) {
            Some(i) => i,
            None => {
                self.twins.push(ImportedTwin {
                    id: id.to_owned(),
                    ..ImportedTwin::default()
                });
                self.twins.len() - 1
            }
        };
        &mut self.twins[i]
    }

    /// Records `key` as used by this row; a second use is a duplicate row.
    fn unique(&mut self, sheet: &Sheet, row: usize, column: &str, key: Key, what: &str) -> bool {
        if let Some(first) = self.seen.get(&key) {
            let first = *first;
            self.error(
                sheet,
                row,
                column,
                format!("duplicates row {first}: {what} is given twice; delete one of the rows"),
            );
            return false;
        }
        self.seen.insert(key, row);
        true
    }

    fn row(&mut self, sheet: &Sheet, columns: &Columns, row: &Row, kind: Kind) {
        let mut c = Cells {
            sheet,
            columns,
            row,
            errors: Vec::new(),
        };
        let twin_id = c.word("twin_id", "the twin's id, e.g. amazon-alibaba");
        let side = c.choice("side", &[("west", Side::West), ("east", Side::East)]);
        let company = c.word("company", "the company's name");
        let record = match kind {
            Kind::Score => {
                let pillar_id = c.word("pillar_id", "a pillar id such as base");
                let value = c.number("score", "7.5");
                let name = c.text("pillar").filter(|n| !n.trim().is_empty());
                let weight = c.optional_number("weight", "1");
                pillar_id
                    .zip(value)
                    .map(|(pillar_id, value)| Record::Score(pillar_id, value, name, weight))
            }
            Kind::Evidence => {
                let pillar_id = c.word("pillar_id", "the pillar id the claim backs");
                let claim = c.text("claim").filter(|t| !t.trim().is_empty());
                if claim.is_none() {
                    c.fail("claim", "is empty; state the claim");
                }
                let source = c.source();
                pillar_id.zip(claim).map(|(pillar_id, claim)| {
                    Record::Evidence(pillar_id, Evidence { claim, source })
                })
            }
            Kind::Move => self::read_move(&mut c).map(Record::Move),
        };
        let origin = c.origin();
        let errors = std::mem::take(&mut c.errors);
        let failed = !errors.is_empty();
        for (column, message) in errors {
            self.error(sheet, row.number, &column, message);
        }
        let (Some(twin_id), Some(side), Some(company), Some(record), false) =
            (twin_id, side, company, record, failed)
        else {
            return;
        };
        let side_index = usize::from(side == Side::East);
        let named = self.twin_mut(&twin_id).companies[side_index].clone();
        match named {
            Some((name, first)) if name != company => {
                self.error(
                    sheet,
                    row.number,
                    "company",
                    format!(
                        "is \"{}\", but row {} names the {} company \"{}\": one company per side",
                        shorten(&company),
                        first.row,
                        side.key(),
                        shorten(&name)
                    ),
                );
                return;
            }
            Some(_) => {}
            None => self.twin_mut(&twin_id).companies[side_index] = Some((company, origin.clone())),
        }
        match record {
            Record::Score(pillar_id, value, name, weight) => {
                let key = Key::Score(twin_id.clone(), side, pillar_id.clone());
                let what = format!("the {} score on {pillar_id}", side.key());
                if !self.unique(sheet, row.number, "pillar_id", key, &what) {
                    return;
                }
                self.pillar(
                    sheet, row.number, &twin_id, &pillar_id, name, weight, &origin,
                );
                self.twin_mut(&twin_id).scores.push(ImportedScore {
                    side,
                    pillar_id,
                    value,
                    origin,
                });
            }
            Record::Evidence(pillar_id, evidence) => {
                let key = Key::Evidence(
                    twin_id.clone(),
                    side,
                    pillar_id.clone(),
                    evidence.claim.clone(),
                );
                let what = format!("this {} claim on {pillar_id}", side.key());
                if self.unique(sheet, row.number, "claim", key, &what) {
                    self.twin_mut(&twin_id).evidence.push(ImportedEvidence {
                        side,
                        pillar_id,
                        evidence,
                        origin,
                    });
                }
            }
            Record::Move(mv) => {
                let key = Key::Move(
                    twin_id.clone(),
                    side,
                    mv.unit.clone(),
                    mv.sector.clone(),
                    mv.year,
                );
                let what = format!(
                    "the {} move {} ({}, {})",
                    side.key(),
                    mv.unit,
                    mv.sector,
                    mv.year
                );
                if self.unique(sheet, row.number, "unit", key, &what) {
                    self.twin_mut(&twin_id).moves.push(ImportedMove {
                        side,
                        mv,
                        has_note: columns.index("note").is_some(),
                        has_source: columns.index("source_title").is_some(),
                        origin,
                    });
                }
            }
        }
    }

    /// Notes a pillar's name and weight; both sides' rows must agree on them.
    #[allow(clippy::too_many_arguments)]
    fn pillar(
        &mut self,
        sheet: &Sheet,
        row: usize,
        twin_id: &str,
        id: &str,
        name: Option<String>,
        weight: Option<f64>,
        origin: &Origin,
    ) {
        let existing = self
            .twin_mut(twin_id)
            .pillars
            .iter()
            .find(|p| p.id == id)
            .cloned();
        match existing {
            None => self.twin_mut(twin_id).pillars.push(ImportedPillar {
                id: id.to_owned(),
                name,
                weight,
                origin: origin.clone(),
            }),
            Some(first) => {
                if name.is_some() && first.name.is_some() && name != first.name {
                    self.error(
                        sheet,
                        row,
                        "pillar",
                        format!(
                            "differs from row {} for pillar {id}: give one name per pillar",
                            first.origin.row
                        ),
                    );
                }
                if weight.is_some() && first.weight.is_some() && weight != first.weight {
                    self.error(
                        sheet,
                        row,
                        "weight",
                        format!(
                            "differs from row {} for pillar {id}: give one weight per pillar",
                            first.origin.row
                        ),
                    );
                }
            }
        }
    }
}

enum Record {
    Score(String, f64, Option<String>, Option<f64>),
    Evidence(String, Evidence),
    Move(DiversificationMove),
}
