//! The report model: what a comparison report says, as plain sections of blocks, built once from a
//! twin (or a portfolio) and its analysis. Every format renders these same blocks, so the HTML,
//! Markdown, PDF and the studio preview always say the same thing.

use super::summary::count;
use crate::analysis::{
    as_of_text, compare_pillars, distance_profile, evidence_health, extremes, health_summary,
    portfolio, sector_overlap, weighted_total,
};
use crate::charts::{Bars, Chart, ChartKind, RadarSeries, Rgb, describe};
use crate::model::{CompanyProfile, Distance, Orientation, SectorVocabulary, Side, Source, Twin};

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
    fn new(lead: Option<String>, text: impl Into<String>, source: Option<&Source>) -> Self {
        Self {
            lead,
            text: text.into(),
            source: source.cloned(),
        }
    }
}

/// `8.5`, or a dash where nothing is scored.
pub fn score_text(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

/// A signed gap, `+1.5`, or a dash where one side is not scored.
pub fn gap_text(delta: Option<f64>) -> String {
    delta.map_or_else(|| "–".to_owned(), |d| format!("{d:+.1}"))
}

/// A score with its evidence flag, as the tables show it.
fn score_cell(twin: &Twin, side: Side, pillar: &str) -> String {
    match twin.score(side, pillar) {
        Some(s) if s.is_supported() => format!("{:.1}", s.value),
        Some(s) => format!("{:.1} (no evidence)", s.value),
        None => "not scored".to_owned(),
    }
}

/// Orientation in words, e.g. "customer-driven (−0.8), single company (−0.4)".
pub fn orientation_text(o: &Orientation) -> String {
    let axis = |v: f64, neg: &str, pos: &str| {
        let word = if v <= -0.2 {
            neg
        } else if v >= 0.2 {
            pos
        } else {
            "balanced"
        };
        format!("{word} ({v:+.1})")
    };
    format!(
        "{}; {}",
        axis(
            o.customer_vs_relationship,
            "customer-driven",
            "relationship-driven"
        ),
        axis(
            o.company_vs_ecosystem,
            "single company",
            "ecosystem of partners"
        )
    )
}

/// Whether the company measures its loyalty to customers, with the strategist's note.
pub fn loyalty_text(c: &CompanyProfile) -> String {
    let stance = match c.measures_own_loyalty {
        Some(true) => "Measures its own loyalty to customers",
        Some(false) => "Does not measure its own loyalty to customers",
        None => "Not known whether it measures its own loyalty to customers",
    };
    if c.loyalty_note.trim().is_empty() {
        format!("{stance}.")
    } else {
        format!("{stance}. {}", c.loyalty_note)
    }
}

/// Source as one line of text: title, date.
pub fn source_text(s: &Source) -> String {
    match &s.date {
        Some(d) => format!("{} ({d})", s.title),
        None => s.title.clone(),
    }
}

fn table(headers: &[&str], numeric: &[bool], rows: Vec<Vec<String>>) -> Table {
    Table {
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows,
        numeric: numeric.to_vec(),
    }
}

fn section(prefix: &str, id: &str, heading: &str, level: u8, blocks: Vec<Block>) -> Section {
    Section {
        id: format!("{prefix}{id}"),
        heading: heading.to_owned(),
        level,
        starts_page: false,
        blocks,
    }
}

fn chart_block(prefix: &str, twin: &Twin, kind: ChartKind) -> Block {
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
            sections: twin_sections(twin, "", 1),
        }
    }

    /// Several twins in one report, opened by a West-vs-China summary across all of them.
    pub fn for_portfolio(title: &str, twins: &[&Twin]) -> Report {
        let (pillars, rows) = portfolio(twins.iter().copied());
        let summary = table(
            &["Pillar", "West (mean)", "China (mean)", "Gap", "Pairs"],
            &[false, true, true, true, true],
            pillars
                .iter()
                .map(|p| {
                    let gap = p
                        .west_mean
                        .zip(p.east_mean)
                        .map(|(w, e)| crate::model::Score::round_value(w - e));
                    vec![
                        p.pillar_name.clone(),
                        score_text(p.west_mean),
                        score_text(p.east_mean),
                        gap_text(gap),
                        p.pairs.to_string(),
                    ]
                })
                .collect(),
        );
        let mut headers = vec!["Twin".to_owned(), "West total".into(), "China total".into()];
        headers.extend(pillars.iter().map(|p| format!("Gap: {}", p.pillar_name)));
        let twin_rows = Table {
            numeric: (0..headers.len()).map(|i| i > 0).collect(),
            headers,
            rows: rows
                .iter()
                .map(|r| {
                    let mut row = vec![
                        format!("{} / {}", r.west_name, r.east_name),
                        score_text(r.west_total),
                        score_text(r.east_total),
                    ];
                    row.extend(r.deltas.iter().map(|d| gap_text(*d)));
                    row
                })
                .collect(),
        };
        let means = |f: fn(&crate::analysis::PortfolioPillar) -> Option<f64>| {
            pillars.iter().map(f).collect::<Vec<_>>()
        };
        let chart = Bars {
            categories: pillars.iter().map(|p| p.pillar_name.clone()).collect(),
            max: 10.0,
            series: vec![
                RadarSeries {
                    label: "Western companies (mean)".to_owned(),
                    color: Rgb::WEST_DEFAULT,
                    values: means(|p| p.west_mean),
                    supported: vec![true; pillars.len()],
                },
                RadarSeries {
                    label: "Chinese companies (mean)".to_owned(),
                    color: Rgb::EAST_DEFAULT,
                    values: means(|p| p.east_mean),
                    supported: vec![true; pillars.len()],
                },
            ],
        };
        let west_leads = pillars
            .iter()
            .filter(|p| p.west_mean.zip(p.east_mean).is_some_and(|(w, e)| w > e))
            .count();
        let east_leads = pillars
            .iter()
            .filter(|p| p.west_mean.zip(p.east_mean).is_some_and(|(w, e)| e > w))
            .count();
        let mut sections = vec![section(
            "",
            "west-vs-china",
            "West vs China",
            1,
            vec![
                Block::Paragraph(format!(
                    "{} compared. On average the Western company leads on {} and the Chinese \
                     company on {east_leads}.",
                    count(twins.len(), "twin"),
                    count(west_leads, "pillar")
                )),
                Block::Table(summary),
                Block::Chart {
                    key: "portfolio-bars".to_owned(),
                    kind: ChartKind::Bars,
                    chart: Chart::Bars(chart),
                },
                Block::Table(twin_rows),
            ],
        )];
        for twin in twins {
            let prefix = format!("{}-", twin.id);
            let mut opening = section(
                &prefix,
                "twin",
                &twin.title,
                1,
                vec![Block::Paragraph(format!(
                    "{} and {}",
                    twin.west.display_name(),
                    twin.east.display_name()
                ))],
            );
            opening.starts_page = true;
            sections.push(opening);
            sections.extend(twin_sections(twin, &prefix, 2));
        }
        Report {
            title: title.to_owned(),
            subtitle: format!("Portfolio of {}", count(twins.len(), "twin")),
            sections,
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

/// Each pillar's scores (West / East) per snapshot and now, one column per point in time.
fn history_table(twin: &Twin) -> Table {
    let (points, rows) = crate::analysis::score_history(twin);
    let mut headers = vec!["Pillar".to_owned()];
    headers.extend(points.iter().map(|p| match &p.as_of {
        Some(date) if p.label == "Now" => format!("Now ({date})"),
        _ => p.label.clone(),
    }));
    let cell = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
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
                            .map(|(w, e)| format!("{} / {}", cell(*w), cell(*e))),
                    )
                    .collect()
            })
            .collect(),
    }
}

