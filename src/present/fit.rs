//! How much text a slide holds, measured once on the design slide with the bundled fonts: the
//! type scale, the line budgets, and where a list too long for one slide even at its floor size
//! continues on a follow-on slide ("Lessons (2/2)"). Pages are measured for the slide's shape
//! (a 4:3 projector holds less per slide than a 16:9 screen); sizes that every renderer shares
//! are measured on the narrowest shape (4:3), so they fit on every screen and on paper.

use std::ops::Range;

use crate::assets::text_width;
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
    pub const LIST: [f32; 3] = [24.0, 21.0, 18.0];
    /// The detail under a list item, relative to the item's size.
    pub const DETAIL_RATIO: f32 = 0.75;
}

/// Lines a slide heading may wrap to: a long title on a 4:3 screen wraps rather than being cut.
pub const TITLE_LINES: usize = 2;
/// Lines a list item's point may take: enough for any claim a slide has room for (a claim is a
/// sentence or two), a bound only for text no slide could hold.
pub const POINT_LINES: usize = 12;
/// Lines the detail under a list item may take: a lesson's text or a long source reads whole.
pub const DETAIL_LINES: usize = 4;

/// The design slide's width at 4:3, the narrowest shape a slide takes.
pub const NARROWEST: f64 = 960.0;
/// The design slide's width at 16:9, the shape a deck has when none is given.
pub const WIDE: f64 = 1280.0;
/// Margins and the heading's rule and gap, as every renderer lays them out.
pub(super) const MARGIN_X: f64 = 64.0;
pub(super) const MARGIN_Y: f64 = 40.0;
const RULE_AND_GAP: f64 = 36.0;
const BULLET_INDENT: f64 = 28.0;
/// Between West's and East's columns.
pub(super) const COLUMN_GUTTER: f64 = 48.0;
/// Under a pillar's description, and between a column's score and its evidence.
pub(super) const DESCRIPTION_GAP: f64 = 20.0;
const LIST_GAP: f64 = 16.0;
/// Lines a company's name may take heading a column (companies and pillar slides).
pub const NAME_LINES: usize = 2;
/// Lines a pillar's description may take under the heading.
pub const PILLAR_DESCRIPTION_LINES: usize = 2;
/// Line height relative to the type size, a little generous so every renderer's font fits.
const LEADING: f64 = 1.25;

/// The design slide's width (720 high) of a file deck of `aspect`.
pub fn aspect_width(aspect: crate::report::pptx::Aspect) -> f64 {
    720.0 * aspect.width() / crate::report::pptx::SLIDE_HEIGHT
}

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

/// The height of a heading `title` with its rule and gap, on a slide `slide_width` wide.
fn heading_height(title: &str, slide_width: f64) -> f64 {
    let width = slide_width - 2.0 * MARGIN_X;
    lines(title, size::TITLE, width, TITLE_LINES).max(1) as f64 * f64::from(size::TITLE) * LEADING
        + RULE_AND_GAP
}

/// The height a list has under a heading `title` on a slide `slide_width` wide.
fn list_room(title: &str, slide_width: f64) -> f64 {
    720.0 - 2.0 * MARGIN_Y - heading_height(title, slide_width)
}

