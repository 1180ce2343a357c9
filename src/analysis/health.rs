//! Evidence health: what weakens a twin's claims even when the file is valid. A strategist who
//! cites an unsourced, undated or years-old fact in front of a client loses the room, so the
//! studio, the reports and `validate --strict` all read the same list of flags from here.

use crate::model::{PartialDate, Side, Source, Twin};

/// Why a field weakens the twin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlagKind {
    /// A pillar with no score, or a score with no evidence behind it.
    NoEvidence,
    /// A claim (evidence, move, partnership, metric, lesson) that names no source.
    NoSource,
    /// A source that points to a bare homepage instead of the document its title names.
    BareHomepage,
    /// A source without a date, so nobody can tell how current it is.
    Undated,
    /// A score whose newest evidence is older than the twin's threshold before `as_of`.
    Stale,
    /// The twin has no `as_of` date, so readers cannot tell how current it is.
    NoAsOf,
}

impl FlagKind {
    pub const ALL: [FlagKind; 6] = [
        FlagKind::NoEvidence,
        FlagKind::NoSource,
        FlagKind::BareHomepage,
        FlagKind::Undated,
        FlagKind::Stale,
        FlagKind::NoAsOf,
    ];

    /// A short label for summaries and filters.
    pub fn label(self) -> &'static str {
        match self {
            FlagKind::NoEvidence => "no evidence",
            FlagKind::NoSource => "claim without a source",
            FlagKind::BareHomepage => "source is a bare homepage",
            FlagKind::Undated => "source without a date",
            FlagKind::Stale => "stale evidence",
            FlagKind::NoAsOf => "no as-of date",
        }
    }
}

/// One weakness, with the field path (as in validation issues) the studio jumps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthFlag {
    pub kind: FlagKind,
    /// e.g. `east.scores.base.evidence[1].source.url`.
    pub path: String,
    /// What is wrong and how to fix it, in one sentence.
    pub message: String,
}

impl std::fmt::Display for HealthFlag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Counts for a one-line summary in reports and the deck.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HealthSummary {
    /// Scores (both sides, every pillar) the twin should have.
    pub scores: usize,
    /// Scores with at least one flag of their own (no evidence, stale, or a weak source).
    pub flagged_scores: usize,
    /// Evidence items across all scores.
    pub evidence: usize,
    /// All flags, per kind, in [`FlagKind::ALL`] order (kinds with none are left out).
    pub by_kind: Vec<(FlagKind, usize)>,
    pub total: usize,
}

impl HealthSummary {
    /// A few words for a slide footer: "8/8 scores well backed" or "6/8 scores well backed, 3 flags".
    pub fn short(&self) -> String {
        let backed = self.scores - self.flagged_scores;
        match self.total {
            0 => format!("{backed}/{} scores well backed", self.scores),
            1 => format!("{backed}/{} scores well backed, 1 flag", self.scores),
            n => format!("{backed}/{} scores well backed, {n} flags", self.scores),
        }
    }

    /// "8 of 8 scores backed by 21 evidence items; no problems" or the flag counts.
    pub fn sentence(&self) -> String {
        let backed = self.scores - self.flagged_scores;
        let mut out = format!(
            "{backed} of {} scores well backed by {} evidence items",
            self.scores, self.evidence
        );
        if self.total == 0 {
            out.push_str("; no evidence-health flags");
        } else {
            let parts: Vec<String> = self
                .by_kind
                .iter()
                .map(|(k, n)| format!("{n} {}", k.label()))
                .collect();
            out.push_str(&format!("; {} flags: {}", self.total, parts.join(", ")));
        }
        out
    }
}

/// True when `url` names a site rather than a document: no path, or only generic section names
/// such as `/news/`, `/en-us/investors.html` or an EDGAR company listing.
pub fn is_bare_homepage(url: &str) -> bool {
    const GENERIC: &[&str] = &[
        "",
        "en",
        "en-us",
        "en-gb",
        "us",
        "global",
        "blog",
        "news",
        "newsroom",
        "press",
        "media",
        "investors",
        "investor",
        "investor-relations",
        "ir",
        "about",
        "about-us",
        "home",
        "index",
        "cgi-bin",
        "browse-edgar",
        "news-events",
        "press-releases",
        "championsofearth",
        "environment",
    ];
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let path = rest
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split_once('/')
        .map_or("", |(_, p)| p);
    path.split('/').all(|segment| {
        let lower = segment.to_ascii_lowercase();
        let stem = [".html", ".htm", ".php", ".aspx", ".asp"]
            .iter()
            .find_map(|ext| lower.strip_suffix(ext))
            .unwrap_or(&lower);
        GENERIC.contains(&stem)
    })
}

