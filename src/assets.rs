//! Files compiled into the binary that several layers share, so reports do not depend on `ui`.

use std::sync::OnceLock;

/// Noto Sans CJK SC, subset to Latin, punctuation and every GB2312 hanzi; see
/// `assets/fonts/OFL.txt`. Bundled so Chinese names render the same everywhere without system fonts.
pub const CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Subset.otf");

/// The family name stored inside [`CJK_FONT`]; usvg's font database matches on it.
pub const CJK_FONT_FAMILY: &str = "Noto Sans CJK SC";

/// The font stack written into SVG and CSS: the bundled family first, then common CJK system fonts.
pub const FONT_STACK: &str = "'Noto Sans SC', 'Noto Sans CJK SC', 'PingFang SC', \
     'Microsoft YaHei', 'Source Han Sans SC', system-ui, sans-serif";

/// The bundled font parsed once, for measuring text (PDF layout, SVG label fitting).
pub fn cjk_face() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(CJK_FONT, 0).ok())
        .as_ref()
}

/// Code points below this are looked up in a table instead of the font's cmap: all Latin,
/// punctuation and symbols, which is most report text.
const TABLE_LIMIT: u32 = 0x3100;

/// Glyph id and advance (font units) of `c` in the bundled font, or `None` if it lacks the glyph.
pub fn glyph_of(c: char) -> Option<(u16, u16)> {
    static TABLE: OnceLock<Vec<Option<(u16, u16)>>> = OnceLock::new();
    let lookup = |c: char| {
        let face = cjk_face()?;
        let g = face.glyph_index(c)?;
        Some((g.0, face.glyph_hor_advance(g)?))
    };
    let cp = u32::from(c);
    if cp < TABLE_LIMIT {
        let table = TABLE.get_or_init(|| {
            (0..TABLE_LIMIT)
                .map(|cp| char::from_u32(cp).and_then(lookup))
                .collect()
        });
        table.get(cp as usize).copied().flatten()
    } else {
        lookup(c)
    }
}

/// Width of `text` set in the bundled font at `size`, from the font's own advances.
/// Characters the font lacks count as half an em, so estimates stay safe.
pub fn text_width(text: &str, size: f32) -> f32 {
    let Some(face) = cjk_face() else {
        return text.chars().count() as f32 * size * 0.6;
    };
    let upem = f32::from(face.units_per_em());
    let units: f32 = text
        .chars()
        .map(|c| glyph_of(c).map_or(upem / 2.0, |(_, adv)| f32::from(adv)))
        .sum();
    units / upem * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_parses_and_measures() {
        assert!(cjk_face().is_some());
        let latin = text_width("Amazon", 10.0);
        assert!(latin > 20.0 && latin < 50.0, "{latin}");
        // Hanzi are one em wide in Noto Sans CJK.
        assert!((text_width("阿里巴巴", 10.0) - 40.0).abs() < 0.5);
        assert_eq!(text_width("", 12.0), 0.0);
    }
}
