//! The rules a twin must satisfy before it is trusted: ranges, required names, unique ids and
//! references that resolve. Each broken rule becomes an [`Issue`] naming the field and the fix.

use std::collections::HashSet;
use std::fmt;

use super::rules::{
    control_name, current_year, forbidden_control, is_hex_colour, is_pillar_id, is_safe_url,
    is_twin_id, is_valid_date, limits, truncate,
};
use super::{CompanyProfile, Framework, SCHEMA_VERSION, Side, Source, Twin};

/// One broken rule: where (a field path such as `east.scores.save_the_world.value`) and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A field path built only when an issue needs it: validation runs on every load and every
/// edit, so the happy path must not allocate a string per field.
type Path<'a> = dyn Fn() -> String + 'a;

/// Collects issues while walking the twin, so every problem is reported at once.
struct Checker {
    issues: Vec<Issue>,
    max_year: i32,
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue {
            path: path.into(),
            message: message.into(),
        });
    }

    fn name(&mut self, path: &Path<'_>, value: &str, required: bool) {
        if required && value.trim().is_empty() {
            self.push(path(), "is required: enter a name");
        }
        self.length(path, value, limits::NAME_CHARS);
        self.controls(path, value, false);
    }

    fn text(&mut self, path: &Path<'_>, value: &str) {
        self.length(path, value, limits::TEXT_CHARS);
        self.controls(path, value, true);
    }

    /// Control characters (ESC, CR, BEL...) have no place in a twin and could disguise text
    /// when printed; only multi-line fields may hold tabs and line breaks.
    fn controls(&mut self, path: &Path<'_>, value: &str, multi_line: bool) {
        if let Some((at, c)) = forbidden_control(value, multi_line) {
            let allowed = if multi_line {
                "only tabs and line breaks are allowed"
            } else {
                "a one-line field allows none"
            };
            self.push(
                path(),
                format!(
                    "contains {} (U+{:04X}) at character {}; {allowed}: remove it",
                    control_name(c),
                    u32::from(c),
                    at + 1
                ),
            );
        }
    }

    fn length(&mut self, path: &Path<'_>, value: &str, max: usize) {
        // Byte length bounds char count from above; only count chars when it might matter.
        if value.len() > max {
            let chars = value.chars().count();
            if chars > max {
                self.push(
                    path(),
                    format!("is {chars} characters long; at most {max} are allowed: shorten it"),
                );
            }
        }
    }

    fn list(&mut self, path: &Path<'_>, len: usize) {
        if len > limits::LIST_ITEMS {
            self.push(
                path(),
                format!(
                    "has {len} items; at most {} are allowed: split the twin or trim the list",
                    limits::LIST_ITEMS
                ),
            );
        }
    }

    fn year(&mut self, path: &Path<'_>, year: i32) {
        if !(limits::FIRST_YEAR..=self.max_year).contains(&year) {
            self.push(
                path(),
                format!(
                    "is {year}; a year must be from {} to {}",
                    limits::FIRST_YEAR,
                    self.max_year
                ),
            );
        }
    }

    fn range(&mut self, path: &Path<'_>, value: f64, min: f64, max: f64) -> bool {
        if !value.is_finite() || value < min || value > max {
            self.push(
                path(),
                format!("is {value}; it must be from {min} to {max}"),
            );
            return false;
        }
        true
    }

    fn score_value(&mut self, path: &Path<'_>, value: f64) {
        if self.range(path, value, 0.0, 10.0)
            && ((value * 10.0).round() - value * 10.0).abs() > 1e-6
        {
            self.push(
                path(),
                format!("is {value}; scores have one decimal (e.g. 7.5)"),
            );
        }
    }

    fn source(&mut self, path: &Path<'_>, source: &Source) {
        self.name(&|| format!("{}.title", path()), &source.title, true);
        if let Some(url) = &source.url {
            self.length(&|| format!("{}.url", path()), url, 2_000);
            if !is_safe_url(url) {
                self.push(
                    format!("{}.url", path()),
                    "must start with http://, https:// or mailto:",
                );
            }
        }
        self.date(&|| format!("{}.date", path()), source.date.as_deref());
    }

    fn date(&mut self, path: &Path<'_>, date: Option<&str>) {
        if let Some(date) = date
            && !is_valid_date(date, self.max_year)
        {
            self.push(
                path(),
                format!(
                    "is \"{}\"; write YYYY, YYYY-MM or YYYY-MM-DD",
                    truncate(date, 40)
                ),
            );
        }
    }

    fn framework(&mut self, framework: &Framework) {
        self.name(&|| "framework.id".into(), &framework.id, true);
        self.name(&|| "framework.name".into(), &framework.name, true);
        if framework.pillars.is_empty() {
            self.push("framework.pillars", "is empty: add at least one pillar");
        }
        if framework.pillars.len() > limits::PILLARS {
            self.push(
                "framework.pillars",
                format!(
                    "has {} pillars; at most {} are allowed",
                    framework.pillars.len(),
                    limits::PILLARS
                ),
            );
        }
        let mut seen = HashSet::new();
        for (i, pillar) in framework.pillars.iter().enumerate() {
            let path = || format!("framework.pillars[{i}]");
            if !is_pillar_id(&pillar.id) {
                self.push(
                    format!("{}.id", path()),
                    format!(
                        "is \"{}\"; use 1 to 40 lowercase letters, digits or _ (e.g. save_the_world)",
                        truncate(&pillar.id, 40)
                    ),
                );
            } else if !seen.insert(pillar.id.as_str()) {
                self.push(
                    format!("{}.id", path()),
                    format!(
                        "\"{}\" is used by another pillar: ids must be unique",
                        pillar.id
                    ),
                );
            }
            self.name(&|| format!("{}.name", path()), &pillar.name, true);
            self.text(&|| format!("{}.description", path()), &pillar.description);
            self.range(&|| format!("{}.weight", path()), pillar.weight, 0.0, 10.0);
        }
    }

    fn company(&mut self, side: Side, company: &CompanyProfile, framework: &Framework) {
        let s = side.key();
        self.name(&|| format!("{s}.name"), &company.name, true);
        self.name(&|| format!("{s}.native_name"), &company.native_name, false);
        self.name(&|| format!("{s}.region"), &company.region, true);
        self.name(
            &|| format!("{s}.headquarters"),
            &company.headquarters,
            false,
        );
        self.text(&|| format!("{s}.core_business"), &company.core_business);
        self.text(&|| format!("{s}.loyalty_note"), &company.loyalty_note);
        if let Some(year) = company.founded {
            self.year(&|| format!("{s}.founded"), year);
        }
        if !is_hex_colour(&company.brand_color) {
            self.push(
                format!("{s}.brand_color"),
                format!(
                    "is \"{}\"; write a colour as #RRGGBB (e.g. #FF9900)",
                    truncate(&company.brand_color, 40)
                ),
            );
        }
        self.range(
            &|| format!("{s}.orientation.customer_vs_relationship"),
            company.orientation.customer_vs_relationship,
            -1.0,
            1.0,
        );
        self.range(
            &|| format!("{s}.orientation.company_vs_ecosystem"),
            company.orientation.company_vs_ecosystem,
            -1.0,
            1.0,
        );
        for (pillar, score) in &company.scores {
            let path = || format!("{s}.scores.{}", truncate(pillar, 40));
            if framework.pillar(pillar).is_none() {
                self.push(
                    path(),
                    format!(
                        "scores pillar \"{}\", which the framework does not have: add the pillar or remove the score",
                        truncate(pillar, 40)
                    ),
                );
            }
            self.score_value(&|| format!("{}.value", path()), score.value);
            self.list(&|| format!("{}.evidence", path()), score.evidence.len());
            for (i, evidence) in score.evidence.iter().enumerate() {
                let path = || format!("{}.evidence[{i}]", path());
                if evidence.claim.trim().is_empty() {
                    self.push(format!("{}.claim", path()), "is required: state the claim");
                }
                self.text(&|| format!("{}.claim", path()), &evidence.claim);
                if let Some(source) = &evidence.source {
                    self.source(&|| format!("{}.source", path()), source);
                }
            }
        }
        self.list(&|| format!("{s}.moves"), company.moves.len());
        for (i, m) in company.moves.iter().enumerate() {
            let path = || format!("{s}.moves[{i}]");
            self.name(&|| format!("{}.sector", path()), &m.sector, true);
            self.name(&|| format!("{}.unit", path()), &m.unit, true);
            self.year(&|| format!("{}.year", path()), m.year);
            self.range(&|| format!("{}.strength", path()), m.strength, 0.0, 10.0);
            self.text(&|| format!("{}.note", path()), &m.note);
            if let Some(source) = &m.source {
                self.source(&|| format!("{}.source", path()), source);
            }
        }
        self.list(&|| format!("{s}.partnerships"), company.partnerships.len());
        for (i, p) in company.partnerships.iter().enumerate() {
            let path = || format!("{s}.partnerships[{i}]");
            self.name(&|| format!("{}.partner", path()), &p.partner, true);
            if let Some(year) = p.since {
                self.year(&|| format!("{}.since", path()), year);
            }
            self.text(&|| format!("{}.description", path()), &p.description);
            if let Some(source) = &p.source {
                self.source(&|| format!("{}.source", path()), source);
            }
        }
        self.list(&|| format!("{s}.challenges"), company.challenges.len());
        for (i, c) in company.challenges.iter().enumerate() {
            let path = || format!("{s}.challenges[{i}]");
            if c.trim().is_empty() {
                self.push(path(), "is empty: describe the challenge or remove it");
            }
            self.text(&path, c);
        }
        self.list(&|| format!("{s}.metrics"), company.metrics.len());
        for (i, m) in company.metrics.iter().enumerate() {
            let path = || format!("{s}.metrics[{i}]");
            self.name(&|| format!("{}.name", path()), &m.name, true);
            self.name(&|| format!("{}.unit", path()), &m.unit, false);
            if !m.value.is_finite() || m.value.abs() > limits::METRIC_ABS {
                self.push(
                    format!("{}.value", path()),
                    format!(
                        "is {}; a metric may be at most {:e} in size: use a larger unit \
                         (e.g. billions)",
                        m.value,
                        limits::METRIC_ABS
                    ),
                );
            }
            self.year(&|| format!("{}.year", path()), m.year);
            if let Some(source) = &m.source {
                self.source(&|| format!("{}.source", path()), source);
            }
        }
    }
}

