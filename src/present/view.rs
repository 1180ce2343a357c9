//! Draws one slide into a rect: no chrome, big type scaled from the slide size, brand colours per
//! company. Slides read the twin every frame, so edits made in the studio show at once.

use std::sync::Arc;

use egui::{Align2, Color32, Galley, Pos2, Rect, Stroke, UiBuilder, pos2, vec2};

use super::chart_slides;
use super::deck::{Slide, SlideKind};
use super::text::{self, items_that_fit, layout, more_line, place, put, put_centred};
use super::theme::{ProjectorTheme, SlideStyle, slide_rect};
use crate::analysis::{compare_pillars, extremes};
use crate::model::{CompanyProfile, Side, Twin};

/// Draws `slide` of `twin` letterboxed into `screen`, filling it with the theme's background.
pub fn show_slide(
    ui: &mut egui::Ui,
    screen: Rect,
    twin: &Twin,
    slide: &Slide,
    theme: ProjectorTheme,
) {
    ui.painter().rect_filled(screen, 0.0, theme.background());
    let rect = slide_rect(screen);
    let style = SlideStyle::new(theme, rect, twin);
    let builder = UiBuilder::new().max_rect(rect).id_salt(&slide.key);
    ui.scope_builder(builder, |ui| {
        ui.set_clip_rect(rect.intersect(ui.clip_rect()));
        let canvas = Canvas { rect, style };
        match &slide.kind {
            SlideKind::Title => title_slide(ui, &canvas, twin),
            SlideKind::Companies => companies_slide(ui, &canvas, twin, &slide.title),
            SlideKind::Contrast => contrast_slide(ui, &canvas, twin, &slide.title),
            SlideKind::Radar => {
                let body = canvas.heading(ui, &slide.title);
                chart_slides::radar(ui, &canvas, body, twin);
            }
            SlideKind::Pillar(id) => pillar_slide(ui, &canvas, twin, id, &slide.title),
            SlideKind::Map => {
                let body = canvas.heading(ui, &slide.title);
                chart_slides::map(ui, &canvas, body, twin);
            }
            SlideKind::Timeline => {
                let body = canvas.heading(ui, &slide.title);
                chart_slides::timeline(ui, &canvas, body, twin);
            }
            SlideKind::Lessons => lessons_slide(ui, &canvas, twin, &slide.title),
        }
    });
}

/// The slide's rect and style, with the layout measures every slide shares.
pub struct Canvas {
    pub rect: Rect,
    pub style: SlideStyle,
}

impl Canvas {
    /// The slide inside its margins.
    pub fn inner(&self) -> Rect {
        self.rect
            .shrink2(vec2(self.style.px(64.0), self.style.px(40.0)))
    }

    /// Draws the slide title at the top; returns the area left for the body.
    pub fn heading(&self, ui: &mut egui::Ui, title: &str) -> Rect {
        let inner = self.inner();
        let drawn = put(
            ui,
            inner.min,
            title,
            self.style.title_font(),
            self.style.theme.text(),
            inner.width(),
            1,
        );
        let rule_y = drawn.bottom() + self.style.px(12.0);
        ui.painter().hline(
            inner.x_range(),
            rule_y,
            Stroke::new(self.style.px(2.0), self.style.theme.line()),
        );
        Rect::from_min_max(pos2(inner.left(), rule_y + self.style.px(24.0)), inner.max)
    }

    /// West's and East's halves of `area`, with a gutter between them.
    pub fn columns(&self, area: Rect) -> [Rect; 2] {
        let gutter = self.style.px(48.0);
        let w = (area.width() - gutter) / 2.0;
        [
            Rect::from_min_size(area.min, vec2(w, area.height())),
            Rect::from_min_size(
                pos2(area.left() + w + gutter, area.top()),
                vec2(w, area.height()),
            ),
        ]
    }

    pub fn side_colour(&self, side: Side) -> Color32 {
        self.style.sides[usize::from(side == Side::East)]
    }
}

