//! What each kind of slide holds, built from the twin and its analysis.

use super::{
    Body, Bullet, CompanyColumn, Cover, PillarColumn, ScoreRow, ScoreTable, Spectrum, Statement,
    Text, Tone, size,
};
use crate::analysis::{PillarComparison, compare_pillars, extremes};
use crate::model::{CompanyProfile, Side, Twin};
use crate::present::deck::CONTRAST_TITLE;
use crate::present::deck::{pillar_evidence, title_footer};
use crate::present::fit::{
    NAME_LINES, PILLAR_DESCRIPTION_LINES, TABLE_NAME_LINES, statement_fit, table_name_size,
};
use crate::present::morph::RadarFrame;
use crate::wording::{self, NOT_WRITTEN, UNSUPPORTED, capitalised, score_out_of_ten};
use std::ops::Range;

pub(super) fn cover(twin: &Twin) -> Body {
    let name = |side: Side| {
        Text::new(
            twin.side(side).display_name(),
            size::NAME,
            Tone::Side(side),
            3,
        )
    };
    Body::Cover(Cover {
        title: Text::new(twin.title.clone(), size::COVER, Tone::Ink, 3),
        names: [name(Side::West), name(Side::East)],
        joiner: Text::new("and", size::BODY, Tone::Muted, 1),
        footer: Text::new(title_footer(twin), size::SMALL, Tone::Muted, 3),
    })
}

fn company_column(c: &CompanyProfile, side: Side) -> CompanyColumn {
    let mut facts = vec![c.region.clone()];
    if !c.headquarters.is_empty() {
        facts.push(c.headquarters.clone());
    }
    if let Some(year) = c.founded {
        facts.push(format!("founded {year}"));
    }
    facts.retain(|f| !f.is_empty());
    CompanyColumn {
        name: Text::new(c.name.clone(), size::NAME, Tone::Side(side), NAME_LINES),
        native_name: (!c.native_name.is_empty() && c.native_name != c.name)
            .then(|| Text::new(c.native_name.clone(), size::HEADING, Tone::Ink, 1)),
        facts: Text::new(facts.join(" · "), size::SMALL, Tone::Muted, 2),
        about: Text::new(c.core_business.clone(), size::BODY, Tone::Ink, 0),
    }
}

pub(super) fn companies(twin: &Twin) -> Body {
    let names = Side::BOTH.map(|side| {
        Text::new(
            twin.side(side).name.clone(),
            size::SMALL,
            Tone::Side(side),
            1,
        )
    });
    let end = |t: &str| Text::new(t, size::SMALL, Tone::Muted, 1);
    let o = [twin.west.orientation, twin.east.orientation];
    Body::Companies {
        columns: Box::new([
            company_column(&twin.west, Side::West),
            company_column(&twin.east, Side::East),
        ]),
        spectra: Box::new([
            Spectrum {
                ends: [end("Customer-driven"), end("Relationship-driven")],
                values: [o[0].customer_vs_relationship, o[1].customer_vs_relationship],
                names: names.clone(),
            },
            Spectrum {
                ends: [end("A single company"), end("An ecosystem")],
                values: [o[0].company_vs_ecosystem, o[1].company_vs_ecosystem],
                names,
            },
        ]),
    }
}

pub(super) fn contrast(twin: &Twin) -> Body {
    let rows = compare_pillars(twin);
    let ext = extremes(&rows);
    let gap_line = |r: &PillarComparison| {
        format!(
            "{}: {} {:.1} · {} {:.1}",
            r.pillar_name,
            twin.west.name,
            r.west.unwrap_or_default(),
            twin.east.name,
            r.east.unwrap_or_default()
        )
    };
    let statement = |label: &str, text: &str, figure: Option<String>| Statement {
        label: Text::new(label, size::SMALL, Tone::Muted, 1),
        text: if text.trim().is_empty() {
            Text::new(NOT_WRITTEN, size::STATEMENT, Tone::Muted, 1)
        } else {
            let (size, lines) = statement_fit(CONTRAST_TITLE, text);
            Text::new(text, size, Tone::Ink, lines)
        },
        figure: figure.map(|f| Text::new(f, size::BODY, Tone::Muted, 1)),
    };
    Body::Contrast {
        statements: Box::new([
            statement(
                "BIGGEST DIFFERENCE",
                &twin.biggest_difference,
                ext.map(|(widest, _)| format!("Widest gap: {}", gap_line(widest))),
            ),
            statement(
                "BIGGEST SIMILARITY",
                &twin.biggest_similarity,
                ext.map(|(_, closest)| format!("Closest: {}", gap_line(closest))),
            ),
        ]),
    }
}

