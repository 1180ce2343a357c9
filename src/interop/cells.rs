//! Reading one row: which kind of record it is, where its columns are, and its cells parsed
//! into numbers, words and moves, each failed cell named for the error message.

use std::collections::HashMap;

use super::{ImportError, Row, Sheet};
use crate::model::{Distance, DiversificationMove, EntryMode, SectorVocabulary, Source};

/// Where a record came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    pub sheet: String,
    pub row: usize,
}

impl Origin {
    /// An error about this record's cell in `column`.
    pub fn error(&self, file: &str, column: &str, message: impl Into<String>) -> ImportError {
        ImportError::at(file, &self.sheet, self.row, column, message)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Score,
    Move,
    Evidence,
}

impl Kind {
    pub(super) fn from_word(word: &str) -> Option<Kind> {
        match word.trim().to_ascii_lowercase().as_str() {
            "score" | "scores" => Some(Self::Score),
            "move" | "moves" => Some(Self::Move),
            "evidence" => Some(Self::Evidence),
            _ => None,
        }
    }

    pub(super) fn word(self) -> &'static str {
        match self {
            Self::Score => "score",
            Self::Move => "move",
            Self::Evidence => "evidence",
        }
    }

    /// Columns a row of this kind cannot do without.
    pub(super) fn required(self) -> &'static [&'static str] {
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

pub(super) fn missing_column_message(column: &str, kind: Option<Kind>) -> String {
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
pub(super) struct Columns {
    names: HashMap<String, usize>,
}

impl Columns {
    pub(super) fn new(sheet: &Sheet) -> Self {
        let mut names = HashMap::new();
        for (i, h) in sheet.headers.iter().enumerate() {
            names.entry(h.trim().to_ascii_lowercase()).or_insert(i);
        }
        Self { names }
    }

    pub(super) fn index(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }

    /// The cell, `None` when the column is absent; a short row reads as empty cells.
    pub(super) fn cell<'r>(&self, row: &'r Row, name: &str) -> Option<&'r str> {
        let i = self.index(name)?;
        Some(row.cells.get(i).map_or("", String::as_str))
    }
}

/// Reads the cells of one row; each failed cell adds an error and gives `None`.
pub(super) struct Cells<'a> {
    pub(super) sheet: &'a Sheet,
    pub(super) columns: &'a Columns,
    pub(super) row: &'a Row,
    pub(super) errors: Vec<(String, String)>,
}

impl Cells<'_> {
    pub(super) fn raw(&self, column: &str) -> Option<&str> {
        self.columns.cell(self.row, column)
    }

    pub(super) fn fail(&mut self, column: &str, message: impl Into<String>) {
        self.errors.push((column.to_owned(), message.into()));
    }

    /// Required text, trimmed.
    pub(super) fn word(&mut self, column: &str, what: &str) -> Option<String> {
        let text = self.raw(column).unwrap_or("").trim().to_owned();
        if text.is_empty() {
            self.fail(column, format!("is empty; enter {what}"));
            return None;
        }
        Some(text)
    }

    /// Free text kept as written; `None` when the column is absent.
    pub(super) fn text(&self, column: &str) -> Option<String> {
        self.raw(column).map(str::to_owned)
    }

    pub(super) fn number(&mut self, column: &str, example: &str) -> Option<f64> {
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

    pub(super) fn optional_number(&mut self, column: &str, example: &str) -> Option<f64> {
        if self.raw(column).unwrap_or("").trim().is_empty() {
            None
        } else {
            self.number(column, example)
        }
    }

    pub(super) fn year(&mut self, column: &str) -> Option<i32> {
        let v = self.number(column, "2014")?;
        if v.fract() != 0.0 || v.abs() > 1e6 {
            self.fail(column, format!("is {v}; enter a whole year such as 2014"));
            return None;
        }
        Some(v as i32)
    }

    pub(super) fn choice<T: Copy>(&mut self, column: &str, options: &[(&str, T)]) -> Option<T> {
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

    pub(super) fn flag(&mut self, column: &str) -> Option<bool> {
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
    pub(super) fn source(&self) -> Option<Source> {
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

    pub(super) fn origin(&self) -> Origin {
        Origin {
            sheet: self.sheet.name.clone(),
            row: self.row.number,
        }
    }
}

pub(super) fn read_move(c: &mut Cells<'_>) -> Option<DiversificationMove> {
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
pub(super) fn sector_id(c: &mut Cells<'_>) -> Option<String> {
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
pub(super) fn or_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Cuts a quoted cell for a message.
pub(super) fn shorten(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(40).collect();
        out.push('…');
        out
    }
}