fn title_slide(ui: &mut egui::Ui, canvas: &Canvas, twin: &Twin) {
    let s = &canvas.style;
    let inner = canvas.inner();
    let cx = inner.center().x;
    let mut y = inner.top() + inner.height() * 0.28;
    let title = put_centred(
        ui,
        cx,
        y,
        &twin.title,
        s.font(64.0),
        s.theme.text(),
        inner.width(),
    );
    y = title.bottom() + s.px(40.0);
    for (i, side) in Side::BOTH.into_iter().enumerate() {
        if i == 1 {
            let and = put_centred(
                ui,
                cx,
                y,
                "and",
                s.body_font(),
                s.theme.muted(),
                inner.width(),
            );
            y = and.bottom() + s.px(8.0);
        }
        let name = twin.side(side).display_name();
        let drawn = put_centred(
            ui,
            cx,
            y,
            name,
            s.font(40.0),
            canvas.side_colour(side),
            inner.width(),
        );
        y = drawn.bottom() + s.px(8.0);
    }
    put_centred(
        ui,
        cx,
        inner.bottom() - s.px(32.0),
        super::deck::title_footer(twin),
        s.small_font(),
        s.theme.muted(),
        inner.width(),
    );
}

fn companies_slide(ui: &mut egui::Ui, canvas: &Canvas, twin: &Twin, title: &str) {
    let s = &canvas.style;
    let body = canvas.heading(ui, title);
    let spectra_height = s.px(200.0);
    let top = Rect::from_min_max(body.min, pos2(body.right(), body.bottom() - spectra_height));
    for (side, col) in Side::BOTH.into_iter().zip(canvas.columns(top)) {
        company_column(ui, canvas, col, twin.side(side), canvas.side_colour(side));
    }
    let spectra = Rect::from_min_max(pos2(body.left(), body.bottom() - spectra_height), body.max);
    let [upper, lower] = [
        Rect::from_min_max(spectra.min, pos2(spectra.right(), spectra.center().y)),
        Rect::from_min_max(pos2(spectra.left(), spectra.center().y), spectra.max),
    ];
    let names = [twin.west.name.as_str(), twin.east.name.as_str()];
    let o = [twin.west.orientation, twin.east.orientation];
    spectrum(
        ui,
        canvas,
        upper,
        ("Customer-driven", "Relationship-driven"),
        [o[0].customer_vs_relationship, o[1].customer_vs_relationship],
        names,
    );
    spectrum(
        ui,
        canvas,
        lower,
        ("A single company", "An ecosystem"),
        [o[0].company_vs_ecosystem, o[1].company_vs_ecosystem],
        names,
    );
}

fn company_column(
    ui: &mut egui::Ui,
    canvas: &Canvas,
    col: Rect,
    c: &CompanyProfile,
    colour: Color32,
) {
    let s = &canvas.style;
    let w = col.width();
    let mut y = col.top();
    y = put(ui, pos2(col.left(), y), &c.name, s.font(40.0), colour, w, 1).bottom();
    if !c.native_name.is_empty() && c.native_name != c.name {
        y = put(
            ui,
            pos2(col.left(), y),
            &c.native_name,
            s.heading_font(),
            s.theme.text(),
            w,
            1,
        )
        .bottom();
    }
    let mut facts = vec![c.region.clone()];
    if !c.headquarters.is_empty() {
        facts.push(c.headquarters.clone());
    }
    if let Some(year) = c.founded {
        facts.push(format!("founded {year}"));
    }
    y += s.px(8.0);
    y = put(
        ui,
        pos2(col.left(), y),
        facts.join(" · "),
        s.small_font(),
        s.theme.muted(),
        w,
        2,
    )
    .bottom();
    y += s.px(12.0);
    let rows = ((col.bottom() - y) / s.body_font().size / 1.3)
        .floor()
        .max(1.0) as usize;
    put(
        ui,
        pos2(col.left(), y),
        &c.core_business,
        s.body_font(),
        s.theme.text(),
        w,
        rows,
    );
}

