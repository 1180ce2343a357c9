//! The Portfolio view: West vs China across every twin of the library, per pillar, and a sortable
//! table of every pair's pillar gaps.

use std::cmp::Ordering;

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::chart_copy::copy_menu;
use super::derived::PortfolioFigures;
use super::style::{self, space};
use crate::analysis::{PortfolioRow, WhatIf};
use crate::charts::Chart;
use crate::charts::egui::{self as chart_ui, ChartStyle};
use crate::charts::{BarSeries, Bars, Rgb};

/// Which column the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    #[default]
    Title,
    /// The gap on the pillar at this portfolio index.
    Pillar(usize),
    WestTotal,
    EastTotal,
}

/// The table's sort order, kept between frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PortfolioSort {
    pub column: SortColumn,
    pub descending: bool,
}

impl PortfolioSort {
    /// Clicking the sorted column flips the order; another column sorts by it, largest first.
    pub fn click(&mut self, column: SortColumn) {
        if self.column == column {
            self.descending = !self.descending;
        } else {
            self.column = column;
            self.descending = column != SortColumn::Title;
        }
    }

    /// Row indices in display order; unscored values sort last either way.
    pub fn order(&self, rows: &[PortfolioRow]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let value = |r: &PortfolioRow| match self.column {
            SortColumn::Title => None,
            SortColumn::Pillar(i) => r.deltas.get(i).copied().flatten(),
            SortColumn::WestTotal => r.west_total,
            SortColumn::EastTotal => r.east_total,
        };
        order.sort_by(|&a, &b| {
            let (ra, rb) = (&rows[a], &rows[b]);
            if self.column == SortColumn::Title {
                let o = ra.title.to_lowercase().cmp(&rb.title.to_lowercase());
                return if self.descending { o.reverse() } else { o };
            }
            match (value(ra), value(rb)) {
                (Some(x), Some(y)) => {
                    let o = x.total_cmp(&y);
                    if self.descending { o.reverse() } else { o }
                }
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        });
        order
    }
}

/// The averages as a bar description, so they draw like every other score chart.
pub fn average_bars(figures: &PortfolioFigures) -> Bars {
    let series = |label: &str, colour: Rgb, west: bool| BarSeries {
        label: label.to_owned(),
        colour,
        values: figures
            .pillars
            .iter()
            .map(|p| if west { p.west_mean } else { p.east_mean })
            .collect(),
        // Averages are not scores with their own evidence: draw them as supported.
        supported: vec![true; figures.pillars.len()],
    };
    Bars {
        categories: figures
            .pillars
            .iter()
            .map(|p| p.pillar_name.clone())
            .collect(),
        max: 10.0,
        series: vec![
            series("West (average)", Rgb::WEST_DEFAULT, true),
            series("China (average)", Rgb::EAST_DEFAULT, false),
        ],
    }
}

/// Draws the view; `select` receives the twin id of a clicked row.
pub fn show(
    ui: &mut egui::Ui,
    figures: &PortfolioFigures,
    averages: &Bars,
    sort: &mut PortfolioSort,
    what_if: &mut WhatIf,
) -> Option<String> {
    let mut open = None;
    ui.label(
        RichText::new(format!("Portfolio · {} twins", figures.rows.len()))
            .size(style::size::HEADING)
            .strong(),
    );
    style::hint(
        ui,
        "West vs China average per pillar across the library; the table lists West minus China \
         per pair (click a header to sort, a title to open the twin).",
    );
    let bars = chart_ui::bars(
        ui,
        averages,
        &ChartStyle::new("portfolio_bars").with_height(220.0),
    );
    copy_menu(&bars, || Chart::Bars(averages.clone()));
    ui.add_space(space::SM);
    if super::weights_panel::show(ui, &figures.pillars, what_if) {
        ui.ctx().request_repaint();
    }
    ui.add_space(space::SM);
    let order = sort.order(&figures.rows);
    let mut clicked = None;
    let header_button =
        |ui: &mut egui::Ui, label: &str, column: SortColumn, sort: &PortfolioSort| {
            let arrow = match (sort.column == column, sort.descending) {
                (true, true) => " ▼",
                (true, false) => " ▲",
                _ => "",
            };
            ui.add(
                egui::Button::new(RichText::new(format!("{label}{arrow}")).strong())
                    .frame(false)
                    .wrap(),
            )
            .clicked()
        };
    // Number columns as wide as their header needs on two lines; the titles take the rest.
    let header_font = egui::TextStyle::Button.resolve(ui.style());
    let two_line_width = |ui: &egui::Ui, text: &str| {
        let full = ui.ctx().fonts_mut(|f| {
            f.layout_no_wrap(
                format!("{text} ▼"),
                header_font.clone(),
                egui::Color32::WHITE,
            )
            .size()
            .x
        });
        let longest_word = text
            .split_whitespace()
            .map(|w| {
                ui.ctx().fonts_mut(|f| {
                    f.layout_no_wrap(format!("{w} ▼"), header_font.clone(), egui::Color32::WHITE)
                        .size()
                        .x
                })
            })
            .fold(0.0_f32, f32::max);
        (full / 2.0).max(longest_word).max(48.0) + 16.0
    };
    let pillar_widths: Vec<f32> = figures
        .pillars
        .iter()
        .map(|p| two_line_width(ui, &p.pillar_name))
        .collect();
    let totals_width = two_line_width(ui, "China total");
    let mut table = TableBuilder::new(ui)
        .id_salt("portfolio_table")
        .striped(true)
        .auto_shrink([false, false])
        .column(Column::remainder().at_least(160.0).clip(true));
    for w in &pillar_widths {
        table = table.column(Column::exact(*w));
    }
    table
        .column(Column::exact(totals_width))
        .column(Column::exact(totals_width))
        .header(36.0, |mut header| {
            header.col(|ui| {
                if header_button(ui, "Twin", SortColumn::Title, sort) {
                    clicked = Some(SortColumn::Title);
                }
            });
            for (i, p) in figures.pillars.iter().enumerate() {
                header.col(|ui| {
                    if header_button(ui, &p.pillar_name, SortColumn::Pillar(i), sort) {
                        clicked = Some(SortColumn::Pillar(i));
                    }
                });
            }
            header.col(|ui| {
                if header_button(ui, "West total", SortColumn::WestTotal, sort) {
                    clicked = Some(SortColumn::WestTotal);
                }
            });
            header.col(|ui| {
                if header_button(ui, "China total", SortColumn::EastTotal, sort) {
                    clicked = Some(SortColumn::EastTotal);
                }
            });
        })
        .body(|body| {
            body.rows(22.0, order.len(), |mut row| {
                let Some(r) = order.get(row.index()).and_then(|&i| figures.rows.get(i)) else {
                    return;
                };
                row.col(|ui| {
                    if ui.link(&r.title).on_hover_text(&r.title).clicked() {
                        open = Some(r.twin_id.clone());
                    }
                });
                for d in &r.deltas {
                    row.col(|ui| {
                        match d {
                            // Coloured by the leader, like the averages chart above.
                            Some(v) => ui.label(RichText::new(format!("{v:+.1}")).color(
                                chart_ui::color32(if *v > 0.0 {
                                    Rgb::WEST_DEFAULT
                                } else if *v < 0.0 {
                                    Rgb::EAST_DEFAULT
                                } else {
                                    style::look(ui.visuals().dark_mode).tokens().muted
                                }),
                            )),
                            None => ui.weak(crate::wording::DASH),
                        };
                    });
                }
                for total in [r.west_total, r.east_total] {
                    row.col(|ui| {
                        match total {
                            Some(v) => ui.label(format!("{v:.1}")),
                            None => ui.weak(crate::wording::DASH),
                        };
                    });
                }
            });
        });
    if let Some(column) = clicked {
        sort.click(column);
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str, delta: Option<f64>) -> PortfolioRow {
        PortfolioRow {
            twin_id: title.to_lowercase(),
            title: title.into(),
            west_name: String::new(),
            east_name: String::new(),
            deltas: vec![delta],
            west_total: None,
            east_total: None,
        }
    }

    #[test]
    fn sorting_by_a_pillar_puts_unscored_last() {
        let rows = vec![row("B", Some(1.0)), row("A", None), row("C", Some(-2.0))];
        let mut sort = PortfolioSort::default();
        assert_eq!(sort.order(&rows), [1, 0, 2]);
        sort.click(SortColumn::Pillar(0));
        assert_eq!(sort.order(&rows), [0, 2, 1]);
        sort.click(SortColumn::Pillar(0));
        assert_eq!(sort.order(&rows), [2, 0, 1]);
    }
}
