//! Files compiled into the binary that several layers share, so reports do not depend on `ui`.

use std::sync::OnceLock;

/// Noto Sans CJK SC, subset to Latin, punctuation and every GB2312 hanzi; see
/// `assets/fonts/OFL.txt`. The first font of [`crate::font_chain::CHAIN`], which adds
/// traditional Chinese, kana, hangul, Arabic, Hebrew and emoji after it.
pub const CJK_FONT: &[u8] = crate::font_chain::CHAIN[0].data;

/// The family name stored inside [`CJK_FONT`]; usvg's font database matches on it.
pub const CJK_FONT_FAMILY: &str = "Noto Sans CJK SC";

/// The font stack written into SVG and CSS: the bundled chain first, then common system fonts.
pub const FONT_STACK: &str = "'Noto Sans SC', 'Noto Sans CJK SC', 'Noto Sans CJK TC', \
     'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Emoji', 'PingFang SC', 'Microsoft YaHei', \
     'Source Han Sans SC', system-ui, sans-serif";

/// The bundled font parsed once, for measuring text (PDF layout, SVG label fitting).
pub fn cjk_face() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(CJK_FONT, 0).ok())
        .as_ref()
}

/// Width of `text` at `size`, measured with the whole bundled font chain (see
/// [`crate::font_chain::text_width`]).
pub fn text_width(text: &str, size: f32) -> f32 {
    crate::font_chain::text_width(text, size)
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