/// One axis of the model as a track from -1 to +1, with both companies marked on it.
fn spectrum(
    ui: &mut egui::Ui,
    canvas: &Canvas,
    area: Rect,
    ends: (&str, &str),
    values: [f64; 2],
    names: [&str; 2],
) {
    let s = &canvas.style;
    let painter = ui.painter().clone();
    let track_y = area.center().y;
    let ends_font = s.small_font();
    let left = layout(
        ui,
        ends.0,
        ends_font.clone(),
        s.theme.muted(),
        area.width() / 4.0,
        1,
    );
    let right = layout(
        ui,
        ends.1,
        ends_font,
        s.theme.muted(),
        area.width() / 4.0,
        1,
    );
    let gap = s.px(16.0);
    let x0 = area.left() + left.size().x + gap;
    let x1 = area.right() - right.size().x - gap;
    place(ui, pos2(area.left(), track_y - left.size().y / 2.0), left);
    let right_pos = pos2(
        area.right() - right.size().x,
        track_y - right.size().y / 2.0,
    );
    place(ui, right_pos, right);
    painter.hline(x0..=x1, track_y, Stroke::new(s.px(4.0), s.theme.line()));
    let r = s.px(12.0);
    for (i, (value, name)) in values.into_iter().zip(names).enumerate() {
        let t = ((value.clamp(-1.0, 1.0) + 1.0) / 2.0) as f32;
        let x = x0 + (x1 - x0) * t;
        let colour = s.sides[i];
        painter.circle(
            pos2(x, track_y),
            r,
            colour,
            Stroke::new(s.px(2.0), s.theme.text()),
        );
        // West's name above the track, East's below, so equal positions never collide.
        let galley = layout(ui, name, s.small_font(), colour, area.width() / 3.0, 1);
        let label_y = if i == 0 {
            track_y - r - s.px(4.0) - galley.size().y
        } else {
            track_y + r + s.px(4.0)
        };
        let label_x = (x - galley.size().x / 2.0).clamp(x0, (x1 - galley.size().x).max(x0));
        place(ui, pos2(label_x, label_y), galley);
    }
}

fn contrast_slide(ui: &mut egui::Ui, canvas: &Canvas, twin: &Twin, title: &str) {
    let s = &canvas.style;
    let body = canvas.heading(ui, title);
    let rows = compare_pillars(twin);
    let ext = extremes(&rows);
    let gap_line = |r: &crate::analysis::PillarComparison| {
        format!(
            "{}: {} {:.1} · {} {:.1}",
            r.pillar_name,
            twin.west.name,
            r.west.unwrap_or_default(),
            twin.east.name,
            r.east.unwrap_or_default()
        )
    };
    let blocks = [
        (
            "BIGGEST DIFFERENCE",
            &twin.biggest_difference,
            ext.map(|(widest, _)| format!("Widest gap: {}", gap_line(widest))),
        ),
        (
            "BIGGEST SIMILARITY",
            &twin.biggest_similarity,
            ext.map(|(_, closest)| format!("Closest: {}", gap_line(closest))),
        ),
    ];
    let half = body.height() / 2.0;
    for (i, (label, statement, figure)) in blocks.into_iter().enumerate() {
        let top = body.top() + half * i as f32;
        let mut y = put(
            ui,
            pos2(body.left(), top),
            label,
            s.small_font(),
            s.theme.muted(),
            body.width(),
            1,
        )
        .bottom();
        y += s.px(6.0);
        let (statement, colour) = if statement.trim().is_empty() {
            ("Not written yet".to_owned(), s.theme.muted())
        } else {
            (statement.clone(), s.theme.text())
        };
        y = put(
            ui,
            pos2(body.left(), y),
            statement,
            s.font(28.0),
            colour,
            body.width(),
            4,
        )
        .bottom();
        if let Some(figure) = figure {
            put(
                ui,
                pos2(body.left(), y + s.px(8.0)),
                figure,
                s.body_font(),
                s.theme.muted(),
                body.width(),
                1,
            );
        }
    }
}

