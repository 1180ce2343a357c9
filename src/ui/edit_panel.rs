//! The Edit tab: every field of the twin and both profiles, with each validation message shown at
//! its field. Values are edited in place; the caller turns changes into undo steps.

use egui::{CollapsingHeader, RichText};

use super::fields::{self, Issues};
use super::framework_editor;
use super::style::{self, space};
use crate::model::{
    CompanyProfile, Distance, DiversificationMove, EntryMode, Evidence, Issue, Lesson, Metric,
    Partnership, Score, SectorVocabulary, Side, Snapshot, Twin, current_year,
};

/// Draws the editor; returns whether anything changed this frame.
pub fn show(ui: &mut egui::Ui, twin: &mut Twin, issues: &[Issue]) -> bool {
    let issues = Issues::new(issues);
    let mut changed = false;
    problems_summary(ui, issues.all);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            changed |= section(
                ui,
                "Scores and evidence",
                "scores",
                true,
                &issues,
                &["west.scores", "east.scores"],
                |ui| scores(ui, twin, &issues),
            );
            changed |= section(
                ui,
                "Twin",
                "twin",
                false,
                &issues,
                &["id", "title", "lessons"],
                |ui| twin_fields(ui, twin, &issues),
            );
            changed |= section(
                ui,
                "Framework and pillars",
                "framework",
                false,
                &issues,
                &["framework"],
                |ui| framework_editor::show(ui, twin, &issues),
            );
            for side in Side::BOTH {
                let title = format!("{} profile", twin.side(side).name);
                changed |= section(
                    ui,
                    &title,
                    side.key(),
                    false,
                    &issues,
                    &[side.key()],
                    |ui| profile(ui, side, twin.side_mut(side), &issues),
                );
            }
            changed |= section(
                ui,
                "Presenter deck: slides and speaker notes",
                "deck",
                false,
                &issues,
                &["deck", "speaker_notes"],
                |ui| super::deck_editor::show(ui, twin),
            );
            changed |= section(
                ui,
                "Snapshots over time",
                "snapshots",
                false,
                &issues,
                &["snapshots"],
                |ui| snapshots(ui, twin, &issues),
            );
            ui.add_space(space::LG);
        });
    changed
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

/// A collapsible section; its header is marked when any field inside has a problem.
fn section(
    ui: &mut egui::Ui,
    title: &str,
    id: &str,
    open: bool,
    issues: &Issues<'_>,
    paths: &[&str],
    body: impl FnOnce(&mut egui::Ui) -> bool,
) -> bool {
    let broken = paths.iter().any(|p| issues.any_under(p));
    let mut header = RichText::new(title)
        .size(style::size::HEADING * 0.85)
        .strong();
    if broken {
        header = RichText::new(format!("▲ {title}"))
            .size(style::size::HEADING * 0.85)
            .strong()
            .color(style::colors(ui).error);
    }
    CollapsingHeader::new(header)
        .id_salt(id)
        .default_open(open)
        .show(ui, body)
        .body_returned
        .unwrap_or(false)
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
    ui.strong("Lessons");
    changed |= fields::list(
        ui,
        &mut twin.lessons,
        "+ Add lesson",
        Lesson::default,
        |ui, i, l| {
            let p = format!("lessons[{i}]");
            let mut c = fields::text(
                ui,
                "Lesson title",
                &mut l.title,
                issues,
                &format!("{p}.title"),
            );
            c |= fields::multiline(ui, "Text", &mut l.text, issues, &format!("{p}.text"));
            c |= fields::source(ui, &mut l.source, issues, &format!("{p}.source"));
            c
        },
    );
    changed
}

/// Per pillar, both companies side by side: the score and the evidence behind it.
fn scores(ui: &mut egui::Ui, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    let mut changed = false;
    let pillars: Vec<(String, String)> = twin
        .framework
        .pillars
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    for (pillar_id, pillar_name) in pillars {
        ui.push_id(("pillar_scores", &pillar_id), |ui| {
            ui.add_space(space::SM);
            ui.label(
                RichText::new(&pillar_name)
                    .strong()
                    .size(style::size::BODY + 1.5),
            );
            ui.columns(2, |cols| {
                for (col, side) in cols.iter_mut().zip(Side::BOTH) {
                    col.push_id(side.key(), |ui| {
                        changed |= side_score(ui, twin, side, &pillar_id, issues);
                    });
                }
            });
            ui.separator();
        });
    }
    changed
}

