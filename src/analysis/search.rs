//! Full-text search over every text of a twin (names, units, evidence, sources, notes, lessons…),
//! so "WeChat" or "Ele.me" finds the twins that mention it and the exact fields where it appears.
//!
//! A [`TwinIndex`] folds a twin's texts to lower case once; searching is then a substring scan
//! (memchr's SIMD `memmem`) of one string per twin, which keeps typing into the search of a large
//! library fast. Each [`Hit`] carries the field's validation path (the same path the Edit tab and
//! validation messages use, e.g. `east.moves[3].unit`), a readable label, and the text around the
//! match: why the twin was found.

use memchr::memmem;

use crate::model::{CompanyProfile, SectorVocabulary, Side, Source, Twin};

/// Characters of context kept on each side of a match in a [`Snippet`].
const CONTEXT_CHARS: usize = 36;

/// The hits kept per twin; a twin with more still reports its total in [`TwinHits::total`].
pub const MAX_HITS_PER_TWIN: usize = 40;

/// What the user typed, split into lower-cased terms; a twin matches when it holds every term.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    /// Splits on white space; quotes are not special.
    pub fn new(text: &str) -> Self {
        let mut terms: Vec<String> = text.split_whitespace().map(fold).collect();
        terms.sort();
        terms.dedup();
        Self { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every result of `self` must also hold for `wider` (each term of `wider` contains a
    /// term of `self`), so a search can be narrowed within the previous results while typing.
    pub fn narrows_to(&self, wider: &Query) -> bool {
        !self.is_empty()
            && self
                .terms
                .iter()
                .all(|t| wider.terms.iter().any(|w| w.contains(t.as_str())))
    }
}

/// Lower-cases one character at a time to exactly one character, so folded and original texts
/// have the same number of characters and a match can be mapped back to the original text.
fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// One searchable text of a twin.
#[derive(Debug, Clone, PartialEq)]
struct Field {
    /// Validation path of the field, e.g. `west.scores.base.evidence[0].claim`.
    path: String,
    /// Where the field sits, in words, e.g. "Amazon › Moves › AWS › Note".
    label: String,
    /// Byte range in [`TwinIndex::folded`].
    folded: std::ops::Range<usize>,
    /// Byte range in [`TwinIndex::original`].
    original: std::ops::Range<usize>,
}

/// Every text of one twin, folded for matching, with where each came from.
#[derive(Debug, Clone, Default)]
pub struct TwinIndex {
    folded: String,
    original: String,
    fields: Vec<Field>,
}

/// The text around a match, for showing why a twin was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    /// Text before the match, starting with "…" when cut.
    pub before: String,
    /// The matched text as written in the twin.
    pub matched: String,
    /// Text after the match, ending with "…" when cut.
    pub after: String,
}

/// One field of a twin that holds a term of the query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub path: String,
    pub label: String,
    pub snippet: Snippet,
}

/// The hits of one twin: at most [`MAX_HITS_PER_TWIN`], plus how many fields matched in all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TwinHits {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// Collects a twin's texts into an index while walking the model.
struct Builder<'v> {
    index: TwinIndex,
    vocab: &'v SectorVocabulary,
}

