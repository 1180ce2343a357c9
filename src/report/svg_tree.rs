//! SVG text back to a usvg tree, with the bundled font chain as the only fonts: PNG and PDF output
//! look the same on every machine, and no system font is ever looked up. usvg shapes with
//! rustybuzz, reorders right-to-left text and falls back through the database per character.

use std::sync::{Arc, OnceLock};

use resvg::usvg::{self, fontdb};

use super::ReportError;
use crate::assets::CJK_FONT_FAMILY;
use crate::font_chain::CHAIN;

/// One font database for the whole process, holding only the bundled fonts (not copied).
fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for font in CHAIN {
            db.load_font_source(fontdb::Source::Binary(Arc::new(font.data)));
        }
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
