//! One wording: the phrases the product repeats (scores, gaps, sources, "no evidence", counts),
//! written once so the studio, the presenter and every export say the same thing the same way.

use crate::model::Source;

/// The tag of a score that no evidence backs.
pub const NO_EVIDENCE: &str = "no evidence";
/// A score without evidence, said in full.
pub const UNSUPPORTED: &str = "unsupported: no evidence";
/// What a pillar without a score shows.
pub const NOT_SCORED: &str = "not scored";
/// The hollow-marker key under score charts.
pub const SCORE_WITHOUT_EVIDENCE: &str = "score without evidence";
/// What a missing value shows in a table cell.
pub const DASH: &str = "–";
/// An empty narrative field on a slide.
pub const NOT_WRITTEN: &str = "Not written yet";

/// `8.5`, or a dash where nothing is scored.
pub fn score_text(value: Option<f64>) -> String {
    value.map_or_else(|| DASH.to_owned(), |v| format!("{v:.1}"))
}

/// A signed gap, `+1.5`, or a dash where one side is not scored.
pub fn gap_text(delta: Option<f64>) -> String {
    delta.map_or_else(|| DASH.to_owned(), |d| format!("{d:+.1}"))
}

/// A score with its evidence flag, as tables show it: `8.5`, `7.0 (no evidence)`, `not scored`.
pub fn score_cell(value: Option<f64>, supported: bool) -> String {
    match value {
        Some(v) if supported => format!("{v:.1}"),
        Some(v) => format!("{v:.1} ({NO_EVIDENCE})"),
        None => NOT_SCORED.to_owned(),
    }
}

/// A score on its own scale, as a slide shows it: `8.5 / 10`, or `not scored`.
pub fn score_out_of_ten(value: Option<f64>) -> String {
    value.map_or_else(|| NOT_SCORED.to_owned(), |v| format!("{v:.1} / 10"))
}

/// A source as one line of text: `Title (date)`, or the title alone.
pub fn source_text(s: &Source) -> String {
    match &s.date {
        Some(d) => format!("{} ({d})", s.title),
        None => s.title.clone(),
    }
}

/// A count with its noun, plural done right: `1 problem`, `3 problems`, `0 problems`.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// The line that stands for items that did not fit: `+3 more`.
pub fn more_text(hidden: usize) -> String {
    format!("+{hidden} more")
}

/// The first letter in upper case, for a phrase that starts a sentence or a label.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_gaps_and_cells() {
        assert_eq!(score_text(Some(8.45)), "8.4");
        assert_eq!(score_text(None), "–");
        assert_eq!(gap_text(Some(1.5)), "+1.5");
        assert_eq!(gap_text(Some(-2.0)), "-2.0");
        assert_eq!(score_cell(Some(7.0), false), "7.0 (no evidence)");
        assert_eq!(score_cell(Some(7.0), true), "7.0");
        assert_eq!(score_cell(None, true), "not scored");
        assert_eq!(score_out_of_ten(Some(9.0)), "9.0 / 10");
    }

    #[test]
    fn plurals_and_sources() {
        assert_eq!(count(1, "problem", "problems"), "1 problem");
        assert_eq!(count(0, "problem", "problems"), "0 problems");
        assert_eq!(count(12, "twin", "twins"), "12 twins");
        let s = Source {
            title: "Annual report".into(),
            date: Some("2023".into()),
            ..Source::default()
        };
        assert_eq!(source_text(&s), "Annual report (2023)");
        assert_eq!(capitalised(UNSUPPORTED), "Unsupported: no evidence");
        assert_eq!(more_text(3), "+3 more");
    }
}
