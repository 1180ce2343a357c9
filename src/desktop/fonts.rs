//! The bundled font chain for egui: its default fonts draw neither Chinese nor Arabic nor emoji.

use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};

/// Adds every bundled font as a fallback after egui's own fonts, in chain order, for both families,
/// and as the only fonts of the chart family. egui falls back per character; it does not reorder
/// right-to-left text.
pub fn install(ctx: &egui::Context) {
    for font in crate::font_chain::CHAIN {
        ctx.add_font(FontInsert::new(
            font.key,
            FontData::from_static(font.data),
            vec![
                InsertFontFamily {
                    family: egui::FontFamily::Proportional,
                    priority: FontPriority::Lowest,
                },
                InsertFontFamily {
                    family: egui::FontFamily::Monospace,
                    priority: FontPriority::Lowest,
                },
                InsertFontFamily {
                    family: egui::FontFamily::Name(crate::font_chain::EGUI_CHART_FAMILY.into()),
                    priority: FontPriority::Lowest,
                },
            ],
        ));
    }
}
