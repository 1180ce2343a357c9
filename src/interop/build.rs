//! Parsed table records made into a twin: a new one (`import --out`), or merged into an existing
//! twin (`import --into`: scores and moves updated, evidence kept, nothing deleted). The model's
//! validation then runs, and each issue is traced back to the row and column it came from.

use std::collections::HashMap;
use std::fmt;

use super::cells::Origin;
use super::parse::{ImportedEvidence, ImportedTwin};
use super::{ImportError, Table, parse_table};
use crate::model::{Framework, Issue, Pillar, Score, Side, Twin};

/// What `--into` changed, line by line, for the user to read before trusting the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportSummary {
    pub changes: Vec<String>,
    pub unchanged_scores: usize,
    pub unchanged_moves: usize,
    /// Scores and moves of the twin the table does not mention: kept as they were.
    pub kept_not_in_table: usize,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.changes {
            writeln!(f, "  {line}")?;
        }
        let what = if self.changes.is_empty() {
            "no changes: the twin already matches the table".to_owned()
        } else {
            format!(
                "{} change{}",
                self.changes.len(),
                if self.changes.len() == 1 { "" } else { "s" }
            )
        };
        write!(
            f,
            "{what}; {} score(s) and {} move(s) unchanged; {} not in the table kept; evidence kept",
            self.unchanged_scores, self.unchanged_moves, self.kept_not_in_table
        )
    }
}

/// Picks the table's twin: the one `wanted` names, or the only one.
fn pick<'a>(
    file: &str,
    twins: &'a [ImportedTwin],
    wanted: Option<&str>,
) -> Result<&'a ImportedTwin, Vec<ImportError>> {
    let ids: Vec<&str> = twins.iter().map(|t| t.id.as_str()).collect();
    match (wanted, twins) {
        (Some(id), _) => twins.iter().find(|t| t.id == id).ok_or_else(|| {
            vec![ImportError::file(
                file,
                format!("has no rows for twin \"{id}\"; it holds {}", ids.join(", ")),
            )]
        }),
        (None, [one]) => Ok(one),
        (None, _) => Err(vec![ImportError::file(
            file,
            format!(
                "holds {} twins ({}): choose one with --twin ID",
                twins.len(),
                ids.join(", ")
            ),
        )]),
    }
}

/// Where each part of the built twin came from: item paths (`west.moves[2]`) to table rows.
#[derive(Default)]
struct Origins {
    items: HashMap<String, Origin>,
}

impl Origins {
    fn note(&mut self, path: String, origin: &Origin) {
        self.items.entry(path).or_insert_with(|| origin.clone());
    }

    /// The row and column an issue path points at: the longest recorded item path that starts
    /// it, and the rest of the path named as the table's column.
    fn locate(&self, file: &str, issue: &Issue) -> ImportError {
        let mut best: Option<(&str, &Origin)> = None;
        for (path, origin) in &self.items {
            let rest = issue.path.strip_prefix(path.as_str());
            let at_boundary = rest.is_some_and(|r| r.is_empty() || r.starts_with(['.', '[']));
            if at_boundary && best.is_none_or(|(b, _)| path.len() > b.len()) {
                best = Some((path, origin));
            }
        }
        match best {
            Some((path, origin)) => {
                let field = issue.path[path.len()..].trim_start_matches('.');
                origin.error(file, column_of(path, field), issue.message.clone())
            }
            None => ImportError::file(file, issue.to_string()),
        }
    }
}

/// The table column behind a model field.
fn column_of(item: &str, field: &str) -> &'static str {
    let field = field.split('[').next().unwrap_or(field);
    match field {
        "value" => "score",
        "" if item.contains(".scores.") => "pillar_id",
        "" | "name" if !item.contains('.') => "company",
        "" => "record",
        "claim" | "evidence" => "claim",
        "source.title" | "source" => "source_title",
        "source.url" => "source_url",
        "source.date" => "source_date",
        "id" => "pillar_id",
        "name" => "pillar",
        "weight" => "weight",
        "sector" => "sector",
        "unit" => "unit",
        "year" => "year",
        "strength" => "strength",
        "note" => "note",
        _ => "record",
    }
}

/// Validates the twin, mapping every issue back to the table.
fn checked(file: &str, twin: Twin, origins: &Origins) -> Result<Twin, Vec<ImportError>> {
    let issues = twin.validate();
    if issues.is_empty() {
        Ok(twin)
    } else {
        Err(issues.iter().map(|i| origins.locate(file, i)).collect())
    }
}

