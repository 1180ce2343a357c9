//! The Edit tab's tables: moves, evidence, partnerships, metrics and lessons, each a
//! [`table`](super::table) with its columns, cell editors, sort orders and detail pane.

use std::sync::Arc;

use egui::{DragValue, TextEdit};

use super::app::dropped_links_id;
use super::fields::{self, Issues};
use super::picker::{Choice, Picked, SearchPicker};
use super::table::{self, Cell, Column, Spec};
use crate::model::{
    CompanyProfile, Distance, DiversificationMove, EntryMode, Evidence, Lesson, Metric,
    Partnership, SectorVocabulary, Side, Source, Twin, classify_paste, current_year, limits,
    paste_into_evidence, source_from_url,
};

// ---- cell editors -------------------------------------------------------------------------

fn text_cell(ui: &mut egui::Ui, value: &mut String, cell: &Cell<'_>) -> bool {
    let r = ui.add(TextEdit::singleline(value).desired_width(f32::INFINITY));
    cell.finish(ui, r).changed()
}

fn year_cell(ui: &mut egui::Ui, value: &mut i32, cell: &Cell<'_>) -> bool {
    let r = ui.add(DragValue::new(value).speed(0.2));
    if r.dragged() {
        *value = (*value).clamp(limits::FIRST_YEAR, current_year() + 1);
    }
    cell.finish(ui, r).changed()
}

fn optional_year_cell(ui: &mut egui::Ui, value: &mut Option<i32>, cell: &Cell<'_>) -> bool {
    let mut changed = false;
    let mut known = value.is_some();
    if ui.checkbox(&mut known, "").on_hover_text("Known").changed() {
        *value = known.then_some(value.unwrap_or(current_year()));
        changed = true;
    }
    if let Some(year) = value {
        changed |= year_cell(ui, year, cell);
    }
    changed
}

fn number_cell(ui: &mut egui::Ui, value: &mut f64, max: f64, speed: f64, cell: &Cell<'_>) -> bool {
    let r = fields::number_widget(ui, value, 0.0..=max, speed);
    cell.finish(ui, r).changed()
}

/// The source's URL; typing one into a row without a source creates it, titled with the host.
fn source_url_cell(ui: &mut egui::Ui, source: &mut Option<Source>, cell: &Cell<'_>) -> bool {
    let mut url = source
        .as_ref()
        .and_then(|s| s.url.clone())
        .unwrap_or_default();
    let r = ui.add(
        TextEdit::singleline(&mut url)
            .hint_text("https://…")
            .desired_width(f32::INFINITY),
    );
    let changed = cell.finish(ui, r).changed();
    if changed {
        let trimmed = url.trim();
        match source {
            Some(s) => {
                s.url = (!trimmed.is_empty()).then(|| trimmed.to_owned());
                if s.title.trim().is_empty() && !trimmed.is_empty() {
                    s.title = source_from_url(trimmed).title;
                }
            }
            None if !trimmed.is_empty() => *source = Some(source_from_url(trimmed)),
            None => {}
        }
    }
    changed
}

fn source_text(source: &Option<Source>) -> String {
    match source {
        Some(s) => match &s.url {
            Some(url) => url.clone(),
            None => s.title.clone(),
        },
        None => "—".to_owned(),
    }
}

/// A searchable picker in a cell, over fixed choices.
fn pick_cell<V: Copy + PartialEq>(
    ui: &mut egui::Ui,
    value: &mut V,
    all: &[V],
    name: fn(V) -> &'static str,
    cell: &Cell<'_>,
) -> bool {
    let choices: Vec<Choice<'_>> = all
        .iter()
        .map(|v| Choice {
            name: name(*v),
            group: None,
        })
        .collect();
    let (r, picked) = SearchPicker::new(cell.path, name(*value))
        .choices(&choices)
        .width(ui.available_width())
        .show(ui);
    cell.finish(ui, r);
    match picked {
        Some(Picked::Choice(i)) if all.get(i).is_some_and(|v| v != value) => {
            *value = all[i];
            true
        }
        _ => false,
    }
}

/// The sector picker: the shared vocabulary by cluster, searchable, or a custom sector typed in
/// the same box.
pub fn sector_picker(
    ui: &mut egui::Ui,
    sector: &mut String,
    id: &str,
    width: f32,
) -> (egui::Response, bool) {
    let vocab = SectorVocabulary::bundled();
    let sectors: Vec<_> = vocab.all().collect();
    let choices: Vec<Choice<'_>> = sectors
        .iter()
        .map(|(c, s)| Choice {
            name: &s.name,
            group: Some(&c.name),
        })
        .collect();
    let (r, picked) = SearchPicker::new(("sector", id), vocab.display_name(sector))
        .choices(&choices)
        .allow_custom("custom sector")
        .width(width)
        .show(ui);
    let changed = match picked {
        Some(Picked::Choice(i)) => match sectors.get(i) {
            Some((_, s)) if s.id != *sector => {
                sector.clone_from(&s.id);
                true
            }
            _ => false,
        },
        Some(Picked::Custom(text)) => {
            *sector = text;
            true
        }
        None => false,
    };
    (r, changed)
}