/// Every evidence-health flag of the twin, in file order.
pub fn evidence_health(twin: &Twin) -> Vec<HealthFlag> {
    let mut flags = Vec::new();
    let as_of = twin.as_of.as_deref().and_then(PartialDate::parse);
    if as_of.is_none() {
        flags.push(HealthFlag {
            kind: FlagKind::NoAsOf,
            path: "as_of".into(),
            message: "is missing: set the date the twin's content describes (YYYY-MM-DD)".into(),
        });
    }
    let years = twin.stale_after_years();
    for side in Side::BOTH {
        let company = twin.side(side);
        let s = side.key();
        for pillar in &twin.framework.pillars {
            let path = format!("{s}.scores.{}", pillar.id);
            let Some(score) = company.scores.get(&pillar.id) else {
                flags.push(HealthFlag {
                    kind: FlagKind::NoEvidence,
                    path,
                    message: format!(
                        "{} has no {} score: score it and back it",
                        company.name, pillar.name
                    ),
                });
                continue;
            };
            if score.evidence.is_empty() {
                flags.push(HealthFlag {
                    kind: FlagKind::NoEvidence,
                    path: format!("{path}.value"),
                    message: format!(
                        "{}'s {} score has no evidence: add a claim with its source",
                        company.name, pillar.name
                    ),
                });
                continue;
            }
            for (i, e) in score.evidence.iter().enumerate() {
                let item = format!("{path}.evidence[{i}]");
                source_flags(&mut flags, &item, e.source.as_ref());
            }
            if let Some(as_of) = as_of {
                let newest = score
                    .evidence
                    .iter()
                    .filter_map(|e| e.source.as_ref()?.date.as_deref())
                    .filter_map(PartialDate::parse)
                    .map(PartialDate::latest)
                    .max();
                let cutoff = cutoff(as_of, years);
                if let Some(newest) = newest.filter(|n| *n < cutoff) {
                    flags.push(HealthFlag {
                        kind: FlagKind::Stale,
                        path: format!("{path}.evidence"),
                        message: format!(
                            "{}'s {} score rests on evidence from {} at the latest, more than {years} years before the as-of date {}: add current evidence",
                            company.name,
                            pillar.name,
                            newest.0,
                            twin.as_of.as_deref().unwrap_or_default()
                        ),
                    });
                }
            }
        }
        for (i, m) in company.moves.iter().enumerate() {
            source_flags(&mut flags, &format!("{s}.moves[{i}]"), m.source.as_ref());
        }
        for (i, p) in company.partnerships.iter().enumerate() {
            source_flags(
                &mut flags,
                &format!("{s}.partnerships[{i}]"),
                p.source.as_ref(),
            );
        }
        for (i, m) in company.metrics.iter().enumerate() {
            source_flags(&mut flags, &format!("{s}.metrics[{i}]"), m.source.as_ref());
        }
    }
    for (i, lesson) in twin.lessons.iter().enumerate() {
        // A lesson is the strategist's own takeaway; only a source it does cite must be sound.
        if let Some(source) = &lesson.source {
            source_flags(&mut flags, &format!("lessons[{i}]"), Some(source));
        }
    }
    flags
}

/// The (year, month, day) before which evidence is stale.
fn cutoff(as_of: PartialDate, years: u32) -> (i32, u32, u32) {
    let (y, m, d) = as_of.latest();
    (y - i32::try_from(years).unwrap_or(i32::MAX).min(y), m, d)
}

fn source_flags(flags: &mut Vec<HealthFlag>, item: &str, source: Option<&Source>) {
    let Some(source) = source else {
        flags.push(HealthFlag {
            kind: FlagKind::NoSource,
            path: item.to_owned(),
            message: "names no source: add the document that says it (publisher, title, date)"
                .into(),
        });
        return;
    };
    if let Some(url) = source.url.as_deref().filter(|u| is_bare_homepage(u)) {
        flags.push(HealthFlag {
            kind: FlagKind::BareHomepage,
            path: format!("{item}.source.url"),
            message: format!(
                "\"{}\" is a homepage, not the document \"{}\": link the page itself, or leave the URL empty and cite it precisely",
                url.chars().take(80).collect::<String>(),
                source.title.chars().take(80).collect::<String>()
            ),
        });
    }
    if source.date.as_deref().is_none_or(|d| d.trim().is_empty()) {
        flags.push(HealthFlag {
            kind: FlagKind::Undated,
            path: format!("{item}.source.date"),
            message: "is missing: add the date the document was published".into(),
        });
    }
}

/// The twin's as-of date for headers, or a reminder that it has none.
pub fn as_of_text(twin: &Twin) -> String {
    match twin.as_of.as_deref() {
        Some(date) if !date.trim().is_empty() => format!("as of {date}"),
        _ => "as-of date not set".to_owned(),
    }
}

/// Counts of the twin's flags for summaries.
pub fn health_summary(twin: &Twin, flags: &[HealthFlag]) -> HealthSummary {
    let scores = twin.framework.pillars.len() * 2;
    let evidence = Side::BOTH
        .iter()
        .flat_map(|s| twin.side(*s).scores.values())
        .map(|s| s.evidence.len())
        .sum();
    let mut flagged: Vec<&str> = flags
        .iter()
        .filter(|f| f.path.contains(".scores."))
        .filter_map(|f| {
            let mut parts = f.path.splitn(4, '.');
            let side = parts.next()?;
            parts.next()?;
            let pillar = parts.next()?;
            Some(&f.path[..side.len() + ".scores.".len() + pillar.len()])
        })
        .collect();
    flagged.sort_unstable();
    flagged.dedup();
    let by_kind = FlagKind::ALL
        .iter()
        .map(|k| (*k, flags.iter().filter(|f| f.kind == *k).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    HealthSummary {
        scores,
        flagged_scores: flagged.len().min(scores),
        evidence,
        by_kind,
        total: flags.len(),
    }
}

#[cfg(test)]
mod tests;
