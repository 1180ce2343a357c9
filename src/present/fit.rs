//! How much text a slide holds, measured once on the design slide with the bundled fonts: the
//! type scale, the line budgets, and where a list too long for one slide even at its floor size
//! continues on a follow-on slide ("Lessons (2/2)"). Measured on the narrowest slide shape laid
//! out natively (4:3), so a page that fits there fits on every screen and on paper.

use std::ops::Range;

use crate::charts::svg::wrap;

/// Type sizes of the design slide, in points at 1280x720.
pub mod size {
    /// The twin's title on the cover.
    pub const COVER: f32 = 64.0;
    /// A slide's heading.
    pub const TITLE: f32 = 48.0;
    /// A company's name.
    pub const NAME: f32 = 40.0;
    /// A secondary heading (native names, pillar columns).
    pub const HEADING: f32 = 32.0;
    /// The big score of a pillar slide.
    pub const FIGURE: f32 = 56.0;
    /// The year of a radar stop, shown large above the score table.
    pub const YEAR: f32 = 72.0;
    /// A score in the table beside the radar.
    pub const TABLE_FIGURE: f32 = 30.0;
    /// The biggest difference and similarity.
    pub const STATEMENT: f32 = 28.0;
    pub const BODY: f32 = 24.0;
    pub const SMALL: f32 = 18.0;
    /// List type sizes, largest first: a list shrinks through them before it is cut.
    pub const LIST: [f32; 2] = [24.0, 20.0];
    /// The detail under a list item, relative to the item's size.
    pub const DETAIL_RATIO: f32 = 0.75;
}

/// Lines a slide heading may wrap to: a long title on a 4:3 screen wraps rather than being cut.
pub const TITLE_LINES: usize = 2;
/// Lines a list item's point may take.
pub const POINT_LINES: usize = 3;
/// Lines the detail under a list item may take: a lesson's text or a long source reads whole.
pub const DETAIL_LINES: usize = 4;

/// The design slide's width at 4:3, the narrowest shape a slide takes.
const NARROWEST: f64 = 960.0;
/// Margins and the heading's rule and gap, as every renderer lays them out.
pub(super) const MARGIN_X: f64 = 64.0;
pub(super) const MARGIN_Y: f64 = 40.0;
const RULE_AND_GAP: f64 = 36.0;
const BULLET_INDENT: f64 = 28.0;
/// Line height relative to the type size, a little generous so every renderer's font fits.
const LEADING: f64 = 1.25;

/// Lines `text` takes at `size` in `width`, at most `budget`.
fn lines(text: &str, size: f32, width: f64, budget: usize) -> usize {
    if text.trim().is_empty() {
        0
    } else {
        wrap(text, size, width as f32, budget).len()
    }
}

/// Height of one list item (point and detail) with the gap after it, at list size `size`.
fn item_height(point: &str, detail: &str, size: f32, width: f64) -> f64 {
    let detail_size = size * size::DETAIL_RATIO;
    lines(point, size, width, POINT_LINES) as f64 * f64::from(size) * LEADING
        + lines(detail, detail_size, width, DETAIL_LINES) as f64 * f64::from(detail_size) * LEADING
        + f64::from(size) * 0.6
}

/// The height a list has under a heading `title` on the narrowest slide.
fn list_room(title: &str) -> f64 {
    let width = NARROWEST - 2.0 * MARGIN_X;
    let heading = lines(title, size::TITLE, width, TITLE_LINES).max(1) as f64
        * f64::from(size::TITLE)
        * LEADING;
    720.0 - 2.0 * MARGIN_Y - heading - RULE_AND_GAP
}

/// The items of each slide a list of `(point, detail)` items takes under `title`: one range
/// when it fits at some list size, else as many follow-on slides as it needs at the floor size
/// (the last of [`size::LIST`]). Never empty; an item too long for a slide of its own gets one.
pub fn list_pages(title: &str, items: &[(&str, &str)]) -> Vec<Range<usize>> {
    let width = NARROWEST - 2.0 * MARGIN_X - BULLET_INDENT;
    let room = list_room(title);
    let floor = size::LIST[size::LIST.len() - 1];
    let total: f64 = items
        .iter()
        .map(|(p, d)| item_height(p, d, floor, width))
        .sum();
    if total <= room {
        return std::iter::once(0..items.len()).collect();
    }
    let mut pages = Vec::new();
    let (mut start, mut used) = (0, 0.0);
    for (i, (p, d)) in items.iter().enumerate() {
        let h = item_height(p, d, floor, width);
        if used + h > room && i > start {
            pages.push(start..i);
            (start, used) = (i, 0.0);
        }
        used += h;
    }
    pages.push(start..items.len());
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_stays_on_one_slide_and_a_long_one_continues() {
        let short = [("One lesson", "Its detail.")];
        let pages = list_pages("Lessons", &short);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0], 0..1);
        let detail =
            "A lesson explained in a sentence that is long enough to wrap over a line. ".repeat(3);
        let long: Vec<(&str, &str)> = (0..12).map(|_| ("A lesson", detail.as_str())).collect();
        let pages = list_pages("Lessons", &long);
        assert!(pages.len() >= 2, "{pages:?}");
        assert_eq!(pages[0].start, 0);
        assert_eq!(pages.last().map(|r| r.end), Some(12));
        for pair in pages.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "no item lost or repeated");
        }
    }

    #[test]
    fn long_items_count_at_their_line_budget_and_pages_hold_what_fits() {
        let huge = "word ".repeat(2000);
        let items: Vec<(&str, &str)> = (0..10).map(|_| (huge.as_str(), huge.as_str())).collect();
        let pages = list_pages("Lessons", &items);
        let width = NARROWEST - 2.0 * MARGIN_X - BULLET_INDENT;
        let floor = size::LIST[size::LIST.len() - 1];
        let each = item_height(&huge, &huge, floor, width);
        let per_page = (list_room("Lessons") / each).floor() as usize;
        assert!(per_page >= 1);
        assert_eq!(pages[0], 0..per_page, "{pages:?}");
        assert_eq!(pages.len(), 10_usize.div_ceil(per_page));
    }
}
