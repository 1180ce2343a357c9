//! Text on a slide: laid out once per frame at the slide's scale, placed as labels (so screen
//! readers and UI tests read slides like any widget), and fitted so nothing runs off the screen.

use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontId, Galley, Pos2, Rect};

/// Lays out `text` wrapped to `width`; `max_rows` (0 = unlimited) ends with an ellipsis.
pub fn layout(
    ui: &egui::Ui,
    text: impl Into<String>,
    font: FontId,
    colour: Color32,
    width: f32,
    max_rows: usize,
) -> Arc<Galley> {
    let text: String = text.into();
    let text = crate::font_chain::for_egui(&text).into_owned();
    let mut job = LayoutJob::simple(text, font, colour, width.max(1.0));
    job.wrap = TextWrapping {
        max_width: width.max(1.0),
        max_rows: if max_rows == 0 { usize::MAX } else { max_rows },
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}

/// Places a laid-out galley with its top-left corner at `pos`; returns the rect it covers.
pub fn place(ui: &mut egui::Ui, pos: Pos2, galley: Arc<Galley>) -> Rect {
    let rect = Rect::from_min_size(pos, galley.size());
    ui.put(
        rect,
        egui::Label::new(egui::WidgetText::Galley(galley))
            .selectable(false)
            .show_tooltip_when_elided(false),
    );
    rect
}

/// Lays out and places text in one go; returns the rect it covers.
#[allow(clippy::too_many_arguments)]
pub fn put(
    ui: &mut egui::Ui,
    pos: Pos2,
    text: impl Into<String>,
    font: FontId,
    colour: Color32,
    width: f32,
    max_rows: usize,
) -> Rect {
    let galley = layout(ui, text, font, colour, width, max_rows);
    place(ui, pos, galley)
}

/// Places text horizontally centred on `center_x`, top at `top`; returns the rect it covers.
pub fn put_centred(
    ui: &mut egui::Ui,
    center_x: f32,
    top: f32,
    text: impl Into<String>,
    font: FontId,
    colour: Color32,
    width: f32,
) -> Rect {
    let width = width.max(1.0);
    let text: String = text.into();
    let text = crate::font_chain::for_egui(&text).into_owned();
    let mut job = LayoutJob::simple(text, font, colour, width);
    job.halign = egui::Align::Center;
    job.wrap.max_rows = 3;
    job.wrap.overflow_character = Some('…');
    let galley = ui.painter().layout_job(job);
    let pos = egui::pos2(center_x - galley.size().x / 2.0, top);
    place(ui, pos, galley)
}

/// How many items of a list fit in `available` height, given each item's height and the gap
/// after it; when not all fit, room is kept for a "+N more" line of height `more_line`.
pub fn items_that_fit(heights: &[f32], gap: f32, available: f32, more_line: f32) -> usize {
    let total: f32 = heights.iter().map(|h| h + gap).sum();
    if total <= available + gap {
        return heights.len();
    }
    let budget = available - more_line;
    let mut used = 0.0;
    let mut count = 0;
    for h in heights {
        if used + h > budget {
            break;
        }
        used += h + gap;
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_fits_when_there_is_room() {
        assert_eq!(items_that_fit(&[10.0, 10.0, 10.0], 5.0, 40.0, 10.0), 3);
        assert_eq!(items_that_fit(&[], 5.0, 0.0, 10.0), 0);
    }

    #[test]
    fn overflow_keeps_room_for_the_more_line() {
        // 3 items of 10 with gaps of 5 need 40; only 30 is available, and the "+N more" line
        // needs 10, so one item (10 + 5) fits before the budget of 20 is spent.
        assert_eq!(items_that_fit(&[10.0, 10.0, 10.0], 5.0, 30.0, 10.0), 1);
        assert_eq!(items_that_fit(&[50.0, 1.0], 0.0, 20.0, 5.0), 0);
    }
}
