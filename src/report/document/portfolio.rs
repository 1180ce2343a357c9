//! The portfolio report: several twins in one document, opened by a West-vs-China summary (mean
//! scores per pillar, gaps, totals per twin) before each twin's own sections.

use super::sections::twin_sections;
use super::{Block, Report, Table, section, table};
use crate::analysis::{PortfolioPillar, portfolio};
use crate::charts::{Bars, Chart, ChartKind, RadarSeries, Rgb};
use crate::model::{Score, Twin};
use crate::wording::{count, gap_text, score_text};

impl Report {
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
                        .map(|(w, e)| Score::round_value(w - e));
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
        let means =
            |f: fn(&PortfolioPillar) -> Option<f64>| pillars.iter().map(f).collect::<Vec<_>>();
        let chart = Bars {
            categories: pillars.iter().map(|p| p.pillar_name.clone()).collect(),
            max: 10.0,
            series: vec![
                RadarSeries {
                    label: "Western companies (mean)".to_owned(),
                    colour: Rgb::WEST_DEFAULT,
                    values: means(|p| p.west_mean),
                    supported: vec![true; pillars.len()],
                },
                RadarSeries {
                    label: "Chinese companies (mean)".to_owned(),
                    colour: Rgb::EAST_DEFAULT,
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
                    count(twins.len(), "twin", "twins"),
                    count(west_leads, "pillar", "pillars")
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
            subtitle: format!("Portfolio of {}", count(twins.len(), "twin", "twins")),
            sections,
        }
    }
}
