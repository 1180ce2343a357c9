//! The chart slides (radar, diversification map, timeline): the studio's chart drawing from the
//! shared chart descriptions, made big and static, plus the text a projector needs beside them.

use egui::{Rect, UiBuilder, pos2, vec2};

use super::text::put;
use super::view::Canvas;
use crate::analysis::compare_pillars;
use crate::charts::egui::{ChartStyle, chart};
use crate::charts::{Chart, ChartKind, describe};
use crate::model::{Side, Twin};

/// Chart type relative to the slide's body text: axis labels must read from the back too.
const CHART_TEXT_SCALE: f32 = 1.5;

/// The pillar radar with the scores as figures beside it (radars are hard to read exactly).
pub fn radar(ui: &mut egui::Ui, canvas: &Canvas, body: Rect, twin: &Twin) {
    let split = body.left() + body.width() * 0.58;
    let chart_area = Rect::from_min_max(body.min, pos2(split, body.bottom()));
    let table = Rect::from_min_max(pos2(split + canvas.style.px(24.0), body.top()), body.max);
    draw(
        ui,
        canvas,
        chart_area,
        &describe(twin, ChartKind::Radar, None),
        "radar",
    );
    score_table(ui, canvas, table, twin);
}

/// Where each company diversified: sectors around, distance from the core outwards.
pub fn map(ui: &mut egui::Ui, canvas: &Canvas, body: Rect, twin: &Twin) {
    draw(
        ui,
        canvas,
        body,
        &describe(twin, ChartKind::Map, None),
        "map",
    );
}

/// When each company moved, one lane per company.
pub fn timeline(ui: &mut egui::Ui, canvas: &Canvas, body: Rect, twin: &Twin) {
    draw(
        ui,
        canvas,
        body,
        &describe(twin, ChartKind::Timeline, None),
        "timeline",
    );
}

/// Draws a chart description filling `area`, in the projector theme, with nothing that moves.
fn draw(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, description: &Chart, key: &str) {
    let style = ChartStyle::new(("present_slide", key))
        .with_height(area.height())
        .with_text_scale(canvas.style.scale * CHART_TEXT_SCALE)
        .with_interactive(false);
    ui.scope_builder(UiBuilder::new().max_rect(area), |ui| {
        *ui.visuals_mut() = canvas.style.theme.visuals();
        chart(ui, description, &style);
    });
}

/// Pillar, West, East as big figures; unsupported scores carry an asterisk explained below.
fn score_table(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, twin: &Twin) {
    let s = &canvas.style;
    let value_w = area.width() * 0.22;
    let name_w = area.width() - 2.0 * value_w;
    let col_x = [area.left() + name_w, area.left() + name_w + value_w];
    let mut y = area.top();
    let mut row_bottom = y;
    for (i, side) in Side::BOTH.into_iter().enumerate() {
        let name = &twin.side(side).name;
        let r = put(
            ui,
            pos2(col_x[i], y),
            name,
            s.small_font(),
            canvas.side_colour(side),
            value_w,
            2,
        );
        row_bottom = row_bottom.max(r.bottom());
    }
    y = row_bottom + s.px(12.0);
    let mut any_unsupported = false;
    let rows = compare_pillars(twin);
    let row_h = ((area.height() - (y - area.top()) - s.px(40.0)) / rows.len().max(1) as f32)
        .max(s.px(20.0));
    for row in &rows {
        let name = put(
            ui,
            pos2(area.left(), y),
            &row.pillar_name,
            s.body_font(),
            s.theme.text(),
            name_w - s.px(12.0),
            2,
        );
        let cells = [
            (row.west, row.west_supported),
            (row.east, row.east_supported),
        ];
        for (i, (value, supported)) in cells.into_iter().enumerate() {
            let (text, colour) = match value {
                Some(v) if supported => (format!("{v:.1}"), s.sides[i]),
                Some(v) => {
                    any_unsupported = true;
                    (format!("{v:.1}*"), s.theme.warning())
                }
                None => ("–".to_owned(), s.theme.muted()),
            };
            put(
                ui,
                pos2(col_x[i], y),
                text,
                s.font(30.0),
                colour,
                value_w,
                1,
            );
        }
        y = (y + row_h).max(name.bottom() + s.px(8.0));
    }
    if any_unsupported {
        let note = Rect::from_min_size(
            pos2(area.left(), area.bottom() - s.px(28.0)),
            vec2(area.width(), s.px(28.0)),
        );
        put(
            ui,
            note.min,
            "* no evidence yet",
            s.small_font(),
            s.theme.warning(),
            area.width(),
            1,
        );
    }
}
