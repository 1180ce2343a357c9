//! The pillar-weights panel of the Portfolio tab: "what if the save-the-world pillar weighed
//! double?". A multiplier per pillar on top of each twin's own weights; the totals and the
//! ranking of the portfolio table follow at once. Nothing is saved into any twin.

use egui::RichText;

use super::style::{self, space};
use crate::analysis::{MAX_MULTIPLIER, PortfolioPillar, WhatIf};

/// Draws the multipliers; returns whether one changed this frame.
pub fn show(ui: &mut egui::Ui, pillars: &[PortfolioPillar], what_if: &mut WhatIf) -> bool {
    let mut changed = false;
    let title = if what_if.is_neutral() {
        "What if the pillars weighed differently?".to_owned()
    } else {
        format!("What if: {}", summary(pillars, what_if))
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("what_if_weights")
        .default_open(!what_if.is_neutral())
        .show(ui, |ui| {
            style::hint(
                ui,
                "Multiply a pillar's weight in every twin, then read the totals and sort the table \
                 by them. The twins themselves are not changed.",
            );
            for p in pillars {
                let mut m = what_if.multiplier(&p.pillar_id);
                let slider = egui::Slider::new(&mut m, 0.0..=MAX_MULTIPLIER)
                    .step_by(0.25)
                    .prefix("×")
                    .fixed_decimals(2)
                    .text(&p.pillar_name);
                if ui.add(slider).changed() {
                    what_if.set(&p.pillar_id, m);
                    changed = true;
                }
            }
            ui.add_space(space::XS);
            if ui
                .add_enabled(!what_if.is_neutral(), egui::Button::new("Own weights"))
                .on_hover_text("Back to each twin's own pillar weights")
                .clicked()
            {
                what_if.reset();
                changed = true;
            }
        });
    changed
}

/// `Save the world ×2.00, Partner in life ×0.50`.
fn summary(pillars: &[PortfolioPillar], what_if: &WhatIf) -> String {
    what_if
        .changes()
        .map(|(id, m)| {
            let name = pillars
                .iter()
                .find(|p| p.pillar_id == id)
                .map_or(id, |p| p.pillar_name.as_str());
            format!("{name} ×{m:.2}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}
