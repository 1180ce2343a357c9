//! The studio's look in one place: spacing, type scale and colour tokens, so every panel agrees.

use egui::{Color32, FontFamily, FontId, TextStyle};

use crate::charts::egui::color32;
use crate::tokens::Look;

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

/// The studio's colours for one theme, as egui colours: the roles of [`Look::Light`] or
/// [`Look::Dark`] in `crate::tokens`, which every other renderer reads too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Default colour of the Western company.
    pub west: Color32,
    /// Default colour of the Chinese company.
    pub east: Color32,
    /// Sectors both companies entered.
    pub shared: Color32,
    /// Invalid values and failed saves.
    pub error: Color32,
    /// Unsaved changes.
    pub warning: Color32,
    /// Scores without evidence.
    pub unsupported: Color32,
    /// Saved, valid.
    pub ok: Color32,
    /// Secondary text.
    pub muted: Color32,
}

/// The studio's look for a theme.
pub fn look(dark: bool) -> Look {
    if dark { Look::Dark } else { Look::Light }
}

/// The palette for the current theme.
pub fn palette(dark: bool) -> Palette {
    let t = look(dark).tokens();
    Palette {
        west: color32(t.west),
        east: color32(t.east),
        shared: color32(t.shared),
        error: color32(t.error),
        warning: color32(t.warning),
        unsupported: color32(t.unsupported),
        ok: color32(t.ok),
        muted: color32(t.muted),
    }
}

/// The palette matching the visuals `ui` is drawn with.
pub fn colours(ui: &egui::Ui) -> Palette {
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
            .color(colours(ui).muted),
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

    #[test]
    fn the_studio_wears_the_tokens_of_its_look() {
        let dark = palette(true);
        assert_eq!(dark.west, color32(Look::Dark.tokens().west));
        assert_eq!(dark.muted, Color32::from_gray(160));
        let light = palette(false);
        assert_eq!(light.error, color32(Look::Light.tokens().error));
        assert_eq!(light.muted, Color32::from_gray(100));
    }
}
