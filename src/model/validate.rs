//! The rules a twin must satisfy before it is trusted: ranges, required names, unique ids and
//! references that resolve. Each broken rule becomes an [`Issue`] naming the field and the fix.

use std::collections::HashSet;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use super::{CompanyProfile, Framework, SCHEMA_VERSION, Side, Source, Twin};

/// Size limits that keep hostile files from freezing the studio or bloating reports.
pub mod limits {
    /// Names, titles, units, regions.
    pub const NAME_CHARS: usize = 200;
    /// Claims, descriptions, lessons, notes.
    pub const TEXT_CHARS: usize = 20_000;
    /// Any list (evidence, moves, metrics...).
    pub const LIST_ITEMS: usize = 1_000;
    /// Pillars in a framework.
    pub const PILLARS: usize = 24;
    /// Earliest year a founding, move or source may carry.
    pub const FIRST_YEAR: i32 = 1800;
}

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

/// The current calendar year (UTC), for the upper bound on years.
pub fn current_year() -> i32 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_year_from_days((secs / 86_400) as i64)
}

/// Howard Hinnant's days-to-civil algorithm, year part only.
fn civil_year_from_days(days: i64) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    i32::try_from(year).unwrap_or(i32::MAX)
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
    }

    fn text(&mut self, path: &Path<'_>, value: &str) {
        self.length(path, value, limits::TEXT_CHARS);
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
            let path = || format!("{s}.scores.{pillar}");
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
            if !m.value.is_finite() {
                self.push(format!("{}.value", path()), "must be a finite number");
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
        c.issues
    }
}

/// Only these schemes become links in reports; everything else could run code or leak data.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        && !url.chars().any(char::is_control)
}

fn is_twin_id(id: &str) -> bool {
    (1..=80).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn is_pillar_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as sources and `as_of` carry them.
/// Missing parts stay `None` so callers choose whether "2021" means its first or its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses a well-formed date; `None` for anything [`Twin::validate`] would reject.
    pub fn parse(s: &str) -> Option<Self> {
        if !is_valid_date(s, i32::MAX) {
            return None;
        }
        let mut parts = s.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().and_then(|p| p.parse().ok());
        let day = parts.next().and_then(|p| p.parse().ok());
        Some(Self { year, month, day })
    }

    /// The last day the date could mean, as (year, month, day): "2021" is still current on
    /// 2021-12-31, so staleness is measured from there.
    pub fn latest(self) -> (i32, u32, u32) {
        (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
}

fn is_valid_date(s: &str, max_year: i32) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let ok_shape = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    if !ok_shape {
        return false;
    }
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<i32>().ok());
    let year_ok = num(0).is_some_and(|y| (limits::FIRST_YEAR..=max_year).contains(&y));
    let month_ok = num(1).is_none_or(|m| (1..=12).contains(&m));
    let day_ok = num(2).is_none_or(|d| (1..=31).contains(&d));
    year_ok && month_ok && day_ok
}

/// Cuts hostile text down for quoting in a message, on a char boundary.
fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max_chars).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DiversificationMove, Evidence, Score};

    fn paths(twin: &Twin) -> Vec<String> {
        twin.validate().into_iter().map(|i| i.path).collect()
    }

    #[test]
    fn year_from_days_matches_known_dates() {
        assert_eq!(civil_year_from_days(0), 1970);
        assert_eq!(civil_year_from_days(20_454), 2026); // 2026-01-01
        assert_eq!(civil_year_from_days(20_453), 2025); // 2025-12-31
    }

    #[test]
    fn out_of_range_score_names_the_field() {
        let mut twin = Twin::new_blank("t", "T");
        twin.east
            .scores
            .insert("save_the_world".into(), Score::unsupported(11.0));
        let issues = twin.validate();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].path, "east.scores.save_the_world.value");
        assert!(issues[0].message.contains("from 0 to 10"), "{}", issues[0]);
    }

    #[test]
    fn two_decimals_are_refused() {
        let mut twin = Twin::new_blank("t", "T");
        twin.west
            .scores
            .insert("base".into(), Score::unsupported(7.25));
        assert_eq!(paths(&twin), ["west.scores.base.value"]);
    }

    #[test]
    fn unknown_pillar_and_duplicate_ids_are_reported() {
        let mut twin = Twin::new_blank("t", "T");
        twin.west
            .scores
            .insert("loyalty".into(), Score::unsupported(5.0));
        let first = twin.framework.pillars[0].clone();
        twin.framework.pillars.push(first);
        assert_eq!(
            paths(&twin),
            ["framework.pillars[4].id", "west.scores.loyalty"]
        );
    }

    #[test]
    fn years_orientation_colour_and_urls_are_checked() {
        let mut twin = Twin::new_blank("t", "T");
        twin.west.founded = Some(3000);
        twin.west.orientation.company_vs_ecosystem = 1.5;
        twin.east.brand_color = "orange".into();
        let mut m = DiversificationMove::new(1799);
        m.unit = "X".into();
        twin.east.moves.push(m);
        twin.east.scores.insert(
            "base".into(),
            Score {
                value: 5.0,
                evidence: vec![Evidence {
                    claim: "c".into(),
                    source: Some(Source {
                        title: "s".into(),
                        url: Some("javascript:alert(1)".into()),
                        date: Some("2021-13".into()),
                    }),
                }],
            },
        );
        assert_eq!(
            paths(&twin),
            [
                "west.founded",
                "west.orientation.company_vs_ecosystem",
                "east.brand_color",
                "east.scores.base.evidence[0].source.url",
                "east.scores.base.evidence[0].source.date",
                "east.moves[0].year",
            ]
        );
    }

    #[test]
    fn huge_names_are_refused_with_their_length() {
        let mut twin = Twin::new_blank("t", "T");
        twin.west.name = "A".repeat(1_000_000);
        let issues = twin.validate();
        assert_eq!(issues.len(), 1);
        assert!(issues[0].message.contains("1000000 characters"));
    }

    #[test]
    fn safe_urls() {
        assert!(is_safe_url("https://example.com"));
        assert!(is_safe_url("mailto:a@b.c"));
        assert!(!is_safe_url("javascript:alert(1)"));
        assert!(!is_safe_url("data:text/html,x"));
        assert!(!is_safe_url("https://a\nb"));
    }
}
