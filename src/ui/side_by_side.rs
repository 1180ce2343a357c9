//! Side by side: the Compare tab's mode that puts two twins next to each other (say
//! Amazon/Alibaba beside Apple/Xiaomi) with their radars, weighted totals and moves, to compare
//! pairs rather than companies.

use egui::RichText;

use super::derived::TwinFigures;
use super::state::OpenTwin;
use super::style::{self, space};
use crate::charts::egui::{self as chart_ui, ChartStyle, color32};
use crate::charts::side_colours;
use crate::font_chain::for_egui;
use crate::model::{SectorVocabulary, Side};
use crate::wording;

/// Moves listed per company before the rest is summed up.
const MOVES_SHOWN: usize = 8;

/// Which twin is shown beside the selected one, and its figures, rebuilt only after it changes.
#[derive(Debug, Default)]
pub struct SideBySide {
    /// The id of the other twin; `None` is the usual one-twin Compare tab.
    pub other: Option<String>,
    cache: Option<(usize, u64, TwinFigures)>,
}

impl SideBySide {
    /// The "Side by side with" picker; lists every twin but the selected one.
    pub fn picker(&mut self, ui: &mut egui::Ui, twins: &[OpenTwin], selected: usize) {
        let current = self
            .other_index(twins, selected)
            .map_or("Nothing: one twin", |i| twins[i].twin.title.as_str());
        ui.horizontal(|ui| {
            egui::ComboBox::from_label("Side by side with")
                .selected_text(current)
                .width(320.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.other, None, "Nothing: one twin");
                    for (i, open) in twins.iter().enumerate() {
                        if i != selected {
                            let id = Some(open.twin.id.clone());
                            ui.selectable_value(&mut self.other, id, &open.twin.title);
                        }
                    }
                });
        });
    }

    /// The other twin's index, if one is chosen and still in the library.
    pub fn other_index(&self, twins: &[OpenTwin], selected: usize) -> Option<usize> {
        let id = self.other.as_deref()?;
        twins
            .iter()
            .position(|t| t.twin.id == id)
            .filter(|&i| i != selected)
    }

    /// Draws both twins in two columns; returns false (and draws nothing) when no other twin is
    /// chosen.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        twins: &[OpenTwin],
        selected: usize,
        figures: &TwinFigures,
    ) -> bool {
        let Some(other) = self.other_index(twins, selected) else {
            return false;
        };
        let open = &twins[other];
        let fresh = matches!(&self.cache, Some((i, r, _)) if *i == other && *r == open.revision);
        if !fresh {
            self.cache = Some((other, open.revision, TwinFigures::new(open, None)));
        }
        let Some((_, _, other_figures)) = &self.cache else {
            return false;
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.columns(2, |cols| {
                    column(&mut cols[0], &twins[selected], figures, "side_left");
                    column(&mut cols[1], open, other_figures, "side_right");
                });
            });
        true
    }
}

/// One twin: its title, both weighted totals, the radar and the moves by year.
fn column(ui: &mut egui::Ui, open: &OpenTwin, figures: &TwinFigures, id: &str) {
    let twin = &open.twin;
    let colours = side_colours(twin).map(color32);
    ui.label(
        RichText::new(&twin.title)
            .size(style::size::HEADING)
            .strong(),
    );
    ui.add_space(space::XS);
    for (side, colour) in Side::BOTH.into_iter().zip(colours) {
        let total = figures.totals[usize::from(side == Side::East)];
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(for_egui(&twin.side(side).name))
                    .color(colour)
                    .strong(),
            );
            ui.label(format!(
                "weighted total {}",
                wording::score_out_of_ten(total)
            ));
        });
    }
    let height = (ui.available_width() * 0.85).clamp(220.0, 360.0);
    chart_ui::radar(ui, &figures.radar, &ChartStyle::new(id).with_height(height));
    ui.add_space(space::SM);
    for (side, colour) in Side::BOTH.into_iter().zip(colours) {
        let company = twin.side(side);
        ui.label(
            RichText::new(format!(
                "{}: {}",
                for_egui(&company.name),
                wording::count(company.moves.len(), "move", "moves")
            ))
            .color(colour)
            .strong(),
        );
        let mut moves: Vec<_> = company.moves.iter().collect();
        moves.sort_by_key(|m| m.year);
        for m in moves.iter().take(MOVES_SHOWN) {
            let sector = SectorVocabulary::bundled().display_name(&m.sector);
            ui.label(format!("{} · {} ({sector})", m.year, m.unit));
        }
        if moves.len() > MOVES_SHOWN {
            style::hint(ui, &wording::more_text(moves.len() - MOVES_SHOWN));
        }
        ui.add_space(space::XS);
    }
}
