//! Every evidence item of one company in one table, all pillars together, with the pillar each
//! item backs; a URL or a list of lines pasted into a claim becomes a source or one item per line.

use std::sync::Arc;

use egui::TextEdit;

use super::cells;
use super::form::Issues;
use super::table::{self, Column, Spec};
use crate::model::{Evidence, Side, Twin, classify_paste, paste_into_evidence, source_from_url};
use crate::ui::app::dropped_links_id;
use crate::ui::picker::{Choice, Picked, SearchPicker};

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

fn columns() -> [Column<EvidenceRow>; 3] {
    [
        Column::<EvidenceRow>::new(
            "Pillar",
            "pillar",
            150.0,
            |r| pillar_name(r).to_owned(),
            pick_pillar,
        )
        .sorted_by(|a, b| a.pillar.cmp(&b.pillar)),
        Column::<EvidenceRow>::new(
            "Claim",
            "claim",
            320.0,
            |r| {
                r.evidence
                    .claim
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            },
            |ui, r, cell| {
                let resp = ui.add(
                    TextEdit::singleline(&mut r.evidence.claim)
                        .id(claim_id(cell.path))
                        .hint_text("Paste a URL or a list of lines")
                        .desired_width(f32::INFINITY),
                );
                cell.finish(ui, resp).changed()
            },
        )
        .sorted_by(|a, b| {
            a.evidence
                .claim
                .to_lowercase()
                .cmp(&b.evidence.claim.to_lowercase())
        }),
        cells::source(
            ("Source", "source.url", 160.0),
            |r| &r.evidence.source,
            |r| &mut r.evidence.source,
        ),
    ]
}

/// The Pillar cell: moves the row to another scored pillar.
fn pick_pillar(ui: &mut egui::Ui, r: &mut EvidenceRow, cell: &table::Cell<'_>) -> bool {
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
}

fn pillar_name(r: &EvidenceRow) -> &str {
    r.pillars
        .iter()
        .find(|(p, _)| *p == r.pillar)
        .map_or("?", |(_, n)| n.as_str())
}

/// Every evidence item of one company, all pillars in one table; a URL or a list of lines pasted
/// into a claim becomes a source or one item per line.
pub(super) fn show(ui: &mut egui::Ui, twin: &mut Twin, side: Side, issues: &Issues<'_>) -> bool {
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
        crate::ui::style::hint(ui, "Score a pillar first: evidence backs a score.");
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
    let columns = columns();
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
        |ui, r, form| {
            let claim = form.multiline(ui, "Claim", &mut r.evidence.claim, "claim");
            form.source(ui, &mut r.evidence.source, "source") || claim
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
