//! Bulleted lists on an egui slide (lessons, evidence): laid out at the largest type size at
//! which every list fits, then cut with a "+N more" line only below the readable floor.

use std::sync::Arc;

use egui::{Galley, Rect, pos2};

use super::canvas::Canvas;
use super::describe::{Bullet, DETAIL_LINES, POINT_LINES, size};
use super::text::{items_that_fit, layout, place, put};
use crate::wording::more_text;

/// A list laid out at one size: each item's galleys, and how many fit.
struct LaidList {
    items: Vec<(Arc<Galley>, Option<Arc<Galley>>)>,
    shown: usize,
    font: egui::FontId,
    gap: f32,
}

const BULLET_INDENT: f32 = 28.0;

fn lay_list(ui: &egui::Ui, canvas: &Canvas, area: Rect, items: &[Bullet], size: f32) -> LaidList {
    let s = &canvas.style;
    let width = (area.width() - s.px(BULLET_INDENT)).max(1.0);
    let font = s.font(size);
    let secondary_font = s.font(size * size::DETAIL_RATIO);
    let gap = s.px(size * 0.6);
    // An item longer than the whole area (hostile text) is cut at the area, not dropped.
    let point_rows = ((area.height() / (font.size * 1.25)).floor() as usize).clamp(1, POINT_LINES);
    let laid: Vec<_> = items
        .iter()
        .map(|item| {
            let p = layout(
                ui,
                &item.primary,
                font.clone(),
                s.theme.text(),
                width,
                point_rows,
            );
            let sec = (!item.secondary.is_empty()).then(|| {
                layout(
                    ui,
                    &item.secondary,
                    secondary_font.clone(),
                    s.theme.muted(),
                    width,
                    DETAIL_LINES,
                )
            });
            (p, sec)
        })
        .collect();
    let heights: Vec<f32> = laid
        .iter()
        .map(|(p, sec)| p.size().y + sec.as_ref().map_or(0.0, |g| g.size().y))
        .collect();
    let shown = items_that_fit(&heights, gap, area.height(), font.size * 1.4)
        .max(usize::from(!items.is_empty()));
    LaidList {
        items: laid,
        shown,
        font,
        gap,
    }
}

/// The largest of the list sizes at which every list fits its area (the smallest if none
/// does), so side-by-side lists share one type size.
pub fn list_size(ui: &egui::Ui, canvas: &Canvas, lists: &[(Rect, &[Bullet])]) -> f32 {
    size::LIST
        .into_iter()
        .find(|&size| {
            lists
                .iter()
                .all(|(area, items)| lay_list(ui, canvas, *area, items, size).shown == items.len())
        })
        .unwrap_or(size::LIST[size::LIST.len() - 1])
}

/// Draws a bulleted list inside `area` at `size`: what fits, then a "+N more" line for the rest.
/// Never draws outside `area`.
pub fn draw_list(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, items: &[Bullet], size: f32) {
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
            more_text(items.len() - list.shown),
            list.font,
            s.theme.muted(),
            (area.width() - indent).max(1.0),
            1,
        );
    }
}

/// A single list filling `area`, shrunk or cut to fit.
pub fn fitted_list(ui: &mut egui::Ui, canvas: &Canvas, area: Rect, items: &[Bullet]) {
    let size = list_size(ui, canvas, &[(area, items)]);
    draw_list(ui, canvas, area, items, size);
}
