//! Page one of a twin's report: the story before the detail. A verdict in one paragraph, the
//! radar and the pillar gaps, the weighted totals and key numbers, and the date the content is
//! as of, so a reader who stops after one page has the comparison.

use super::{Block, Section, Table};
use crate::analysis::{compare_pillars, extremes, sector_overlap, weighted_total};
use crate::charts::{ChartKind, describe};
use crate::model::{Side, Twin};
use crate::wording::count;

/// The summary section: `scores` is the pillar table with gaps and weighted totals; `prefix`
/// keeps ids unique when a portfolio holds several twins.
pub(crate) fn summary_section(twin: &Twin, prefix: &str, level: u8, scores: Table) -> Section {
    let blocks = vec![
        Block::Paragraph(verdict(twin)),
        Block::Chart {
            key: format!("{prefix}{}", ChartKind::Radar.key()),
            kind: ChartKind::Radar,
            chart: describe(twin, ChartKind::Radar, None),
        },
        Block::Table(scores),
        Block::Paragraph(format!("{} {}", key_numbers(twin), as_of_text(twin))),
    ];
    Section {
        id: format!("{prefix}summary"),
        heading: "At a glance".to_owned(),
        level,
        starts_page: false,
        blocks,
    }
}

/// The verdict: the strategist's own biggest difference and similarity when written, else what the
/// scores say (widest and closest pillar).
pub(crate) fn verdict(twin: &Twin) -> String {
    let rows = compare_pillars(twin);
    let mut parts: Vec<String> = Vec::new();
    let difference = twin.biggest_difference.trim();
    let similarity = twin.biggest_similarity.trim();
    let scored = extremes(&rows);
    if !difference.is_empty() {
        parts.push(format!(
            "Biggest difference: {}",
            end_sentence(first_sentence(difference))
        ));
    } else if let Some((widest, _)) = scored {
        parts.push(format!(
            "Biggest difference: {}, where {} leads by {:.1} points.",
            widest.pillar_name,
            leader(twin, widest.delta().unwrap_or(0.0)),
            widest.delta().unwrap_or(0.0).abs()
        ));
    }
    if !similarity.is_empty() {
        parts.push(format!(
            "Biggest similarity: {}",
            end_sentence(first_sentence(similarity))
        ));
    } else if let Some((_, closest)) = scored {
        parts.push(format!(
            "Closest: {} (gap {:.1}).",
            closest.pillar_name,
            closest.delta().unwrap_or(0.0).abs()
        ));
    }
    if let (Some(w), Some(e)) = (
        weighted_total(twin, Side::West),
        weighted_total(twin, Side::East),
    ) {
        parts.push(format!(
            "Weighted over all pillars, {} scores {w:.1} and {} {e:.1} out of 10.",
            twin.west.name, twin.east.name
        ));
    }
    if parts.is_empty() {
        "No scores or conclusions recorded yet.".to_owned()
    } else {
        parts.join(" ")
    }
}

fn leader(twin: &Twin, delta: f64) -> &str {
    if delta >= 0.0 {
        &twin.west.name
    } else {
        &twin.east.name
    }
}

/// The first sentence: page one gives the headline, the conclusions section the whole text.
fn first_sentence(text: &str) -> &str {
    text.char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '。')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(text, |(i, c)| &text[..i + c.len_utf8()])
}

fn end_sentence(text: &str) -> String {
    if text.ends_with(['.', '!', '?', '。']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// The few numbers that carry the comparison besides the scores, as one sentence.
fn key_numbers(twin: &Twin) -> String {
    let overlap = sector_overlap(twin);
    let sectors = |side: Side| {
        let mut ids: Vec<&str> = twin
            .side(side)
            .moves
            .iter()
            .map(|m| m.sector.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let rows = compare_pillars(twin);
    let backed = |side: Side| {
        rows.iter()
            .filter(|r| {
                if side == Side::West {
                    r.west_supported
                } else {
                    r.east_supported
                }
            })
            .count()
    };
    format!(
        "Sectors entered: {} {}, {} {} ({} shared). Pillar scores backed by evidence: {} of {} \
         for {}, {} for {}.",
        twin.west.name,
        sectors(Side::West),
        twin.east.name,
        sectors(Side::East),
        count(overlap.shared.len(), "sector", "sectors"),
        backed(Side::West),
        rows.len(),
        twin.west.name,
        backed(Side::East),
        twin.east.name,
    )
}

/// The date the content is as of: the twin's own `as_of` when set, else the newest source date
/// cited anywhere in the twin.
fn as_of_text(twin: &Twin) -> String {
    if let Some(date) = twin.as_of.as_deref().filter(|d| !d.trim().is_empty()) {
        return format!("Content as of {date}.");
    }
    let mut dates: Vec<&str> = Vec::new();
    for company in [&twin.west, &twin.east] {
        for score in company.scores.values() {
            dates.extend(
                score
                    .evidence
                    .iter()
                    .filter_map(|e| e.source.as_ref()?.date.as_deref()),
            );
        }
    }
    for lesson in &twin.lessons {
        dates.extend(lesson.source.as_ref().and_then(|s| s.date.as_deref()));
    }
    // ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) sort as text.
    match dates.into_iter().max() {
        Some(date) => format!("Content as of {date} (the newest source cited)."),
        None => "No dated sources cited yet.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_verdict() {
        assert_eq!(count(1, "twin", "twins"), "1 twin");
        assert_eq!(count(9, "sector", "sectors"), "9 sectors");
        assert_eq!(count(0, "sector", "sectors"), "0 sectors");
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(
            first_sentence("Version 2.5 ships. Then"),
            "Version 2.5 ships."
        );
        assert_eq!(first_sentence("No stop"), "No stop");
        let twin = crate::charts::test_samples()
            .into_iter()
            .next()
            .expect("a sample");
        let section = summary_section(&twin, "", 1, Table::default());
        let text = match &section.blocks[0] {
            Block::Paragraph(t) => t.clone(),
            other => panic!("{other:?}"),
        };
        assert!(text.contains("Biggest difference"), "{text}");
        assert!(text.contains("out of 10"), "{text}");
        assert!(section.blocks.iter().any(|b| matches!(
            b,
            Block::Chart {
                kind: ChartKind::Radar,
                ..
            }
        )));
        assert!(
            matches!(section.blocks.last(), Some(Block::Paragraph(t)) if t.contains("as of") && t.contains("shared"))
        );
    }
}
