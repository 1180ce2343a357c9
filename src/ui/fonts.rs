//! The bundled CJK-capable font: egui's default fonts cannot draw Chinese.

use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};

/// The bundled CJK font, shared with the report renderers.
pub use crate::assets::CJK_FONT;

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
