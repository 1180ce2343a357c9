//! Text in PDF pages, set with the bundled font chain: each font embedded once (subset by krilla),
//! Latin and Chinese placed straight from the cmap, any other script shaped by rustybuzz in bidi
//! visual order (see [`crate::font_chain`]). A missing glyph is drawn as a box, never left blank.

use std::sync::OnceLock;

use krilla::geom::Point;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::font_chain::{CHAIN, glyph, shaped_runs};
use crate::report::ReportError;

/// The chain as krilla fonts, parsed (and hashed) once per process.
pub fn fonts() -> Result<&'static [Font], ReportError> {
    static FONTS: OnceLock<Option<Vec<Font>>> = OnceLock::new();
    FONTS
        .get_or_init(|| CHAIN.iter().map(|f| Font::new(f.data.into(), 0)).collect())
        .as_deref()
        .ok_or_else(|| ReportError::Pdf("a bundled font could not be read".to_owned()))
}

/// Draws `text` with its left end of the baseline at `start`; fill and stroke as already set.
pub fn draw_text(surface: &mut Surface, fonts: &[Font], start: Point, size: f32, text: &str) {
    let Some(primary) = fonts.first() else {
        return;
    };
    // Fast path: every character in the first font, no shaping needed (most report text).
    let simple: Option<Vec<KrillaGlyph>> = text
        .char_indices()
        .map(|(i, c)| {
            let hit = glyph(c).filter(|h| h.font == 0)?;
            Some(KrillaGlyph::new(
                GlyphId::new(u32::from(hit.glyph)),
                hit.advance,
                0.0,
                0.0,
                0.0,
                i..i + c.len_utf8(),
                None,
            ))
        })
        .collect();
    if let Some(glyphs) = simple {
        surface.draw_glyphs(start, &glyphs, primary.clone(), text, size, false);
        return;
    }
    let mut x = start.x;
    for run in shaped_runs(text) {
        let Some(font) = fonts.get(run.font) else {
            continue;
        };
        let glyphs: Vec<KrillaGlyph> = run
            .glyphs
            .iter()
            .map(|g| {
                KrillaGlyph::new(
                    GlyphId::new(u32::from(g.glyph)),
                    g.advance,
                    g.x_offset,
                    g.y_offset,
                    0.0,
                    g.text.0..g.text.1,
                    None,
                )
            })
            .collect();
        surface.draw_glyphs(
            Point::from_xy(x, start.y),
            &glyphs,
            font.clone(),
            text,
            size,
            false,
        );
        x += run.width * size;
    }
}
