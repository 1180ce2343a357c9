//! The chart slides on egui (radar, diversification map, timeline): the studio's chart drawing
//! from the described chart, made big and static, and the radar's score table beside it.

use egui::{Rect, Shape, Stroke, UiBuilder, pos2, vec2};

use super::canvas::Canvas;
use super::describe::ScoreTable;
use super::figure::{self, Figure, Paint};
use super::fit::{RADAR_SHARE_NARROW, RADAR_TABLE_GAP, TABLE_VALUE_SHARE};
use super::text::{layout, place};
use super::theme::projector_safe;
use crate::charts::Chart;
use crate::charts::egui::{ChartStyle, chart};

/// Chart type relative to the slide's body text: axis labels must read from the back too.
const CHART_TEXT_SCALE: f32 = 1.5;

/// Share of a body `width` by `height` the radar takes when the score table stands beside it:
/// most of a wide slide, less than half of a 4:3 one, so the table's names need not break.
pub fn radar_share(width: f32, height: f32) -> f32 {
    if width < 1.9 * height {
        RADAR_SHARE_NARROW
    } else {
        0.58
    }
}

/// A described chart filling `body`; with a score table, the chart on the left and the table
/// (with the radar stop's year above it) on the right.
pub fn chart_body(
    ui: &mut egui::Ui,
    canvas: &Canvas,
    body: Rect,
    description: &Chart,
    table: Option<&ScoreTable>,
    key: &str,
) {
    let Some(table) = table else {
        return draw(ui, canvas, body, description, key);
    };
    let split = body.left() + body.width() * radar_share(body.width(), body.height());
    let chart_area = Rect::from_min_max(body.min, pos2(split, body.bottom()));
    let mut area = Rect::from_min_max(
        pos2(split + canvas.style.px(RADAR_TABLE_GAP), body.top()),
        body.max,
    );
    draw(ui, canvas, chart_area, description, key);
    if let Some(year) = &table.year {
        let drawn = canvas.text(ui, area.min, year, area.width());
        area.min.y = drawn.bottom() + canvas.style.px(12.0);
    }
    score_table(ui, canvas, area, table);
}

/// Draws a chart description filling `area`, in the projector theme, with nothing that moves.
/// The timeline is the slide figure the deck PDF and PowerPoint draw too, its labels packed
/// into rows so none overlaps another.
fn draw(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, description: &Chart, key: &str) {
    let description = &projector_safe(description, canvas.style.theme);
    if let Chart::Timeline(t) = description {
        let s = &canvas.style;
        let design = |px: f32, origin: f32| f64::from((px - origin) / s.scale);
        let fig = figure::timeline(
            t,
            (
                design(area.left(), canvas.rect.left()),
                design(area.top(), canvas.rect.top()),
                f64::from(area.width() / s.scale),
                f64::from(area.height() / s.scale),
            ),
        );
        return draw_figure(ui, canvas, &fig);
    }
    let style = ChartStyle::new(("present_slide", key))
        .with_height(area.height())
        .with_text_scale(canvas.style.scale * CHART_TEXT_SCALE)
        .with_interactive(false);
    ui.scope_builder(UiBuilder::new().max_rect(area), |ui| {
        *ui.visuals_mut() = canvas.style.theme.visuals();
        chart(ui, description, &style);
    });
}

/// Pillar, West, East as big figures, then the weighted totals; the asterisk's key at the foot.
fn score_table(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, table: &ScoreTable) {
    let s = &canvas.style;
    let value_w = area.width() * TABLE_VALUE_SHARE;
    let name_w = area.width() - 2.0 * value_w;
    let col_x = [area.left() + name_w, area.left() + name_w + value_w];
    let mut y = area.top();
    let mut row_bottom = y;
    for (i, company) in table.companies.iter().enumerate() {
        let r = canvas.text(ui, pos2(col_x[i], y), company, value_w);
        row_bottom = row_bottom.max(r.bottom());
    }
    y = row_bottom + s.px(12.0);
    let row_h = ((area.height() - (y - area.top()) - s.px(40.0)) / table.rows.len().max(1) as f32)
        .max(s.px(20.0));
    for row in &table.rows {
        let name = canvas.text(ui, pos2(area.left(), y), &row.label, name_w - s.px(12.0));
        for (i, cell) in row.cells.iter().enumerate() {
            canvas.text(ui, pos2(col_x[i], y), cell, value_w);
        }
        y = (y + row_h).max(name.bottom() + s.px(8.0));
    }
    if let Some(note) = &table.note {
        let foot = Rect::from_min_size(
            pos2(area.left(), area.bottom() - s.px(28.0)),
            vec2(area.width(), s.px(28.0)),
        );
        canvas.text(ui, foot.min, note, area.width());
    }
}

/// A slide figure (design-slide shapes) drawn on the slide.
fn draw_figure(ui: &mut egui::Ui, canvas: &Canvas, fig: &Figure) {
    let s = &canvas.style;
    let at = |(x, y): (f64, f64)| {
        pos2(
            canvas.rect.left() + s.px(x as f32),
            canvas.rect.top() + s.px(y as f32),
        )
    };
    let paint = |p: Paint| match p {
        Paint::Tone(t) => canvas.tone(t),
        Paint::Rule => s.theme.line(),
    };
    let painter = ui.painter().clone();
    for l in &fig.lines {
        let stroke = Stroke::new(s.px(l.width as f32), paint(l.paint));
        let points = [at(l.from), at(l.to)];
        if l.dashed {
            painter.extend(Shape::dashed_line(&points, stroke, s.px(4.0), s.px(4.0)));
        } else {
            painter.line_segment(points, stroke);
        }
    }
    for d in &fig.dots {
        painter.circle_filled(at(d.centre), s.px(d.radius as f32), paint(d.paint));
    }
    for l in &fig.labels {
        let galley = layout(
            ui,
            &l.text,
            s.font(l.size as f32),
            canvas.tone(l.tone),
            f32::INFINITY,
            1,
        );
        let top_left = at((l.x, l.top));
        let x = if l.centred {
            top_left.x - galley.size().x / 2.0
        } else {
            top_left.x
        };
        place(ui, pos2(x, top_left.y), galley);
    }
}
