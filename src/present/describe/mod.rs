//! What each slide holds, described once: the texts with their size, tone and line budget, the
//! lists, the score table, the chart, the speaker notes. Built from the twin and its analysis;
//! drawn by `view` (egui, live), `deck_svg` (the deck PDF) and `deck_pptx` (PowerPoint), so the
//! three show the same slides with the same words.
//!
//! Sizes are points on the 1280x720 design slide; renderers scale them to their page. Tones are
//! roles the theme resolves, so one description draws in every look.

mod bodies;
mod texts;

use super::builds::{RadarStop, builds_on, map_at, radar_stops, timeline_at, timeline_years};
use super::deck::{Slide, SlideKind, continued, deck_shaped, ordered_slides};
use super::fit::WIDE;
use super::morph::RadarFrame;
use crate::charts::{Chart, ChartKind, Rgb, describe, side_colours};
use crate::model::{Side, Twin};

pub use super::fit::{DETAIL_LINES, POINT_LINES, TITLE_LINES, size};

/// A colour role; each theme says what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ink,
    Muted,
    /// The company's colour on this side, made readable on the theme's background.
    Side(Side),
    /// Scores without evidence.
    Warning,
}

/// One text of a slide.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: String,
    /// Points on the design slide.
    pub size: f32,
    pub tone: Tone,
    /// Lines it may wrap onto (0 = as many as its box holds).
    pub max_lines: usize,
}

impl Text {
    pub fn new(text: impl Into<String>, size: f32, tone: Tone, max_lines: usize) -> Self {
        Self {
            text: text.into(),
            size,
            tone,
            max_lines,
        }
    }
}

/// A bullet: the point, and a smaller line under it (a source or a detail).
#[derive(Debug, Clone, PartialEq)]
pub struct Bullet {
    pub primary: String,
    pub secondary: String,
}

/// One company on the companies slide.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyColumn {
    pub name: Text,
    pub native_name: Option<Text>,
    /// Region, headquarters, founding year.
    pub facts: Text,
    /// The core business; fills the rest of the column.
    pub about: Text,
}

/// One axis of the model from -1 to +1 with both companies on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Spectrum {
    /// The poles, left and right.
    pub ends: [Text; 2],
    /// West, East.
    pub values: [f64; 2],
    /// West, East: the labels of the two markers.
    pub names: [Text; 2],
}

/// The biggest difference or similarity, with the figure that shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub label: Text,
    pub text: Text,
    pub figure: Option<Text>,
}

/// Both scores per pillar and the weighted totals, beside a chart that is hard to read exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreTable {
    /// The radar stop shown ("2018", "Today") when the twin has dated snapshots.
    pub year: Option<Text>,
    /// Column headers: the two companies.
    pub companies: [Text; 2],
    /// One row per pillar, then the weighted totals.
    pub rows: Vec<ScoreRow>,
    /// The key to the asterisk, when a score has no evidence.
    pub note: Option<Text>,
}

/// One row of the score table.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub label: Text,
    /// West, East.
    pub cells: [Text; 2],
}

/// One company on a pillar slide: its score and the evidence behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarColumn {
    pub company: Text,
    pub figure: Text,
    /// Said when the score has no evidence.
    pub flag: Option<Text>,
    pub evidence: Vec<Bullet>,
}

/// The title slide: the twin's title, both companies, how current and well backed it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub title: Text,
    /// West, East.
    pub names: [Text; 2],
    /// The word between the names.
    pub joiner: Text,
    /// Framework, as-of date and evidence health, at the foot.
    pub footer: Text,
}

/// What a slide shows under its heading.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// The title slide.
    Cover(Cover),
    Companies {
        columns: Box<[CompanyColumn; 2]>,
        spectra: Box<[Spectrum; 2]>,
    },
    Contrast {
        statements: Box<[Statement; 2]>,
    },
    /// A chart filling the body, with the score table beside it for the radar.
    Chart {
        chart: Box<Chart>,
        table: Option<ScoreTable>,
    },
    Pillar {
        description: Option<Text>,
        columns: Box<[PillarColumn; 2]>,
    },
    /// A bulleted list filling the body (lessons), or what to say when it is empty.
    List {
        items: Vec<Bullet>,
        empty: Text,
    },
}

/// One slide, described.
#[derive(Debug, Clone, PartialEq)]
pub struct SlideDescription {
    /// The slide's key in the twin file (`deck.order`, `deck.hidden`, `speaker_notes`).
    pub key: String,
    pub kind: SlideKind,
    /// The heading (the cover draws its own title instead).
    pub title: Text,
    pub body: Body,
    /// The speaker's notes for this slide; empty when none.
    pub notes: String,
    /// The two companies' brand colours (West, East), before a theme makes them readable.
    pub colours: [Rgb; 2],
    /// Clicks the slide takes (builds); a described slide is drawn fully built.
    pub steps: usize,
    /// Hidden in the twin's deck: only kept when asked for (PowerPoint keeps hidden slides).
    pub hidden: bool,
}

