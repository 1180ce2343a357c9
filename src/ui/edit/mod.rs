//! The Edit tab: every field of the twin and both profiles, with each validation message shown at
//! its field. Values are edited in place; the caller turns changes into undo steps.
//!
//! A file per section of the form (`scores`, `evidence`, `twin_fields`, `framework`, `profile`,
//! `moves`, `company_lists`, `deck`, `snapshots`); `outline` lists the sections and opens them.
//! Every field goes through [`form::Form`] (a row: label, validation message, jump target) or,
//! in a table, through [`table::Cell`] and the column kinds of `cells`.

mod cells;
mod company_lists;
mod deck;
mod evidence;
mod form;
mod framework;
mod list;
mod moves;
mod outline;
mod profile;
mod scores;
mod snapshots;
mod table;
mod twin_fields;

use egui::{CollapsingHeader, RichText};

use crate::analysis::HealthFlag;
use crate::model::{CompanyProfile, Issue, Side, Twin};
use crate::ui::style::{self, space};
use form::{Form, Issues};
use outline::{outline, sections};

/// Opens every section (tables included): for the benchmark and "Open all".
pub fn open_all(ctx: &egui::Context, twin: &Twin) {
    for section in sections(twin) {
        section.set_open(ctx, true);
    }
}

/// Draws the editor; returns whether anything changed this frame. `jump` is a field to scroll
/// to and focus (from search, the palette or the health panel); it is cleared once a field took
/// it.
pub fn show(
    ui: &mut egui::Ui,
    twin: &mut Twin,
    issues: &[Issue],
    health: &[HealthFlag],
    jump: &mut Option<String>,
) -> bool {
    let target = jump.clone();
    let issues = Issues::new(issues).with_jump(target.as_deref());
    let mut changed = false;
    problems_summary(ui, issues.all);
    let health_jump = crate::ui::health_panel::show(ui, health);
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
                    changed |= outline::show(ui, section, &issues, |ui| {
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
    let new_jump = health_jump.is_some();
    if let Some(path) = health_jump {
        *jump = Some(path);
        ui.ctx().request_repaint();
    }
    if jump.is_none() || new_jump {
        ui.data_mut(|d| d.remove::<u32>(egui::Id::unique("jump_frames")));
    }
    changed
}

/// The body of the section with this key.
fn section_body(ui: &mut egui::Ui, key: &str, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    if let Some((side, part)) = company_part(key) {
        return company_body(ui, side, part, twin, issues);
    }
    match key {
        "scores" => scores::show(ui, twin, issues),
        "twin" => twin_fields::show(ui, twin, issues),
        "lessons" => twin_fields::lessons(ui, twin, issues),
        "framework" => framework::show(ui, twin, issues),
        "deck" => deck::show(ui, twin),
        "snapshots" => snapshots::show(ui, twin, issues),
        _ => false,
    }
}

/// The company and the part of it a section key names (`east.moves`).
fn company_part(key: &str) -> Option<(Side, &str)> {
    Side::BOTH.into_iter().find_map(|side| {
        let part = key.strip_prefix(side.key())?.strip_prefix('.')?;
        Some((side, part))
    })
}

/// A section that edits part of one company.
type CompanyBody = fn(&mut egui::Ui, &mut CompanyProfile, &Form<'_>) -> bool;

fn company_body(
    ui: &mut egui::Ui,
    side: Side,
    part: &str,
    twin: &mut Twin,
    issues: &Issues<'_>,
) -> bool {
    let body: CompanyBody = match part {
        // Evidence lists every pillar of the framework, so it takes the whole twin.
        "evidence" => return evidence::show(ui, twin, side, issues),
        "profile" => profile::show,
        "moves" => moves::show,
        "partnerships" => company_lists::partnerships,
        "metrics" => company_lists::metrics,
        _ => return false,
    };
    body(ui, twin.side_mut(side), &Form::new(issues, side.key()))
}

/// Each pillar's id and name, copied so the twin can be edited while they are listed.
fn pillar_names(twin: &Twin) -> Vec<(String, String)> {
    twin.framework
        .pillars
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect()
}

/// A count of problems at the top, so an unsaveable twin is obvious before Ctrl+S.
fn problems_summary(ui: &mut egui::Ui, issues: &[Issue]) {
    let colours = style::colours(ui);
    if issues.is_empty() {
        ui.label(RichText::new("● Valid: ready to save").color(colours.ok));
    } else {
        CollapsingHeader::new(
            RichText::new(format!(
                "▲ {} to fix before saving (shown at each field)",
                crate::wording::count(issues.len(), "problem", "problems")
            ))
            .color(colours.error),
        )
        .id_salt("problems")
        .show(ui, |ui| {
            for issue in issues.iter().take(50) {
                ui.label(RichText::new(issue.to_string()).color(colours.error));
            }
        });
    }
}
