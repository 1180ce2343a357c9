//! The chart slides (radar, diversification map, timeline): the studio's chart drawing from the
//! shared chart descriptions, made big and static, plus the text a projector needs beside them.

use egui::{Rect, UiBuilder, pos2, vec2};

use super::builds::{builds_on, map_at, radar_stops, timeline_at, timeline_years};
use super::morph::RadarFrame;
use super::text::put;
use super::theme::{ProjectorTheme, rgb};
use super::view::{Canvas, Moment};
use crate::analysis::compare_pillars;
use crate::charts::egui::{ChartStyle, chart};
use crate::charts::{Chart, ChartKind, Radar, Rgb, describe};
use crate::model::{Side, Twin};

/// Chart type relative to the slide's body text: axis labels must read from the back too.
const CHART_TEXT_SCALE: f32 = 1.5;

/// The pillar radar with the scores as figures beside it (radars are hard to read exactly). With
/// dated snapshots it shows the stop of the current build step (or a frame of the morph to it),
/// the stop's year large above the figures.
pub fn radar(ui: &mut egui::Ui, canvas: &Canvas, body: Rect, twin: &Twin, moment: &Moment) {
    let stops = radar_stops(twin);
    let frame = moment.radar.clone().unwrap_or_else(|| {
        let last = stops.len().saturating_sub(1);
        stops
            .get(moment.step.min(last))
            .map(|stop| RadarFrame::at(twin, stop))
            .unwrap_or_else(|| RadarFrame::at(twin, &super::builds::RadarStop::today()))
    });
    let split = body.left() + body.width() * 0.58;
    let chart_area = Rect::from_min_max(body.min, pos2(split, body.bottom()));
    let mut table = Rect::from_min_max(pos2(split + canvas.style.px(24.0), body.top()), body.max);
    let mut description = Radar::new(twin, None);
    for (i, series) in description.series.iter_mut().enumerate() {
        series.values = frame.values[i].clone();
        series.supported = frame.supported[i].clone();
    }
    draw(ui, canvas, chart_area, &Chart::Radar(description), "radar");
    if stops.len() > 1 {
        let s = &canvas.style;
        let year = put(
            ui,
            table.min,
            &frame.label,
            s.font(72.0),
            s.theme.text(),
            table.width(),
            1,
        );
        table.min.y = year.bottom() + s.px(12.0);
    }
    score_table(ui, canvas, table, twin, &frame);
}

/// Where each company diversified: sectors around, distance from the core outwards; with its
/// build on, one company at a time, then the shared sectors.
pub fn map(ui: &mut egui::Ui, canvas: &Canvas, body: Rect, twin: &Twin, step: usize) {
    let mut description = describe(twin, ChartKind::Map, None);
    if builds_on(twin, "map")
        && let Chart::Map(m) = description
    {
        description = Chart::Map(map_at(m, step));
    }
    draw(ui, canvas, body, &description, "map");
}

/// When each company moved, one lane per company; with its build on, year by year.
pub fn timeline(ui: &mut egui::Ui, canvas: &Canvas, body: Rect, twin: &Twin, step: usize) {
    let mut description = describe(twin, ChartKind::Timeline, None);
    if builds_on(twin, "timeline")
        && let Chart::Timeline(t) = description
    {
        description = Chart::Timeline(timeline_at(t, &timeline_years(twin), step));
    }
    draw(ui, canvas, body, &description, "timeline");
}

/// The chart with its company colours made projector-safe for the slide's theme, so labels and
/// legends drawn in them reach the slide's contrast.
fn projector_safe(description: &Chart, theme: ProjectorTheme) -> Chart {
    let safe = |c: Rgb| rgb(theme.brand(c));
    let mut chart = description.clone();
    match &mut chart {
        Chart::Radar(r) => r.series.iter_mut().for_each(|s| s.color = safe(s.color)),
        Chart::Bars(b) => b.series.iter_mut().for_each(|s| s.color = safe(s.color)),
        Chart::Map(m) => m.colors = m.colors.map(safe),
        Chart::Timeline(t) => t.lanes.iter_mut().for_each(|l| l.color = safe(l.color)),
        Chart::Deltas(_) => {}
    }
    chart
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

/// Pillar, West, East as big figures, then the weighted totals; unsupported scores carry an
/// asterisk explained below.
fn score_table(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, twin: &Twin, frame: &RadarFrame) {
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
    let row_h =
        ((area.height() - (y - area.top()) - s.px(40.0)) / (rows.len() + 1) as f32).max(s.px(20.0));
    let total_row = std::iter::once((
        "Weighted total",
        frame.totals[0],
        frame.totals[1],
        [true; 2],
    ));
    let pillar_rows = rows.iter().enumerate().map(|(p, row)| {
        let cell = |side: usize| frame.values[side].get(p).copied().flatten();
        let backed = |side: usize| frame.supported[side].get(p).copied().unwrap_or(true);
        (
            row.pillar_name.as_str(),
            cell(0),
            cell(1),
            [backed(0), backed(1)],
        )
    });
    for (label, west, east, supported) in pillar_rows.chain(total_row) {
        let name = put(
            ui,
            pos2(area.left(), y),
            label,
            s.body_font(),
            s.theme.text(),
            name_w - s.px(12.0),
            2,
        );
        let cells = [(west, supported[0]), (east, supported[1])];
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
