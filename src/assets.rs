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

/// Width of `text` set in the bundled font at `size`, from the font's own advances.
/// Characters the font lacks count as half an em, so estimates stay safe.
pub fn text_width(text: &str, size: f32) -> f32 {
    let Some(face) = cjk_face() else {
        return text.chars().count() as f32 * size * 0.6;
    };
    let upem = f32::from(face.units_per_em());
    let units: f32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(upem / 2.0, f32::from)
        })
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
