//! The studio's look in one place: spacing, type scale and colour tokens, so every panel agrees.

use egui::{Color32, FontFamily, FontId, TextStyle};

/// Spacing tokens, in points.
pub mod space {
    /// Between items in a row.
    pub const XS: f32 = 4.0;
    /// Between rows of a form.
    pub const SM: f32 = 8.0;
    /// Between groups.
    pub const MD: f32 = 14.0;
    /// Between sections of a tab.
    pub const LG: f32 = 22.0;
    /// Width of the label column in forms.
    pub const LABEL_WIDTH: f32 = 150.0;
    /// The library panel's starting width.
    pub const LIBRARY_WIDTH: f32 = 290.0;
}

/// Type scale, in points.
pub mod size {
    pub const SMALL: f32 = 11.5;
    pub const BODY: f32 = 13.5;
    pub const BUTTON: f32 = 13.5;
    pub const MONO: f32 = 12.5;
    pub const HEADING: f32 = 19.0;
    pub const TITLE: f32 = 24.0;
}

/// Colour tokens for one theme; data colours come from the Okabe-Ito palette, which stays
/// distinguishable with every common colour-vision deficiency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Default colour of the Western company (Okabe-Ito blue).
    pub west: Color32,
    /// Default colour of the Chinese company (Okabe-Ito vermillion).
    pub east: Color32,
    /// Sectors both companies entered (Okabe-Ito bluish green).
    pub shared: Color32,
    /// Invalid values and failed saves.
    pub error: Color32,
    /// Unsaved changes and unsupported scores (Okabe-Ito orange).
    pub warning: Color32,
    /// Saved, valid.
    pub ok: Color32,
    /// Secondary text.
    pub muted: Color32,
}

/// The palette for the current theme.
pub fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            west: Color32::from_rgb(0x56, 0xB4, 0xE9),
            east: Color32::from_rgb(0xE6, 0x9F, 0x00),
            shared: Color32::from_rgb(0x2E, 0xC4, 0x9A),
            error: Color32::from_rgb(0xFF, 0x7B, 0x6B),
            warning: Color32::from_rgb(0xF0, 0xE4, 0x42),
            ok: Color32::from_rgb(0x2E, 0xC4, 0x9A),
            muted: Color32::from_gray(160),
        }
    } else {
        Palette {
            west: Color32::from_rgb(0x00, 0x72, 0xB2),
            east: Color32::from_rgb(0xD5, 0x5E, 0x00),
            shared: Color32::from_rgb(0x00, 0x9E, 0x73),
            error: Color32::from_rgb(0xC0, 0x26, 0x0E),
            warning: Color32::from_rgb(0xA8, 0x6A, 0x00),
            ok: Color32::from_rgb(0x00, 0x7A, 0x58),
            muted: Color32::from_gray(100),
        }
    }
}

/// The palette matching the visuals `ui` is drawn with.
pub fn colors(ui: &egui::Ui) -> Palette {
    palette(ui.visuals().dark_mode)
}

/// Applies the type scale, spacing and highlight colour to both the dark and light styles.
pub fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(size::SMALL, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(size::BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(size::BUTTON, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(size::MONO, FontFamily::Monospace),
            ),
            (
                TextStyle::Heading,
                FontId::new(size::HEADING, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(space::SM, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 22.0;
        let p = palette(style.visuals.dark_mode);
        // The map highlights shared sectors with the selection colour.
        style.visuals.selection.bg_fill = p.shared.gamma_multiply(0.85);
        style.visuals.error_fg_color = p.error;
        style.visuals.warn_fg_color = p.warning;
    });
}

/// A section heading inside a tab.
pub fn section(ui: &mut egui::Ui, text: &str) {
    ui.add_space(space::MD);
    ui.label(egui::RichText::new(text).size(size::HEADING).strong());
    ui.add_space(space::XS);
}

/// A one-line hint in muted colour.
pub fn hint(ui: &mut egui::Ui, text: &str) {
    ui.label(
        egui::RichText::new(text)
            .size(size::SMALL)
            .color(colors(ui).muted),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_colours_differ_in_both_themes() {
        for dark in [false, true] {
            let p = palette(dark);
            assert_ne!(p.west, p.east);
            assert_ne!(p.error, p.ok);
        }
    }
}
