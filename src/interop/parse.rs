//! Rows of a table read into typed records: one per score, move or evidence claim. Checks what
//! only the table can get wrong (missing columns, unreadable numbers, unknown words, duplicate
//! rows, a company named two ways); ranges and lengths are left to the model's validation.

use std::collections::HashMap;

use super::{ImportError, Row, Sheet, Table};
use crate::model::{
    Distance, DiversificationMove, EntryMode, Evidence, SectorVocabulary, Side, Source,
};

/// Where a record came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    pub sheet: String,
    pub row: usize,
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Score,
    Move,
    Evidence,
}

impl Kind {
    fn from_word(word: &str) -> Option<Kind> {
        match word.trim().to_ascii_lowercase().as_str() {
            "score" | "scores" => Some(Self::Score),
            "move" | "moves" => Some(Self::Move),
            "evidence" => Some(Self::Evidence),
            _ => None,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Self::Score => "score",
            Self::Move => "move",
            Self::Evidence => "evidence",
        }
    }

    /// Columns a row of this kind cannot do without.
    fn required(self) -> &'static [&'static str] {
        match self {
            Self::Score => &["twin_id", "side", "company", "pillar_id", "score"],
            Self::Move => &[
                "twin_id", "side", "company", "year", "unit", "sector", "mode", "distance",
                "strength",
            ],
            Self::Evidence => &["twin_id", "side", "company", "pillar_id", "claim"],
        }
    }
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

fn missing_column_message(column: &str, kind: Option<Kind>) -> String {
    match kind {
        Some(kind) => format!(
            "is missing from the header; {} rows need the columns {}",
            kind.word(),
            kind.required().join(", ")
        ),
        None => format!(
            "{column} is missing from the header: name each row's kind (score, move or evidence) \
             in a column called record"
        ),
    }
}

/// Header names to positions, matched without regard to case or surrounding spaces.
struct Columns {
    names: HashMap<String, usize>,
}

impl Columns {
    fn new(sheet: &Sheet) -> Self {
        let mut names = HashMap::new();
        for (i, h) in sheet.headers.iter().enumerate() {
            names.entry(h.trim().to_ascii_lowercase()).or_insert(i);
        }
        Self { names }
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }

    /// The cell, `None` when the column is absent; a short row reads as empty cells.
    fn cell<'r>(&self, row: &'r Row, name: &str) -> Option<&'r str> {
        let i = self.index(name)?;
        Some(row.cells.get(i).map_or("", String::as_str))
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

/// Reads the cells of one row; each failed cell adds an error and gives `None`.
struct Cells<'a> {
    sheet: &'a Sheet,
    columns: &'a Columns,
    row: &'a Row,
    errors: Vec<(String, String)>,
}

