//! PowerPoint (PPTX) writer: slides of native, editable objects (text boxes, tables, charts with
//! their data, vector shapes) and speaker notes as notes pages, written as OOXML with `zip`.
//!
//! The input is a small description of positioned objects ([`Deck`]); what goes on each slide is
//! decided elsewhere (the presenter's slide list), so this module only knows PresentationML.
//! Coordinates are slide units: the slide is 900 units high and 1600 (16:9) or 1200 (4:3) wide,
//! the same space the deck's SVG pages use; font sizes are in the same units.

mod chart;
mod ooxml;
mod package;
mod slide;

pub use crate::charts::Rgb;

use super::ReportError;

/// Slide shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Aspect {
    /// 16:9, 13.333 x 7.5 in: PowerPoint's default.
    #[default]
    Wide,
    /// 4:3, 10 x 7.5 in: older projectors.
    Standard,
}

impl Aspect {
    /// Slide width in slide units (the height is always [`SLIDE_HEIGHT`]).
    pub fn width(self) -> f64 {
        match self {
            Self::Wide => 1600.0,
            Self::Standard => 1200.0,
        }
    }

    /// The PDF page of a deck of this shape.
    pub fn page(self) -> crate::report::PageSize {
        match self {
            Self::Wide => crate::report::PageSize::Slide16x9,
            Self::Standard => crate::report::PageSize::Slide4x3,
        }
    }

    /// The `--aspect` value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Wide => "16:9",
            Self::Standard => "4:3",
        }
    }

    pub fn from_key(key: &str) -> Option<Aspect> {
        match key {
            "16:9" | "16x9" | "wide" => Some(Self::Wide),
            "4:3" | "4x3" | "standard" => Some(Self::Standard),
            _ => None,
        }
    }
}

/// Slide height in slide units.
pub const SLIDE_HEIGHT: f64 = 900.0;

/// EMU (English Metric Units, 914,400 per inch) per slide unit: 1600 units span 13.333 in.
const EMU_PER_UNIT: f64 = 7620.0;

fn emu(units: f64) -> i64 {
    (units * EMU_PER_UNIT).round() as i64
}

/// Font size in hundredths of a point, as DrawingML wants it (1 unit = 0.6 pt).
fn font_size(units: f64) -> i64 {
    (units * 60.0).round().clamp(100.0, 400_000.0) as i64
}

/// The colours and fonts written into the theme part, so edits in PowerPoint stay on-brand.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub background: Rgb,
    pub ink: Rgb,
    pub muted: Rgb,
    /// accent1..accent6: the west and east colours first.
    pub accents: [Rgb; 6],
    /// A font every PowerPoint has, for Latin text.
    pub latin_font: String,
    /// For Chinese, Japanese and Korean text.
    pub east_asian_font: String,
}

/// A whole presentation.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub title: String,
    pub aspect: Aspect,
    pub theme: Theme,
    pub slides: Vec<Slide>,
}

/// One slide: its objects back to front, and the speaker's notes (empty: no notes page).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Slide {
    pub shapes: Vec<Shape>,
    pub notes: String,
    /// Kept in the file but skipped in the slide show (PowerPoint's "Hide slide").
    pub hidden: bool,
}

/// A rectangle in slide units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Frame {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Self { x, y, w, h }
    }
}

/// Anything placed on a slide.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Text(TextBox),
    Table(Table),
    Chart(Chart),
    /// A filled rectangle or ellipse, optionally outlined.
    Box {
        frame: Frame,
        ellipse: bool,
        fill: Option<Rgb>,
        line: Option<(Rgb, f64)>,
    },
    /// A straight line between two points, `width` in slide units.
    Line {
        from: (f64, f64),
        to: (f64, f64),
        colour: Rgb,
        width: f64,
        dashed: bool,
    },
}

/// Horizontal alignment of a paragraph or cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Centre,
    Right,
}

/// Vertical placement of text in its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Anchor {
    #[default]
    Top,
    Middle,
    Bottom,
}

/// A run of text in one look.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub size: f64,
    pub bold: bool,
    pub colour: Rgb,
}

/// A paragraph: runs, alignment, an optional bullet and space above.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub align: Align,
    pub bullet: bool,
    pub space_before: f64,
}

impl Paragraph {
    /// One run in one look.
    pub fn plain(text: impl Into<String>, size: f64, bold: bool, colour: Rgb) -> Self {
        Self {
            runs: vec![Run {
                text: text.into(),
                size,
                bold,
                colour,
            }],
            ..Self::default()
        }
    }

    pub fn aligned(mut self, align: Align) -> Self {
        self.align = align;
        self
    }

    pub fn bulleted(mut self) -> Self {
        self.bullet = true;
        self
    }

    pub fn spaced(mut self, space_before: f64) -> Self {
        self.space_before = space_before;
        self
    }

    /// The paragraph's text, runs joined.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// A text box; `title` marks the slide title (PowerPoint's outline and screen readers use it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextBox {
    pub frame: Frame,
    pub paragraphs: Vec<Paragraph>,
    pub anchor: Anchor,
    pub title: bool,
    /// Shrink the text when the user adds more than fits.
    pub autofit: bool,
}

/// A native table; column widths are relative and fill the frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub frame: Frame,
    pub columns: Vec<f64>,
    pub rows: Vec<Vec<Cell>>,
    /// Border and header fill colour.
    pub rule: Rgb,
    pub header_fill: Option<Rgb>,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub size: f64,
    pub bold: bool,
    pub colour: Rgb,
    pub align: Align,
}

/// Which native chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartType {
    Radar,
    /// Horizontal bars, one cluster per category.
    Bars,
}

/// A native chart with its data (kept in an embedded workbook PowerPoint opens for editing).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub frame: Frame,
    pub kind: ChartType,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Value axis from 0 to this.
    pub max: f64,
    pub text_size: f64,
    pub ink: Rgb,
}

/// One data series; `None` values are left blank.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub colour: Rgb,
    pub values: Vec<Option<f64>>,
}

/// The PPTX bytes of a deck.
pub fn render(deck: &Deck) -> Result<Vec<u8>, ReportError> {
    package::write(deck).map_err(|e| ReportError::Pptx(e.to_string()))
}
