//! The Edit tab: every field of the twin and both profiles, with each validation message shown at
//! its field. Values are edited in place; the caller turns changes into undo steps.

use egui::{CollapsingHeader, RichText};

use super::edit_sections::{self, Section, outline};
use super::fields::{self, Issues};
use super::style::{self, space};
use super::{edit_tables, framework_editor, score_grid};
use crate::model::{CompanyProfile, Issue, Side, Snapshot, Twin, current_year};

/// The sections of the Edit tab for this twin, in order: what the outline lists and jumps to.
pub fn sections(twin: &Twin) -> Vec<Section> {
    let mut out = vec![Section::new(
        "scores",
        "Scores",
        &["west.scores", "east.scores"],
        true,
    )];
    for side in Side::BOTH {
        let name = &twin.side(side).name;
        let k = side.key();
        out.push(Section::new(
            &format!("{k}.evidence"),
            format!("Evidence: {name}"),
            &[&format!("{k}.scores")],
            true,
        ));
    }
    out.push(Section::new(
        "twin",
        "Twin",
        &["id", "title", "biggest_difference", "biggest_similarity"],
        false,
    ));
    out.push(Section::new("lessons", "Lessons", &["lessons"], false));
    out.push(Section::new(
        "framework",
        "Framework and pillars",
        &["framework"],
        false,
    ));
    for side in Side::BOTH {
        let name = &twin.side(side).name;
        let k = side.key();
        let profile_paths: Vec<String> = [
            "name",
            "native_name",
            "region",
            "headquarters",
            "founded",
            "core_business",
            "brand_color",
            "orientation",
            "measures_own_loyalty",
            "loyalty_note",
            "challenges",
        ]
        .iter()
        .map(|f| format!("{k}.{f}"))
        .collect();
        let refs: Vec<&str> = profile_paths.iter().map(String::as_str).collect();
        out.push(Section::new(
            &format!("{k}.profile"),
            format!("{name} profile"),
            &refs,
            false,
        ));
        for (list, title) in [
            ("moves", "moves"),
            ("partnerships", "partnerships"),
            ("metrics", "metrics"),
        ] {
            out.push(Section::new(
                &format!("{k}.{list}"),
                format!("{name} {title}"),
                &[&format!("{k}.{list}")],
                false,
            ));
        }
    }
    out.push(Section::new(
        "deck",
        "Presenter deck: slides and speaker notes",
        &["deck", "speaker_notes"],
        false,
    ));
    out.push(Section::new(
        "snapshots",
        "Snapshots over time",
        &["snapshots"],
        false,
    ));
    out
}

/// Opens every section (tables included): for the benchmark and "Open all".
pub fn open_all(ctx: &egui::Context, twin: &Twin) {
    for section in sections(twin) {
        section.set_open(ctx, true);
    }
}

/// Draws the editor; returns whether anything changed this frame. `jump` is a field to scroll
/// to and focus (from search or the palette); it is cleared once a field took it.
pub fn show(
    ui: &mut egui::Ui,
    twin: &mut Twin,
    issues: &[Issue],
    jump: &mut Option<String>,
) -> bool {
    let target = jump.clone();
    let issues = Issues::new(issues).with_jump(target.as_deref());
    let mut changed = false;
    problems_summary(ui, issues.all);
    let list = sections(twin);
    egui::Panel::left("edit_outline")
        .resizable(true)
        .default_size(190.0)
        .min_size(140.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("outline")
                .auto_shrink([false, false])
                .show(ui, |ui| outline(ui, &list, &issues));
        });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("edit_form")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for section in &list {
                    changed |= edit_sections::show(ui, section, &issues, |ui| {
                        section_body(ui, &section.key, twin, &issues)
                    });
                }
                ui.add_space(space::LG);
            });
    });
    // A jump that no field took within a few frames (e.g. a field since removed) is dropped.
    if issues.jumped() {
        *jump = None;
    } else if jump.is_some() {
        let frames = ui.data_mut(|d| {
            let n = d.get_temp_mut_or_default::<u32>(egui::Id::unique("jump_frames"));
            *n += 1;
            *n
        });
        if frames > 30 {
            *jump = None;
        }
        ui.ctx().request_repaint();
    }
    if jump.is_none() {
        ui.data_mut(|d| d.remove::<u32>(egui::Id::unique("jump_frames")));
    }
    changed
}

