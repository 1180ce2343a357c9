//! The deck as PowerPoint objects: each described slide laid out as text boxes, a native table
//! and radar chart, and vector shapes (the map, the timeline) for `report::pptx`, with the live
//! deck's layout. Text is never cut: what does not fit is set smaller (and PowerPoint shrinks it
//! further if the user adds more). Hidden slides stay in the file as PowerPoint hidden slides.
//!
//! Coordinates are the design slide (720 high; 1280 wide at 16:9, 960 at 4:3), scaled to the
//! PPTX writer's units (900 high) on the way out.

mod parts;

use super::chart_slides::radar_share;
use super::describe::{
    Body, Bullet, PillarColumn, ScoreTable, SlideDescription, Slides, Text, Tone,
    describe_deck_shaped, size,
};
use super::figure::{self, Figure, Paint};
use super::fit::{MARGIN_X, MARGIN_Y, RADAR_TABLE_GAP, aspect_width};
use super::theme::{ProjectorTheme, projector_safe, rgb};
use crate::assets::text_width;
use crate::charts::egui::color32;
use crate::charts::map_layout::{MapFrame, MapLabelRole, layout_map};
use crate::charts::svg::wrap;
use crate::charts::{Chart as ChartDescription, DiversificationMap, Rgb};
use crate::model::{Side, Twin};
use crate::report::pptx::{
    Align, Anchor, Aspect, Cell, Chart, ChartType, Deck, Frame, Paragraph, Series, Shape, Slide,
    Table, TextBox, Theme,
};
use crate::tokens::table::{BLUISH_GREEN, ORANGE, SKY_BLUE};

/// PPTX units per design unit (the writer's slide is 900 units high).
const K: f64 = crate::report::pptx::SLIDE_HEIGHT / 720.0;
const HEIGHT: f64 = 720.0;
const LEADING: f64 = 1.2;
/// Map text relative to the export's, as on the deck PDF.
const MAP_TEXT_SCALE: f64 = 1.35;

/// The twin's deck as a PowerPoint deck in the light projector theme (white, as offices print).
pub fn deck_pptx(twin: &Twin, aspect: Aspect) -> Deck {
    deck_pptx_in(twin, aspect, ProjectorTheme::Light)
}

/// The twin's deck as a PowerPoint deck in `theme`: every slide in the deck's order, hidden ones
/// kept as PowerPoint hidden slides, speaker notes on the notes pages.
pub fn deck_pptx_in(twin: &Twin, aspect: Aspect, theme: ProjectorTheme) -> Deck {
    slides_pptx(
        &describe_deck_shaped(twin, Slides::All, aspect_width(aspect)),
        &twin.title,
        aspect,
        theme,
    )
}

/// Described slides as a PowerPoint deck; shown slides are numbered `n / total`.
pub fn slides_pptx(
    slides: &[SlideDescription],
    title: &str,
    aspect: Aspect,
    theme: ProjectorTheme,
) -> Deck {
    let colours = slides.first().map_or([Rgb(0, 0, 0); 2], |s| s.colours);
    let shown = slides.iter().filter(|s| !s.hidden).count();
    let mut number = 0;
    let out = slides
        .iter()
        .map(|slide| {
            let mut page = Page::new(aspect, theme, slide.colours);
            page.layout(slide);
            if !slide.hidden {
                number += 1;
                let count = Text::new(format!("{number} / {shown}"), size::SMALL, Tone::Muted, 1);
                let w = 160.0;
                page.text_box(
                    (page.width - MARGIN_X - w, HEIGHT - 34.0, w),
                    &count,
                    1,
                    Align::Right,
                );
            }
            Slide {
                shapes: page.shapes,
                notes: slide.notes.clone(),
                hidden: slide.hidden,
            }
        })
        .collect();
    let c = |colour: egui::Color32| rgb(colour);
    Deck {
        title: title.to_owned(),
        aspect,
        theme: Theme {
            name: "Twin Studio".to_owned(),
            background: c(theme.background()),
            ink: c(theme.text()),
            muted: c(theme.muted()),
            accents: [
                colours[0],
                colours[1],
                BLUISH_GREEN,
                ORANGE,
                SKY_BLUE,
                c(theme.warning()),
            ],
            latin_font: "Calibri".to_owned(),
            east_asian_font: "Microsoft YaHei".to_owned(),
        },
        slides: out,
    }
}