/// The items of each page when `items` are set at the floor size in `width` and `room`: one
/// range when all fit, else as many as each page holds. Never empty; an item too long for a
/// page of its own gets one.
fn pages_of(items: &[(&str, &str)], width: f64, room: f64) -> Vec<Range<usize>> {
    let floor = size::LIST[size::LIST.len() - 1];
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

/// The items of each slide a list of `(point, detail)` items takes under `title`: one range
/// when it fits at some list size, else as many follow-on slides as it needs at the floor size
/// (the last of [`size::LIST`]). Never empty; an item too long for a slide of its own gets one.
pub fn list_pages(title: &str, items: &[(&str, &str)], slide_width: f64) -> Vec<Range<usize>> {
    let width = slide_width.max(NARROWEST) - 2.0 * MARGIN_X - BULLET_INDENT;
    pages_of(items, width, list_room(title, slide_width))
}

/// What a pillar slide shows above its two evidence lists, for measuring the room left.
pub struct PillarHead<'a> {
    pub title: &'a str,
    /// The pillar's description, under the heading.
    pub description: &'a str,
    /// West, East: whether the column says its score has no evidence.
    pub flagged: [bool; 2],
    /// West, East: the companies' names heading the columns.
    pub names: [&'a str; 2],
}

/// The evidence each slide of a pillar shows, West's and East's side by side: one page when
/// both columns fit, else as many follow-on slides as the longer column needs at the floor
/// size. The shorter column shows nothing more on the pages after its last item.
pub fn pillar_pages(
    head: &PillarHead<'_>,
    evidence: [&[(&str, &str)]; 2],
    slide_width: f64,
) -> Vec<[Range<usize>; 2]> {
    let slide_width = slide_width.max(NARROWEST);
    let width = (slide_width - 2.0 * MARGIN_X - COLUMN_GUTTER) / 2.0 - BULLET_INDENT;
    let full = slide_width - 2.0 * MARGIN_X;
    let description = lines(head.description, size::BODY, full, PILLAR_DESCRIPTION_LINES) as f64
        * f64::from(size::BODY)
        * LEADING;
    let column_head = |i: usize| {
        let flagged = head.flagged[i];
        let name = lines(
            head.names[i],
            size::HEADING,
            width + BULLET_INDENT,
            NAME_LINES,
        )
        .max(1);
        (name as f64 * f64::from(size::HEADING) + f64::from(size::FIGURE)) * LEADING
            + if flagged {
                f64::from(size::BODY) * LEADING
            } else {
                0.0
            }
            + LIST_GAP
    };
    let room = |i: usize| {
        list_room(head.title, slide_width)
            - if description > 0.0 {
                description + DESCRIPTION_GAP
            } else {
                0.0
            }
            - column_head(i)
    };
    let [west, east] = [0, 1].map(|i| pages_of(evidence[i], width, room(i)));
    let count = west.len().max(east.len());
    let page =
        |pages: &[Range<usize>], i: usize, len: usize| pages.get(i).cloned().unwrap_or(len..len);
    (0..count)
        .map(|i| {
            [
                page(&west, i, evidence[0].len()),
                page(&east, i, evidence[1].len()),
            ]
        })
        .collect()
}

/// Sizes a statement (the biggest difference or similarity) steps down through before it may
/// take more lines: what still reads from the back of the room.
const STATEMENT_SIZES: [f32; 4] = [size::STATEMENT, 26.0, 24.0, 22.0];

/// The size and line budget of a statement under `title` on the contrast slide, which gives
/// each of its two statements half the body with a label above and a figure below: the largest
/// size at which it fits whole, else the floor size with as many lines as the room holds.
pub fn statement_fit(title: &str, text: &str) -> (f32, usize) {
    let width = NARROWEST - 2.0 * MARGIN_X;
    let room = list_room(title, NARROWEST) / 2.0
        - f64::from(size::SMALL) * LEADING
        - 6.0
        - f64::from(size::BODY) * LEADING
        - 8.0;
    let fits = |size: f32| {
        let lines = lines(text, size, width, usize::MAX);
        (lines as f64 * f64::from(size) * LEADING <= room).then_some(lines)
    };
    for size in STATEMENT_SIZES {
        if let Some(lines) = fits(size) {
            return (size, lines.max(1));
        }
    }
    let floor = STATEMENT_SIZES[STATEMENT_SIZES.len() - 1];
    let rows = (room / (f64::from(floor) * LEADING)).floor().max(1.0) as usize;
    (floor, rows)
}

/// Sizes a company name heading the score table beside the radar steps down through, so a long
/// name ("Tencent Music Entertainment") breaks between words, never inside one.
const TABLE_NAME_SIZES: [f32; 3] = [size::SMALL, 16.0, 14.0];
/// Lines a company name may take over its score column.
pub const TABLE_NAME_LINES: usize = 3;

/// The size of a company's name over its column of the score table: the largest at which each
/// of its words fits the column on the narrowest slide.
pub fn table_name_size(name: &str) -> f32 {
    let body = NARROWEST - 2.0 * MARGIN_X;
    let table = body * (1.0 - f64::from(RADAR_SHARE_NARROW)) - f64::from(RADAR_TABLE_GAP);
    let column = table * f64::from(TABLE_VALUE_SHARE);
    TABLE_NAME_SIZES
        .into_iter()
        .find(|&size| {
            name.split_whitespace()
                .all(|word| f64::from(text_width(word, size)) <= column)
                && lines(name, size, column, usize::MAX) <= TABLE_NAME_LINES
        })
        .unwrap_or(TABLE_NAME_SIZES[TABLE_NAME_SIZES.len() - 1])
}

/// Share of the body the radar takes beside its score table on a 4:3 slide.
pub const RADAR_SHARE_NARROW: f32 = 0.45;
/// Between the radar and the score table beside it.
pub const RADAR_TABLE_GAP: f32 = 24.0;
/// Share of the score table each company's column of figures takes (at least, in PowerPoint).
pub const TABLE_VALUE_SHARE: f32 = 0.22;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_stays_on_one_slide_and_a_long_one_continues() {
        let short = [("One lesson", "Its detail.")];
        let pages = list_pages("Lessons", &short, NARROWEST);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0], 0..1);
        let detail =
            "A lesson explained in a sentence that is long enough to wrap over a line. ".repeat(3);
        let long: Vec<(&str, &str)> = (0..12).map(|_| ("A lesson", detail.as_str())).collect();
        let pages = list_pages("Lessons", &long, NARROWEST);
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
        let pages = list_pages("Lessons", &items, NARROWEST);
        let width = NARROWEST - 2.0 * MARGIN_X - BULLET_INDENT;
        let floor = size::LIST[size::LIST.len() - 1];
        let each = item_height(&huge, &huge, floor, width);
        let per_page = (list_room("Lessons", NARROWEST) / each).floor() as usize;
        assert!(per_page >= 1);
        assert_eq!(pages[0], 0..per_page, "{pages:?}");
        assert_eq!(pages.len(), 10_usize.div_ceil(per_page));
    }
}
