//! The deck as 16:9 or 4:3 SVG pages, one per described slide, for the presenter's PDF backup: the live
//! deck on paper, in the same projector theme, with the same texts, sizes and layout (the radar's
//! score table beside it included). Pages go through the reports' SVG -> PDF pipeline
//! (`report::pdf::svg_pages_pdf`).
//!
//! Coordinates are the design slide, 720 high and 1280 (16:9) or 960 (4:3) wide, so every size
//! of the description is used as it is; the page is 1.25 times that.

use super::fit::{MARGIN_X, MARGIN_Y};
use std::fmt::Write;

mod charts;
mod lists;

use super::chart_slides::radar_share;
use super::describe::{
    Body, PillarColumn, ScoreTable, SlideDescription, Slides, Text, Tone, describe_deck_shaped,
    size,
};
use super::fit::{RADAR_TABLE_GAP, TABLE_VALUE_SHARE, aspect_width};
use super::theme::{ProjectorTheme, rgb};
use crate::assets::FONT_STACK;
use crate::charts::Rgb;
use crate::charts::svg::{wrap, xml_escape};
use crate::report::pptx::Aspect;
use charts::chart_in;
use lists::{list, list_size};

/// The design slide's height; its width follows the page's aspect (1280 at 16:9, 960 at 4:3).
const HEIGHT: f64 = 720.0;
/// Page units per design unit (a 16:9 page is 1600x900, a 4:3 one 1200x900).
const PAGE_SCALE: f64 = 1.25;
/// Line height relative to the type size.
const LEADING: f64 = 1.2;
/// The least a chart label is set at on the design slide: what reads from the back of a room.
const MIN_CHART_TEXT: f64 = 15.0;

/// One 16:9 SVG document per slide of the twin's deck, in deck order, in the presenter's
/// default theme.
pub fn deck_svgs(twin: &crate::model::Twin) -> Vec<String> {
    deck_svgs_in(twin, ProjectorTheme::default(), Aspect::Wide)
}

/// One SVG document per slide of the twin's deck, in `theme`, laid out for `aspect` as the
/// live deck lays out a screen of that shape.
pub fn deck_svgs_in(
    twin: &crate::model::Twin,
    theme: ProjectorTheme,
    aspect: Aspect,
) -> Vec<String> {
    slides_svgs(
        &describe_deck_shaped(twin, Slides::Shown, aspect_width(aspect)),
        theme,
        aspect,
    )
}

/// One SVG document per described slide, numbered `n / total`.
pub fn slides_svgs(
    slides: &[SlideDescription],
    theme: ProjectorTheme,
    aspect: Aspect,
) -> Vec<String> {
    let total = slides.len();
    slides
        .iter()
        .enumerate()
        .map(|(i, slide)| slide_svg(slide, theme, aspect, i + 1, total))
        .collect()
}

/// The theme's colours, as SVG wants them.
struct Colours {
    theme: ProjectorTheme,
    /// West, East: the brand colours made readable on the theme.
    sides: [egui::Color32; 2],
    background: String,
    ink: String,
    muted: String,
    line: String,
}

impl Colours {
    fn new(theme: ProjectorTheme, brands: [Rgb; 2]) -> Self {
        let hex = |c: egui::Color32| rgb(c).hex();
        Self {
            theme,
            sides: brands.map(|b| theme.brand(b)),
            background: hex(theme.background()),
            ink: hex(theme.text()),
            muted: hex(theme.muted()),
            line: hex(theme.line()),
        }
    }

    fn tone(&self, tone: Tone) -> String {
        rgb(self.theme.tone(tone, self.sides)).hex()
    }
}

/// A page writer: every text goes through `xml_escape`.
struct Page {
    out: String,
    colours: Colours,
    theme: ProjectorTheme,
    /// The design slide's width (its height is [`HEIGHT`]).
    width: f64,
}