/// Estimated height of paragraphs set in a box `width` wide: Latin letters about half an em,
/// CJK a full em, words wrapped whole.
fn text_height(paragraphs: &[Paragraph], width: f64) -> f64 {
    paragraphs
        .iter()
        .map(|p| {
            let size = p.runs.first().map_or(20.0, |r| r.size);
            let indent = if p.bullet { 28.0 } else { 0.0 };
            let line_w = (width - indent).max(size);
            let mut lines = 0.0_f64;
            for line in p.text().split('\n') {
                let mut x = 0.0;
                let mut n = 1.0;
                for word in line.split(' ') {
                    let w: f64 = word
                        .chars()
                        .map(|c| if c.len_utf8() >= 3 { size } else { size * 0.47 })
                        .sum();
                    if x > 0.0 && x + w > line_w {
                        n += 1.0;
                        x = 0.0;
                    }
                    x += w + size * 0.26;
                    n += ((w - line_w) / line_w).ceil().max(0.0);
                }
                lines += n;
            }
            lines * size * 1.2 + p.space_before
        })
        .sum()
}

/// Scales every run down (to at most 40 %) until the paragraphs fit the box.
fn fit(mut paragraphs: Vec<Paragraph>, frame: Frame) -> Vec<Paragraph> {
    let mut scale = 1.0;
    while scale > 0.4 && text_height(&paragraphs, frame.w) > frame.h {
        scale *= 0.92;
        for p in &mut paragraphs {
            p.space_before *= 0.92;
            for r in &mut p.runs {
                r.size *= 0.92;
            }
        }
    }
    paragraphs
}

/// A rectangle of the design slide in the writer's units.
fn frame(x: f64, y: f64, w: f64, h: f64) -> Frame {
    Frame::new(x * K, y * K, w * K, h * K)
}

/// Lines `text` takes at `size` in `width` (at least one), all of it.
fn line_count(text: &str, size: f64, width: f64) -> usize {
    wrap(text, size as f32, width as f32, usize::MAX)
        .len()
        .max(1)
}

/// One slide's objects being laid out, in design units.
struct Page {
    /// The design slide's width: 1280 at 16:9, 960 at 4:3.
    width: f64,
    theme: ProjectorTheme,
    sides: [Rgb; 2],
    shapes: Vec<Shape>,
}

impl Page {
    fn new(aspect: Aspect, theme: ProjectorTheme, brands: [Rgb; 2]) -> Self {
        Self {
            width: aspect.width() / K,
            theme,
            sides: brands.map(|b| rgb(theme.brand(b))),
            shapes: Vec::new(),
        }
    }

    fn tone(&self, tone: Tone) -> Rgb {
        rgb(self.theme.tone(tone, self.sides.map(color32)))
    }

    fn paint(&self, paint: Paint) -> Rgb {
        match paint {
            Paint::Tone(t) => self.tone(t),
            Paint::Rule => rgb(self.theme.line()),
        }
    }

    fn paragraph(&self, t: &Text, align: Align) -> Paragraph {
        Paragraph::plain(&t.text, f64::from(t.size) * K, false, self.tone(t.tone)).aligned(align)
    }

    /// A text box holding all of `t`, as high as `max_lines` lines (0: all it needs) at its
    /// size; longer text is set smaller to fit. Returns the y below the box.
    fn text_box(
        &mut self,
        (x, y, w): (f64, f64, f64),
        t: &Text,
        max_lines: usize,
        align: Align,
    ) -> f64 {
        let size = f64::from(t.size);
        let needed = line_count(&t.text, size, w);
        let lines = if max_lines == 0 {
            needed
        } else {
            needed.min(max_lines)
        };
        let h = lines as f64 * size * LEADING;
        let f = frame(x, y, w, h);
        self.shapes.push(Shape::Text(TextBox {
            frame: f,
            paragraphs: fit(vec![self.paragraph(t, align)], f),
            anchor: Anchor::Top,
            title: false,
            autofit: true,
        }));
        y + h
    }

    /// A pillar: its description, then each company's score and evidence in a column.
    fn pillar(
        &mut self,
        mut body: (f64, f64, f64, f64),
        description: Option<&Text>,
        columns: &[PillarColumn; 2],
    ) {
        if let Some(d) = description {
            let y = self.put(body.0, body.1, body.2, d) + 20.0;
            body = (body.0, y, body.2, body.1 + body.3 - y);
        }
        let bottom = body.1 + body.3;
        for (c, (x, y, w, _)) in columns.iter().zip(columns_of(body)) {
            let mut y = self.put(x, y, w, &c.company);
            y = self.put(x, y, w, &c.figure);
            if let Some(flag) = &c.flag {
                y = self.put(x, y, w, flag);
            }
            self.list((x, y + 16.0, w, bottom - y - 16.0), &c.evidence);
        }
    }

    fn put(&mut self, x: f64, y: f64, w: f64, t: &Text) -> f64 {
        self.text_box((x, y, w), t, t.max_lines, Align::Left)
    }