impl Twin {
    /// Every rule this twin breaks; empty means it may be saved, exported and presented.
    pub fn validate(&self) -> Vec<Issue> {
        let mut c = Checker {
            issues: Vec::new(),
            max_year: current_year() + 1,
        };
        if self.schema_version != SCHEMA_VERSION {
            c.push(
                "schema_version",
                format!(
                    "is {}; this build writes version {SCHEMA_VERSION}",
                    self.schema_version
                ),
            );
        }
        if !is_twin_id(&self.id) {
            c.push(
                "id",
                format!(
                    "is \"{}\"; use 1 to 80 lowercase letters, digits, - or _ (e.g. amazon-alibaba)",
                    truncate(&self.id, 40)
                ),
            );
        }
        c.name(&|| "title".into(), &self.title, true);
        c.date(&|| "as_of".into(), self.as_of.as_deref());
        if let Some(years) = self.stale_after_years
            && !(1..=100).contains(&years)
        {
            c.push(
                "stale_after_years",
                format!("is {years}; it must be from 1 to 100 years"),
            );
        }
        c.framework(&self.framework);
        c.company(Side::West, &self.west, &self.framework);
        c.company(Side::East, &self.east, &self.framework);
        c.text(&|| "biggest_difference".into(), &self.biggest_difference);
        c.text(&|| "biggest_similarity".into(), &self.biggest_similarity);
        c.list(&|| "lessons".into(), self.lessons.len());
        for (i, lesson) in self.lessons.iter().enumerate() {
            c.name(&|| format!("lessons[{i}].title"), &lesson.title, true);
            c.text(&|| format!("lessons[{i}].text"), &lesson.text);
            if let Some(source) = &lesson.source {
                c.source(&|| format!("lessons[{i}].source"), source);
            }
        }
        for (key, note) in &self.speaker_notes {
            c.name(
                &|| format!("speaker_notes.{} (the key)", truncate(key, 40)),
                key,
                true,
            );
            c.text(&|| format!("speaker_notes.{}", truncate(key, 40)), note);
        }
        c.list(&|| "snapshots".into(), self.snapshots.len());
        let mut labels = HashSet::new();
        for (i, snap) in self.snapshots.iter().enumerate() {
            let path = || format!("snapshots[{i}]");
            c.name(&|| format!("{}.label", path()), &snap.label, true);
            c.date(&|| format!("{}.as_of", path()), snap.as_of.as_deref());
            if !labels.insert(snap.label.as_str()) {
                c.push(
                    format!("{}.label", path()),
                    format!(
                        "\"{}\" is used by another snapshot: labels must be unique",
                        truncate(&snap.label, 40)
                    ),
                );
            }
            for (side, map) in [("west", &snap.west), ("east", &snap.east)] {
                for (pillar, value) in map {
                    let p = || format!("{}.{side}.{}", path(), truncate(pillar, 40));
                    if self.framework.pillar(pillar).is_none() {
                        c.push(p(), "names a pillar the framework does not have");
                    }
                    c.score_value(&p, *value);
                }
            }
            c.text(&|| format!("{}.note", path()), &snap.note);
        }
        c.list(&|| "deck.hidden".into(), self.deck.hidden.len());
        c.list(&|| "deck.order".into(), self.deck.order.len());
        for (list, keys) in [("hidden", &self.deck.hidden), ("order", &self.deck.order)] {
            for (i, key) in keys.iter().enumerate() {
                c.name(&|| format!("deck.{list}[{i}]"), key, true);
            }
        }
        c.list(&|| "deck.builds".into(), self.deck.builds.len());
        c.list(&|| "deck.rehearsal".into(), self.deck.rehearsal.len());
        for (key, secs) in &self.deck.rehearsal {
            let path = || format!("deck.rehearsal.{}", truncate(key, 40));
            c.range(&path, *secs, 0.0, limits::REHEARSAL_SECS);
        }
        c.issues
    }
}

#[cfg(test)]
mod tests;
