//! One twin's sections, one function each, in reading order: page one (`summary`), the two
//! companies, pillar scores, evidence by pillar, diversification, partnerships and figures,
//! conclusions. `prefix` keeps anchors and chart keys unique when a portfolio holds several twins.

use super::summary::summary_section;
use super::text::{format_number, loyalty_text, orientation_text, score_cell};
use super::{Block, Item, Section, Table, chart_block, section, table};
use crate::analysis::{
    PillarComparison, compare_pillars, distance_profile, evidence_health, extremes, health_summary,
    score_history, sector_overlap, timeline, weighted_total,
};
use crate::charts::ChartKind;
use crate::model::{CompanyProfile, Distance, Score, SectorVocabulary, Side, Twin};
use crate::wording::{DASH, NOT_SCORED, UNSUPPORTED, capitalised, count, gap_text, score_text};

/// The sections of one twin, in reading order.
pub(crate) fn twin_sections(twin: &Twin, prefix: &str, level: u8) -> Vec<Section> {
    let comparisons = compare_pillars(twin);
    let mut sections = vec![
        summary_section(twin, prefix, level, scores_table(twin, &comparisons)),
        section(
            prefix,
            "profiles",
            "The two companies",
            level,
            vec![Block::Table(profiles_table(twin))],
        ),
        section(
            prefix,
            "pillars",
            "Pillar scores",
            level,
            pillar_blocks(twin, prefix, &comparisons),
        ),
        section(prefix, "evidence", "Evidence by pillar", level, Vec::new()),
    ];
    sections.extend(evidence_sections(twin, prefix, level + 1));
    sections.push(section(
        prefix,
        "diversification",
        "Diversification",
        level,
        diversification_blocks(twin, prefix),
    ));
    sections.push(section(
        prefix,
        "beyond",
        "Partnerships, figures and loyalty",
        level,
        beyond_blocks(twin),
    ));
    sections.push(section(
        prefix,
        "lessons",
        "Conclusions and lessons",
        level,
        lesson_blocks(twin),
    ));
    sections
}

/// The two companies side by side: where they are, what they do, how they are oriented.
fn profiles_table(twin: &Twin) -> Table {
    let (w, e) = (&twin.west, &twin.east);
    let opt = |s: &str| {
        if s.trim().is_empty() {
            DASH.to_owned()
        } else {
            s.to_owned()
        }
    };
    let profile_row =
        |label: &str, f: &dyn Fn(&CompanyProfile) -> String| vec![label.to_owned(), f(w), f(e)];
    Table {
        headers: vec![String::new(), w.display_name(), e.display_name()],
        numeric: vec![false; 3],
        rows: vec![
            profile_row("Region", &|c| opt(&c.region)),
            profile_row("Headquarters", &|c| opt(&c.headquarters)),
            profile_row("Founded", &|c| {
                c.founded.map_or_else(|| DASH.to_owned(), |y| y.to_string())
            }),
            profile_row("Core business", &|c| opt(&c.core_business)),
            profile_row("Orientation", &|c| orientation_text(&c.orientation)),
            profile_row("Weighted total", &|c| {
                let side = if std::ptr::eq(c, w) {
                    Side::West
                } else {
                    Side::East
                };
                score_text(weighted_total(twin, side))
            }),
            profile_row("Loyalty", &loyalty_text),
        ],
    }
}

/// The pillar table of page one: weights, both scores with their evidence flag, gaps, and the
/// weighted totals as the last row.
fn scores_table(twin: &Twin, comparisons: &[PillarComparison]) -> Table {
    let names = [twin.west.name.as_str(), twin.east.name.as_str()];
    let mut scores = table(
        &["Pillar", "Weight", names[0], names[1], "Gap"],
        &[false, true, true, true, true],
        twin.framework
            .pillars
            .iter()
            .zip(comparisons)
            .map(|(p, c)| {
                vec![
                    p.name.clone(),
                    format!("{:.1}", p.weight),
                    score_cell(twin, Side::West, &p.id),
                    score_cell(twin, Side::East, &p.id),
                    gap_text(c.delta()),
                ]
            })
            .collect(),
    );
    let totals = [
        weighted_total(twin, Side::West),
        weighted_total(twin, Side::East),
    ];
    scores.rows.push(vec![
        "Weighted total".to_owned(),
        String::new(),
        score_text(totals[0]),
        score_text(totals[1]),
        gap_text(
            totals[0]
                .zip(totals[1])
                .map(|(w, e)| Score::round_value(w - e)),
        ),
    ]);
    scores
}

