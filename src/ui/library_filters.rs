//! The library's search box and filters (sector entered, smallest gap on a pillar, evidence-health
//! problems); the sector
//! and pillar are chosen with type-to-search pickers.

use super::picker::{Choice, Picked, SearchPicker};
use super::state::LibraryFilter;
use crate::model::{Framework, SectorVocabulary};

/// Search box, sector and pillar-gap filters; returns the search box's response so the list can
/// take the keyboard from it (Down moves into the results, Enter opens the first).
pub fn show(
    ui: &mut egui::Ui,
    filter: &mut LibraryFilter,
    framework: Option<&Framework>,
) -> egui::Response {
    let search = ui
        .add(
            egui::TextEdit::singleline(&mut filter.search)
                .id(egui::Id::unique("library_search"))
                .hint_text("Search every text, e.g. WeChat or 阿里巴巴")
                .desired_width(f32::INFINITY),
        )
        .accessible_name("Search the library");
    let vocab = SectorVocabulary::bundled();
    ui.horizontal(|ui| {
        let label = ui.label("Sector");
        let selected = filter
            .sector
            .as_deref()
            .map_or("any", |s| vocab.display_name(s));
        let sectors: Vec<_> = vocab.all().collect();
        let mut choices = vec![Choice {
            name: "any",
            group: None,
        }];
        choices.extend(sectors.iter().map(|(c, s)| Choice {
            name: &s.name,
            group: Some(&c.name),
        }));
        let (response, picked) = SearchPicker::new("sector_filter", selected)
            .choices(&choices)
            .width(ui.available_width() - 8.0)
            .show(ui);
        response.labelled_by(label.id);
        if let Some(Picked::Choice(i)) = picked {
            filter.sector = i
                .checked_sub(1)
                .and_then(|i| sectors.get(i))
                .map(|(_, s)| s.id.clone());
        }
    });
    let default_framework = Framework::offer_you_cant_refuse();
    let framework = framework.unwrap_or(&default_framework);
    ui.horizontal(|ui| {
        let label = ui.label("Min gap");
        let mut min = filter.gap.as_ref().map_or(2.0, |(_, g)| *g);
        let pillar = filter.gap.as_ref().map(|(p, _)| p.clone());
        let mut new_pillar = pillar.clone();
        let name = pillar
            .as_deref()
            .and_then(|id| framework.pillar(id).map(|p| p.name.as_str()).or(Some(id)))
            .unwrap_or("any pillar");
        let min_changed = ui
            .add(egui::DragValue::new(&mut min).speed(0.1).range(0.0..=10.0))
            .labelled_by(label.id)
            .changed();
        let mut choices = vec![Choice {
            name: "any pillar (no filter)",
            group: None,
        }];
        choices.extend(framework.pillars.iter().map(|p| Choice {
            name: &p.name,
            group: None,
        }));
        let (response, picked) = SearchPicker::new("gap_filter", name)
            .choices(&choices)
            .width(ui.available_width() - 8.0)
            .show(ui);
        response.labelled_by(label.id);
        if let Some(Picked::Choice(i)) = picked {
            new_pillar = i
                .checked_sub(1)
                .and_then(|i| framework.pillars.get(i))
                .map(|p| p.id.clone());
        }
        if new_pillar != pillar || min_changed {
            filter.gap = new_pillar.map(|p| (p, min));
        }
    });
    ui.checkbox(&mut filter.problems, "Only twins with problems")
        .on_hover_text("Twins with evidence-health flags: no evidence, no source, a bare homepage, no date or stale evidence");
    search
}