/// The long texts and the source of a row, under the table.
fn detail_source(
    ui: &mut egui::Ui,
    source: &mut Option<Source>,
    issues: &Issues<'_>,
    path: &str,
) -> bool {
    fields::source(ui, source, issues, &format!("{path}.source"))
}

// ---- moves --------------------------------------------------------------------------------

fn move_columns() -> [Column<DiversificationMove>; 9] {
    [
        Column {
            title: "Sector",
            field: "sector",
            width: 150.0,
            sort: Some(|a, b| {
                let v = SectorVocabulary::bundled();
                v.display_name(&a.sector).cmp(v.display_name(&b.sector))
            }),
            text: |m| {
                SectorVocabulary::bundled()
                    .display_name(&m.sector)
                    .to_owned()
            },
            edit: |ui, m, cell| {
                let (r, changed) =
                    sector_picker(ui, &mut m.sector, cell.path, ui.available_width());
                cell.finish(ui, r);
                changed
            },
        },
        Column {
            title: "Unit",
            field: "unit",
            width: 130.0,
            sort: Some(|a, b| a.unit.to_lowercase().cmp(&b.unit.to_lowercase())),
            text: |m| m.unit.clone(),
            edit: |ui, m, cell| text_cell(ui, &mut m.unit, cell),
        },
        Column {
            title: "Year",
            field: "year",
            width: 56.0,
            sort: Some(|a, b| a.year.cmp(&b.year)),
            text: |m| m.year.to_string(),
            edit: |ui, m, cell| year_cell(ui, &mut m.year, cell),
        },
        Column {
            title: "Mode",
            field: "mode",
            width: 86.0,
            sort: Some(|a, b| a.mode.label().cmp(b.mode.label())),
            text: |m| m.mode.label().to_owned(),
            edit: |ui, m, cell| pick_cell(ui, &mut m.mode, &EntryMode::ALL, EntryMode::label, cell),
        },
        Column {
            title: "Distance",
            field: "distance",
            width: 80.0,
            sort: Some(|a, b| a.distance.cmp(&b.distance)),
            text: |m| m.distance.label().to_owned(),
            edit: |ui, m, cell| {
                pick_cell(ui, &mut m.distance, &Distance::ALL, Distance::label, cell)
            },
        },
        Column {
            title: "Strength",
            field: "strength",
            width: 60.0,
            sort: Some(|a, b| a.strength.total_cmp(&b.strength)),
            text: |m| format!("{:.1}", m.strength),
            edit: |ui, m, cell| number_cell(ui, &mut m.strength, 10.0, 0.1, cell),
        },
        Column {
            title: "Super-app",
            field: "in_super_app",
            width: 64.0,
            sort: Some(|a, b| a.in_super_app.cmp(&b.in_super_app)),
            text: |m| if m.in_super_app { "yes" } else { "no" }.to_owned(),
            edit: |ui, m, cell| {
                let r = ui.checkbox(&mut m.in_super_app, "");
                cell.finish(ui, r).changed()
            },
        },
        Column {
            title: "Source",
            field: "source.url",
            width: 130.0,
            sort: None,
            text: |m| source_text(&m.source),
            edit: |ui, m, cell| source_url_cell(ui, &mut m.source, cell),
        },
        Column {
            title: "Note",
            field: "note",
            width: 120.0,
            sort: None,
            text: |m| m.note.lines().next().unwrap_or_default().to_owned(),
            edit: |ui, m, cell| text_cell(ui, &mut m.note, cell),
        },
    ]
}

/// The moves of one company.
pub fn moves(ui: &mut egui::Ui, side: Side, c: &mut CompanyProfile, issues: &Issues<'_>) -> bool {
    let columns = move_columns();
    let id = format!("{}.moves", side.key());
    let spec = Spec {
        id: &id,
        noun: "move",
        columns: &columns,
        focus_on_add: 0,
    };
    table::show(
        ui,
        &spec,
        &mut c.moves,
        issues,
        |i| format!("{id}[{i}]"),
        || DiversificationMove::new(current_year()),
        |ui, m, path| {
            let mut changed =
                fields::multiline(ui, "Note", &mut m.note, issues, &format!("{path}.note"));
            changed |= detail_source(ui, &mut m.source, issues, path);
            changed
        },
    )
}

