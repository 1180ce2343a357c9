//! The bundled fonts as one fallback chain, so every script a strategist types is drawn the same
//! way in the studio, on slides and in every export: Latin and simplified Chinese first, then
//! traditional Chinese, Japanese kana and Korean hangul, Arabic, Hebrew, and monochrome emoji.
//!
//! Renderers use their own shaping stacks with this chain (egui's font fallback, usvg's fontdb,
//! rustybuzz for PDF text); this module only says which font draws which character, splits text
//! into runs in visual order (Unicode bidi), shapes a run with rustybuzz, and measures text.
//! Characters no font has are drawn as the first font's `.notdef` box, never as nothing.

use std::ops::Range;
use std::sync::OnceLock;

/// One bundled font.
#[derive(Debug, Clone, Copy)]
pub struct BundledFont {
    /// A stable key (egui's font name).
    pub key: &'static str,
    /// The family name stored in the font; fontdb and CSS match on it.
    pub family: &'static str,
    pub data: &'static [u8],
}

/// The chain in fallback order; the subsets are rebuilt by `assets/fonts/subset.py`.
pub const CHAIN: [BundledFont; 5] = [
    font(
        "noto_sans_sc",
        "Noto Sans CJK SC",
        include_bytes!("../assets/fonts/NotoSansSC-Subset.otf"),
    ),
    font(
        "noto_sans_cjk_tc",
        "Noto Sans CJK TC",
        include_bytes!("../assets/fonts/NotoSansCJK-Extra-Subset.otf"),
    ),
    font(
        "noto_sans_arabic",
        "Noto Sans Arabic",
        include_bytes!("../assets/fonts/NotoSansArabic-Subset.ttf"),
    ),
    font(
        "noto_sans_hebrew",
        "Noto Sans Hebrew",
        include_bytes!("../assets/fonts/NotoSansHebrew-Subset.ttf"),
    ),
    font(
        "noto_emoji",
        "Noto Emoji",
        include_bytes!("../assets/fonts/NotoEmoji-Subset.ttf"),
    ),
];

const fn font(key: &'static str, family: &'static str, data: &'static [u8]) -> BundledFont {
    BundledFont { key, family, data }
}

/// The egui font family holding only [`CHAIN`], for chart labels: they are measured with these
/// fonts, so they must be drawn with them (egui's default Latin font is narrower).
pub const EGUI_CHART_FAMILY: &str = "twin-chart";

/// Each font of [`CHAIN`] parsed once for shaping and measuring (`None` if one failed to parse).
pub fn faces() -> &'static [Option<rustybuzz::Face<'static>>] {
    static FACES: OnceLock<Vec<Option<rustybuzz::Face<'static>>>> = OnceLock::new();
    FACES.get_or_init(|| {
        CHAIN
            .iter()
            .map(|f| rustybuzz::Face::from_slice(f.data, 0))
            .collect()
    })
}

/// Which font draws a character, the glyph and its advance in ems.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GlyphHit {
    pub font: usize,
    pub glyph: u16,
    pub advance: f32,
}

/// Code points below this are looked up in a table: all Latin, punctuation and symbols.
const TABLE_LIMIT: u32 = 0x3100;

fn lookup(c: char) -> Option<GlyphHit> {
    faces().iter().enumerate().find_map(|(font, face)| {
        let face = face.as_ref()?;
        let g = face.glyph_index(c)?;
        let advance = f32::from(face.glyph_hor_advance(g)?) / face.units_per_em() as f32;
        Some(GlyphHit {
            font,
            glyph: g.0,
            advance,
        })
    })
}

/// The first font of the chain that has `c`, or `None` if none does.
pub fn glyph(c: char) -> Option<GlyphHit> {
    static TABLE: OnceLock<Vec<Option<GlyphHit>>> = OnceLock::new();
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

/// Characters that only steer shaping (joiners, variation selectors, bidi marks): never missing.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FE00}'..='\u{FE0F}')
        || c.is_control()
}

/// Characters of `text` no bundled font draws (they appear as a box), for a visible warning.
pub fn missing(text: &str) -> Vec<char> {
    let mut out: Vec<char> = text
        .chars()
        .filter(|&c| !is_format(c) && glyph(c).is_none())
        .collect();
    out.dedup();
    out
}

