//! Comparison reports: one [`Report`] document built from a twin (or a portfolio of twins), rendered
//! by one file per format. Every user text is escaped for the format it lands in.

pub mod csv;
mod document;

mod format;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod png;
pub mod pptx;
mod records;
#[cfg(test)]
mod scripts_tests;
mod svg_tree;
pub mod xlsx;

pub use document::{
    Block, Item, Report, Section, Table, loyalty_text, orientation_text, score_text, source_text,
};
pub use format::{Format, PageSize};
pub use svg_tree::parse_svg;

/// Why an export failed; the message says what to do where there is something to do.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("chart SVG could not be read back: {0}")]
    Svg(String),
    #[error("PNG rendering failed: {0}")]
    Png(String),
    #[error("PDF writing failed: {0}")]
    Pdf(String),
    #[error("PPTX writing failed: {0}")]
    Pptx(String),
    #[error("XLSX writing failed: {0}")]
    Xlsx(String),
    #[error("CSV writing failed: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}