/// The body of the section with this key.
fn section_body(ui: &mut egui::Ui, key: &str, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    let side = |k: &str| {
        if k.starts_with("west.") {
            Side::West
        } else {
            Side::East
        }
    };
    match key {
        "scores" => score_grid::show(ui, twin, issues),
        "twin" => twin_fields(ui, twin, issues),
        "lessons" => edit_tables::lessons(ui, twin, issues),
        "framework" => framework_editor::show(ui, twin, issues),
        "deck" => super::deck_editor::show(ui, twin),
        "snapshots" => snapshots(ui, twin, issues),
        k if k.ends_with(".evidence") => edit_tables::evidence(ui, twin, side(k), issues),
        k if k.ends_with(".profile") => {
            let s = side(k);
            profile(ui, s, twin.side_mut(s), issues)
        }
        k if k.ends_with(".moves") => {
            let s = side(k);
            edit_tables::moves(ui, s, twin.side_mut(s), issues)
        }
        k if k.ends_with(".partnerships") => {
            let s = side(k);
            edit_tables::partnerships(ui, s, twin.side_mut(s), issues)
        }
        k if k.ends_with(".metrics") => {
            let s = side(k);
            edit_tables::metrics(ui, s, twin.side_mut(s), issues)
        }
        _ => false,
    }
}

/// A count of problems at the top, so an unsaveable twin is obvious before Ctrl+S.
fn problems_summary(ui: &mut egui::Ui, issues: &[Issue]) {
    let colors = style::colors(ui);
    if issues.is_empty() {
        ui.label(RichText::new("● Valid: ready to save").color(colors.ok));
    } else {
        CollapsingHeader::new(
            RichText::new(format!(
                "▲ {} problem(s) to fix before saving (shown at each field)",
                issues.len()
            ))
            .color(colors.error),
        )
        .id_salt("problems")
        .show(ui, |ui| {
            for issue in issues.iter().take(50) {
                ui.label(RichText::new(issue.to_string()).color(colors.error));
            }
        });
    }
}

fn twin_fields(ui: &mut egui::Ui, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    let mut changed = false;
    changed |= fields::text(ui, "Id (file key)", &mut twin.id, issues, "id");
    changed |= fields::text(ui, "Title", &mut twin.title, issues, "title");
    changed |= fields::multiline(
        ui,
        "Biggest difference",
        &mut twin.biggest_difference,
        issues,
        "biggest_difference",
    );
    changed |= fields::multiline(
        ui,
        "Biggest similarity",
        &mut twin.biggest_similarity,
        issues,
        "biggest_similarity",
    );
    changed
}

fn profile(ui: &mut egui::Ui, side: Side, c: &mut CompanyProfile, issues: &Issues<'_>) -> bool {
    let s = side.key();
    let p = |field: &str| format!("{s}.{field}");
    let mut changed = false;
    changed |= fields::text(ui, "Name", &mut c.name, issues, &p("name"));
    changed |= fields::text(
        ui,
        "Native name",
        &mut c.native_name,
        issues,
        &p("native_name"),
    );
    changed |= fields::text(ui, "Region", &mut c.region, issues, &p("region"));
    changed |= fields::text(
        ui,
        "Headquarters",
        &mut c.headquarters,
        issues,
        &p("headquarters"),
    );
    changed |= fields::optional_year(ui, "Founded", &mut c.founded, 2000, issues, &p("founded"));
    changed |= fields::multiline(
        ui,
        "Core business",
        &mut c.core_business,
        issues,
        &p("core_business"),
    );
    changed |= brand_colour(ui, &mut c.brand_color, issues, &p("brand_color"));
    changed |= fields::number(
        ui,
        "Customer ↔ relationship",
        &mut c.orientation.customer_vs_relationship,
        -1.0..=1.0,
        0.01,
        issues,
        &p("orientation.customer_vs_relationship"),
    );
    changed |= fields::number(
        ui,
        "Company ↔ ecosystem",
        &mut c.orientation.company_vs_ecosystem,
        -1.0..=1.0,
        0.01,
        issues,
        &p("orientation.company_vs_ecosystem"),
    );
    ui.horizontal(|ui| {
        fields::form_label(ui, "Measures own loyalty");
        for (value, label) in [(None, "unknown"), (Some(true), "yes"), (Some(false), "no")] {
            changed |= ui
                .radio_value(&mut c.measures_own_loyalty, value, label)
                .changed();
        }
    });
    changed |= fields::multiline(
        ui,
        "Loyalty note",
        &mut c.loyalty_note,
        issues,
        &p("loyalty_note"),
    );

    ui.strong("Challenges");
    changed |= fields::list(
        ui,
        &mut c.challenges,
        "+ Add challenge",
        String::new,
        |ui, i, text| {
            fields::multiline(
                ui,
                "Challenge",
                text,
                issues,
                &p(&format!("challenges[{i}]")),
            )
        },
    );
    changed
}

