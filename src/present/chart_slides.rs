//! The chart slides on egui (radar, diversification map, timeline): the studio's chart drawing
//! from the described chart, made big and static, and the radar's score table beside it.

use egui::{Rect, UiBuilder, pos2, vec2};

use super::canvas::Canvas;
use super::describe::ScoreTable;
use super::theme::projector_safe;
use crate::charts::Chart;
use crate::charts::egui::{ChartStyle, chart};

/// Chart type relative to the slide's body text: axis labels must read from the back too.
const CHART_TEXT_SCALE: f32 = 1.5;

/// Share of a body `width` by `height` the radar takes when the score table stands beside it:
/// most of a wide slide, less than half of a 4:3 one, so the table's names need not break.
pub fn radar_share(width: f32, height: f32) -> f32 {
    if width < 1.9 * height { 0.45 } else { 0.58 }
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
    let mut area = Rect::from_min_max(pos2(split + canvas.style.px(24.0), body.top()), body.max);
    draw(ui, canvas, chart_area, description, key);
    if let Some(year) = &table.year {
        let drawn = canvas.text(ui, area.min, year, area.width());
        area.min.y = drawn.bottom() + canvas.style.px(12.0);
    }
    score_table(ui, canvas, area, table);
}

/// Draws a chart description filling `area`, in the projector theme, with nothing that moves.
fn draw(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, description: &Chart, key: &str) {
    let description = &projector_safe(description, canvas.style.theme);
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
    let value_w = area.width() * 0.22;
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