impl Builder<'_> {
    fn add(&mut self, path: String, label: String, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let folded_start = self.index.folded.len();
        self.index.folded.push_str(&fold(text));
        let folded_end = self.index.folded.len();
        // A separator no query term can contain keeps matches inside one field.
        self.index.folded.push('\n');
        let original_start = self.index.original.len();
        self.index.original.push_str(text);
        let original_end = self.index.original.len();
        self.index.fields.push(Field {
            path,
            label,
            folded: folded_start..folded_end,
            original: original_start..original_end,
        });
    }

    fn source(&mut self, path: &str, label: &str, source: Option<&Source>) {
        let Some(source) = source else {
            return;
        };
        self.add(
            format!("{path}.source.title"),
            format!("{label} › Source"),
            &source.title,
        );
        if let Some(url) = &source.url {
            self.add(
                format!("{path}.source.url"),
                format!("{label} › Source URL"),
                url,
            );
        }
        if let Some(date) = &source.date {
            self.add(
                format!("{path}.source.date"),
                format!("{label} › Source date"),
                date,
            );
        }
    }

    fn company(&mut self, twin: &Twin, side: Side) {
        let c: &CompanyProfile = twin.side(side);
        let s = side.key();
        let who = if c.name.trim().is_empty() {
            s.to_owned()
        } else {
            c.name.clone()
        };
        for (field, label, text) in [
            ("name", "Name", &c.name),
            ("native_name", "Native name", &c.native_name),
            ("region", "Region", &c.region),
            ("headquarters", "Headquarters", &c.headquarters),
            ("core_business", "Core business", &c.core_business),
            ("loyalty_note", "Loyalty note", &c.loyalty_note),
        ] {
            self.add(format!("{s}.{field}"), format!("{who} › {label}"), text);
        }
        for pillar in &twin.framework.pillars {
            let Some(score) = c.scores.get(&pillar.id) else {
                continue;
            };
            for (i, e) in score.evidence.iter().enumerate() {
                let path = format!("{s}.scores.{}.evidence[{i}]", pillar.id);
                let label = format!("{who} › {} › Evidence {}", pillar.name, i + 1);
                self.add(format!("{path}.claim"), label.clone(), &e.claim);
                self.source(&path, &label, e.source.as_ref());
            }
        }
        for (i, m) in c.moves.iter().enumerate() {
            let path = format!("{s}.moves[{i}]");
            let label = format!("{who} › Move {}", i + 1);
            self.add(format!("{path}.unit"), format!("{label} › Unit"), &m.unit);
            let sector = self.vocab.display_name(&m.sector).to_owned();
            self.add(
                format!("{path}.sector"),
                format!("{label} › Sector"),
                &sector,
            );
            self.add(format!("{path}.note"), format!("{label} › Note"), &m.note);
            self.source(&path, &label, m.source.as_ref());
        }
        for (i, p) in c.partnerships.iter().enumerate() {
            let path = format!("{s}.partnerships[{i}]");
            let label = format!("{who} › Partnership {}", i + 1);
            self.add(
                format!("{path}.partner"),
                format!("{label} › Partner"),
                &p.partner,
            );
            self.add(
                format!("{path}.description"),
                format!("{label} › Description"),
                &p.description,
            );
            self.source(&path, &label, p.source.as_ref());
        }
        for (i, text) in c.challenges.iter().enumerate() {
            self.add(
                format!("{s}.challenges[{i}]"),
                format!("{who} › Challenge {}", i + 1),
                text,
            );
        }
        for (i, m) in c.metrics.iter().enumerate() {
            let path = format!("{s}.metrics[{i}]");
            let label = format!("{who} › Metric {}", i + 1);
            self.add(format!("{path}.name"), format!("{label} › Name"), &m.name);
            self.add(format!("{path}.unit"), format!("{label} › Unit"), &m.unit);
            self.source(&path, &label, m.source.as_ref());
        }
    }
}