/// Pillar, West, East as big figures, then the weighted totals; unsupported scores carry an
/// asterisk explained below. `dated`: the twin travels through snapshots, so the stop's year
/// is shown large above the table.
pub(super) fn score_table(twin: &Twin, frame: &RadarFrame, dated: bool) -> ScoreTable {
    let mut any_unsupported = false;
    let mut cell = |side: Side, value: Option<f64>, supported: bool| match value {
        Some(v) if supported => {
            Text::new(format!("{v:.1}"), size::TABLE_FIGURE, Tone::Side(side), 1)
        }
        Some(v) => {
            any_unsupported = true;
            Text::new(format!("{v:.1}*"), size::TABLE_FIGURE, Tone::Warning, 1)
        }
        None => Text::new(wording::DASH, size::TABLE_FIGURE, Tone::Muted, 1),
    };
    let mut rows: Vec<ScoreRow> = compare_pillars(twin)
        .iter()
        .enumerate()
        .map(|(p, row)| {
            let value = |i: usize| frame.values[i].get(p).copied().flatten();
            let backed = |i: usize| frame.supported[i].get(p).copied().unwrap_or(true);
            ScoreRow {
                label: Text::new(row.pillar_name.clone(), size::BODY, Tone::Ink, 2),
                cells: [
                    cell(Side::West, value(0), backed(0)),
                    cell(Side::East, value(1), backed(1)),
                ],
            }
        })
        .collect();
    rows.push(ScoreRow {
        label: Text::new("Weighted total", size::BODY, Tone::Ink, 2),
        cells: [
            cell(Side::West, frame.totals[0], true),
            cell(Side::East, frame.totals[1], true),
        ],
    });
    ScoreTable {
        year: dated.then(|| Text::new(frame.label.clone(), size::YEAR, Tone::Ink, 1)),
        companies: Side::BOTH.map(|side| {
            let name = &twin.side(side).name;
            Text::new(
                name.clone(),
                table_name_size(name),
                Tone::Side(side),
                TABLE_NAME_LINES,
            )
        }),
        rows,
        note: any_unsupported.then(|| {
            Text::new(
                format!("* {}", wording::NO_EVIDENCE),
                size::SMALL,
                Tone::Warning,
                1,
            )
        }),
    }
}

/// A pillar's slide, or the page `items` (West's and East's ranges) of its evidence on a slide
/// that continues on another.
pub(super) fn pillar(twin: &Twin, pillar_id: &str, items: Option<&[Range<usize>]>) -> Body {
    let description = twin
        .framework
        .pillar(pillar_id)
        .filter(|p| !p.description.is_empty())
        .map(|p| {
            Text::new(
                p.description.clone(),
                size::BODY,
                Tone::Muted,
                PILLAR_DESCRIPTION_LINES,
            )
        });
    let column = |side: Side| {
        let company = twin.side(side);
        let score = company.scores.get(pillar_id);
        let figure_tone = if score.is_some() {
            Tone::Side(side)
        } else {
            Tone::Muted
        };
        let unsupported = score.is_some_and(|s| !s.is_supported());
        PillarColumn {
            company: Text::new(
                company.name.clone(),
                size::HEADING,
                Tone::Side(side),
                NAME_LINES,
            ),
            figure: Text::new(
                score_out_of_ten(score.map(|s| s.value)),
                size::FIGURE,
                figure_tone,
                1,
            ),
            flag: unsupported
                .then(|| Text::new(capitalised(UNSUPPORTED), size::BODY, Tone::Warning, 1)),
            evidence: {
                let evidence = pillar_evidence(twin, pillar_id, side);
                let range = items
                    .and_then(|pages| pages.get(usize::from(side == Side::East)).cloned())
                    .unwrap_or(0..evidence.len());
                evidence
                    .get(range)
                    .unwrap_or_default()
                    .iter()
                    .map(|(claim, source)| Bullet {
                        primary: claim.clone(),
                        secondary: source.clone(),
                    })
                    .collect()
            },
        }
    };
    Body::Pillar {
        description,
        columns: Box::new([column(Side::West), column(Side::East)]),
    }
}

/// The lessons, or the page `items` of them on a slide that continues on another.
pub(super) fn lessons(twin: &Twin, items: Option<&[Range<usize>]>) -> Body {
    let lessons = match items.and_then(|pages| pages.first()) {
        Some(range) => twin.lessons.get(range.clone()).unwrap_or_default(),
        None => &twin.lessons[..],
    };
    Body::List {
        items: lessons
            .iter()
            .map(|l| Bullet {
                primary: l.title.clone(),
                secondary: l.text.clone(),
            })
            .collect(),
        empty: Text::new("No lessons written yet", size::BODY, Tone::Muted, 1),
    }
}
