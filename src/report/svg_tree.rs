//! SVG text back to a usvg tree, with the bundled font as the only font: PNG and PDF output look
//! the same on every machine, and no system font is ever looked up.

use std::sync::{Arc, OnceLock};

use resvg::usvg::{self, fontdb};

use super::ReportError;
use crate::assets::{CJK_FONT, CJK_FONT_FAMILY};

/// One font database for the whole process, holding only the bundled CJK font (not copied).
fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_source(fontdb::Source::Binary(Arc::new(CJK_FONT)));
        db.set_sans_serif_family(CJK_FONT_FAMILY);
        db.set_serif_family(CJK_FONT_FAMILY);
        db.set_monospace_family(CJK_FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parses an SVG document (our own chart output) into a tree ready to rasterise or embed.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, ReportError> {
    let options = usvg::Options {
        font_family: CJK_FONT_FAMILY.to_owned(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| ReportError::Svg(e.to_string()))
}