/// The sections of one twin; `prefix` keeps anchors unique in a portfolio.
fn twin_sections(twin: &Twin, prefix: &str, level: u8) -> Vec<Section> {
    let (w, e) = (&twin.west, &twin.east);
    let names = [w.name.as_str(), e.name.as_str()];
    let opt = |s: &str| {
        if s.trim().is_empty() {
            "–".to_owned()
        } else {
            s.to_owned()
        }
    };
    let profile_row =
        |label: &str, f: &dyn Fn(&CompanyProfile) -> String| vec![label.to_owned(), f(w), f(e)];
    let profiles = Table {
        headers: vec![String::new(), w.display_name(), e.display_name()],
        numeric: vec![false; 3],
        rows: vec![
            profile_row("Region", &|c| opt(&c.region)),
            profile_row("Headquarters", &|c| opt(&c.headquarters)),
            profile_row("Founded", &|c| {
                c.founded.map_or_else(|| "–".to_owned(), |y| y.to_string())
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
    };

    let comparisons = compare_pillars(twin);
    let mut scores = table(
        &["Pillar", "Weight", names[0], names[1], "Gap"],
        &[false, true, true, true, true],
        twin.framework
            .pillars
            .iter()
            .zip(&comparisons)
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
                .map(|(w, e)| crate::model::Score::round_value(w - e)),
        ),
    ]);
    let flags = evidence_health(twin);
    let mut summary = vec![
        Block::Labelled {
            label: "As of".to_owned(),
            text: twin.as_of.clone().unwrap_or_else(|| "not set".to_owned()),
        },
        Block::Labelled {
            label: "Evidence health".to_owned(),
            text: health_summary(twin, &flags).sentence(),
        },
    ];
    if let Some((widest, closest)) = extremes(&comparisons) {
        for (label, row) in [("Widest gap", widest), ("Closest", closest)] {
            summary.push(Block::Labelled {
                label: label.to_owned(),
                text: format!("{} ({})", row.pillar_name, gap_text(row.delta())),
            });
        }
    }
    // The radar and the score table are on page one (the summary); bars and gaps follow here.
    summary.push(chart_block(prefix, twin, ChartKind::Bars));
    summary.push(chart_block(prefix, twin, ChartKind::Deltas));
    if !twin.snapshots.is_empty() {
        summary.push(Block::Subheading(format!(
            "Score history ({} / {})",
            names[0], names[1]
        )));
        summary.push(Block::Table(history_table(twin)));
    }

    let mut evidence = Vec::new();
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
                    "No evidence recorded for this score.",
                    None,
                )),
                None => items.push(Item::new(Some(company.name.clone()), "Not scored.", None)),
            }
        }
        let mut blocks = Vec::new();
        if !pillar.description.trim().is_empty() {
            blocks.push(Block::Paragraph(pillar.description.clone()));
        }
        blocks.push(Block::Items(items));
        evidence.push(section(
            prefix,
            &format!("pillar-{}", pillar.id),
            &pillar.name,
            level + 1,
            blocks,
        ));
    }

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
            "–".to_owned(),
        ]);
    }
    for (sector, eu) in &overlap.east_only {
        overlap_rows.push(vec![
            vocab.display_name(sector).to_owned(),
            format!("{} only", names[1]),
            "–".to_owned(),
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
        crate::analysis::timeline(twin)
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
    let diversification = vec![
        Block::Paragraph(format!(
            "{} entered by both, {} by {} only, {} by {} only.",
            count(overlap.shared.len(), "sector"),
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
    ];

    let mut partners = Vec::new();
    for company in [w, e] {
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
    for company in [w, e] {
        for c in &company.challenges {
            challenges.push(Item::new(Some(company.name.clone()), c.clone(), None));
        }
    }
    let mut metrics = Vec::new();
    for company in [w, e] {
        for m in &company.metrics {
            metrics.push(Item::new(
                Some(format!("{}: {}", company.name, m.name)),
                format!("{} {} ({})", format_number(m.value), m.unit, m.year),
                m.source.as_ref(),
            ));
        }
    }
    let mut beyond = Vec::new();
    if !partners.is_empty() {
        beyond.push(Block::Subheading("Partnerships".to_owned()));
        beyond.push(Block::Items(partners));
    }
    if !metrics.is_empty() {
        beyond.push(Block::Subheading("Key figures".to_owned()));
        beyond.push(Block::Items(metrics));
    }
    if !challenges.is_empty() {
        beyond.push(Block::Subheading("Challenges".to_owned()));
        beyond.push(Block::Items(challenges));
    }
    beyond.push(Block::Subheading("Loyalty stance".to_owned()));
    beyond.push(Block::Items(
        [w, e]
            .iter()
            .map(|c| Item::new(Some(c.name.clone()), loyalty_text(c), None))
            .collect(),
    ));

    let mut story = Vec::new();
    if !twin.biggest_difference.trim().is_empty() {
        story.push(Block::Labelled {
            label: "Biggest difference".to_owned(),
            text: twin.biggest_difference.clone(),
        });
    }
    if !twin.biggest_similarity.trim().is_empty() {
        story.push(Block::Labelled {
            label: "Biggest similarity".to_owned(),
            text: twin.biggest_similarity.clone(),
        });
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

    let mut sections = vec![
        super::summary::summary_section(twin, prefix, level, scores),
        section(
            prefix,
            "profiles",
            "The two companies",
            level,
            vec![Block::Table(profiles)],
        ),
        section(prefix, "pillars", "Pillar scores", level, summary),
        section(prefix, "evidence", "Evidence by pillar", level, Vec::new()),
    ];
    sections.extend(evidence);
    sections.push(section(
        prefix,
        "diversification",
        "Diversification",
        level,
        diversification,
    ));
    sections.push(section(
        prefix,
        "beyond",
        "Partnerships, figures and loyalty",
        level,
        beyond,
    ));
    sections.push(section(
        prefix,
        "lessons",
        "Conclusions and lessons",
        level,
        story,
    ));
    sections
}

/// A metric value without a trailing `.0`, grouped for reading: 1234567 -> 1,234,567. Four-digit
/// numbers stay ungrouped, so years read as years ("2040", not "2,040").
fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 10_000.0 {
        format!("{v:.0}")
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{:.0}", v.abs());
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Score};

    fn twin() -> Twin {
        let mut t = Twin::new_blank("t", "Title");
        t.west.name = "Amazon".into();
        t.east.name = "Alibaba".into();
        t.east.native_name = "阿里巴巴".into();
        t.west.scores.insert(
            "base".into(),
            Score {
                value: 8.5,
                evidence: vec![Evidence {
                    claim: "Cheap".into(),
                    source: None,
                }],
            },
        );
        t.east.scores.insert("base".into(), Score::unsupported(7.0));
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

    #[test]
    fn words_for_orientation_and_numbers() {
        let o = Orientation {
            customer_vs_relationship: -0.8,
            company_vs_ecosystem: 0.1,
        };
        assert_eq!(
            orientation_text(&o),
            "customer-driven (-0.8); balanced (+0.1)"
        );
        assert_eq!(format_number(1_234_567.0), "1,234,567");
        assert_eq!(format_number(2040.0), "2040");
        assert_eq!(format_number(-1500.0), "-1500");
        assert_eq!(format_number(12_000.0), "12,000");
        assert_eq!(format_number(2.5), "2.5");
    }
}