// ---- partnerships, metrics, lessons -------------------------------------------------------

fn partnership_columns() -> [Column<Partnership>; 4] {
    [
        Column {
            title: "Partner",
            field: "partner",
            width: 150.0,
            sort: Some(|a, b| a.partner.to_lowercase().cmp(&b.partner.to_lowercase())),
            text: |p| p.partner.clone(),
            edit: |ui, p, cell| text_cell(ui, &mut p.partner, cell),
        },
        Column {
            title: "Since",
            field: "since",
            width: 90.0,
            sort: Some(|a, b| a.since.cmp(&b.since)),
            text: |p| p.since.map(|y| y.to_string()).unwrap_or_default(),
            edit: |ui, p, cell| optional_year_cell(ui, &mut p.since, cell),
        },
        Column {
            title: "Source",
            field: "source.url",
            width: 150.0,
            sort: None,
            text: |p| source_text(&p.source),
            edit: |ui, p, cell| source_url_cell(ui, &mut p.source, cell),
        },
        Column {
            title: "Description",
            field: "description",
            width: 160.0,
            sort: None,
            text: |p| p.description.lines().next().unwrap_or_default().to_owned(),
            edit: |ui, p, cell| text_cell(ui, &mut p.description, cell),
        },
    ]
}

/// The partnerships of one company.
pub fn partnerships(
    ui: &mut egui::Ui,
    side: Side,
    c: &mut CompanyProfile,
    issues: &Issues<'_>,
) -> bool {
    let columns = partnership_columns();
    let id = format!("{}.partnerships", side.key());
    let spec = Spec {
        id: &id,
        noun: "partnership",
        columns: &columns,
        focus_on_add: 0,
    };
    table::show(
        ui,
        &spec,
        &mut c.partnerships,
        issues,
        |i| format!("{id}[{i}]"),
        Partnership::default,
        |ui, p, path| {
            let mut changed = fields::multiline(
                ui,
                "Description",
                &mut p.description,
                issues,
                &format!("{path}.description"),
            );
            changed |= detail_source(ui, &mut p.source, issues, path);
            changed
        },
    )
}

fn metric_columns() -> [Column<Metric>; 5] {
    [
        Column {
            title: "Metric",
            field: "name",
            width: 180.0,
            sort: Some(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase())),
            text: |m| m.name.clone(),
            edit: |ui, m, cell| text_cell(ui, &mut m.name, cell),
        },
        Column {
            title: "Value",
            field: "value",
            width: 90.0,
            sort: Some(|a, b| a.value.total_cmp(&b.value)),
            text: |m| m.value.to_string(),
            edit: |ui, m, cell| {
                let r = ui.add(DragValue::new(&mut m.value).speed(1.0));
                cell.finish(ui, r).changed()
            },
        },
        Column {
            title: "Unit",
            field: "unit",
            width: 110.0,
            sort: Some(|a, b| a.unit.cmp(&b.unit)),
            text: |m| m.unit.clone(),
            edit: |ui, m, cell| text_cell(ui, &mut m.unit, cell),
        },
        Column {
            title: "Year",
            field: "year",
            width: 56.0,
            sort: Some(|a, b| a.year.cmp(&b.year)),
            text: |m| m.year.to_string(),
            edit: |ui, m, cell| year_cell(ui, &mut m.year, cell),
        },
        Column {
            title: "Source",
            field: "source.url",
            width: 160.0,
            sort: None,
            text: |m| source_text(&m.source),
            edit: |ui, m, cell| source_url_cell(ui, &mut m.source, cell),
        },
    ]
}

/// The metrics of one company.
pub fn metrics(ui: &mut egui::Ui, side: Side, c: &mut CompanyProfile, issues: &Issues<'_>) -> bool {
    let columns = metric_columns();
    let id = format!("{}.metrics", side.key());
    let spec = Spec {
        id: &id,
        noun: "metric",
        columns: &columns,
        focus_on_add: 0,
    };
    table::show(
        ui,
        &spec,
        &mut c.metrics,
        issues,
        |i| format!("{id}[{i}]"),
        || Metric {
            year: current_year(),
            ..Metric::default()
        },
        |ui, m, path| detail_source(ui, &mut m.source, issues, path),
    )
}

