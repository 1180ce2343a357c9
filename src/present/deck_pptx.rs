//! The deck as PowerPoint objects: each described slide laid out as text boxes, a native table
//! and radar chart, and vector shapes (the map, the timeline) for `report::pptx`, with the live
//! deck's layout. Text is never cut: what does not fit is set smaller (and PowerPoint shrinks it
//! further if the user adds more). Hidden slides stay in the file as PowerPoint hidden slides.
//!
//! Coordinates are the design slide (720 high; 1280 wide at 16:9, 960 at 4:3), scaled to the
//! PPTX writer's units (900 high) on the way out.

use super::chart_slides::RADAR_SHARE;
use super::describe::{
    Body, Bullet, ScoreTable, SlideDescription, Slides, Text, Tone, describe_deck, size,
};
use super::figure::{self, Figure, Paint};
use super::theme::{ProjectorTheme, projector_safe, rgb};
use crate::assets::text_width;
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
const MARGIN_X: f64 = 64.0;
const MARGIN_Y: f64 = 40.0;
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
        &describe_deck(twin, Slides::All),
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
        match tone {
            Tone::Ink => rgb(self.theme.text()),
            Tone::Muted => rgb(self.theme.muted()),
            Tone::Warning => rgb(self.theme.warning()),
            Tone::Side(side) => self.sides[usize::from(side == Side::East)],
        }
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
                        let split = body.2 * f64::from(RADAR_SHARE);
                        self.radar(radar, (body.0, body.1, split, body.3));
                        let x = body.0 + split + 24.0;
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
            } => {
                let mut body = body;
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
            Body::List { items, empty } => {
                if items.is_empty() {
                    self.put(body.0, body.1, body.2, empty);
                } else {
                    self.list(body, items);
                }
            }
        }
    }

    /// One axis of the model: a track, both companies' markers, the poles at the ends.
    fn spectrum(&mut self, x: f64, width: f64, cy: f64, s: &super::describe::Spectrum) {
        let end_w = |t: &Text| f64::from(text_width(&t.text, t.size)).min(width / 4.0) + 4.0;
        let (lw, rw) = (end_w(&s.ends[0]), end_w(&s.ends[1]));
        let half = |t: &Text| f64::from(t.size) * 0.6;
        self.text_box((x, cy - half(&s.ends[0]), lw), &s.ends[0], 1, Align::Left);
        self.text_box(
            (x + width - rw, cy - half(&s.ends[1]), rw),
            &s.ends[1],
            1,
            Align::Right,
        );
        let (x0, x1) = (x + lw + 16.0, x + width - rw - 16.0);
        self.shapes.push(Shape::Box {
            frame: frame(x0, cy - 2.0, x1 - x0, 4.0),
            ellipse: false,
            fill: Some(rgb(self.theme.line())),
            line: None,
        });
        for (i, (value, name)) in s.values.iter().zip(&s.names).enumerate() {
            let mx = x0 + (x1 - x0) * (value.clamp(-1.0, 1.0) + 1.0) / 2.0;
            self.shapes.push(Shape::Box {
                frame: frame(mx - 12.0, cy - 12.0, 24.0, 24.0),
                ellipse: true,
                fill: Some(self.tone(name.tone)),
                line: Some((rgb(self.theme.text()), 2.0 * K)),
            });
            let w = f64::from(text_width(&name.text, name.size)) + 8.0;
            let lx = (mx - w / 2.0).clamp(x0, (x1 - w).max(x0));
            let ly = if i == 0 {
                cy - 16.0 - f64::from(name.size) * LEADING
            } else {
                cy + 16.0
            };
            self.text_box((lx, ly, w), name, 1, Align::Left);
        }
    }

    /// The native radar chart with its data.
    fn radar(&mut self, radar: &crate::charts::Radar, (x, y, w, h): (f64, f64, f64, f64)) {
        self.shapes.push(Shape::Chart(Chart {
            frame: frame(x, y, w, h),
            kind: ChartType::Radar,
            categories: radar.axes.clone(),
            series: radar
                .series
                .iter()
                .map(|s| Series {
                    name: s.label.clone(),
                    colour: s.color,
                    values: s.values.clone(),
                })
                .collect(),
            max: radar.max,
            text_size: 18.0 * K,
            ink: rgb(self.theme.text()),
        }));
    }

    /// The score table as a native table: a header of the two companies, a row per pillar and
    /// the weighted totals; the stop's year above, the asterisk's key below.
    fn score_table(&mut self, (x, mut y, w, h): (f64, f64, f64, f64), table: &ScoreTable) {
        let bottom = y + h;
        if let Some(year) = &table.year {
            y = self.put(x, y, w, year) + 12.0;
        }
        let cell = |page: &Page, t: &Text, align: Align| Cell {
            text: t.text.clone(),
            size: f64::from(t.size) * K,
            bold: false,
            colour: page.tone(t.tone),
            align,
        };
        let blank = Cell {
            text: String::new(),
            size: f64::from(size::SMALL) * K,
            bold: false,
            colour: rgb(self.theme.text()),
            align: Align::Left,
        };
        let mut rows = vec![vec![
            blank,
            cell(self, &table.companies[0], Align::Left),
            cell(self, &table.companies[1], Align::Left),
        ]];
        for row in &table.rows {
            rows.push(vec![
                cell(self, &row.label, Align::Left),
                cell(self, &row.cells[0], Align::Left),
                cell(self, &row.cells[1], Align::Left),
            ]);
        }
        let row_h = ((bottom - y - 40.0) / rows.len() as f64).clamp(30.0, 64.0);
        let table_h = row_h * rows.len() as f64;
        self.shapes.push(Shape::Table(Table {
            frame: frame(x, y, w, table_h),
            columns: vec![0.56, 0.22, 0.22],
            rows,
            rule: rgb(self.theme.line()),
            header_fill: None,
        }));
        if let Some(note) = &table.note {
            self.put(x, bottom - 28.0, w, note);
        }
    }

    /// Bullets in `area`, all of them, at the largest list size whose lines fit (never cut: the
    /// box sets them smaller if even that does not fit).
    fn list(&mut self, (x, y, w, h): (f64, f64, f64, f64), items: &[Bullet]) {
        if items.is_empty() {
            return;
        }
        let height = |size: f64| -> f64 {
            let detail = size * f64::from(size::DETAIL_RATIO);
            items
                .iter()
                .map(|b| {
                    let lines = |t: &str, s: f64| {
                        if t.is_empty() {
                            0
                        } else {
                            line_count(t, s, w - 28.0)
                        }
                    };
                    lines(&b.primary, size) as f64 * size * LEADING
                        + lines(&b.secondary, detail) as f64 * detail * LEADING
                        + size * 0.6
                })
                .sum()
        };
        let size = size::LIST
            .into_iter()
            .map(f64::from)
            .find(|&s| height(s) <= h)
            .unwrap_or(f64::from(size::LIST[size::LIST.len() - 1]));
        let ink = rgb(self.theme.text());
        let muted = rgb(self.theme.muted());
        let mut paragraphs = Vec::new();
        for b in items {
            paragraphs.push(
                Paragraph::plain(&b.primary, size * K, false, ink)
                    .bulleted()
                    .spaced(size * 0.6 * K),
            );
            if !b.secondary.is_empty() {
                let detail = size * f64::from(size::DETAIL_RATIO) * K;
                paragraphs.push(Paragraph::plain(&b.secondary, detail, false, muted));
            }
        }
        let f = frame(x, y, w, h);
        self.shapes.push(Shape::Text(TextBox {
            frame: f,
            paragraphs: fit(paragraphs, f),
            anchor: Anchor::Top,
            title: false,
            autofit: true,
        }));
    }

    /// A slide figure (the timeline) as lines, discs and one-line text boxes.
    fn figure(&mut self, fig: &Figure) {
        for l in &fig.lines {
            self.shapes.push(Shape::Line {
                from: (l.from.0 * K, l.from.1 * K),
                to: (l.to.0 * K, l.to.1 * K),
                colour: self.paint(l.paint),
                width: l.width * K,
                dashed: l.dashed,
            });
        }
        for d in &fig.dots {
            let r = d.radius;
            self.shapes.push(Shape::Box {
                frame: frame(d.centre.0 - r, d.centre.1 - r, 2.0 * r, 2.0 * r),
                ellipse: true,
                fill: Some(self.paint(d.paint)),
                line: None,
            });
        }
        for l in &fig.labels {
            let w = f64::from(text_width(&l.text, l.size as f32)) * 1.08 + 8.0;
            let (x, align) = if l.centred {
                (l.x - w / 2.0, Align::Centre)
            } else {
                (l.x, Align::Left)
            };
            let t = Text::new(l.text.clone(), l.size as f32, l.tone, 1);
            self.text_box((x, l.top, w), &t, 1, align);
        }
    }

    /// The diversification map as shapes, laid out as on the deck PDF: rings, sector spokes, one
    /// marker per move (West round, East square), sector and cluster names, a legend.
    fn map(&mut self, map: &DiversificationMap, (x, y, w, h): (f64, f64, f64, f64)) {
        let k = MAP_TEXT_SCALE;
        let frame_ = MapFrame {
            width: w / k,
            height: h / k,
            text_scale: 1.0,
            top: 0.0,
            bottom: 40.0,
        };
        let layout = layout_map(map, frame_);
        let at = |p: [f64; 2]| (x + p[0] * k, y + p[1] * k);
        let (cx, cy) = at(layout.centre);
        let grid = rgb(self.theme.line());
        for (r, _) in &map.rings {
            let rr = r * layout.scale * k;
            self.shapes.push(Shape::Box {
                frame: frame(cx - rr, cy - rr, 2.0 * rr, 2.0 * rr),
                ellipse: true,
                fill: None,
                line: Some((grid, 1.5 * K)),
            });
        }
        let outer = map.outer_radius();
        for s in &map.sectors {
            let (ex, ey) = at(layout.polar(outer, s.angle));
            self.shapes.push(Shape::Line {
                from: (cx * K, cy * K),
                to: (ex * K, ey * K),
                colour: if s.shared {
                    rgb(self.theme.muted())
                } else {
                    grid
                },
                width: if s.shared { 2.5 * K } else { 1.0 * K },
                dashed: !s.shared,
            });
        }
        for (p, m) in map.points.iter().zip(&layout.markers) {
            let (mx, my) = at(m.centre);
            let r = m.radius * k;
            self.shapes.push(Shape::Box {
                frame: frame(mx - r, my - r, 2.0 * r, 2.0 * r),
                ellipse: p.side == Side::West,
                fill: Some(map.colors[usize::from(p.side == Side::East)]),
                line: Some((rgb(self.theme.background()), 1.5 * K)),
            });
        }
        for label in &layout.labels {
            let (lx, ly) = at([label.rect.x0, label.rect.y0]);
            let tone = match label.role {
                MapLabelRole::Sector { .. } => Tone::Ink,
                MapLabelRole::Cluster | MapLabelRole::Ring => Tone::Muted,
            };
            let size = (label.size * k) as f32;
            let t = Text::new(label.text.clone(), size, tone, 1);
            let w = (label.rect.x1 - label.rect.x0) * k * 1.08 + 6.0;
            self.text_box((lx, ly, w), &t, 1, Align::Left);
        }
        for (i, name) in map.labels.iter().enumerate() {
            let side = if i == 0 { Side::West } else { Side::East };
            let lx = x + i as f64 * 260.0;
            let ly = y + h - 24.0;
            self.shapes.push(Shape::Box {
                frame: frame(lx, ly + 3.0, 16.0, 16.0),
                ellipse: side == Side::West,
                fill: Some(map.colors[i]),
                line: None,
            });
            let t = Text::new(name.clone(), size::SMALL, Tone::Ink, 1);
            self.text_box((lx + 24.0, ly, 220.0), &t, 1, Align::Left);
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
mod tests {
    use super::*;
    use crate::present::ordered_slides;

    #[test]
    fn long_text_is_set_smaller_not_cut() {
        let frame = Frame::new(0.0, 0.0, 400.0, 100.0);
        let ink = Rgb(0, 0, 0);
        let long = "word ".repeat(200);
        let fitted = fit(
            vec![Paragraph::plain(long.clone(), 30.0, false, ink)],
            frame,
        );
        assert_eq!(fitted[0].text(), long, "all text kept");
        assert!(fitted[0].runs[0].size < 30.0);
        let short = fit(vec![Paragraph::plain("Hi", 30.0, false, ink)], frame);
        assert_eq!(short[0].runs[0].size, 30.0);
    }

    #[test]
    fn hidden_slides_stay_in_the_file_but_hidden() {
        let mut twin = Twin::new_blank("t", "T");
        twin.deck.hidden = vec!["timeline".into()];
        twin.speaker_notes.insert("radar".into(), "Say this".into());
        let deck = deck_pptx(&twin, Aspect::Wide);
        assert_eq!(deck.slides.len(), ordered_slides(&twin).len());
        assert_eq!(deck.slides.iter().filter(|s| s.hidden).count(), 1);
        assert!(deck.slides.iter().any(|s| s.notes == "Say this"));
    }

    #[test]
    fn a_4_3_deck_keeps_every_shape_on_its_narrower_slide() {
        let twin = crate::fixtures::twin("A long title that has to wrap on a narrow slide")
            .score(Side::West, "base", 6.0)
            .entered(Side::West, "cloud", "Cloud unit", 2006)
            .build();
        let deck = deck_pptx(&twin, Aspect::Standard);
        for slide in &deck.slides {
            for shape in &slide.shapes {
                let f = match shape {
                    Shape::Text(t) => t.frame,
                    Shape::Table(t) => t.frame,
                    Shape::Chart(c) => c.frame,
                    Shape::Box { frame, .. } => *frame,
                    Shape::Line { .. } => continue,
                };
                assert!(f.x >= -1.0 && f.x + f.w <= 1200.0 + 1.0, "{f:?}");
            }
        }
    }
}