/// Where a text hangs from its x.
#[derive(Clone, Copy)]
enum Align {
    Left,
    Centre,
}

impl Page {
    fn new(theme: ProjectorTheme, brands: [Rgb; 2], width: f64) -> Self {
        let colours = Colours::new(theme, brands);
        let mut out = String::with_capacity(16 * 1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {HEIGHT}\" \
             width=\"{}\" height=\"{}\" font-family=\"{}\">\
             <rect width=\"{width}\" height=\"{HEIGHT}\" fill=\"{}\"/>",
            width * PAGE_SCALE,
            HEIGHT * PAGE_SCALE,
            xml_escape(FONT_STACK),
            colours.background
        );
        Self {
            out,
            colours,
            theme,
            width,
        }
    }

    fn line(&mut self, x: f64, y: f64, size: f64, fill: &str, anchor: &str, text: &str) {
        let _ = write!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size:.1}\" fill=\"{fill}\" \
             text-anchor=\"{anchor}\">{}</text>",
            xml_escape(text)
        );
    }

    /// A described text wrapped to `width` from `top`, at most `max_lines` lines (0: as many as
    /// it needs); returns the y below it.
    fn text(
        &mut self,
        (x, top, width): (f64, f64, f64),
        t: &Text,
        max_lines: usize,
        align: Align,
    ) -> f64 {
        let size = f64::from(t.size);
        let budget = if max_lines == 0 {
            usize::MAX
        } else {
            max_lines
        };
        let (x, anchor) = match align {
            Align::Left => (x, "start"),
            Align::Centre => (x + width / 2.0, "middle"),
        };
        let fill = self.colours.tone(t.tone).to_owned();
        let mut y = top;
        for line in wrap(&t.text, t.size, width as f32, budget) {
            self.line(x, y + size * 0.95, size, &fill, anchor, &line);
            y += size * LEADING;
        }
        y
    }

    /// A described text at its own line budget.
    fn put(&mut self, x: f64, top: f64, width: f64, t: &Text) -> f64 {
        self.text((x, top, width), t, t.max_lines, Align::Left)
    }

    fn rule(&mut self, x0: f64, x1: f64, y: f64, width: f64, colour: &str) {
        let _ = write!(
            self.out,
            "<line x1=\"{x0:.1}\" y1=\"{y:.1}\" x2=\"{x1:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" \
             stroke-width=\"{width:.1}\"/>"
        );
    }

    fn disc(&mut self, cx: f64, cy: f64, r: f64, fill: &str, stroke: Option<&str>) {
        let stroke = stroke
            .map(|s| format!(" stroke=\"{s}\" stroke-width=\"2\""))
            .unwrap_or_default();
        let _ = write!(
            self.out,
            "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{fill}\"{stroke}/>"
        );
    }

    /// The heading and its rule, as the live deck draws them; returns the body's top.
    fn heading(&mut self, title: &Text) -> f64 {
        let width = self.width - 2.0 * MARGIN_X;
        let bottom = self.put(MARGIN_X, MARGIN_Y, width, title);
        let rule_y = bottom + 12.0;
        let line = self.colours.line.clone();
        self.rule(MARGIN_X, self.width - MARGIN_X, rule_y, 2.0, &line);
        rule_y + 24.0
    }

    fn finish(mut self, number: usize, total: usize) -> String {
        let muted = self.colours.muted.clone();
        self.line(
            self.width - MARGIN_X,
            HEIGHT - 14.0,
            size::SMALL.into(),
            &muted,
            "end",
            &format!("{number} / {total}"),
        );
        self.out.push_str("</svg>");
        self.out
    }
}

/// The body area of a slide: left, top, right, bottom.
#[derive(Clone, Copy)]
struct Area {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Area {
    fn bottom(self) -> f64 {
        self.y + self.h
    }

