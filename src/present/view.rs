//! Draws a described slide into a rect with egui: no chrome, big type scaled from the slide
//! size, brand colours made readable per theme. Slides are described from the twin every frame,
//! so edits made in the studio show at once.

use egui::{Align2, Color32, Pos2, Rect, Stroke, UiBuilder, pos2};

use super::canvas::Canvas;
use super::chart_slides;
use super::deck::Slide;
use super::describe::{
    Body, CompanyColumn, Cover, Moment, PillarColumn, SlideDescription, Spectrum, Statement,
    describe_slide,
};
use super::lists::{draw_list, fitted_list, list_size};
use super::text::{self, layout, place, put_centred};
use super::theme::{ProjectorTheme, SlideStyle, slide_rect};
use crate::model::Twin;

/// Draws `slide` of `twin` letterboxed into `screen`, fully built, filling it with the theme's
/// background.
pub fn show_slide(
    ui: &mut egui::Ui,
    screen: Rect,
    twin: &Twin,
    slide: &Slide,
    theme: ProjectorTheme,
) {
    show_slide_at(ui, screen, twin, slide, theme, &Moment::built(slide));
}

/// Draws `slide` of `twin` at `moment` (a build step, a radar frame) letterboxed into `screen`.
pub fn show_slide_at(
    ui: &mut egui::Ui,
    screen: Rect,
    twin: &Twin,
    slide: &Slide,
    theme: ProjectorTheme,
    moment: &Moment,
) {
    show_description(ui, screen, &describe_slide(twin, slide, moment), theme);
}

/// Draws a described slide letterboxed into `screen`.
pub fn show_description(
    ui: &mut egui::Ui,
    screen: Rect,
    slide: &SlideDescription,
    theme: ProjectorTheme,
) {
    ui.painter().rect_filled(screen, 0.0, theme.background());
    let rect = slide_rect(screen);
    let style = SlideStyle::with_colours(theme, rect, slide.colours);
    let builder = UiBuilder::new().max_rect(rect).id_salt(&slide.key);
    ui.scope_builder(builder, |ui| {
        ui.set_clip_rect(rect.intersect(ui.clip_rect()));
        let canvas = Canvas { rect, style };
        if let Body::Cover(cover) = &slide.body {
            return cover_slide(ui, &canvas, cover);
        }
        let body = canvas.heading(ui, &slide.title);
        match &slide.body {
            Body::Cover(_) => {}
            Body::Companies { columns, spectra } => {
                companies_slide(ui, &canvas, body, columns, spectra);
            }
            Body::Contrast { statements } => contrast_slide(ui, &canvas, body, statements),
            Body::Chart { chart, table } => {
                chart_slides::chart_body(ui, &canvas, body, chart, table.as_ref(), &slide.key);
            }
            Body::Pillar {
                description,
                columns,
            } => pillar_slide(ui, &canvas, body, description.as_ref(), columns),
            Body::List { items, empty } => {
                if items.is_empty() {
                    canvas.text(ui, body.min, empty, body.width());
                } else {
                    fitted_list(ui, &canvas, body, items);
                }
            }
        }
    });
}

fn cover_slide(ui: &mut egui::Ui, canvas: &Canvas, cover: &Cover) {
    let s = &canvas.style;
    let inner = canvas.inner();
    let cx = inner.center().x;
    let centred = |ui: &mut egui::Ui, y: f32, t: &super::describe::Text| {
        put_centred(
            ui,
            cx,
            y,
            &t.text,
            s.font(t.size),
            canvas.tone(t.tone),
            inner.width(),
        )
    };
    let mut y = inner.top() + inner.height() * 0.28;
    y = centred(ui, y, &cover.title).bottom() + s.px(40.0);
    y = centred(ui, y, &cover.names[0]).bottom() + s.px(8.0);
    y = centred(ui, y, &cover.joiner).bottom() + s.px(8.0);
    centred(ui, y, &cover.names[1]);
    centred(ui, inner.bottom() - s.px(32.0), &cover.footer);
}

fn companies_slide(
    ui: &mut egui::Ui,
    canvas: &Canvas,
    body: Rect,
    columns: &[CompanyColumn; 2],
    spectra: &[Spectrum; 2],
) {
    let s = &canvas.style;
    let spectra_height = s.px(200.0);
    let top = Rect::from_min_max(body.min, pos2(body.right(), body.bottom() - spectra_height));
    for (column, col) in columns.iter().zip(canvas.columns(top)) {
        company_column(ui, canvas, col, column);
    }
    let band = Rect::from_min_max(pos2(body.left(), body.bottom() - spectra_height), body.max);
    let halves = [
        Rect::from_min_max(band.min, pos2(band.right(), band.center().y)),
        Rect::from_min_max(pos2(band.left(), band.center().y), band.max),
    ];
    for (spectrum_, area) in spectra.iter().zip(halves) {
        spectrum(ui, canvas, area, spectrum_);
    }
}