fn lesson_columns() -> [Column<Lesson>; 3] {
    [
        Column {
            title: "Lesson",
            field: "title",
            width: 220.0,
            sort: Some(|a, b| a.title.to_lowercase().cmp(&b.title.to_lowercase())),
            text: |l| l.title.clone(),
            edit: |ui, l, cell| text_cell(ui, &mut l.title, cell),
        },
        Column {
            title: "Source",
            field: "source.url",
            width: 160.0,
            sort: None,
            text: |l| source_text(&l.source),
            edit: |ui, l, cell| source_url_cell(ui, &mut l.source, cell),
        },
        Column {
            title: "Text",
            field: "text",
            width: 160.0,
            sort: None,
            text: |l| l.text.lines().next().unwrap_or_default().to_owned(),
            edit: |ui, l, cell| text_cell(ui, &mut l.text, cell),
        },
    ]
}

/// The lessons of the twin.
pub fn lessons(ui: &mut egui::Ui, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    let columns = lesson_columns();
    let spec = Spec {
        id: "lessons",
        noun: "lesson",
        columns: &columns,
        focus_on_add: 0,
    };
    table::show(
        ui,
        &spec,
        &mut twin.lessons,
        issues,
        |i| format!("lessons[{i}]"),
        Lesson::default,
        |ui, l, path| {
            let mut changed =
                fields::multiline(ui, "Text", &mut l.text, issues, &format!("{path}.text"));
            changed |= detail_source(ui, &mut l.source, issues, path);
            changed
        },
    )
}

// ---- evidence -----------------------------------------------------------------------------

/// One evidence item of one company, with the pillar whose score it backs.
#[derive(Debug, Clone)]
pub struct EvidenceRow {
    /// Index of the pillar in the framework.
    pillar: usize,
    /// The scored pillars (framework index, name) this row may move to.
    pillars: Arc<[(usize, String)]>,
    evidence: Evidence,
}

/// The evidence id of the claim editor of a row, so a paste aimed at it can be caught first.
fn claim_id(path: &str) -> egui::Id {
    egui::Id::unique(("evidence_claim", path))
}

fn evidence_columns() -> [Column<EvidenceRow>; 3] {
    [
        Column {
            title: "Pillar",
            field: "pillar",
            width: 150.0,
            sort: Some(|a, b| a.pillar.cmp(&b.pillar)),
            text: |r| pillar_name(r).to_owned(),
            edit: |ui, r, cell| {
                let choices: Vec<Choice<'_>> = r
                    .pillars
                    .iter()
                    .map(|(_, name)| Choice { name, group: None })
                    .collect();
                let (resp, picked) = SearchPicker::new(cell.path, pillar_name(r))
                    .choices(&choices)
                    .width(ui.available_width())
                    .show(ui);
                cell.finish(ui, resp);
                match picked {
                    Some(Picked::Choice(i)) => match r.pillars.get(i) {
                        Some(&(p, _)) if p != r.pillar => {
                            r.pillar = p;
                            true
                        }
                        _ => false,
                    },
                    _ => false,
                }
            },
        },
        Column {
            title: "Claim",
            field: "claim",
            width: 320.0,
            sort: Some(|a, b| {
                a.evidence
                    .claim
                    .to_lowercase()
                    .cmp(&b.evidence.claim.to_lowercase())
            }),
            text: |r| {
                r.evidence
                    .claim
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            },
            edit: |ui, r, cell| {
                let resp = ui.add(
                    TextEdit::singleline(&mut r.evidence.claim)
                        .id(claim_id(cell.path))
                        .hint_text("Paste a URL or a list of lines")
                        .desired_width(f32::INFINITY),
                );
                cell.finish(ui, resp).changed()
            },
        },
        Column {
            title: "Source",
            field: "source.url",
            width: 160.0,
            sort: None,
            text: |r| source_text(&r.evidence.source),
            edit: |ui, r, cell| source_url_cell(ui, &mut r.evidence.source, cell),
        },
    ]
}

fn pillar_name(r: &EvidenceRow) -> &str {
    r.pillars
        .iter()
        .find(|(p, _)| *p == r.pillar)
        .map_or("?", |(_, n)| n.as_str())
}

