//! Native PDF with krilla: A4 or Letter pages, vector charts (krilla-svg), the bundled font
//! chain embedded as subsets so Chinese, Arabic or Hebrew names are real, searchable text, page
//! numbers, sources as link annotations, and a tagged structure (PDF/UA) for screen readers.
//!
//! Layout happens first ([`layout`] and [`table`] flow blocks into pages of [`Op`]s measured with
//! the fonts' own advances; [`pages`] lays a whole report out, contents included); drawing
//! follows once the page count is known, for "page n of N" ([`draw`], with [`tags`] for the
//! structure and [`text`] for shaped runs). [`svg_pages_pdf`] draws whole pages of SVG (e.g. 16:9
//! slides) through the same drawing code.

mod draw;
mod layout;
mod pages;
mod table;
mod tags;
mod text;

use resvg::usvg;

use super::{PageSize, Report, ReportError, parse_svg};
use crate::charts::Rgb;
use crate::tokens::{Look, Tokens};
use draw::write_pages;
use pages::lay_out;
use tags::Role;

/// The paper look: every colour of a report is one of its roles (ink, muted, grid for rules,
/// band for table headers, link).
pub(super) const TOKENS: Tokens = Look::Paper.tokens();
pub(super) const MARGIN: f32 = 50.0;
/// The language of every report's wording (PDF/UA asks for it).
pub(super) const LANGUAGE: &str = "en";
pub(super) const BODY: f32 = 10.0;
/// The smallest type anywhere in a report.
pub(super) const MIN_TYPE: f32 = 7.0;
pub(super) const SMALL: f32 = 8.5;
/// Widest a chart is drawn: the text width of A4, so 11 px chart labels print at 7 pt or more.
pub(super) const CHART_MAX_WIDTH: f32 = 500.0;

/// One drawing operation on a page; y grows downwards from the top edge, text y is the baseline.
pub(super) enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        colour: Rgb,
        bold: bool,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        colour: Rgb,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        colour: Rgb,
    },
    Svg {
        tree: Box<usvg::Tree>,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        url: String,
    },
    /// An internal link to a place in the document (table of contents).
    GoTo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        page: usize,
        target_y: f32,
    },
    /// Starts a structure element of the tagged PDF; ops up to the matching `Close` are its content.
    Open(Role),
    Close,
}

/// A run of words in one style on one line.
pub(super) type Segment = (String, bool);

/// The report as PDF bytes on `page` paper.
pub fn render(report: &Report, page: PageSize) -> Result<Vec<u8>, ReportError> {
    let flow = lay_out(report, page)?;
    write_pages(&flow.pages, page, &report.title, true)
}

/// Whole pages of SVG, each scaled to fit and centred on `page` (e.g. [`PageSize::Slide16x9`]):
/// the pipeline a slide-deck PDF reuses.
pub fn svg_pages_pdf(svgs: &[String], page: PageSize, title: &str) -> Result<Vec<u8>, ReportError> {
    let (pw, ph) = page.points();
    let mut pages = Vec::with_capacity(svgs.len());
    for svg in svgs {
        let tree = parse_svg(svg)?;
        let (tw, th) = (tree.size().width(), tree.size().height());
        let scale = (pw / tw).min(ph / th);
        let (w, h) = (tw * scale, th * scale);
        pages.push(vec![Op::Svg {
            tree: Box::new(tree),
            x: (pw - w) / 2.0,
            y: (ph - h) / 2.0,
            w,
            h,
        }]);
    }
    write_pages(&pages, page, title, false)
}