/// Width of the placeholder box drawn for a missing character, in ems.
const NOTDEF_ADVANCE: f32 = 1.0;

/// Width of `text` at `size`. Latin and CJK add up advances; runs needing other fonts are shaped
/// (Arabic letters change width when they join).
pub fn text_width(text: &str, size: f32) -> f32 {
    let mut plain = 0.0_f32;
    for c in text.chars() {
        match glyph(c) {
            Some(hit) if hit.font == 0 => plain += hit.advance,
            _ if is_format(c) => {}
            _ => return shaped_runs(text).iter().map(|r| r.width).sum::<f32>() * size,
        }
    }
    plain * size
}

/// Whether `c` belongs to a right-to-left script (Hebrew, Arabic and their presentation forms).
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// `text` as egui can draw it. egui lays text out left to right and does not join letters, so
/// each line's right-to-left runs are put in visual order and Arabic letters are set in their
/// joined presentation forms (the bundled Arabic subset has them). Text without a right-to-left
/// character, nearly all text, comes back as it is. A long right-to-left paragraph that egui
/// wraps reads line by line from the bottom: names and titles, what the studio shows, fit a line.
pub fn for_egui(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_rtl) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let joined = ar_reshaper::reshape_line(line);
        // A ligature the subset lacks would draw as a box: keep the letters unjoined then.
        let shaped = if missing(&joined).len() > missing(line).len() {
            line.to_owned()
        } else {
            joined
        };
        let bidi = unicode_bidi::BidiInfo::new(&shaped, None);
        for paragraph in &bidi.paragraphs {
            let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
            for run in runs {
                let piece = &shaped[run.clone()];
                if levels.get(run.start).is_some_and(|l| l.is_rtl()) {
                    // Brackets in a right-to-left run face the other way once turned around.
                    out.extend(piece.chars().rev().map(|c| match c {
                        '(' => ')',
                        ')' => '(',
                        '[' => ']',
                        ']' => '[',
                        '{' => '}',
                        '}' => '{',
                        '<' => '>',
                        '>' => '<',
                        '«' => '»',
                        '»' => '«',
                        other => other,
                    }));
                } else {
                    out.push_str(piece);
                }
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A piece of text set in one font in one direction, already shaped.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedRun {
    pub font: usize,
    /// Byte range in the original text.
    pub range: Range<usize>,
    pub rtl: bool,
    /// Glyphs in visual (left-to-right) order.
    pub glyphs: Vec<ShapedGlyph>,
    /// Total advance in ems.
    pub width: f32,
}

/// One positioned glyph; advances and offsets in ems.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    pub glyph: u16,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte range in the original text this glyph draws.
    pub text: (usize, usize),
}

/// Splits `text` into bidi runs in visual order, each run into font runs, and shapes each with
/// rustybuzz. Missing characters go to the first font, whose `.notdef` is a visible box.
pub fn shaped_runs(text: &str) -> Vec<ShapedRun> {
    let bidi = unicode_bidi::ParagraphBidiInfo::new(text, None);
    let (levels, visual) = bidi.visual_runs(0..text.len());
    let mut out = Vec::new();
    for run in visual {
        let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
        let mut pieces = font_runs(text, run);
        if rtl {
            pieces.reverse();
        }
        for (font, range) in pieces {
            out.push(shape(text, font, range, rtl));
        }
    }
    out
}

/// Consecutive characters that the same font draws; joiners and selectors stay with their run.
fn font_runs(text: &str, range: Range<usize>) -> Vec<(usize, Range<usize>)> {
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        let end = at + c.len_utf8();
        let font = match (glyph(c), out.last()) {
            (_, Some((f, _))) if is_format(c) || c == ' ' => *f,
            (Some(hit), _) => hit.font,
            (None, _) => 0,
        };
        match out.last_mut() {
            Some((f, r)) if *f == font => r.end = end,
            _ => out.push((font, at..end)),
        }
    }
    out
}

