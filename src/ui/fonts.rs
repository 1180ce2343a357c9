//! The bundled CJK-capable font: egui's default fonts cannot draw Chinese.

use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};

/// Noto Sans CJK SC, subset; see `assets/fonts/OFL.txt`.
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

/// Adds the CJK font as a fallback after egui's own fonts, for both families.
pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "noto_sans_sc",
        FontData::from_static(CJK_FONT),
        vec![
            InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: egui::FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}