/// A new twin from the table (`import --out`): its id, companies, pillars, scores with their
/// evidence, and moves. What a table does not carry (regions, colours, lessons) starts blank.
pub fn import_new(
    file: &str,
    table: &Table,
    wanted: Option<&str>,
) -> Result<Twin, Vec<ImportError>> {
    let twins = parse_table(file, table)?;
    let t = pick(file, &twins, wanted)?;
    let mut origins = Origins::default();
    let names = |side: Side| t.companies[usize::from(side == Side::East)].clone();
    let west = names(Side::West).map_or_else(|| "Western company".to_owned(), |c| c.0);
    let east = names(Side::East).map_or_else(|| "Chinese company".to_owned(), |c| c.0);
    let mut twin = Twin::new_blank(&t.id, &format!("{west} and {east}"));
    for side in Side::BOTH {
        if let Some((name, origin)) = names(side) {
            twin.side_mut(side).name = name;
            origins.note(side.key().to_owned(), &origin);
        }
    }
    twin.framework = framework_for(t);
    for (i, p) in t.pillars.iter().enumerate() {
        origins.note(format!("framework.pillars[{i}]"), &p.origin);
    }
    let mut errors = Vec::new();
    for s in &t.scores {
        origins.note(
            format!("{}.scores.{}", s.side.key(), s.pillar_id),
            &s.origin,
        );
        twin.side_mut(s.side)
            .scores
            .insert(s.pillar_id.clone(), Score::unsupported(s.value));
    }
    for e in &t.evidence {
        if let Err(error) = add_evidence(&mut twin, e, &mut origins, false) {
            errors.push(unknown_score(file, error.0, &error.1, &e.origin));
        }
    }
    for m in &t.moves {
        let moves = &mut twin.side_mut(m.side).moves;
        origins.note(
            format!("{}.moves[{}]", m.side.key(), moves.len()),
            &m.origin,
        );
        moves.push(m.mv.clone());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    checked(file, twin, &origins)
}

/// Adds one imported claim to its score and notes where it came from. `Ok(false)` when
/// `skip_known` and the score already holds that claim; `Err((side, pillar))` when the twin has
/// no such score to back.
fn add_evidence(
    twin: &mut Twin,
    e: &ImportedEvidence,
    origins: &mut Origins,
    skip_known: bool,
) -> Result<bool, (Side, String)> {
    let Some(score) = twin.side_mut(e.side).scores.get_mut(&e.pillar_id) else {
        return Err((e.side, e.pillar_id.clone()));
    };
    if skip_known && score.evidence.iter().any(|x| x.claim == e.evidence.claim) {
        return Ok(false);
    }
    let path = format!(
        "{}.scores.{}.evidence[{}]",
        e.side.key(),
        e.pillar_id,
        score.evidence.len()
    );
    origins.note(path, &e.origin);
    score.evidence.push(e.evidence.clone());
    Ok(true)
}

fn unknown_score(file: &str, side: Side, pillar: &str, origin: &Origin) -> ImportError {
    origin.error(
        file,
        "pillar_id",
        format!(
            "names pillar \"{pillar}\", which has no {} score: add a score row for it first",
            side.key()
        ),
    )
}

/// The framework of a new twin: the table's pillars in table order, completed from the Offer
/// You Can't Refuse where ids match (descriptions, default names); its id and name when every
/// pillar is one of its own.
fn framework_for(t: &ImportedTwin) -> Framework {
    let oycr = Framework::offer_you_cant_refuse();
    let all_known = t.pillars.iter().all(|p| oycr.pillar(&p.id).is_some());
    let pillars = t
        .pillars
        .iter()
        .map(|p| {
            let known = oycr.pillar(&p.id);
            Pillar {
                id: p.id.clone(),
                name: p
                    .name
                    .clone()
                    .or_else(|| known.map(|k| k.name.clone()))
                    .unwrap_or_else(|| p.id.clone()),
                description: known.map(|k| k.description.clone()).unwrap_or_default(),
                weight: p.weight.or(known.map(|k| k.weight)).unwrap_or(1.0),
            }
        })
        .collect();
    if all_known {
        Framework { pillars, ..oycr }
    } else {
        Framework {
            id: "imported".to_owned(),
            name: "Imported framework".to_owned(),
            pillars,
        }
    }
}

/// Updates `existing` from the table (`import --into`): score values set (their evidence kept,
/// new claims added), moves updated by unit and sector or added, nothing deleted. Returns the
/// updated twin and what changed; the caller writes it only on success.
pub fn import_into(
    file: &str,
    table: &Table,
    existing: &Twin,
    wanted: Option<&str>,
) -> Result<(Twin, ImportSummary), Vec<ImportError>> {
    let twins = parse_table(file, table)?;
    let t = match (wanted, twins.iter().find(|t| t.id == existing.id)) {
        (None, Some(t)) => t,
        (None, None) => {
            let ids: Vec<&str> = twins.iter().map(|t| t.id.as_str()).collect();
            return Err(vec![ImportError::file(
                file,
                format!(
                    "has no rows for twin \"{}\" (it holds {}): pass --twin ID to import another \
                     twin's rows into it",
                    existing.id,
                    ids.join(", ")
                ),
            )]);
        }
        (Some(id), _) => pick(file, &twins, Some(id))?,
    };
    let mut twin = existing.clone();
    let mut summary = ImportSummary::default();
    let mut origins = Origins::default();
    let mut errors = Vec::new();
    let pillar_ids: Vec<&str> = existing
        .framework
        .pillars
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let unknown_pillar = |pillar: &str, origin: &Origin| {
        origin.error(
            file,
            "pillar_id",
            format!(
                "is \"{pillar}\", a pillar twin \"{}\" does not have; use one of {}",
                existing.id,
                pillar_ids.join(", ")
            ),
        )
    };
    for s in &t.scores {
        if existing.framework.pillar(&s.pillar_id).is_none() {
            errors.push(unknown_pillar(&s.pillar_id, &s.origin));
            continue;
        }
        let path = format!("{}.scores.{}", s.side.key(), s.pillar_id);
        origins.note(path, &s.origin);
        let scores = &mut twin.side_mut(s.side).scores;
        let label = format!("{} {}", s.side.key(), s.pillar_id);
        match scores.get_mut(&s.pillar_id) {
            Some(score) if score.value == s.value => summary.unchanged_scores += 1,
            Some(score) => {
                summary
                    .changes
                    .push(format!("{label}: {} -> {}", score.value, s.value));
                score.value = s.value;
            }
            None => {
                summary
                    .changes
                    .push(format!("{label}: new score {}", s.value));
                scores.insert(s.pillar_id.clone(), Score::unsupported(s.value));
            }
        }
    }
    for e in &t.evidence {
        if existing.framework.pillar(&e.pillar_id).is_none() {
            errors.push(unknown_pillar(&e.pillar_id, &e.origin));
            continue;
        }
        match add_evidence(&mut twin, e, &mut origins, true) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(error) => {
                errors.push(unknown_score(file, error.0, &error.1, &e.origin));
                continue;
            }
        }
        summary.changes.push(format!(
            "{} {}: new evidence \"{}\"",
            e.side.key(),
            e.pillar_id,
            short(&e.evidence.claim)
        ));
    }
    let mut touched_moves = [Vec::new(), Vec::new()];
    for m in &t.moves {
        let side = m.side;
        let moves = &mut twin.side_mut(side).moves;
        let found = moves
            .iter()
            .position(|x| x.unit == m.mv.unit && x.sector == m.mv.sector);
        let index = found.unwrap_or(moves.len());
        origins.note(format!("{}.moves[{index}]", side.key()), &m.origin);
        touched_moves[usize::from(side == Side::East)].push(index);
        let label = format!("{} move {} ({})", side.key(), m.mv.unit, m.mv.sector);
        match found {
            Some(i) => {
                let old = moves[i].clone();
                let mut new = m.mv.clone();
                if !m.has_note {
                    new.note = old.note.clone();
                }
                if !m.has_source {
                    new.source = old.source.clone();
                }
                let diff = move_diff(&old, &new);
                if diff.is_empty() {
                    summary.unchanged_moves += 1;
                } else {
                    summary
                        .changes
                        .push(format!("{label}: {}", diff.join(", ")));
                    moves[i] = new;
                }
            }
            None => {
                summary
                    .changes
                    .push(format!("{label}: new move ({})", m.mv.year));
                moves.push(m.mv.clone());
            }
        }
    }
    for side in Side::BOTH {
        let in_table = |pillar: &str| {
            t.scores
                .iter()
                .any(|s| s.side == side && s.pillar_id == pillar)
        };
        summary.kept_not_in_table += existing
            .side(side)
            .scores
            .keys()
            .filter(|p| !in_table(p))
            .count();
        let touched = &touched_moves[usize::from(side == Side::East)];
        summary.kept_not_in_table += (0..existing.side(side).moves.len())
            .filter(|i| !touched.contains(i))
            .count();
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let twin = checked(file, twin, &origins)?;
    Ok((twin, summary))
}

/// The fields of a move that differ, as `field old -> new`.
fn move_diff(
    old: &crate::model::DiversificationMove,
    new: &crate::model::DiversificationMove,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{name} {a} -> {b}"));
        }
    };
    field("year", old.year.to_string(), new.year.to_string());
    field("mode", old.mode.label().into(), new.mode.label().into());
    field(
        "distance",
        old.distance.label().into(),
        new.distance.label().into(),
    );
    field(
        "strength",
        old.strength.to_string(),
        new.strength.to_string(),
    );
    field(
        "in super-app",
        old.in_super_app.to_string(),
        new.in_super_app.to_string(),
    );
    if old.note != new.note {
        out.push("note edited".to_owned());
    }
    if old.source != new.source {
        out.push("source edited".to_owned());
    }
    out
}

fn short(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(60).collect();
        out.push('…');
        out
    }
}