fn company_column(ui: &mut egui::Ui, canvas: &Canvas, col: Rect, c: &CompanyColumn) {
    let s = &canvas.style;
    let w = col.width();
    let mut y = canvas.text(ui, col.min, &c.name, w).bottom();
    if let Some(native) = &c.native_name {
        y = canvas.text(ui, pos2(col.left(), y), native, w).bottom();
    }
    y += s.px(8.0);
    y = canvas.text(ui, pos2(col.left(), y), &c.facts, w).bottom();
    y += s.px(12.0);
    let rows = ((col.bottom() - y) / s.font(c.about.size).size / 1.3)
        .floor()
        .max(1.0) as usize;
    canvas.text_lines(ui, pos2(col.left(), y), &c.about, w, rows);
}

/// One axis of the model as a track from -1 to +1, with both companies marked on it.
fn spectrum(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, spectrum: &Spectrum) {
    let s = &canvas.style;
    let painter = ui.painter().clone();
    let track_y = area.center().y;
    let end = |ui: &egui::Ui, t: &super::describe::Text| {
        layout(
            ui,
            &t.text,
            s.font(t.size),
            canvas.tone(t.tone),
            area.width() / 4.0,
            t.max_lines,
        )
    };
    let left = end(ui, &spectrum.ends[0]);
    let right = end(ui, &spectrum.ends[1]);
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
    for (i, (value, name)) in spectrum.values.iter().zip(&spectrum.names).enumerate() {
        let t = ((value.clamp(-1.0, 1.0) + 1.0) / 2.0) as f32;
        let x = x0 + (x1 - x0) * t;
        let colour = canvas.tone(name.tone);
        painter.circle(
            pos2(x, track_y),
            r,
            colour,
            Stroke::new(s.px(2.0), s.theme.text()),
        );
        // West's name above the track, East's below, so equal positions never collide.
        let galley = layout(
            ui,
            &name.text,
            s.font(name.size),
            colour,
            area.width() / 3.0,
            name.max_lines,
        );
        let label_y = if i == 0 {
            track_y - r - s.px(4.0) - galley.size().y
        } else {
            track_y + r + s.px(4.0)
        };
        let label_x = (x - galley.size().x / 2.0).clamp(x0, (x1 - galley.size().x).max(x0));
        place(ui, pos2(label_x, label_y), galley);
    }
}

fn contrast_slide(ui: &mut egui::Ui, canvas: &Canvas, body: Rect, statements: &[Statement; 2]) {
    let s = &canvas.style;
    let half = body.height() / 2.0;
    for (i, statement) in statements.iter().enumerate() {
        let top = body.top() + half * i as f32;
        let w = body.width();
        let mut y = canvas
            .text(ui, pos2(body.left(), top), &statement.label, w)
            .bottom();
        y += s.px(6.0);
        y = canvas
            .text(ui, pos2(body.left(), y), &statement.text, w)
            .bottom();
        if let Some(figure) = &statement.figure {
            canvas.text(ui, pos2(body.left(), y + s.px(8.0)), figure, w);
        }
    }
}

/// A pillar: its description, then each company's score and evidence in a column.
fn pillar_slide(
    ui: &mut egui::Ui,
    canvas: &Canvas,
    mut body: Rect,
    description: Option<&super::describe::Text>,
    columns: &[PillarColumn; 2],
) {
    if let Some(d) = description {
        let drawn = canvas.text(ui, body.min, d, body.width());
        body.min.y = drawn.bottom() + canvas.style.px(20.0);
    }
    pillar_columns(ui, canvas, body, columns);
}

fn pillar_columns(ui: &mut egui::Ui, canvas: &Canvas, body: Rect, columns: &[PillarColumn; 2]) {
    let s = &canvas.style;
    let mut lists = Vec::with_capacity(2);
    for (column, col) in columns.iter().zip(canvas.columns(body)) {
        let w = col.width();
        let mut y = canvas.text(ui, col.min, &column.company, w).bottom();
        y = canvas
            .text(ui, pos2(col.left(), y), &column.figure, w)
            .bottom();
        if let Some(flag) = &column.flag {
            y = canvas.text(ui, pos2(col.left(), y), flag, w).bottom();
        }
        let area = Rect::from_min_max(pos2(col.left(), y + s.px(16.0)), col.max);
        lists.push((area, column.evidence.as_slice()));
    }
    let size = list_size(ui, canvas, &lists);
    for (area, items) in lists {
        draw_list(ui, canvas, area, items, size);
    }
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