fn pillar_slide(ui: &mut egui::Ui, canvas: &Canvas, twin: &Twin, pillar_id: &str, title: &str) {
    let s = &canvas.style;
    let mut body = canvas.heading(ui, title);
    if let Some(p) = twin.framework.pillar(pillar_id)
        && !p.description.is_empty()
    {
        let drawn = put(
            ui,
            body.min,
            &p.description,
            s.body_font(),
            s.theme.muted(),
            body.width(),
            2,
        );
        body.min.y = drawn.bottom() + s.px(20.0);
    }
    let mut lists: Vec<(Rect, Vec<ListItem>)> = Vec::with_capacity(2);
    for (side, col) in Side::BOTH.into_iter().zip(canvas.columns(body)) {
        let company = twin.side(side);
        let colour = canvas.side_colour(side);
        let mut y = put(
            ui,
            col.min,
            &company.name,
            s.heading_font(),
            colour,
            col.width(),
            1,
        )
        .bottom();
        let score = company.scores.get(pillar_id);
        let (figure, figure_colour) = match score {
            Some(sc) => (format!("{:.1} / 10", sc.value), colour),
            None => ("not scored".to_owned(), s.theme.muted()),
        };
        y = put(
            ui,
            pos2(col.left(), y),
            figure,
            s.font(56.0),
            figure_colour,
            col.width(),
            1,
        )
        .bottom();
        let items: Vec<ListItem> = match score {
            Some(sc) if !sc.is_supported() => {
                y = put(
                    ui,
                    pos2(col.left(), y),
                    "UNSUPPORTED: no evidence",
                    s.body_font(),
                    s.theme.warning(),
                    col.width(),
                    1,
                )
                .bottom();
                Vec::new()
            }
            Some(sc) => sc
                .evidence
                .iter()
                .map(|e| ListItem {
                    primary: e.claim.clone(),
                    secondary: e.source.as_ref().map(source_line).unwrap_or_default(),
                })
                .collect(),
            None => Vec::new(),
        };
        lists.push((
            Rect::from_min_max(pos2(col.left(), y + s.px(16.0)), col.max),
            items,
        ));
    }
    let borrowed: Vec<(Rect, &[ListItem])> =
        lists.iter().map(|(r, i)| (*r, i.as_slice())).collect();
    let size = list_size(ui, canvas, &borrowed);
    for (area, items) in borrowed {
        draw_list(ui, canvas, area, items, size);
    }
}

fn source_line(source: &crate::model::Source) -> String {
    match &source.date {
        Some(date) => format!("{}, {date}", source.title),
        None => source.title.clone(),
    }
}

fn lessons_slide(ui: &mut egui::Ui, canvas: &Canvas, twin: &Twin, title: &str) {
    let body = canvas.heading(ui, title);
    let items: Vec<ListItem> = twin
        .lessons
        .iter()
        .map(|l| ListItem {
            primary: l.title.clone(),
            secondary: l.text.clone(),
        })
        .collect();
    if items.is_empty() {
        let s = &canvas.style;
        put(
            ui,
            body.min,
            "No lessons written yet",
            s.body_font(),
            s.theme.muted(),
            body.width(),
            1,
        );
    } else {
        fitted_list(ui, canvas, body, &items);
    }
}

/// One entry of a bulleted list: the point, and a smaller line under it (source or detail).
pub struct ListItem {
    pub primary: String,
    pub secondary: String,
}

/// Type sizes a list may shrink through before it starts dropping items; below the last one a
/// projector becomes unreadable, so the list is cut with a "+N more" line instead.
const LIST_SIZES: [f32; 2] = [24.0, 20.0];