impl TwinIndex {
    /// Folds every text of `twin`; build once per revision of the twin and search many times.
    pub fn new(twin: &Twin) -> Self {
        let mut b = Builder {
            index: TwinIndex::default(),
            vocab: SectorVocabulary::bundled(),
        };
        b.add("title".into(), "Title".into(), &twin.title);
        b.add("id".into(), "Id".into(), &twin.id);
        b.add(
            "biggest_difference".into(),
            "Biggest difference".into(),
            &twin.biggest_difference,
        );
        b.add(
            "biggest_similarity".into(),
            "Biggest similarity".into(),
            &twin.biggest_similarity,
        );
        b.add(
            "framework.name".into(),
            "Framework".into(),
            &twin.framework.name,
        );
        for (i, p) in twin.framework.pillars.iter().enumerate() {
            let label = format!("Pillar {}", i + 1);
            b.add(
                format!("framework.pillars[{i}].name"),
                format!("{label} › Name"),
                &p.name,
            );
            b.add(
                format!("framework.pillars[{i}].description"),
                format!("{label} › Description"),
                &p.description,
            );
        }
        for side in Side::BOTH {
            b.company(twin, side);
        }
        for (i, l) in twin.lessons.iter().enumerate() {
            let path = format!("lessons[{i}]");
            let label = format!("Lesson {}", i + 1);
            b.add(
                format!("{path}.title"),
                format!("{label} › Title"),
                &l.title,
            );
            b.add(format!("{path}.text"), format!("{label} › Text"), &l.text);
            b.source(&path, &label, l.source.as_ref());
        }
        for (key, note) in &twin.speaker_notes {
            b.add(
                format!("speaker_notes.{key}"),
                format!("Speaker notes › {key}"),
                note,
            );
        }
        for (i, snap) in twin.snapshots.iter().enumerate() {
            let label = format!("Snapshot {}", i + 1);
            b.add(
                format!("snapshots[{i}].label"),
                format!("{label} › Label"),
                &snap.label,
            );
            b.add(
                format!("snapshots[{i}].note"),
                format!("{label} › Note"),
                &snap.note,
            );
        }
        b.index
    }

    /// Every indexed field as (path, label, text): the places a palette can jump to.
    pub fn field_texts(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.fields.iter().map(|f| {
            (
                f.path.as_str(),
                f.label.as_str(),
                self.original.get(f.original.clone()).unwrap_or_default(),
            )
        })
    }

    /// Whether the twin holds every term of the query (cheaper than [`Self::search`]).
    pub fn matches(&self, query: &Query) -> bool {
        !query.is_empty()
            && query
                .terms
                .iter()
                .all(|t| memmem::find(self.folded.as_bytes(), t.as_bytes()).is_some())
    }

    /// The fields that hold a term, in model order, when the twin holds every term; else none.
    pub fn search(&self, query: &Query) -> TwinHits {
        if !self.matches(query) {
            return TwinHits::default();
        }
        // The first match of any term in each field, as (field, folded byte offset, term length).
        let mut first: Vec<Option<(usize, usize)>> = vec![None; self.fields.len()];
        for term in &query.terms {
            for at in memmem::find_iter(self.folded.as_bytes(), term.as_bytes()) {
                let field = self.fields.partition_point(|f| f.folded.end < at);
                let Some(slot) = first.get_mut(field) else {
                    continue;
                };
                if slot.is_none_or(|(old, _)| at < old) {
                    *slot = Some((at, term.len()));
                }
            }
        }
        let mut out = TwinHits::default();
        for (field, found) in self.fields.iter().zip(first) {
            let Some((at, len)) = found else {
                continue;
            };
            out.total += 1;
            if out.hits.len() < MAX_HITS_PER_TWIN {
                out.hits.push(Hit {
                    path: field.path.clone(),
                    label: field.label.clone(),
                    snippet: self.snippet(field, at, len),
                });
            }
        }
        out
    }

    /// Cuts the original text around a match found at folded byte `at` (length `len`).
    fn snippet(&self, field: &Field, at: usize, len: usize) -> Snippet {
        let folded = &self.folded[field.folded.clone()];
        let original = &self.original[field.original.clone()];
        let start = at.saturating_sub(field.folded.start);
        // Folding keeps the character count, so character positions carry over.
        let start_char = folded.get(..start).map_or(0, |s| s.chars().count());
        let len_chars = folded
            .get(start..start + len)
            .map_or(0, |s| s.chars().count());
        let chars: Vec<char> = original.chars().collect();
        let end_char = (start_char + len_chars).min(chars.len());
        let from = start_char.saturating_sub(CONTEXT_CHARS);
        let to = (end_char + CONTEXT_CHARS).min(chars.len());
        let one_line = |s: &[char]| -> String {
            s.iter()
                .map(|&c| if c.is_whitespace() { ' ' } else { c })
                .collect()
        };
        let mut before = one_line(&chars[from..start_char.min(chars.len())]);
        if from > 0 {
            before.insert(0, '…');
        }
        let mut after = one_line(&chars[end_char..to]);
        if to < chars.len() {
            after.push('…');
        }
        Snippet {
            before,
            matched: one_line(&chars[start_char.min(end_char)..end_char]),
            after,
        }
    }
}