fn shape(text: &str, font: usize, range: Range<usize>, rtl: bool) -> ShapedRun {
    let Some(Some(face)) = faces().get(font) else {
        return ShapedRun {
            font,
            range,
            rtl,
            glyphs: Vec::new(),
            width: 0.0,
        };
    };
    let upem = face.units_per_em() as f32;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(&text[range.clone()]);
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let shaped = rustybuzz::shape(face, &[], buffer);
    let infos = shaped.glyph_infos();
    let mut glyphs = Vec::with_capacity(infos.len());
    let mut width = 0.0;
    for (info, pos) in infos.iter().zip(shaped.glyph_positions()) {
        let start = range.start + info.cluster as usize;
        let end = text[start..range.end]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
        let mut advance = pos.x_advance as f32 / upem;
        // A missing glyph still takes room: its box is drawn.
        if info.glyph_id == 0 && advance <= 0.0 {
            advance = NOTDEF_ADVANCE;
        }
        width += advance;
        glyphs.push(ShapedGlyph {
            glyph: u16::try_from(info.glyph_id).unwrap_or(0),
            advance,
            x_offset: pos.x_offset as f32 / upem,
            y_offset: pos.y_offset as f32 / upem,
            text: (start, end),
        });
    }
    ShapedRun {
        font,
        range,
        rtl,
        glyphs,
        width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_finds_its_font() {
        let font_of = |c: char| glyph(c).map(|h| CHAIN[h.font].family);
        assert_eq!(font_of('A'), Some("Noto Sans CJK SC"));
        assert_eq!(font_of('阿'), Some("Noto Sans CJK SC"));
        assert_eq!(font_of('騰'), Some("Noto Sans CJK TC"), "traditional");
        assert_eq!(font_of('の'), Some("Noto Sans CJK TC"), "kana");
        assert_eq!(font_of('한'), Some("Noto Sans CJK TC"), "hangul");
        assert_eq!(font_of('ع'), Some("Noto Sans Arabic"));
        assert_eq!(font_of('ש'), Some("Noto Sans Hebrew"));
        assert_eq!(font_of('😀'), Some("Noto Emoji"));
        assert!(missing("Amazon 阿里巴巴 騰訊 ソニー 삼성 أرامكو שלום 🚀").is_empty());
        assert_eq!(missing("a\u{10FFFD}"), ['\u{10FFFD}']);
    }

    #[test]
    fn arabic_is_shaped_right_to_left_in_visual_order() {
        let text = "Aramco أرامكو 2024";
        let runs = shaped_runs(text);
        let arabic: Vec<&ShapedRun> = runs.iter().filter(|r| r.font == 2).collect();
        assert_eq!(arabic.len(), 1);
        assert!(arabic[0].rtl);
        // Joined letters use contextual forms: different glyphs from the isolated ones.
        let isolated: Vec<u16> = "أرامكو"
            .chars()
            .filter_map(|c| glyph(c).map(|h| h.glyph))
            .collect();
        let mut shaped: Vec<u16> = arabic[0].glyphs.iter().map(|g| g.glyph).collect();
        shaped.reverse();
        assert_ne!(shaped, isolated);
        // Latin, then Arabic, then the number, left to right.
        assert_eq!(runs.first().map(|r| r.font), Some(0));
        assert!(text_width(text, 10.0) > 60.0);
    }

    #[test]
    fn widths_add_up_and_missing_glyphs_take_room() {
        assert!((text_width("阿里巴巴", 10.0) - 40.0).abs() < 0.5);
        assert!(text_width("\u{10FFFD}", 10.0) >= 9.9);
        assert_eq!(text_width("", 12.0), 0.0);
    }

    #[test]
    fn egui_gets_right_to_left_text_in_visual_order_and_joined() {
        assert!(matches!(
            for_egui("Amazon 亚马逊"),
            std::borrow::Cow::Borrowed(_)
        ));
        // Hebrew: no joining, the run is reversed into visual order.
        assert_eq!(for_egui("שלום"), "םולש");
        // Arabic "نون" (noon-waw-noon): joined forms, then visual order. Initial noon U+FEE7,
        // final waw U+FEEE, isolated noon U+FEE5; shown left to right as noon, waw, noon.
        let shown = for_egui("نون");
        assert_eq!(shown, "\u{FEE5}\u{FEEE}\u{FEE7}");
        assert!(
            missing(&shown).is_empty(),
            "the subset draws the joined forms"
        );
        // Mixed: the Latin stays left to right, the Arabic run is turned around.
        let mixed = for_egui("Careem كريم");
        assert!(mixed.starts_with("Careem "), "{mixed}");
        assert!(
            !mixed.contains('ك'),
            "letters take their joined forms: {mixed}"
        );
    }
}