/// `#RRGGBB` as text plus a colour picker that writes the same text.
fn brand_colour(ui: &mut egui::Ui, hex: &mut String, issues: &Issues<'_>, path: &str) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let label = fields::form_label(ui, "Brand colour");
        changed |= ui
            .add(egui::TextEdit::singleline(hex).desired_width(80.0))
            .labelled_by(label.id)
            .changed();
        if let Some(rgb) = crate::charts::Rgb::from_hex(hex) {
            let mut color = [rgb.0, rgb.1, rgb.2];
            if ui.color_edit_button_srgb(&mut color).changed() {
                *hex = crate::charts::Rgb(color[0], color[1], color[2])
                    .hex()
                    .to_uppercase();
                changed = true;
            }
        }
    });
    issues.show(ui, path);
    changed
}

fn snapshots(ui: &mut egui::Ui, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    style::hint(
        ui,
        "A snapshot stores the scores as they stood at a date; the Compare tab can show any of them.",
    );
    let pillars: Vec<(String, String)> = twin
        .framework
        .pillars
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let names = [twin.west.name.clone(), twin.east.name.clone()];
    let today = Snapshot {
        label: current_year().to_string(),
        as_of: twin.as_of.clone(),
        west: twin
            .west
            .scores
            .iter()
            .map(|(k, s)| (k.clone(), s.value))
            .collect(),
        east: twin
            .east
            .scores
            .iter()
            .map(|(k, s)| (k.clone(), s.value))
            .collect(),
        note: String::new(),
    };
    fields::list(
        ui,
        &mut twin.snapshots,
        "+ Add snapshot of today's scores",
        || today,
        |ui, i, snap| {
            let p = format!("snapshots[{i}]");
            let mut c = fields::text(ui, "Label", &mut snap.label, issues, &format!("{p}.label"));
            c |= fields::text(ui, "Note", &mut snap.note, issues, &format!("{p}.note"));
            egui::Grid::new("snapshot_grid")
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Pillar");
                    ui.strong(&names[0]);
                    ui.strong(&names[1]);
                    ui.end_row();
                    for (id, name) in &pillars {
                        let label = ui.label(name).id;
                        for (side, map) in [("west", &mut snap.west), ("east", &mut snap.east)] {
                            ui.push_id((side, id), |ui| {
                                ui.vertical(|ui| {
                                    match map.get_mut(id) {
                                        Some(v) => {
                                            let clear = ui
                                                .horizontal(|ui| {
                                                    c |= fields::number_widget(
                                                        ui,
                                                        v,
                                                        0.0..=10.0,
                                                        0.1,
                                                    )
                                                    .labelled_by(label)
                                                    .changed();
                                                    ui.small_button("×")
                                                        .on_hover_text("Clear")
                                                        .clicked()
                                                })
                                                .inner;
                                            if clear {
                                                map.remove(id);
                                                c = true;
                                            }
                                        }
                                        None => {
                                            if ui.small_button("+ value").clicked() {
                                                map.insert(id.clone(), 5.0);
                                                c = true;
                                            }
                                        }
                                    }
                                    issues.show(ui, &format!("{p}.{side}.{id}"));
                                });
                            });
                        }
                        ui.end_row();
                    }
                });
            c
        },
    )
}