/// A list laid out at one size: each item's galleys, and how many fit.
struct LaidList {
    items: Vec<(Arc<Galley>, Option<Arc<Galley>>)>,
    shown: usize,
    font: egui::FontId,
    gap: f32,
}

fn lay_list(ui: &egui::Ui, canvas: &Canvas, area: Rect, items: &[ListItem], size: f32) -> LaidList {
    let s = &canvas.style;
    let width = (area.width() - s.px(BULLET_INDENT)).max(1.0);
    let font = s.font(size);
    let secondary_font = s.font(size * 0.75);
    let gap = s.px(size * 0.6);
    let laid: Vec<_> = items
        .iter()
        .map(|item| {
            let p = layout(ui, &item.primary, font.clone(), s.theme.text(), width, 3);
            let sec = (!item.secondary.is_empty()).then(|| {
                layout(
                    ui,
                    &item.secondary,
                    secondary_font.clone(),
                    s.theme.muted(),
                    width,
                    1,
                )
            });
            (p, sec)
        })
        .collect();
    let heights: Vec<f32> = laid
        .iter()
        .map(|(p, sec)| p.size().y + sec.as_ref().map_or(0.0, |g| g.size().y))
        .collect();
    let shown = items_that_fit(&heights, gap, area.height(), font.size * 1.4);
    LaidList {
        items: laid,
        shown,
        font,
        gap,
    }
}

const BULLET_INDENT: f32 = 28.0;

/// The largest of [`LIST_SIZES`] at which every list fits its area (the smallest if none does),
/// so side-by-side lists share one type size.
fn list_size(ui: &egui::Ui, canvas: &Canvas, lists: &[(Rect, &[ListItem])]) -> f32 {
    LIST_SIZES
        .into_iter()
        .find(|&size| {
            lists
                .iter()
                .all(|(area, items)| lay_list(ui, canvas, *area, items, size).shown == items.len())
        })
        .unwrap_or(LIST_SIZES[LIST_SIZES.len() - 1])
}

/// Draws a bulleted list inside `area` at `size`: what fits, then a "+N more" line for the rest.
/// Never draws outside `area`.
fn draw_list(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, items: &[ListItem], size: f32) {
    let s = &canvas.style;
    let list = lay_list(ui, canvas, area, items, size);
    let indent = s.px(BULLET_INDENT);
    let mut y = area.top();
    for (p, sec) in list.items.into_iter().take(list.shown) {
        let first_row = p.rows.first().map_or(0.0, |r| r.height());
        let dot = pos2(area.left() + indent * 0.35, y + first_row / 2.0);
        ui.painter()
            .circle_filled(dot, s.px(size * 0.2), s.theme.text());
        y = place(ui, pos2(area.left() + indent, y), p).bottom();
        if let Some(sec) = sec {
            y = place(ui, pos2(area.left() + indent, y), sec).bottom();
        }
        y += list.gap;
    }
    if list.shown < items.len() {
        put(
            ui,
            pos2(area.left() + indent, y),
            more_line(items.len() - list.shown),
            list.font,
            s.theme.muted(),
            (area.width() - indent).max(1.0),
            1,
        );
    }
}

/// A single list filling `area`, shrunk or cut to fit.
fn fitted_list(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, items: &[ListItem]) {
    let size = list_size(ui, canvas, &[(area, items)]);
    draw_list(ui, canvas, area, items, size);
}

/// Draws `text` at `pos` anchored by `align`, unwrapped; for small chart annotations.
pub fn annotate(
    ui: &mut egui::Ui,
    pos: Pos2,
    align: Align2,
    text: &str,
    font: egui::FontId,
    colour: Color32,
) -> Rect {
    let galley = text::layout(ui, text, font, colour, f32::INFINITY, 1);
    let rect = align.anchor_size(pos, galley.size());
    place(ui, rect.min, galley)
}