/// "Pillar scores": the date, evidence health, widest and closest gap, bars and gaps (the radar
/// and the score table are on page one), and the score history when there are snapshots.
fn pillar_blocks(twin: &Twin, prefix: &str, comparisons: &[PillarComparison]) -> Vec<Block> {
    let flags = evidence_health(twin);
    let mut blocks = vec![
        Block::Labelled {
            label: "As of".to_owned(),
            text: twin.as_of.clone().unwrap_or_else(|| "not set".to_owned()),
        },
        Block::Labelled {
            label: "Evidence health".to_owned(),
            text: health_summary(twin, &flags).sentence(),
        },
    ];
    if let Some((widest, closest)) = extremes(comparisons) {
        for (label, row) in [("Widest gap", widest), ("Closest", closest)] {
            blocks.push(Block::Labelled {
                label: label.to_owned(),
                text: format!("{} ({})", row.pillar_name, gap_text(row.delta())),
            });
        }
    }
    blocks.push(chart_block(prefix, twin, ChartKind::Bars));
    blocks.push(chart_block(prefix, twin, ChartKind::Deltas));
    if !twin.snapshots.is_empty() {
        blocks.push(Block::Subheading(format!(
            "Score history ({} / {})",
            twin.west.name, twin.east.name
        )));
        blocks.push(chart_block(prefix, twin, ChartKind::History));
        blocks.push(Block::Table(history_table(twin)));
    }
    blocks
}

/// Each pillar's scores (West / East) per snapshot and now, one column per point in time.
fn history_table(twin: &Twin) -> Table {
    let (points, rows) = score_history(twin);
    let mut headers = vec!["Pillar".to_owned()];
    headers.extend(points.iter().map(|p| match &p.as_of {
        Some(date) if p.label == "Now" => format!("Now ({date})"),
        _ => p.label.clone(),
    }));
    Table {
        numeric: std::iter::once(false)
            .chain(points.iter().map(|_| true))
            .collect(),
        headers,
        rows: rows
            .iter()
            .map(|r| {
                std::iter::once(r.pillar_name.clone())
                    .chain(
                        r.values
                            .iter()
                            .map(|(w, e)| format!("{} / {}", score_text(*w), score_text(*e))),
                    )
                    .collect()
            })
            .collect(),
    }
}

/// One subsection per pillar: its description, then every claim behind each side's score with
/// its source, or what is missing.
fn evidence_sections(twin: &Twin, prefix: &str, level: u8) -> Vec<Section> {
    let mut sections = Vec::new();
    for pillar in &twin.framework.pillars {
        let mut items = Vec::new();
        for side in Side::BOTH {
            let company = twin.side(side);
            match twin.score(side, &pillar.id) {
                Some(score) if score.is_supported() => {
                    for ev in &score.evidence {
                        items.push(Item::new(
                            Some(format!("{} {:.1}", company.name, score.value)),
                            ev.claim.clone(),
                            ev.source.as_ref(),
                        ));
                    }
                }
                Some(score) => items.push(Item::new(
                    Some(format!("{} {:.1}", company.name, score.value)),
                    format!("{}.", capitalised(UNSUPPORTED)),
                    None,
                )),
                None => items.push(Item::new(
                    Some(company.name.clone()),
                    format!("{}.", capitalised(NOT_SCORED)),
                    None,
                )),
            }
        }
        let mut blocks = Vec::new();
        if !pillar.description.trim().is_empty() {
            blocks.push(Block::Paragraph(pillar.description.clone()));
        }
        blocks.push(Block::Items(items));
        sections.push(section(
            prefix,
            &format!("pillar-{}", pillar.id),
            &pillar.name,
            level,
            blocks,
        ));
    }
    sections
}

