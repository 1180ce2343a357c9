//! The report document: what a comparison report says, as plain sections of blocks, built once
//! from a twin (or a portfolio) and its analysis. Every format renders these same blocks, so the
//! HTML, Markdown, PDF and the studio preview always say the same thing. (Named `document` so it
//! is not mistaken for `crate::model`, the twin itself.)
//!
//! `summary` builds page one, `sections` the rest of one twin's sections (one function each),
//! `portfolio` the West-vs-China summary across twins, `text` the words and numbers every format
//! shares.

mod portfolio;
mod sections;
mod summary;
mod text;

use crate::analysis::as_of_text;
use crate::charts::{Chart, ChartKind, describe};
use crate::model::{Source, Twin};

pub use crate::wording::{score_text, source_text};
pub use text::{loyalty_text, orientation_text};

/// A whole report: a title, a line under it, and its sections in reading order.
#[derive(Debug, Clone)]
pub struct Report {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
}

/// A headed part of the report; `level` 1 is a main section, 2 a subsection (portfolio twins).
#[derive(Debug, Clone)]
pub struct Section {
    /// A stable anchor, e.g. `pillars` or `amazon-alibaba-pillars`.
    pub id: String,
    pub heading: String,
    pub level: u8,
    /// Paged formats start this section on a fresh page (each twin of a portfolio).
    pub starts_page: bool,
    pub blocks: Vec<Block>,
}

/// One piece of content; renderers map each to their own markup.
#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(String),
    /// A minor heading inside a section, e.g. "Partnerships".
    Subheading(String),
    /// A paragraph with a bold lead-in, e.g. "Biggest difference: ...".
    Labelled {
        label: String,
        text: String,
    },
    Table(Table),
    /// A chart with a key unique in the report (file names, anchors).
    Chart {
        key: String,
        kind: ChartKind,
        chart: Chart,
    },
    /// A bulleted list of claims, each with an optional source.
    Items(Vec<Item>),
}

/// A table of plain text cells; `numeric` columns are right-aligned.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<bool>,
}

/// A bullet: an optional bold lead, the text, and where it can be checked.
#[derive(Debug, Clone)]
pub struct Item {
    pub lead: Option<String>,
    pub text: String,
    pub source: Option<Source>,
}

impl Item {
    pub(crate) fn new(
        lead: Option<String>,
        text: impl Into<String>,
        source: Option<&Source>,
    ) -> Self {
        Self {
            lead,
            text: text.into(),
            source: source.cloned(),
        }
    }
}

pub(crate) fn table(headers: &[&str], numeric: &[bool], rows: Vec<Vec<String>>) -> Table {
    Table {
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows,
        numeric: numeric.to_vec(),
    }
}

pub(crate) fn section(
    prefix: &str,
    id: &str,
    heading: &str,
    level: u8,
    blocks: Vec<Block>,
) -> Section {
    Section {
        id: format!("{prefix}{id}"),
        heading: heading.to_owned(),
        level,
        starts_page: false,
        blocks,
    }
}

pub(crate) fn chart_block(prefix: &str, twin: &Twin, kind: ChartKind) -> Block {
    Block::Chart {
        key: format!("{prefix}{}", kind.key()),
        kind,
        chart: describe(twin, kind, None),
    }
}

impl Report {
    /// The full comparison report of one twin.
    pub fn for_twin(twin: &Twin) -> Report {
        Report {
            title: twin.title.clone(),
            subtitle: format!(
                "{} and {} on the {} model, {}",
                twin.west.display_name(),
                twin.east.display_name(),
                twin.framework.name,
                as_of_text(twin)
            ),
            sections: sections::twin_sections(twin, "", 1),
        }
    }

    /// Every chart of the report, in order, for formats that write them as separate files.
    pub fn charts(&self) -> impl Iterator<Item = (&str, ChartKind, &Chart)> {
        self.sections.iter().flat_map(|s| {
            s.blocks.iter().filter_map(|b| match b {
                Block::Chart { key, kind, chart } => Some((key.as_str(), *kind, chart)),
                _ => None,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;

    fn twin() -> Twin {
        let mut t = crate::fixtures::twin("Title")
            .backed(Side::West, "base", 8.5, "Cheap")
            .score(Side::East, "base", 7.0)
            .build();
        t.west.name = "Amazon".into();
        t.east.name = "Alibaba".into();
        t.east.native_name = "阿里巴巴".into();
        t
    }

    #[test]
    fn sections_cover_the_story_in_order() {
        let r = Report::for_twin(&twin());
        let ids: Vec<&str> = r.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids[..4], ["summary", "profiles", "pillars", "evidence"]);
        assert!(ids.contains(&"pillar-base") && ids.contains(&"lessons"));
        assert_eq!(r.charts().count(), 5);
        assert!(r.subtitle.contains("Alibaba (阿里巴巴)"));
    }

    #[test]
    fn score_table_flags_missing_evidence() {
        let r = Report::for_twin(&twin());
        // On page one, after the verdict and the radar.
        let Some(Block::Table(t)) = r.sections[0].blocks.get(2) else {
            panic!("score table in the summary");
        };
        assert_eq!(t.rows[0][2..], ["8.5", "7.0 (no evidence)", "+1.5"]);
        assert_eq!(t.rows[1][2], "not scored");
        assert_eq!(t.rows.last().map(|r| r[0].as_str()), Some("Weighted total"));
    }

    #[test]
    fn portfolio_has_summary_and_unique_chart_keys() {
        let a = twin();
        let mut b = twin();
        b.id = "b".into();
        let r = Report::for_portfolio("All", &[&a, &b]);
        assert_eq!(r.sections[0].id, "west-vs-china");
        let keys: std::collections::HashSet<&str> = r.charts().map(|(k, _, _)| k).collect();
        assert_eq!(keys.len(), 11);
    }
}
