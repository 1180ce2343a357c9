//! The export formats and page sizes, shared by the CLI and the studio's Report tab.

/// Output formats; the CLI `--format` value is [`Format::key`]. Kept open: a later slide-deck PDF
/// adds a variant here and reuses [`super::pdf::svg_pages_pdf`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Html,
    Markdown,
    Pdf,
    Svg,
    Png,
    Csv,
    /// An Excel workbook: scores, moves and evidence sheets.
    Xlsx,
    /// The presenter's backup: one 16:9 page per slide.
    DeckPdf,
    /// The deck as an editable PowerPoint file, speaker notes included.
    Pptx,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Self::Html,
        Self::Markdown,
        Self::Pdf,
        Self::Svg,
        Self::Png,
        Self::Csv,
        Self::Xlsx,
        Self::DeckPdf,
        Self::Pptx,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Pdf => "pdf",
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::DeckPdf => "deck-pdf",
            Self::Pptx => "pptx",
        }
    }

    /// The file extension written.
    pub fn extension(self) -> &'static str {
        match self {
            Self::DeckPdf => "pdf",
            other => other.key(),
        }
    }

    pub fn from_key(key: &str) -> Option<Format> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Label for menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::Html => "HTML page",
            Self::Markdown => "Markdown + SVG charts",
            Self::Pdf => "PDF document",
            Self::Svg => "SVG chart",
            Self::Png => "PNG chart",
            Self::Csv => "CSV of scores, moves and evidence",
            Self::Xlsx => "Excel workbook (scores, moves, evidence)",
            Self::DeckPdf => "Slide deck PDF (16:9)",
            Self::Pptx => "PowerPoint deck (editable, with notes)",
        }
    }

    /// Whether the format holds one chart (then a chart kind is chosen) rather than the report.
    pub fn is_single_chart(self) -> bool {
        matches!(self, Self::Svg | Self::Png)
    }

    /// Whether several twins can go into one file of this format.
    pub fn supports_portfolio(self) -> bool {
        matches!(
            self,
            Self::Html | Self::Pdf | Self::Markdown | Self::Csv | Self::Xlsx
        )
    }
}

/// Paper (or slide) size in PDF points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageSize {
    A4,
    Letter,
    /// 16:9 landscape, 13.333 x 7.5 in: for slide-deck PDFs built from SVG pages.
    Slide16x9,
    /// 4:3 landscape, 10 x 7.5 in: a deck PDF for an older projector.
    Slide4x3,
}

impl PageSize {
    /// Width and height in points (1/72 in).
    pub fn points(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
            Self::Slide16x9 => (960.0, 540.0),
            Self::Slide4x3 => (720.0, 540.0),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::Letter => "letter",
            Self::Slide16x9 => "slide",
            Self::Slide4x3 => "slide-4x3",
        }
    }
}
