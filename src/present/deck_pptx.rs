//! The deck as PowerPoint objects: each slide of the presenter's slide list laid out as text
//! boxes, tables, native charts and vector shapes for `report::pptx`. Text is never cut: what
//! does not fit is set smaller (and PowerPoint shrinks it further if the user adds more).
//!
//! This is the one file that maps the deck onto the PPTX writer, so when slides are described
//! once for every renderer only this adapter changes.

use super::deck::{Slide as DeckSlide, SlideKind, ordered_slides};
use crate::analysis::compare_pillars;
use crate::charts::Chart as ChartDescription;
use crate::charts::{ChartKind, DiversificationMap, Rgb, Timeline, describe, side_colours};
use crate::model::{CompanyProfile, Side, Twin};
use crate::report::pptx::{
    Align, Anchor, Aspect, Cell, Chart, ChartType, Deck, Frame, Paragraph, Run, Series, Shape,
    Slide, Table, TextBox, Theme,
};
use crate::report::source_text;

const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);
const RULE: Rgb = Rgb(0xcc, 0xcc, 0xcc);
const MARGIN: f64 = 80.0;
const BODY_TOP: f64 = 170.0;
const HEIGHT: f64 = crate::report::pptx::SLIDE_HEIGHT;

/// The twin's deck as a PowerPoint deck: every slide in the deck's order, hidden ones kept as
/// PowerPoint hidden slides, speaker notes on the notes pages.
pub fn deck_pptx(twin: &Twin, aspect: Aspect) -> Deck {
    let colours = side_colours(twin);
    let slides = ordered_slides(twin);
    let shown = slides
        .iter()
        .filter(|s| !twin.deck.hidden.contains(&s.key))
        .count();
    let mut number = 0;
    let mut out = Vec::with_capacity(slides.len());
    for slide in &slides {
        let hidden = twin.deck.hidden.contains(&slide.key) && shown > 0;
        if !hidden {
            number += 1;
        }
        let mut page = Page {
            width: aspect.width(),
            colours,
            shapes: Vec::new(),
        };
        page.layout(twin, slide);
        if !hidden {
            page.text(
                Frame::new(page.width - MARGIN - 200.0, HEIGHT - 60.0, 200.0, 30.0),
                vec![
                    Paragraph::plain(format!("{number} / {shown}"), 22.0, false, MUTED)
                        .aligned(Align::Right),
                ],
            );
        }
        out.push(Slide {
            shapes: page.shapes,
            notes: twin
                .speaker_notes
                .get(&slide.key)
                .cloned()
                .unwrap_or_default(),
            hidden,
        });
    }
    Deck {
        title: twin.title.clone(),
        aspect,
        theme: Theme {
            name: "Twin Studio".to_owned(),
            background: Rgb(0xff, 0xff, 0xff),
            ink: INK,
            muted: MUTED,
            accents: [
                colours[0],
                colours[1],
                Rgb(0x00, 0x9E, 0x73),
                Rgb(0xE6, 0x9F, 0x00),
                Rgb(0x56, 0xB4, 0xE9),
                Rgb(0xCC, 0x79, 0xA7),
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

/// One slide's objects being laid out.
struct Page {
    width: f64,
    colours: [Rgb; 2],
    shapes: Vec<Shape>,
}

impl Page {
    fn colour(&self, side: Side) -> Rgb {
        self.colours[usize::from(side == Side::East)]
    }

    fn body_width(&self) -> f64 {
        self.width - 2.0 * MARGIN
    }

    /// A text box that shrinks its text to fit.
    fn text(&mut self, frame: Frame, paragraphs: Vec<Paragraph>) {
        self.shapes.push(Shape::Text(TextBox {
            frame,
            paragraphs: fit(paragraphs, frame),
            anchor: Anchor::Top,
            title: false,
            autofit: true,
        }));
    }

    fn heading(&mut self, title: &str) {
        let frame = Frame::new(MARGIN, 40.0, self.body_width(), 90.0);
        self.shapes.push(Shape::Text(TextBox {
            frame,
            paragraphs: fit(vec![Paragraph::plain(title, 54.0, true, INK)], frame),
            anchor: Anchor::Bottom,
            title: true,
            autofit: true,
        }));
        self.shapes.push(Shape::Box {
            frame: Frame::new(MARGIN, 135.0, self.body_width(), 3.0),
            ellipse: false,
            fill: Some(RULE),
            line: None,
        });
    }

    fn layout(&mut self, twin: &Twin, slide: &DeckSlide) {
        match &slide.kind {
            SlideKind::Title => self.title(twin),
            SlideKind::Companies => {
                self.heading(&slide.title);
                let col = (self.body_width() - 60.0) / 2.0;
                for (i, side) in Side::BOTH.into_iter().enumerate() {
                    let x = MARGIN + i as f64 * (col + 60.0);
                    self.company(twin.side(side), self.colour(side), x, col);
                }
            }
            SlideKind::Contrast => {
                self.heading(&slide.title);
                let h = (HEIGHT - BODY_TOP - 100.0) / 2.0;
                for (i, (label, text)) in [
                    ("Biggest difference", &twin.biggest_difference),
                    ("Biggest similarity", &twin.biggest_similarity),
                ]
                .into_iter()
                .enumerate()
                {
                    self.text(
                        Frame::new(
                            MARGIN,
                            BODY_TOP + i as f64 * (h + 20.0),
                            self.body_width(),
                            h,
                        ),
                        vec![
                            Paragraph::plain(label, 34.0, true, INK),
                            Paragraph::plain(text.as_str(), 30.0, false, INK).spaced(10.0),
                        ],
                    );
                }
            }
            SlideKind::Radar => {
                self.heading(&slide.title);
                self.radar(twin);
            }
            SlideKind::Pillar(id) => {
                self.heading(&slide.title);
                self.pillar(twin, id);
            }
            SlideKind::Map => {
                self.heading(&slide.title);
                if let ChartDescription::Map(map) = describe(twin, ChartKind::Map, None) {
                    self.map(&map);
                }
            }
            SlideKind::Timeline => {
                self.heading(&slide.title);
                if let ChartDescription::Timeline(t) = describe(twin, ChartKind::Timeline, None) {
                    self.timeline(&t);
                }
            }
            SlideKind::Lessons => {
                self.heading(&slide.title);
                let mut paragraphs = Vec::new();
                for lesson in &twin.lessons {
                    paragraphs.push(Paragraph::plain(&lesson.title, 32.0, true, INK).spaced(14.0));
                    if !lesson.text.is_empty() {
                        paragraphs.push(Paragraph::plain(&lesson.text, 24.0, false, MUTED));
                    }
                }
                if paragraphs.is_empty() {
                    paragraphs.push(Paragraph::plain("No lessons yet", 28.0, false, MUTED));
                }
                self.text(
                    Frame::new(
                        MARGIN,
                        BODY_TOP,
                        self.body_width(),
                        HEIGHT - BODY_TOP - 80.0,
                    ),
                    paragraphs,
                );
            }
        }
    }

    fn title(&mut self, twin: &Twin) {
        let w = self.body_width();
        self.shapes.push(Shape::Text(TextBox {
            frame: Frame::new(MARGIN, 180.0, w, 220.0),
            paragraphs: fit(
                vec![Paragraph::plain(&twin.title, 64.0, true, INK).aligned(Align::Centre)],
                Frame::new(MARGIN, 180.0, w, 220.0),
            ),
            anchor: Anchor::Bottom,
            title: true,
            autofit: true,
        }));
        let half = w / 2.0 - 40.0;
        for (i, side) in Side::BOTH.into_iter().enumerate() {
            let c = twin.side(side);
            let x = if i == 0 {
                MARGIN
            } else {
                self.width / 2.0 + 40.0
            };
            let align = if i == 0 { Align::Right } else { Align::Left };
            let mut paragraphs =
                vec![Paragraph::plain(&c.name, 48.0, true, self.colour(side)).aligned(align)];
            if !c.native_name.is_empty() && c.native_name != c.name {
                paragraphs
                    .push(Paragraph::plain(&c.native_name, 36.0, false, MUTED).aligned(align));
            }
            self.text(Frame::new(x, 430.0, half, 150.0), paragraphs);
        }
        self.text(
            Frame::new(self.width / 2.0 - 40.0, 430.0, 80.0, 60.0),
            vec![Paragraph::plain("×", 40.0, false, MUTED).aligned(Align::Centre)],
        );
        self.text(
            Frame::new(MARGIN, HEIGHT - 130.0, w, 50.0),
            vec![Paragraph::plain(&twin.framework.name, 26.0, false, MUTED).aligned(Align::Centre)],
        );
    }

    fn company(&mut self, c: &CompanyProfile, colour: Rgb, x: f64, width: f64) {
        let mut paragraphs = vec![Paragraph::plain(&c.name, 46.0, true, colour)];
        if !c.native_name.is_empty() && c.native_name != c.name {
            paragraphs.push(Paragraph::plain(&c.native_name, 34.0, false, MUTED));
        }
        let founded = c
            .founded
            .map(|f| format!(" · founded {f}"))
            .unwrap_or_default();
        let place = [c.region.as_str(), c.headquarters.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        paragraphs
            .push(Paragraph::plain(format!("{place}{founded}"), 24.0, false, MUTED).spaced(6.0));
        if !c.core_business.is_empty() {
            paragraphs.push(Paragraph::plain(&c.core_business, 24.0, false, INK).spaced(12.0));
        }
        self.text(Frame::new(x, BODY_TOP, width, 420.0), paragraphs);
        // The two orientation axes as spectra: a track, the company's marker, the poles.
        let axes = [
            (
                "Customer-driven",
                "Relationship-driven",
                c.orientation.customer_vs_relationship,
            ),
            ("Company", "Ecosystem", c.orientation.company_vs_ecosystem),
        ];
        for (i, (left, right, value)) in axes.into_iter().enumerate() {
            let y = BODY_TOP + 450.0 + i as f64 * 95.0;
            self.shapes.push(Shape::Box {
                frame: Frame::new(x, y + 12.0, width, 6.0),
                ellipse: false,
                fill: Some(Rgb(0xdd, 0xdd, 0xdd)),
                line: None,
            });
            let cx = x + (value.clamp(-1.0, 1.0) + 1.0) / 2.0 * width;
            self.shapes.push(Shape::Box {
                frame: Frame::new(cx - 14.0, y, 28.0, 28.0),
                ellipse: true,
                fill: Some(colour),
                line: None,
            });
            self.text(
                Frame::new(x, y + 36.0, width / 2.0, 36.0),
                vec![Paragraph::plain(left, 22.0, false, MUTED)],
            );
            self.text(
                Frame::new(x + width / 2.0, y + 36.0, width / 2.0, 36.0),
                vec![Paragraph::plain(right, 22.0, false, MUTED).aligned(Align::Right)],
            );
        }
    }

    /// The native radar chart and, beside it, the scores as a table (unsupported marked *).
    fn radar(&mut self, twin: &Twin) {
        let body_h = HEIGHT - BODY_TOP - 80.0;
        let split = self.body_width() * 0.58;
        let rows = compare_pillars(twin);
        let chart = Chart {
            frame: Frame::new(MARGIN, BODY_TOP, split, body_h),
            kind: ChartType::Radar,
            categories: rows.iter().map(|r| r.pillar_name.clone()).collect(),
            series: Side::BOTH
                .into_iter()
                .map(|side| Series {
                    name: twin.side(side).name.clone(),
                    colour: self.colour(side),
                    values: rows
                        .iter()
                        .map(|r| if side == Side::West { r.west } else { r.east })
                        .collect(),
                })
                .collect(),
            max: 10.0,
            text_size: 22.0,
            ink: INK,
        };
        self.shapes.push(Shape::Chart(chart));
        let cell = |text: String, bold: bool, colour: Rgb, align: Align| Cell {
            text,
            size: 22.0,
            bold,
            colour,
            align,
        };
        let score = |v: Option<f64>, supported: bool| match v {
            Some(v) if supported => format!("{v:.1}"),
            Some(v) => format!("{v:.1}*"),
            None => "–".to_owned(),
        };
        let mut table_rows = vec![vec![
            cell("Pillar".into(), true, INK, Align::Left),
            cell(
                twin.west.name.clone(),
                true,
                self.colour(Side::West),
                Align::Right,
            ),
            cell(
                twin.east.name.clone(),
                true,
                self.colour(Side::East),
                Align::Right,
            ),
        ]];
        let mut unsupported = false;
        for r in &rows {
            unsupported |=
                (r.west.is_some() && !r.west_supported) || (r.east.is_some() && !r.east_supported);
            table_rows.push(vec![
                cell(r.pillar_name.clone(), false, INK, Align::Left),
                cell(score(r.west, r.west_supported), true, INK, Align::Right),
                cell(score(r.east, r.east_supported), true, INK, Align::Right),
            ]);
        }
        let x = MARGIN + split + 30.0;
        let w = self.body_width() - split - 30.0;
        let row_h = 56.0;
        let table_h = row_h * table_rows.len() as f64;
        self.shapes.push(Shape::Table(Table {
            frame: Frame::new(x, BODY_TOP + 20.0, w, table_h),
            columns: vec![2.2, 1.0, 1.0],
            rows: table_rows,
            rule: RULE,
            header_fill: None,
        }));
        if unsupported {
            self.text(
                Frame::new(x, BODY_TOP + 40.0 + table_h, w, 40.0),
                vec![Paragraph::plain(
                    "* unsupported: no evidence yet",
                    20.0,
                    false,
                    MUTED,
                )],
            );
        }
    }

    /// Both scores side by side, each with every claim that backs it and its source.
    fn pillar(&mut self, twin: &Twin, id: &str) {
        let Some(row) = compare_pillars(twin)
            .into_iter()
            .find(|r| r.pillar_id == id)
        else {
            return;
        };
        let col = (self.body_width() - 60.0) / 2.0;
        for (i, side) in Side::BOTH.into_iter().enumerate() {
            let x = MARGIN + i as f64 * (col + 60.0);
            let (value, supported) = match side {
                Side::West => (row.west, row.west_supported),
                Side::East => (row.east, row.east_supported),
            };
            let score = value.map_or("not scored".to_owned(), |v| format!("{v:.1} / 10"));
            let mut head = vec![
                Paragraph::plain(&twin.side(side).name, 34.0, true, self.colour(side)),
                Paragraph::plain(score, 60.0, true, INK),
            ];
            if value.is_some() && !supported {
                head.push(Paragraph::plain(
                    "unsupported: no evidence yet",
                    24.0,
                    false,
                    MUTED,
                ));
            }
            self.text(Frame::new(x, BODY_TOP, col, 170.0), head);
            let evidence = twin
                .score(side, id)
                .map(|s| s.evidence.as_slice())
                .unwrap_or_default();
            let claims: Vec<Paragraph> = evidence
                .iter()
                .map(|e| {
                    let mut p = Paragraph::plain(&e.claim, 22.0, false, INK)
                        .bulleted()
                        .spaced(8.0);
                    if let Some(source) = &e.source {
                        p.runs.push(Run {
                            text: format!(" ({})", source_text(source)),
                            size: 18.0,
                            bold: false,
                            colour: MUTED,
                        });
                    }
                    p
                })
                .collect();
            if !claims.is_empty() {
                self.text(
                    Frame::new(x, BODY_TOP + 180.0, col, HEIGHT - BODY_TOP - 180.0 - 70.0),
                    claims,
                );
            }
        }
    }

    /// The diversification map as shapes: rings, sector spokes and names, one disc per move.
    fn map(&mut self, map: &DiversificationMap) {
        let body_h = HEIGHT - BODY_TOP - 80.0;
        let outer = map.outer_radius();
        let radius = (body_h / 2.0 - 40.0).min(self.body_width() / 2.0 - 200.0);
        let (cx, cy) = (self.width / 2.0, BODY_TOP + body_h / 2.0);
        let at = |x: f64, y: f64| (cx + x / outer * radius, cy - y / outer * radius);
        for (r, label) in &map.rings {
            let rr = r / outer * radius;
            self.shapes.push(Shape::Box {
                frame: Frame::new(cx - rr, cy - rr, 2.0 * rr, 2.0 * rr),
                ellipse: true,
                fill: None,
                line: Some((RULE, 1.5)),
            });
            self.text(
                Frame::new(cx + 4.0, cy - rr - 2.0, 140.0, 26.0),
                vec![Paragraph::plain(*label, 16.0, false, MUTED)],
            );
        }
        for s in &map.sectors {
            let (x, y) = at(outer * s.angle.sin(), outer * s.angle.cos());
            self.shapes.push(Shape::Line {
                from: (cx, cy),
                to: (x, y),
                colour: if s.shared {
                    Rgb(0x00, 0x9E, 0x73)
                } else {
                    RULE
                },
                width: if s.shared { 2.0 } else { 1.0 },
                dashed: !s.shared,
            });
            let right = s.angle.sin() >= 0.0;
            let (lx, ly) = at(
                (outer + 0.12) * s.angle.sin(),
                (outer + 0.12) * s.angle.cos(),
            );
            let w = 200.0;
            self.text(
                Frame::new(if right { lx } else { lx - w }, ly - 13.0, w, 26.0),
                vec![
                    Paragraph::plain(&s.name, 17.0, s.shared, if s.shared { INK } else { MUTED })
                        .aligned(if right { Align::Left } else { Align::Right }),
                ],
            );
        }
        for p in &map.points {
            let (x, y) = at(p.x, p.y);
            let r = 8.0 + p.strength.clamp(0.0, 10.0) * 1.6;
            self.shapes.push(Shape::Box {
                frame: Frame::new(x - r, y - r, 2.0 * r, 2.0 * r),
                ellipse: true,
                fill: Some(self.colour(p.side)),
                line: Some((Rgb(0xff, 0xff, 0xff), 1.5)),
            });
        }
        for (i, side) in Side::BOTH.into_iter().enumerate() {
            let y = BODY_TOP + 10.0 + i as f64 * 40.0;
            self.shapes.push(Shape::Box {
                frame: Frame::new(MARGIN, y + 6.0, 20.0, 20.0),
                ellipse: true,
                fill: Some(self.colour(side)),
                line: None,
            });
            self.text(
                Frame::new(MARGIN + 30.0, y, 300.0, 32.0),
                vec![Paragraph::plain(&map.labels[i], 20.0, false, INK)],
            );
        }
    }

    /// The timeline as shapes: a year axis, one lane per company, a dot and label per move.
    fn timeline(&mut self, t: &Timeline) {
        let left = MARGIN + 20.0;
        let right = self.width - MARGIN - 20.0;
        let axis_y = BODY_TOP + (HEIGHT - BODY_TOP - 80.0) / 2.0;
        let span = f64::from((t.last_year - t.first_year).max(1));
        let x_of = |year: i32| left + f64::from(year - t.first_year) / span * (right - left);
        self.shapes.push(Shape::Line {
            from: (left, axis_y),
            to: (right, axis_y),
            colour: MUTED,
            width: 2.0,
            dashed: false,
        });
        let step = ((span / 8.0).ceil() as i32).max(1);
        let mut year = t.first_year;
        while year <= t.last_year {
            let x = x_of(year);
            self.shapes.push(Shape::Line {
                from: (x, axis_y - 6.0),
                to: (x, axis_y + 6.0),
                colour: MUTED,
                width: 1.5,
                dashed: false,
            });
            self.text(
                Frame::new(x - 40.0, axis_y + 10.0, 80.0, 26.0),
                vec![Paragraph::plain(year.to_string(), 16.0, false, MUTED).aligned(Align::Centre)],
            );
            year += step;
        }
        let rows = (t.max_row() + 1) as f64;
        let lane_h = (axis_y - BODY_TOP - 40.0).max(60.0);
        let row_h = (lane_h / rows).min(60.0);
        for (i, lane) in t.lanes.iter().enumerate() {
            let dir = if i == 0 { -1.0 } else { 1.0 };
            self.text(
                Frame::new(
                    MARGIN,
                    if i == 0 { BODY_TOP } else { HEIGHT - 110.0 },
                    400.0,
                    30.0,
                ),
                vec![Paragraph::plain(&lane.label, 22.0, true, lane.color)],
            );
            for e in &lane.events {
                let x = x_of(e.year);
                let y = axis_y + dir * (44.0 + e.row as f64 * row_h);
                self.shapes.push(Shape::Line {
                    from: (x, axis_y),
                    to: (x, y),
                    colour: lane.color,
                    width: 1.0,
                    dashed: true,
                });
                self.shapes.push(Shape::Box {
                    frame: Frame::new(x - 7.0, y - 7.0, 14.0, 14.0),
                    ellipse: true,
                    fill: Some(lane.color),
                    line: None,
                });
                self.text(
                    Frame::new(x + 10.0, y - 12.0, 190.0, 24.0),
                    vec![Paragraph::plain(
                        format!("{} {}", e.year, e.unit),
                        15.0,
                        false,
                        INK,
                    )],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_set_smaller_not_cut() {
        let frame = Frame::new(0.0, 0.0, 400.0, 100.0);
        let long = "word ".repeat(200);
        let fitted = fit(
            vec![Paragraph::plain(long.clone(), 30.0, false, INK)],
            frame,
        );
        assert_eq!(fitted[0].text(), long, "all text kept");
        assert!(fitted[0].runs[0].size < 30.0);
        let short = fit(vec![Paragraph::plain("Hi", 30.0, false, INK)], frame);
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
}