    /// West's and East's halves, with the live deck's gutter.
    fn columns(self) -> [Area; 2] {
        let gutter = 48.0;
        let w = (self.w - gutter) / 2.0;
        [
            Area { w, ..self },
            Area {
                x: self.x + w + gutter,
                w,
                ..self
            },
        ]
    }
}

/// One described slide as an SVG page.
pub fn slide_svg(
    slide: &SlideDescription,
    theme: ProjectorTheme,
    aspect: Aspect,
    number: usize,
    total: usize,
) -> String {
    let width = aspect_width(aspect);
    let mut page = Page::new(theme, slide.colours, width);
    let inner = Area {
        x: MARGIN_X,
        y: MARGIN_Y,
        w: width - 2.0 * MARGIN_X,
        h: HEIGHT - 2.0 * MARGIN_Y,
    };
    if let Body::Cover(c) = &slide.body {
        let mut y = inner.y + inner.h * 0.28;
        let centred = |page: &mut Page, y: f64, t: &Text| {
            page.text((inner.x, y, inner.w), t, t.max_lines, Align::Centre)
        };
        y = centred(&mut page, y, &c.title) + 40.0;
        y = centred(&mut page, y, &c.names[0]) + 8.0;
        y = centred(&mut page, y, &c.joiner) + 8.0;
        centred(&mut page, y, &c.names[1]);
        centred(&mut page, inner.bottom() - 32.0, &c.footer);
        return page.finish(number, total);
    }
    let top = page.heading(&slide.title);
    let body = Area {
        y: top,
        h: inner.bottom() - top,
        ..inner
    };
    match &slide.body {
        Body::Cover(_) => {}
        Body::Companies { columns, spectra } => {
            let band = 200.0;
            let upper = Area {
                h: body.h - band,
                ..body
            };
            for (c, col) in columns.iter().zip(upper.columns()) {
                let mut y = page.put(col.x, col.y, col.w, &c.name);
                if let Some(native) = &c.native_name {
                    y = page.put(col.x, y, col.w, native);
                }
                y = page.put(col.x, y + 8.0, col.w, &c.facts) + 12.0;
                let rows = ((col.bottom() - y) / (f64::from(c.about.size) * 1.3))
                    .floor()
                    .max(1.0);
                page.text((col.x, y, col.w), &c.about, rows as usize, Align::Left);
            }
            for (i, s) in spectra.iter().enumerate() {
                let cy = body.bottom() - band + band / 4.0 + i as f64 * band / 2.0;
                spectrum(&mut page, body.x, body.w, cy, s);
            }
        }
        Body::Contrast { statements } => {
            for (i, s) in statements.iter().enumerate() {
                let top = body.y + body.h / 2.0 * i as f64;
                let mut y = page.put(body.x, top, body.w, &s.label) + 6.0;
                y = page.put(body.x, y, body.w, &s.text);
                if let Some(figure) = &s.figure {
                    page.put(body.x, y + 8.0, body.w, figure);
                }
            }
        }
        Body::Chart { chart, table } => match table {
            Some(table) => {
                let split = body.w * f64::from(radar_share(body.w as f32, body.h as f32));
                chart_in(&mut page, chart, Area { w: split, ..body });
                let x = body.x + split + f64::from(RADAR_TABLE_GAP);
                score_table(
                    &mut page,
                    Area {
                        x,
                        w: body.x + body.w - x,
                        ..body
                    },
                    table,
                );
            }
            None => chart_in(&mut page, chart, body),
        },
        Body::Pillar {
            description,
            columns,
        } => pillar(&mut page, body, description.as_ref(), columns),
        Body::List { items, empty } => {
            if items.is_empty() {
                page.put(body.x, body.y, body.w, empty);
            } else {
                let size = list_size(&[(body, items)]);
                list(&mut page, body, items, size);
            }
        }
    }
    page.finish(number, total)
}

/// A pillar: its description, then each company's score and evidence in a column.
fn pillar(
    page: &mut Page,
    mut body: Area,
    description: Option<&Text>,
    columns: &[PillarColumn; 2],
) {
    if let Some(d) = description {
        let y = page.put(body.x, body.y, body.w, d) + 20.0;
        body = Area {
            y,
            h: body.bottom() - y,
            ..body
        };
    }
    let mut lists = Vec::new();
    for (c, col) in columns.iter().zip(body.columns()) {
        let mut y = page.put(col.x, col.y, col.w, &c.company);
        y = page.put(col.x, y, col.w, &c.figure);
        if let Some(flag) = &c.flag {
            y = page.put(col.x, y, col.w, flag);
        }
        let area = Area {
            y: y + 16.0,
            h: col.bottom() - y - 16.0,
            ..col
        };
        lists.push((area, c.evidence.as_slice()));
    }
    let size = list_size(&lists);
    for (area, items) in lists {
        list(page, area, items, size);
    }
}

/// One axis of the model as a track with both companies marked on it, poles at the ends.
fn spectrum(page: &mut Page, x: f64, width: f64, cy: f64, s: &super::describe::Spectrum) {
    let end_w = |t: &Text| f64::from(crate::assets::text_width(&t.text, t.size)).min(width / 4.0);
    let (lw, rw) = (end_w(&s.ends[0]), end_w(&s.ends[1]));
    let size = |t: &Text| f64::from(t.size);
    page.put(x, cy - size(&s.ends[0]) * 0.6, width / 4.0, &s.ends[0]);
    page.put(
        x + width - rw,
        cy - size(&s.ends[1]) * 0.6,
        width / 4.0,
        &s.ends[1],
    );
    let (x0, x1) = (x + lw + 16.0, x + width - rw - 16.0);
    let line = page.colours.line.clone();
    page.rule(x0, x1, cy, 4.0, &line);
    for (i, (value, name)) in s.values.iter().zip(&s.names).enumerate() {
        let mx = x0 + (x1 - x0) * (value.clamp(-1.0, 1.0) + 1.0) / 2.0;
        let fill = page.colours.tone(name.tone).to_owned();
        let ink = page.colours.ink.clone();
        page.disc(mx, cy, 12.0, &fill, Some(&ink));
        let label_w = f64::from(crate::assets::text_width(&name.text, name.size));
        let lx = (mx - label_w / 2.0).clamp(x0, (x1 - label_w).max(x0));
        let ly = if i == 0 {
            cy - 16.0 - size(name) * LEADING
        } else {
            cy + 16.0
        };
        page.put(lx, ly, width / 3.0, name);
    }
}

/// The score table beside the radar, as the live deck lays it out.
fn score_table(page: &mut Page, mut area: Area, table: &ScoreTable) {
    if let Some(year) = &table.year {
        let y = page.put(area.x, area.y, area.w, year) + 12.0;
        area = Area {
            y,
            h: area.bottom() - y,
            ..area
        };
    }
    let value_w = area.w * f64::from(TABLE_VALUE_SHARE);
    let name_w = area.w - 2.0 * value_w;
    let col_x = [area.x + name_w, area.x + name_w + value_w];
    let mut y = area.y;
    let mut bottom = y;
    for (i, company) in table.companies.iter().enumerate() {
        bottom = bottom.max(page.put(col_x[i], y, value_w, company));
    }
    y = bottom + 12.0;
    let row_h = ((area.bottom() - y - 40.0) / table.rows.len().max(1) as f64).max(20.0);
    for row in &table.rows {
        let name_bottom = page.put(area.x, y, name_w - 12.0, &row.label);
        for (i, cell) in row.cells.iter().enumerate() {
            page.put(col_x[i], y, value_w, cell);
        }
        y = (y + row_h).max(name_bottom + 8.0);
    }
    if let Some(note) = &table.note {
        page.put(area.x, area.bottom() - 28.0, area.w, note);
    }
}

#[cfg(test)]
mod tests;
