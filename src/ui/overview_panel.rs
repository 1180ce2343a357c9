//! Both profiles of a twin side by side, with the pillar score table.

use crate::model::{CompanyProfile, Side, Twin};

/// Shows the twin read-only: the editing tabs build on this layout.
pub fn show(ui: &mut egui::Ui, twin: &Twin) {
    ui.heading(&twin.title);
    ui.columns(2, |cols| {
        profile(&mut cols[0], &twin.west);
        profile(&mut cols[1], &twin.east);
    });
    ui.separator();
    egui::Grid::new("scores").striped(true).show(ui, |ui| {
        ui.strong("Pillar");
        ui.strong(&twin.west.name);
        ui.strong(&twin.east.name);
        ui.end_row();
        for pillar in &twin.framework.pillars {
            ui.label(&pillar.name);
            for side in Side::BOTH {
                match twin.score(side, &pillar.id) {
                    Some(s) if s.is_supported() => ui.label(format!("{:.1}", s.value)),
                    Some(s) => ui.label(format!("{:.1} (unsupported)", s.value)),
                    None => ui.weak("not scored"),
                };
            }
            ui.end_row();
        }
    });
}

fn profile(ui: &mut egui::Ui, company: &CompanyProfile) {
    ui.strong(company.display_name());
    ui.label(format!("{} · {}", company.region, company.headquarters));
    if let Some(year) = company.founded {
        ui.label(format!("Founded {year}"));
    }
    ui.label(&company.core_business);
}
