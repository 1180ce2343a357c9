//! Bulleted lists on a deck page: the live deck's sizes, fitted with the same measure, cut
//! with a "+N more" line only below the readable floor.

use super::{Area, LEADING, Page};
use crate::charts::svg::wrap;
use crate::present::describe::{Bullet, DETAIL_LINES, POINT_LINES, Text, Tone, size};
use crate::present::text::items_that_fit;
use crate::wording::more_text;

/// Height of a bullet at `size` in a column `width` wide.
fn bullet_height(item: &Bullet, size: f64, width: f64) -> f64 {
    let lines = |text: &str, size: f64, max: usize| {
        if text.is_empty() {
            0
        } else {
            wrap(text, size as f32, width as f32, max).len()
        }
    };
    let detail = size * f64::from(size::DETAIL_RATIO);
    lines(&item.primary, size, POINT_LINES) as f64 * size * LEADING
        + lines(&item.secondary, detail, DETAIL_LINES) as f64 * detail * LEADING
}

const BULLET_INDENT: f64 = 28.0;

/// How many of `items` fit `area` at `size`.
fn fitting(area: Area, items: &[Bullet], size: f64) -> usize {
    let width = area.w - BULLET_INDENT;
    let heights: Vec<f32> = items
        .iter()
        .map(|i| bullet_height(i, size, width) as f32)
        .collect();
    items_that_fit(
        &heights,
        (size * 0.6) as f32,
        area.h as f32,
        (size * 1.4) as f32,
    )
}

/// The largest list size at which every list fits (the smallest if none does), as live.
pub(super) fn list_size(lists: &[(Area, &[Bullet])]) -> f64 {
    size::LIST
        .into_iter()
        .map(f64::from)
        .find(|&s| {
            lists
                .iter()
                .all(|(a, items)| fitting(*a, items, s) == items.len())
        })
        .unwrap_or(f64::from(size::LIST[size::LIST.len() - 1]))
}

/// A bulleted list: what fits, then a "+N more" line for the rest.
pub(super) fn list(page: &mut Page, area: Area, items: &[Bullet], size: f64) {
    let shown = fitting(area, items, size);
    let x = area.x + BULLET_INDENT;
    let width = area.w - BULLET_INDENT;
    let mut y = area.y;
    let ink = page.colours.ink.clone();
    for item in &items[..shown] {
        page.disc(
            area.x + BULLET_INDENT * 0.35,
            y + size * 0.6,
            size * 0.2,
            &ink,
            None,
        );
        let point = Text::new(item.primary.clone(), size as f32, Tone::Ink, POINT_LINES);
        y = page.put(x, y, width, &point);
        if !item.secondary.is_empty() {
            let detail = Text::new(
                item.secondary.clone(),
                (size * f64::from(size::DETAIL_RATIO)) as f32,
                Tone::Muted,
                DETAIL_LINES,
            );
            y = page.put(x, y, width, &detail);
        }
        y += size * 0.6;
    }
    if shown < items.len() {
        let more = Text::new(more_text(items.len() - shown), size as f32, Tone::Muted, 1);
        page.put(x, y, width, &more);
    }
}