    /// The heading (PowerPoint's title placeholder) and its rule; returns the body's top.
    fn heading(&mut self, title: &Text) -> f64 {
        let w = self.width - 2.0 * MARGIN_X;
        let size = f64::from(title.size);
        let lines = line_count(&title.text, size, w).min(title.max_lines.max(1));
        let h = lines as f64 * size * LEADING;
        let f = frame(MARGIN_X, MARGIN_Y, w, h);
        self.shapes.push(Shape::Text(TextBox {
            frame: f,
            paragraphs: fit(vec![self.paragraph(title, Align::Left)], f),
            anchor: Anchor::Bottom,
            title: true,
            autofit: true,
        }));
        let rule_y = MARGIN_Y + h + 12.0;
        self.shapes.push(Shape::Box {
            frame: frame(MARGIN_X, rule_y - 1.0, w, 2.0),
            ellipse: false,
            fill: Some(rgb(self.theme.line())),
            line: None,
        });
        rule_y + 24.0
    }

    fn layout(&mut self, slide: &SlideDescription) {
        let inner = (
            MARGIN_X,
            MARGIN_Y,
            self.width - 2.0 * MARGIN_X,
            HEIGHT - 2.0 * MARGIN_Y,
        );
        if let Body::Cover(c) = &slide.body {
            let (x, top, w, h) = inner;
            let mut y = top + h * 0.28;
            let centred = |page: &mut Page, y: f64, t: &Text| {
                page.text_box((x, y, w), t, t.max_lines, Align::Centre)
            };
            y = centred(self, y, &c.title) + 40.0;
            y = centred(self, y, &c.names[0]) + 8.0;
            y = centred(self, y, &c.joiner) + 8.0;
            centred(self, y, &c.names[1]);
            centred(self, top + h - 32.0, &c.footer);
            if let Some(Shape::Text(t)) = self.shapes.first_mut() {
                t.title = true;
            }
            return;
        }
        let top = self.heading(&slide.title);
        let body = (inner.0, top, inner.2, inner.1 + inner.3 - top);
        match &slide.body {
            Body::Cover(_) => {}
            Body::Companies { columns, spectra } => {
                let band = 200.0;
                let upper = (body.0, body.1, body.2, body.3 - band);
                for (c, (x, y, w, h)) in columns.iter().zip(columns_of(upper)) {
                    let mut y = self.put(x, y, w, &c.name);
                    if let Some(native) = &c.native_name {
                        y = self.put(x, y, w, native);
                    }
                    y = self.put(x, y + 8.0, w, &c.facts) + 12.0;
                    let rows = ((body.1 + h - y) / (f64::from(c.about.size) * 1.3))
                        .floor()
                        .max(1.0);
                    self.text_box((x, y, w), &c.about, rows as usize, Align::Left);
                }
                for (i, s) in spectra.iter().enumerate() {
                    let cy = body.1 + body.3 - band + band / 4.0 + i as f64 * band / 2.0;
                    self.spectrum(body.0, body.2, cy, s);
                }
            }
            Body::Contrast { statements } => {
                for (i, s) in statements.iter().enumerate() {
                    let top = body.1 + body.3 / 2.0 * i as f64;
                    let mut y = self.put(body.0, top, body.2, &s.label) + 6.0;
                    y = self.put(body.0, y, body.2, &s.text);
                    if let Some(figure) = &s.figure {
                        self.put(body.0, y + 8.0, body.2, figure);
                    }
                }
            }
            Body::Chart { chart, table } => {
                let chart = projector_safe(chart, self.theme);
                match (&chart, table) {
                    (ChartDescription::Radar(radar), Some(table)) => {
                        let split = body.2 * f64::from(radar_share(body.2 as f32, body.3 as f32));
                        self.radar(radar, (body.0, body.1, split, body.3));
                        let x = body.0 + split + f64::from(RADAR_TABLE_GAP);
                        self.score_table((x, body.1, body.0 + body.2 - x, body.3), table);
                    }
                    (ChartDescription::Radar(radar), None) => self.radar(radar, body),
                    (ChartDescription::Map(map), _) => self.map(map, body),
                    (ChartDescription::Timeline(t), _) => {
                        let fig = figure::timeline(t, body);
                        self.figure(&fig);
                    }
                    _ => {}
                }
            }
            Body::Pillar {
                description,
                columns,
            } => self.pillar(body, description.as_ref(), columns),
            Body::List { items, empty } => {
                if items.is_empty() {
                    self.put(body.0, body.1, body.2, empty);
                } else {
                    self.list(body, items);
                }
            }
        }
    }
}

/// West's and East's halves of an area, with the live deck's gutter.
fn columns_of((x, y, w, h): (f64, f64, f64, f64)) -> [(f64, f64, f64, f64); 2] {
    let gutter = 48.0;
    let half = (w - gutter) / 2.0;
    [(x, y, half, h), (x + half + gutter, y, half, h)]
}

#[cfg(test)]
mod tests;
