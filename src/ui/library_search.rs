//! The library's full-text search, cached between frames: each twin's [`TwinIndex`] is rebuilt
//! only when the twin changes, a query is re-run only when it changes (and, while typing, only
//! over the previous results), and hits with their snippets are made only for the rows shown.

use std::collections::HashMap;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

use super::state::OpenTwin;
use super::style;
use crate::analysis::{Hit, Query, TwinHits, TwinIndex};

/// The search cache; one per library panel.
#[derive(Debug, Default)]
pub struct LibrarySearch {
    /// Per twin (same order as the library): the revision indexed and its index.
    indexes: Vec<(u64, TwinIndex)>,
    query: Query,
    /// Twins holding every term of `query`, in library order.
    matched: Vec<usize>,
    /// Hits of the twins asked for so far under `query`.
    hits: HashMap<usize, TwinHits>,
}

impl LibrarySearch {
    /// Runs `text` over the library, reusing what is still valid; `None` when the query is empty
    /// (every twin is listed), else the twins that match.
    pub fn update(&mut self, twins: &[OpenTwin], text: &str) -> Option<&[usize]> {
        let query = Query::new(text);
        if query.is_empty() {
            return None;
        }
        let mut reindexed = self.indexes.len() != twins.len();
        self.indexes.truncate(twins.len());
        for (i, open) in twins.iter().enumerate() {
            match self.indexes.get_mut(i) {
                Some((revision, _)) if *revision == open.revision => {}
                Some(slot) => {
                    *slot = (open.revision, TwinIndex::new(&open.twin));
                    reindexed = true;
                }
                None => {
                    self.indexes
                        .push((open.revision, TwinIndex::new(&open.twin)));
                    reindexed = true;
                }
            }
        }
        if reindexed || query != self.query {
            let narrowing = !reindexed && self.query.narrows_to(&query);
            let candidates: Vec<usize> = if narrowing {
                std::mem::take(&mut self.matched)
            } else {
                (0..self.indexes.len()).collect()
            };
            self.matched = candidates
                .into_iter()
                .filter(|&i| self.indexes[i].1.matches(&query))
                .collect();
            self.hits.clear();
            self.query = query;
        }
        Some(&self.matched)
    }

    /// The hits of twin `index` under the last query (empty when it does not match).
    pub fn hits(&mut self, index: usize) -> &TwinHits {
        let Self {
            indexes,
            query,
            hits,
            ..
        } = self;
        hits.entry(index).or_insert_with(|| {
            indexes
                .get(index)
                .map(|(_, ix)| ix.search(query))
                .unwrap_or_default()
        })
    }
}

/// "Where: …text with the match…" on one line, the match in bold ink, the rest muted.
pub fn hit_line(ui: &egui::Ui, hit: &Hit, size: f32, with_label: bool) -> LayoutJob {
    let muted = style::colours(ui).muted;
    let ink = ui.visuals().strong_text_color();
    let font = FontId::proportional(size);
    let mut job = LayoutJob::default();
    let mut push = |text: &str, colour: Color32, strong: bool| {
        let format = TextFormat {
            font_id: font.clone(),
            color: colour,
            underline: if strong {
                egui::Stroke::new(1.0, colour)
            } else {
                egui::Stroke::NONE
            },
            ..TextFormat::default()
        };
        job.append(text, 0.0, format);
    };
    if with_label {
        push(&format!("{}: ", hit.label), muted, false);
    }
    push(&hit.snippet.before, muted, false);
    push(&hit.snippet.matched, ink, true);
    push(&hit.snippet.after, muted, false);
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job
}
