//! The slide parts that are more than a text box: the spectra, the native radar and score
//! table, bullet lists, the timeline figure and the map as shapes.

use super::*;
use crate::present::fit::TABLE_VALUE_SHARE;

impl Page {
    /// One axis of the model: a track, both companies' markers, the poles at the ends.
    pub(super) fn spectrum(
        &mut self,
        x: f64,
        width: f64,
        cy: f64,
        s: &crate::present::describe::Spectrum,
    ) {
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
    pub(super) fn radar(
        &mut self,
        radar: &crate::charts::Radar,
        (x, y, w, h): (f64, f64, f64, f64),
    ) {
        self.shapes.push(Shape::Chart(Chart {
            frame: frame(x, y, w, h),
            kind: ChartType::Radar,
            categories: radar.axes.clone(),
            series: radar
                .series
                .iter()
                .map(|s| Series {
                    name: s.label.clone(),
                    colour: s.colour,
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
    pub(super) fn score_table(
        &mut self,
        (x, mut y, w, h): (f64, f64, f64, f64),
        table: &ScoreTable,
    ) {
        let bottom = y + h;
        if let Some(year) = &table.year {
            y = self.put(x, y, w, year) + 12.0;
        }
        // Value columns wide enough for the company names (up to 30 % each), the rest for the
        // pillar names; rows as high as their wrapped text, everything set smaller when the
        // table would run past the slide (PowerPoint grows a row to its text, never shrinks it).
        let name_width = |t: &Text| f64::from(text_width(&t.text, t.size)) + 20.0;
        let value_w = table
            .companies
            .iter()
            .map(name_width)
            .fold(w * f64::from(TABLE_VALUE_SHARE), f64::max)
            .min(w * 0.3);
        let widths = [w - 2.0 * value_w, value_w, value_w];
        let mut header = vec![None];
        header.extend(table.companies.iter().map(Some));
        let mut grid: Vec<Vec<Option<&Text>>> = vec![header];
        for row in &table.rows {
            grid.push(vec![
                Some(&row.label),
                Some(&row.cells[0]),
                Some(&row.cells[1]),
            ]);
        }
        let row_heights = |scale: f64| -> Vec<f64> {
            grid.iter()
                .map(|row| {
                    row.iter()
                        .zip(widths)
                        .filter_map(|(t, cw)| t.map(|t| (t, cw)))
                        .map(|(t, cw)| {
                            let size = f64::from(t.size) * scale;
                            line_count(&t.text, size, cw - 16.0) as f64 * size * LEADING + 12.0
                        })
                        .fold(0.0, f64::max)
                })
                .collect()
        };
        let height_at = |scale: f64| -> f64 { row_heights(scale).iter().sum() };
        let room = bottom - y - 40.0;
        let scale = if height_at(1.0) <= room {
            1.0
        } else {
            (room / height_at(1.0)).clamp(0.6, 1.0)
        };
        // Every row is written at the lowest row's height: the taller ones grow to their text,
        // so the table takes the height measured here.
        let lowest = row_heights(scale).into_iter().fold(f64::INFINITY, f64::min);
        let table_h = lowest * grid.len() as f64;
        let ink = rgb(self.theme.text());
        let rows = grid
            .iter()
            .map(|row| {
                row.iter()
                    .map(|t| Cell {
                        text: t.map(|t| t.text.clone()).unwrap_or_default(),
                        size: f64::from(t.map_or(size::SMALL, |t| t.size)) * scale * K,
                        bold: false,
                        colour: t.map_or(ink, |t| self.tone(t.tone)),
                        align: Align::Left,
                    })
                    .collect()
            })
            .collect();
        self.shapes.push(Shape::Table(Table {
            frame: frame(x, y, w, table_h),
            columns: widths.to_vec(),
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
    pub(super) fn list(&mut self, (x, y, w, h): (f64, f64, f64, f64), items: &[Bullet]) {
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
    pub(super) fn figure(&mut self, fig: &Figure) {
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
    pub(super) fn map(&mut self, map: &DiversificationMap, (x, y, w, h): (f64, f64, f64, f64)) {
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
                fill: Some(map.colours[usize::from(p.side == Side::East)]),
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
                fill: Some(map.colours[i]),
                line: None,
            });
            let t = Text::new(name.clone(), size::SMALL, Tone::Ink, 1);
            self.text_box((lx + 24.0, ly, 220.0), &t, 1, Align::Left);
        }
    }
}