/// Every evidence item of one company, all pillars in one table; a URL or a list of lines pasted
/// into a claim becomes a source or one item per line.
pub fn evidence(ui: &mut egui::Ui, twin: &mut Twin, side: Side, issues: &Issues<'_>) -> bool {
    let pillar_ids: Vec<String> = twin
        .framework
        .pillars
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let profile = twin.side(side);
    let scored: Arc<[(usize, String)]> = twin
        .framework
        .pillars
        .iter()
        .enumerate()
        .filter(|(_, p)| profile.scores.contains_key(&p.id))
        .map(|(i, p)| (i, p.name.clone()))
        .collect();
    // New rows go to the last scored pillar, so they stay last (rows are grouped by pillar);
    // the Pillar cell moves them.
    let Some(&(new_pillar, _)) = scored.last() else {
        super::style::hint(ui, "Score a pillar first: evidence backs a score.");
        return false;
    };
    // The rows and, for each, where it lives in the file (pillar id, index in its list).
    let mut rows = Vec::new();
    let mut places = Vec::new();
    for &(p, _) in scored.iter() {
        if let Some(score) = profile.scores.get(&pillar_ids[p]) {
            for (k, e) in score.evidence.iter().enumerate() {
                rows.push(EvidenceRow {
                    pillar: p,
                    pillars: scored.clone(),
                    evidence: e.clone(),
                });
                places.push((p, k));
            }
        }
    }
    let key = side.key();
    let path = |i: usize| match places.get(i) {
        Some(&(p, k)) => format!("{key}.scores.{}.evidence[{k}]", pillar_ids[p]),
        None => format!("{key}.evidence_new[{i}]"),
    };
    let mut changed = paste_into_claims(ui, &mut rows, &path);
    let id = format!("{key}.evidence");
    // Dropped links join the table with a selected row, after that row and in its pillar.
    if let Some(&row) = table::selection(ui, &id).last()
        && row < rows.len()
        && let Some(urls) = ui.data_mut(|d| d.remove_temp::<Vec<String>>(dropped_links_id()))
    {
        let (pillar, pillars) = (rows[row].pillar, scored.clone());
        for (k, url) in urls.iter().enumerate() {
            rows.insert(
                (row + 1 + k).min(rows.len()),
                EvidenceRow {
                    pillar,
                    pillars: pillars.clone(),
                    evidence: Evidence {
                        claim: String::new(),
                        source: Some(source_from_url(url)),
                    },
                },
            );
        }
        changed = true;
    }
    let columns = evidence_columns();
    let spec = Spec {
        id: &id,
        noun: "evidence item",
        columns: &columns,
        focus_on_add: 1,
    };
    let pillars = scored.clone();
    changed |= table::show(
        ui,
        &spec,
        &mut rows,
        issues,
        path,
        || EvidenceRow {
            pillar: new_pillar,
            pillars,
            evidence: Evidence::default(),
        },
        |ui, r, path| {
            let mut changed = fields::multiline(
                ui,
                "Claim",
                &mut r.evidence.claim,
                issues,
                &format!("{path}.claim"),
            );
            changed |= detail_source(ui, &mut r.evidence.source, issues, path);
            changed
        },
    );
    if changed {
        let profile = twin.side_mut(side);
        for (p, id) in pillar_ids.iter().enumerate() {
            if let Some(score) = profile.scores.get_mut(id) {
                score.evidence = rows
                    .iter()
                    .filter(|r| r.pillar == p)
                    .map(|r| r.evidence.clone())
                    .collect();
            }
        }
    }
    changed
}

/// A paste aimed at a claim editor: a URL fills that row's source, lines become rows.
fn paste_into_claims(
    ui: &egui::Ui,
    rows: &mut Vec<EvidenceRow>,
    path: &impl Fn(usize) -> String,
) -> bool {
    let Some(focused) = ui.memory(|m| m.focused()) else {
        return false;
    };
    let Some(row) = (0..rows.len()).find(|&i| claim_id(&format!("{}.claim", path(i))) == focused)
    else {
        return false;
    };
    let pastes: Vec<String> = ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Paste(text) => Some(text.clone()),
                _ => None,
            })
            .collect()
    });
    let mut changed = false;
    for text in pastes {
        let pasted = classify_paste(&text);
        let pillar = rows[row].pillar;
        let pillars = rows[row].pillars.clone();
        let mut list: Vec<Evidence> = rows.iter().map(|r| r.evidence.clone()).collect();
        if paste_into_evidence(&mut list, row, &pasted) {
            // New items join the pillar of the row pasted into.
            let old: Vec<usize> = rows.iter().map(|r| r.pillar).collect();
            let added = list.len() - old.len();
            *rows = list
                .into_iter()
                .enumerate()
                .map(|(i, evidence)| EvidenceRow {
                    pillar: if i <= row {
                        old[i]
                    } else if i <= row + added {
                        pillar
                    } else {
                        old[i - added]
                    },
                    pillars: pillars.clone(),
                    evidence,
                })
                .collect();
            ui.ctx().input_mut(|i| {
                i.events
                    .retain(|e| !matches!(e, egui::Event::Paste(t) if *t == text))
            });
            changed = true;
        }
    }
    changed
}