fn side_score(
    ui: &mut egui::Ui,
    twin: &mut Twin,
    side: Side,
    pillar_id: &str,
    issues: &Issues<'_>,
) -> bool {
    let company = twin.side(side).name.clone();
    let profile = twin.side_mut(side);
    let path = format!("{}.scores.{pillar_id}", side.key());
    let mut changed = false;
    match profile.scores.get_mut(pillar_id) {
        None => {
            ui.horizontal(|ui| {
                ui.label(format!("{company}: not scored"));
                if ui.button("Score it").clicked() {
                    profile
                        .scores
                        .insert(pillar_id.to_owned(), Score::unsupported(5.0));
                    changed = true;
                }
            });
        }
        Some(score) => {
            changed |= fields::number(
                ui,
                &format!("{company} score"),
                &mut score.value,
                0.0..=10.0,
                0.1,
                issues,
                &format!("{path}.value"),
            );
            if score.evidence.is_empty() {
                ui.label(
                    RichText::new("Unsupported: add evidence to back this score")
                        .size(style::size::SMALL)
                        .color(style::colors(ui).warning),
                );
            }
            // Evidence opens on demand (or when it has a problem): long lists stay cheap to draw.
            let broken = issues.any_under(&format!("{path}.evidence"));
            let header = format!("Evidence ({})", score.evidence.len());
            let evidence = &mut score.evidence;
            let body = egui::CollapsingHeader::new(header)
                .id_salt("evidence")
                .default_open(broken)
                .show(ui, |ui| {
                    fields::list(
                        ui,
                        evidence,
                        "+ Add evidence",
                        Evidence::default,
                        |ui, i, e| {
                            let p = format!("{path}.evidence[{i}]");
                            let mut c = fields::multiline(
                                ui,
                                "Claim",
                                &mut e.claim,
                                issues,
                                &format!("{p}.claim"),
                            );
                            c |= fields::source(ui, &mut e.source, issues, &format!("{p}.source"));
                            c
                        },
                    )
                });
            changed |= body.body_returned.unwrap_or(false);
            if ui.small_button("Remove score").clicked() {
                profile.scores.remove(pillar_id);
                changed = true;
            }
        }
    }
    issues.show(ui, &path);
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

    ui.add_space(space::SM);
    ui.strong("Diversification moves");
    changed |= fields::list(
        ui,
        &mut c.moves,
        "+ Add move",
        || DiversificationMove::new(current_year()),
        |ui, i, m| diversification_move(ui, m, issues, &p(&format!("moves[{i}]"))),
    );
    ui.strong("Partnerships");
    changed |= fields::list(
        ui,
        &mut c.partnerships,
        "+ Add partnership",
        Partnership::default,
        |ui, i, pa| {
            let path = p(&format!("partnerships[{i}]"));
            let mut ch = fields::text(
                ui,
                "Partner",
                &mut pa.partner,
                issues,
                &format!("{path}.partner"),
            );
            ch |= fields::optional_year(
                ui,
                "Since",
                &mut pa.since,
                current_year(),
                issues,
                &format!("{path}.since"),
            );
            ch |= fields::multiline(
                ui,
                "Description",
                &mut pa.description,
                issues,
                &format!("{path}.description"),
            );
            ch |= fields::source(ui, &mut pa.source, issues, &format!("{path}.source"));
            ch
        },
    );
    ui.strong("Metrics");
    changed |= fields::list(
        ui,
        &mut c.metrics,
        "+ Add metric",
        || Metric {
            year: current_year(),
            ..Metric::default()
        },
        |ui, i, m| {
            let path = p(&format!("metrics[{i}]"));
            let mut ch = fields::text(ui, "Metric", &mut m.name, issues, &format!("{path}.name"));
            ch |= fields::number(
                ui,
                "Value",
                &mut m.value,
                f64::MIN..=f64::MAX,
                1.0,
                issues,
                &format!("{path}.value"),
            );
            ch |= fields::text(ui, "Unit", &mut m.unit, issues, &format!("{path}.unit"));
            ch |= fields::year(ui, "Year", &mut m.year, issues, &format!("{path}.year"));
            ch |= fields::source(ui, &mut m.source, issues, &format!("{path}.source"));
            ch
        },
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

/// The sector picker: the shared vocabulary by cluster, or a custom sector typed in.
fn sector_picker(ui: &mut egui::Ui, sector: &mut String) -> bool {
    let vocab = SectorVocabulary::bundled();
    let mut changed = false;
    let custom = vocab.find(sector).is_none();
    ui.horizontal(|ui| {
        let label = fields::form_label(ui, "Sector");
        egui::ComboBox::from_id_salt("sector")
            .selected_text(if custom {
                "Custom…".to_owned()
            } else {
                vocab.display_name(sector).to_owned()
            })
            .width(200.0)
            .show_ui(ui, |ui| {
                for cluster in &vocab.clusters {
                    ui.label(RichText::new(&cluster.name).strong());
                    for s in &cluster.sectors {
                        if ui.selectable_label(*sector == s.id, &s.name).clicked() {
                            sector.clone_from(&s.id);
                            changed = true;
                        }
                    }
                }
                ui.separator();
                if ui.selectable_label(custom, "Custom…").clicked() && !custom {
                    sector.clear();
                    changed = true;
                }
            })
            .response
            .labelled_by(label.id);
        if custom {
            changed |= ui
                .add(
                    egui::TextEdit::singleline(sector)
                        .hint_text("custom sector name")
                        .desired_width(160.0),
                )
                .changed();
        }
    });
    changed
}

fn diversification_move(
    ui: &mut egui::Ui,
    m: &mut DiversificationMove,
    issues: &Issues<'_>,
    path: &str,
) -> bool {
    let mut changed = sector_picker(ui, &mut m.sector);
    issues.show(ui, &format!("{path}.sector"));
    changed |= fields::text(
        ui,
        "Unit / brand",
        &mut m.unit,
        issues,
        &format!("{path}.unit"),
    );
    changed |= fields::year(
        ui,
        "Year entered",
        &mut m.year,
        issues,
        &format!("{path}.year"),
    );
    ui.horizontal(|ui| {
        fields::form_label(ui, "Mode");
        for mode in EntryMode::ALL {
            changed |= ui.radio_value(&mut m.mode, mode, mode.label()).changed();
        }
    });
    ui.horizontal(|ui| {
        fields::form_label(ui, "Distance from core");
        for distance in Distance::ALL {
            changed |= ui
                .radio_value(&mut m.distance, distance, distance.label())
                .changed();
        }
    });
    changed |= fields::number(
        ui,
        "Strength",
        &mut m.strength,
        0.0..=10.0,
        0.1,
        issues,
        &format!("{path}.strength"),
    );
    changed |= ui
        .checkbox(&mut m.in_super_app, "Inside the super-app / main platform")
        .changed();
    changed |= fields::multiline(ui, "Note", &mut m.note, issues, &format!("{path}.note"));
    changed |= fields::source(ui, &mut m.source, issues, &format!("{path}.source"));
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