/// "Diversification": the sectors each entered, the map, the overlap and distance tables, the
/// timeline and every move.
fn diversification_blocks(twin: &Twin, prefix: &str) -> Vec<Block> {
    let names = [twin.west.name.as_str(), twin.east.name.as_str()];
    let vocab = SectorVocabulary::bundled();
    let overlap = sector_overlap(twin);
    let units = |u: &[String]| u.join(", ");
    let mut overlap_rows: Vec<Vec<String>> = Vec::new();
    for (sector, (wu, eu)) in &overlap.shared {
        overlap_rows.push(vec![
            vocab.display_name(sector).to_owned(),
            "both".to_owned(),
            units(wu),
            units(eu),
        ]);
    }
    for (sector, wu) in &overlap.west_only {
        overlap_rows.push(vec![
            vocab.display_name(sector).to_owned(),
            format!("{} only", names[0]),
            units(wu),
            DASH.to_owned(),
        ]);
    }
    for (sector, eu) in &overlap.east_only {
        overlap_rows.push(vec![
            vocab.display_name(sector).to_owned(),
            format!("{} only", names[1]),
            DASH.to_owned(),
            units(eu),
        ]);
    }
    let profile = distance_profile(twin);
    let distance_rows = Distance::ALL
        .iter()
        .enumerate()
        .map(|(i, d)| {
            vec![
                d.label().to_owned(),
                profile.west[i].to_string(),
                profile.east[i].to_string(),
            ]
        })
        .collect();
    let moves = table(
        &[
            "Year", "Company", "Unit", "Sector", "Mode", "Distance", "Strength",
        ],
        &[true, false, false, false, false, false, true],
        timeline(twin)
            .into_iter()
            .map(|(side, m)| {
                vec![
                    m.year.to_string(),
                    twin.side(side).name.clone(),
                    if m.in_super_app {
                        format!("{} (in super-app)", m.unit)
                    } else {
                        m.unit.clone()
                    },
                    vocab.display_name(&m.sector).to_owned(),
                    m.mode.label().to_owned(),
                    m.distance.label().to_owned(),
                    format!("{:.1}", m.strength),
                ]
            })
            .collect(),
    );
    vec![
        Block::Paragraph(format!(
            "{} entered by both, {} by {} only, {} by {} only.",
            count(overlap.shared.len(), "sector", "sectors"),
            overlap.west_only.len(),
            names[0],
            overlap.east_only.len(),
            names[1]
        )),
        chart_block(prefix, twin, ChartKind::Map),
        Block::Table(table(
            &["Sector", "Entered by", names[0], names[1]],
            &[false; 4],
            overlap_rows,
        )),
        Block::Table(table(
            &["Distance from core", names[0], names[1]],
            &[false, true, true],
            distance_rows,
        )),
        chart_block(prefix, twin, ChartKind::Timeline),
        Block::Table(moves),
    ]
}

/// "Partnerships, figures and loyalty": each company's partners, key figures and challenges as
/// sourced items, then both loyalty stances.
fn beyond_blocks(twin: &Twin) -> Vec<Block> {
    let companies = [&twin.west, &twin.east];
    let mut partners = Vec::new();
    for company in companies {
        for p in &company.partnerships {
            let lead = match p.since {
                Some(y) => format!("{}: {} (since {y})", company.name, p.partner),
                None => format!("{}: {}", company.name, p.partner),
            };
            partners.push(Item::new(
                Some(lead),
                p.description.clone(),
                p.source.as_ref(),
            ));
        }
    }
    let mut challenges = Vec::new();
    for company in companies {
        for c in &company.challenges {
            challenges.push(Item::new(Some(company.name.clone()), c.clone(), None));
        }
    }
    let mut metrics = Vec::new();
    for company in companies {
        for m in &company.metrics {
            metrics.push(Item::new(
                Some(format!("{}: {}", company.name, m.name)),
                format!("{} {} ({})", format_number(m.value), m.unit, m.year),
                m.source.as_ref(),
            ));
        }
    }
    let mut blocks = Vec::new();
    for (heading, items) in [
        ("Partnerships", partners),
        ("Key figures", metrics),
        ("Challenges", challenges),
    ] {
        if !items.is_empty() {
            blocks.push(Block::Subheading(heading.to_owned()));
            blocks.push(Block::Items(items));
        }
    }
    blocks.push(Block::Subheading("Loyalty stance".to_owned()));
    blocks.push(Block::Items(
        companies
            .iter()
            .map(|c| Item::new(Some(c.name.clone()), loyalty_text(c), None))
            .collect(),
    ));
    blocks
}

/// "Conclusions and lessons": the strategist's biggest difference and similarity, then the
/// lessons with their sources.
fn lesson_blocks(twin: &Twin) -> Vec<Block> {
    let mut story = Vec::new();
    for (label, text) in [
        ("Biggest difference", &twin.biggest_difference),
        ("Biggest similarity", &twin.biggest_similarity),
    ] {
        if !text.trim().is_empty() {
            story.push(Block::Labelled {
                label: label.to_owned(),
                text: text.clone(),
            });
        }
    }
    if !twin.lessons.is_empty() {
        story.push(Block::Items(
            twin.lessons
                .iter()
                .map(|l| Item::new(Some(l.title.clone()), l.text.clone(), l.source.as_ref()))
                .collect(),
        ));
    }
    if story.is_empty() {
        story.push(Block::Paragraph("No conclusions recorded yet.".to_owned()));
    }
    story
}
