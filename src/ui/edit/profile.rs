//! One company's profile: identity, brand colour, orientation, loyalty and challenges. Its moves,
//! partnerships and metrics are tables of their own sections.

use egui::Ui;

use super::form::{Form, form_label};
use super::list;
use crate::model::CompanyProfile;

pub(super) fn show(ui: &mut Ui, c: &mut CompanyProfile, form: &Form<'_>) -> bool {
    let mut changed = false;
    changed |= form.text(ui, "Name", &mut c.name, "name");
    changed |= form.text(ui, "Native name", &mut c.native_name, "native_name");
    changed |= form.text(ui, "Region", &mut c.region, "region");
    changed |= form.text(ui, "Headquarters", &mut c.headquarters, "headquarters");
    changed |= form.optional_year(ui, "Founded", &mut c.founded, 2000, "founded");
    changed |= form.multiline(ui, "Core business", &mut c.core_business, "core_business");
    changed |= brand_colour(ui, &mut c.brand_color, form);
    let orientation = form.at("orientation");
    let o = &mut c.orientation;
    for (label, value, field) in [
        (
            "Customer ↔ relationship",
            &mut o.customer_vs_relationship,
            "customer_vs_relationship",
        ),
        (
            "Company ↔ ecosystem",
            &mut o.company_vs_ecosystem,
            "company_vs_ecosystem",
        ),
    ] {
        changed |= orientation.number(ui, label, value, -1.0..=1.0, 0.01, field);
    }
    ui.horizontal(|ui| {
        form_label(ui, "Measures own loyalty");
        for (value, label) in [(None, "unknown"), (Some(true), "yes"), (Some(false), "no")] {
            changed |= ui
                .radio_value(&mut c.measures_own_loyalty, value, label)
                .changed();
        }
    });
    changed |= form.multiline(ui, "Loyalty note", &mut c.loyalty_note, "loyalty_note");

    ui.strong("Challenges");
    let challenges = form.at("challenges");
    changed |= list::list(
        ui,
        &mut c.challenges,
        "+ Add challenge",
        String::new,
        |ui, i, text| challenges.multiline(ui, "Challenge", text, &format!("[{i}]")),
    );
    changed
}

/// `#RRGGBB` as text plus a colour picker that writes the same text.
fn brand_colour(ui: &mut egui::Ui, hex: &mut String, form: &Form<'_>) -> bool {
    let mut changed = false;
    form.row_with(ui, "Brand colour", "brand_color", |ui, label| {
        let text = ui
            .add(egui::TextEdit::singleline(hex).desired_width(80.0))
            .labelled_by(label);
        changed |= text.changed();
        if let Some(rgb) = crate::charts::Rgb::from_hex(hex) {
            let mut colour = [rgb.0, rgb.1, rgb.2];
            if ui.color_edit_button_srgb(&mut colour).changed() {
                *hex = crate::charts::Rgb(colour[0], colour[1], colour[2])
                    .hex()
                    .to_uppercase();
                changed = true;
            }
        }
        text
    });
    changed
}