impl Cells<'_> {
    fn raw(&self, column: &str) -> Option<&str> {
        self.columns.cell(self.row, column)
    }

    fn fail(&mut self, column: &str, message: impl Into<String>) {
        self.errors.push((column.to_owned(), message.into()));
    }

    /// Required text, trimmed.
    fn word(&mut self, column: &str, what: &str) -> Option<String> {
        let text = self.raw(column).unwrap_or("").trim().to_owned();
        if text.is_empty() {
            self.fail(column, format!("is empty; enter {what}"));
            return None;
        }
        Some(text)
    }

    /// Free text kept as written; `None` when the column is absent.
    fn text(&self, column: &str) -> Option<String> {
        self.raw(column).map(str::to_owned)
    }

    fn number(&mut self, column: &str, example: &str) -> Option<f64> {
        let text = self.raw(column).unwrap_or("").trim();
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Some(v),
            _ if text.is_empty() => {
                self.fail(
                    column,
                    format!("is empty; enter a number such as {example}"),
                );
                None
            }
            _ => {
                self.fail(
                    column,
                    format!(
                        "is \"{}\"; enter a number such as {example} (a point, no unit)",
                        shorten(text)
                    ),
                );
                None
            }
        }
    }

    fn optional_number(&mut self, column: &str, example: &str) -> Option<f64> {
        if self.raw(column).unwrap_or("").trim().is_empty() {
            None
        } else {
            self.number(column, example)
        }
    }

    fn year(&mut self, column: &str) -> Option<i32> {
        let v = self.number(column, "2014")?;
        if v.fract() != 0.0 || v.abs() > 1e6 {
            self.fail(column, format!("is {v}; enter a whole year such as 2014"));
            return None;
        }
        Some(v as i32)
    }

    fn choice<T: Copy>(&mut self, column: &str, options: &[(&str, T)]) -> Option<T> {
        let text = self.raw(column).unwrap_or("").trim().to_ascii_lowercase();
        if let Some((_, value)) = options.iter().find(|(word, _)| *word == text) {
            return Some(*value);
        }
        let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
        let shown = if text.is_empty() {
            "is empty".to_owned()
        } else {
            format!("is \"{}\"", shorten(&text))
        };
        self.fail(column, format!("{shown}; use {}", or_list(&words)));
        None
    }

    fn flag(&mut self, column: &str) -> Option<bool> {
        let text = self.raw(column).unwrap_or("").trim().to_ascii_lowercase();
        match text.as_str() {
            "" | "false" | "no" | "0" => Some(false),
            "true" | "yes" | "1" => Some(true),
            _ => {
                self.fail(
                    column,
                    format!("is \"{}\"; use true or false", shorten(&text)),
                );
                None
            }
        }
    }

    /// The source columns; `None` when all are empty. The model's validation checks their shape.
    fn source(&self) -> Option<Source> {
        let cell = |c: &str| self.raw(c).unwrap_or("").trim().to_owned();
        let (title, url, date) = (
            cell("source_title"),
            cell("source_url"),
            cell("source_date"),
        );
        if title.is_empty() && url.is_empty() && date.is_empty() {
            return None;
        }
        Some(Source {
            title,
            url: (!url.is_empty()).then_some(url),
            date: (!date.is_empty()).then_some(date),
        })
    }

    fn origin(&self) -> Origin {
        Origin {
            sheet: self.sheet.name.clone(),
            row: self.row.number,
        }
    }
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

fn read_move(c: &mut Cells<'_>) -> Option<DiversificationMove> {
    let year = c.year("year");
    let unit = c.text("unit").filter(|u| !u.trim().is_empty());
    if unit.is_none() {
        c.fail("unit", "is empty; name the brand or business unit");
    }
    let sector = sector_id(c);
    let modes: Vec<(&str, EntryMode)> = EntryMode::ALL.iter().map(|m| (m.label(), *m)).collect();
    let mode = c.choice("mode", &modes);
    let distances: Vec<(&str, Distance)> = Distance::ALL.iter().map(|d| (d.label(), *d)).collect();
    let distance = c.choice("distance", &distances);
    let strength = c.number("strength", "7.5");
    let in_super_app = c.flag("in_super_app");
    let note = c.text("note").unwrap_or_default();
    let source = c.source();
    Some(DiversificationMove {
        sector: sector?,
        unit: unit?,
        year: year?,
        mode: mode?,
        distance: distance?,
        strength: strength?,
        in_super_app: in_super_app?,
        note,
        source,
    })
}

/// The sector id: `sector_id` when the `sector` name still matches it; otherwise the `sector`
/// cell, as a vocabulary name or id, or else a custom sector in the user's words.
fn sector_id(c: &mut Cells<'_>) -> Option<String> {
    let vocab = SectorVocabulary::bundled();
    let name = c.raw("sector").unwrap_or("").trim().to_owned();
    let id = c.raw("sector_id").unwrap_or("").trim().to_owned();
    if !id.is_empty() && (name.is_empty() || vocab.display_name(&id) == name) {
        return Some(id);
    }
    if name.is_empty() {
        c.fail(
            "sector",
            "is empty; name the sector (e.g. Cloud computing) or a custom one",
        );
        return None;
    }
    let by_name = vocab
        .all()
        .find(|(_, s)| s.name.eq_ignore_ascii_case(&name) || s.id == name)
        .map(|(_, s)| s.id.clone());
    Some(by_name.unwrap_or(name))
}

/// `a, b or c`.
fn or_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Cuts a quoted cell for a message.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(40).collect();
        out.push('…');
        out
    }
}