/// Which slides [`describe_deck`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slides {
    /// What the presenter shows: the deck's order without hidden slides.
    Shown,
    /// Every slide in the deck's order, hidden ones marked (PowerPoint keeps them, hidden).
    All,
}

/// Which build step of a slide to draw, and for a radar in motion the frame between two stops.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Moment {
    pub step: usize,
    pub radar: Option<RadarFrame>,
}

impl Moment {
    /// The slide fully built: its last step, the radar at its last stop.
    pub fn built(slide: &Slide) -> Self {
        Self {
            step: slide.steps.saturating_sub(1),
            radar: None,
        }
    }
}

/// The twin's slides on a 16:9 slide, described fully built, in deck order.
pub fn describe_deck(twin: &Twin, which: Slides) -> Vec<SlideDescription> {
    describe_deck_shaped(twin, which, WIDE)
}

/// The twin's slides on a slide `width` design units wide (960 at 4:3, 1280 at 16:9), described
/// fully built, in deck order.
pub fn describe_deck_shaped(twin: &Twin, which: Slides, width: f64) -> Vec<SlideDescription> {
    let slides = match which {
        Slides::Shown => deck_shaped(twin, width),
        Slides::All => continued(twin, ordered_slides(twin), width),
    };
    let hidden = |s: &Slide| twin.deck.hidden.iter().any(|k| k == s.file_key());
    let nothing_shown = slides.iter().all(hidden);
    slides
        .iter()
        .map(|s| {
            let mut d = describe_slide(twin, s, &Moment::built(s));
            d.hidden = which == Slides::All && !nothing_shown && hidden(s);
            d
        })
        .collect()
}

/// One slide of `twin` at `moment` (a build step, a frame of the radar's morph).
pub fn describe_slide(twin: &Twin, slide: &Slide, moment: &Moment) -> SlideDescription {
    let body = match &slide.kind {
        SlideKind::Title => bodies::cover(twin),
        SlideKind::Companies => bodies::companies(twin),
        SlideKind::Contrast => bodies::contrast(twin),
        SlideKind::Radar => radar(twin, moment),
        SlideKind::Map => {
            let mut chart = describe(twin, ChartKind::Map, None);
            if builds_on(twin, "map")
                && let Chart::Map(m) = chart
            {
                chart = Chart::Map(map_at(m, moment.step));
            }
            Body::Chart {
                chart: Box::new(chart),
                table: None,
            }
        }
        SlideKind::Timeline => {
            let mut chart = describe(twin, ChartKind::Timeline, None);
            if builds_on(twin, "timeline")
                && let Chart::Timeline(t) = chart
            {
                chart = Chart::Timeline(timeline_at(t, &timeline_years(twin), moment.step));
            }
            Body::Chart {
                chart: Box::new(chart),
                table: None,
            }
        }
        SlideKind::Pillar(id) => {
            bodies::pillar(twin, id, slide.part.as_ref().map(|p| p.items.as_slice()))
        }
        SlideKind::Lessons => {
            bodies::lessons(twin, slide.part.as_ref().map(|p| p.items.as_slice()))
        }
    };
    SlideDescription {
        key: slide.key.clone(),
        kind: slide.kind.clone(),
        title: Text::new(slide.title.clone(), size::TITLE, Tone::Ink, TITLE_LINES),
        body,
        // A follow-on slide has no notes of its own: they stay with the slide it continues.
        notes: twin
            .speaker_notes
            .get(&slide.key)
            .filter(|_| slide.part.as_ref().is_none_or(|p| p.number == 1))
            .filter(|n| !n.trim().is_empty())
            .cloned()
            .unwrap_or_default(),
        colours: side_colours(twin),
        steps: slide.steps,
        hidden: false,
    }
}

/// The radar at the moment's stop (or a frame of the morph to it), with the score table beside
/// it and, when the twin has dated snapshots, the stop's year.
fn radar(twin: &Twin, moment: &Moment) -> Body {
    let stops = radar_stops(twin);
    let frame = moment.radar.clone().unwrap_or_else(|| {
        let last = stops.len().saturating_sub(1);
        stops
            .get(moment.step.min(last))
            .map(|stop| RadarFrame::at(twin, stop))
            .unwrap_or_else(|| RadarFrame::at(twin, &RadarStop::today()))
    });
    let mut description = crate::charts::Radar::new(twin, None);
    for (i, series) in description.series.iter_mut().enumerate() {
        series.values = frame.values[i].clone();
        series.supported = frame.supported[i].clone();
    }
    Body::Chart {
        chart: Box::new(Chart::Radar(description)),
        table: Some(bodies::score_table(twin, &frame, stops.len() > 1)),
    }
}

#[cfg(test)]
mod tests;