/// Searches one twin (builds its index; keep a [`TwinIndex`] to search it repeatedly).
pub fn search_twin(twin: &Twin, query: &str) -> TwinHits {
    TwinIndex::new(twin).search(&Query::new(query))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DiversificationMove, Evidence, Score};

    fn twin() -> Twin {
        let mut t = Twin::new_blank("meta-tencent", "Meta vs Tencent");
        t.east.name = "Tencent".into();
        let mut m = DiversificationMove::new(2011);
        m.unit = "WeChat".into();
        m.sector = "messaging".into();
        m.note = "Launched in 2011; wechat pay followed in 2013.".into();
        t.east.moves.push(m);
        let mut score = Score::unsupported(8.0);
        score.evidence.push(Evidence {
            claim: "Mini programs run inside WeChat.".into(),
            source: Some(Source {
                title: "Annual report".into(),
                url: Some("https://www.tencent.com/en-us/investors.html".into()),
                date: Some("2023".into()),
            }),
        });
        t.east.scores.insert("digital_convenience".into(), score);
        t.lessons.push(crate::model::Lesson {
            title: "Super-apps ÉCLIPSENT single apps".into(),
            text: String::new(),
            source: None,
        });
        t
    }

    #[test]
    fn finds_every_field_with_its_path_and_why() {
        let hits = search_twin(&twin(), "wechat");
        let paths: Vec<&str> = hits.hits.iter().map(|h| h.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "east.scores.digital_convenience.evidence[0].claim",
                "east.moves[0].unit",
                "east.moves[0].note",
            ]
        );
        assert_eq!(hits.total, 3);
        let note = &hits.hits[2];
        assert_eq!(note.snippet.matched, "wechat");
        assert_eq!(note.snippet.before, "Launched in 2011; ");
        assert_eq!(note.label, "Tencent › Move 1 › Note");
        let claim = &hits.hits[0];
        assert_eq!(claim.snippet.matched, "WeChat");
        assert_eq!(claim.label, "Tencent › Digital convenience › Evidence 1");
    }

    #[test]
    fn every_term_must_match_somewhere_and_sources_count() {
        let t = twin();
        assert_eq!(search_twin(&t, "wechat investors").total, 4);
        assert!(search_twin(&t, "wechat alipay").hits.is_empty());
        assert!(search_twin(&t, "   ").hits.is_empty());
        let sector = search_twin(&t, "messaging");
        assert!(sector.hits.iter().any(|h| h.path == "east.moves[0].sector"));
    }

    #[test]
    fn non_ascii_case_folds_and_maps_back_to_the_original() {
        let hits = search_twin(&twin(), "éclipsent");
        assert_eq!(hits.hits.len(), 1);
        assert_eq!(hits.hits[0].snippet.matched, "ÉCLIPSENT");
        assert_eq!(hits.hits[0].snippet.before, "Super-apps ");
        assert_eq!(hits.hits[0].snippet.after, " single apps");
    }

    #[test]
    fn long_fields_are_cut_around_the_match() {
        let mut t = twin();
        t.biggest_difference = format!("{} needle {}", "a".repeat(200), "b".repeat(200));
        let hits = search_twin(&t, "needle");
        let s = &hits.hits[0].snippet;
        assert!(s.before.starts_with('…') && s.after.ends_with('…'));
        assert!(s.before.chars().count() <= CONTEXT_CHARS + 1);
    }

    #[test]
    fn a_match_never_spans_two_fields() {
        let mut t = twin();
        t.title = "ab".into();
        t.id = "cd".into();
        assert!(search_twin(&t, "bcd").hits.is_empty());
    }

    #[test]
    fn longer_queries_narrow_shorter_ones() {
        assert!(Query::new("we").narrows_to(&Query::new("wec")));
        assert!(!Query::new("wec").narrows_to(&Query::new("we")));
        assert!(!Query::new("").narrows_to(&Query::new("a")));
    }
}
