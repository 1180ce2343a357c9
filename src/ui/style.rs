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
        let dark = style.visuals.dark_mode;
        let p = palette(dark);
        let t = look(dark).tokens();
        // The map highlights shared sectors with the selection colour; selected rows and tabs
        // carry text in whichever of ink or surface reads best on it (4.5:1 at least, tested).
        let fill = if dark { t.shared } else { t.ok };
        style.visuals.selection.bg_fill = color32(fill);
        style.visuals.selection.stroke.color = color32(readable_text_on(fill, t));
        style.visuals.hyperlink_color = color32(t.link);
        style.visuals.weak_text_color = Some(p.muted);
        style.visuals.error_fg_color = p.error;
        style.visuals.warn_fg_color = p.warning;
    });
}

/// Ink or surface, whichever contrasts more with `fill`: the text colour on a coloured fill.
fn readable_text_on(fill: crate::tokens::Rgb, t: crate::tokens::Tokens) -> crate::tokens::Rgb {
    use crate::tokens::colour::contrast_ratio;
    if contrast_ratio(t.ink, fill) >= contrast_ratio(t.surface, fill) {
        t.ink
    } else {
        t.surface
    }
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

    /// Every text colour of the studio against every background it is drawn on, in both themes:
    /// at least 4.5:1 (WCAG AA), so selected rows and tabs read as well as the rest.
    #[test]
    fn every_studio_text_reads_on_its_background_in_both_themes() {
        use crate::tokens::colour::contrast_ratio;
        let ctx = egui::Context::default();
        apply(&ctx);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let v = ctx.style_of(theme).visuals.clone();
            // Translucent fills (egui's faint stripes) are seen over the panel.
            let panel = v.panel_fill;
            let rgb = move |c: Color32| {
                let a = f32::from(c.a()) / 255.0;
                let mix = |top: u8, under: u8| {
                    // Premultiplied: the colour already holds its alpha.
                    (f32::from(top) + f32::from(under) * (1.0 - a))
                        .round()
                        .min(255.0) as u8
                };
                crate::tokens::Rgb(
                    mix(c.r(), panel.r()),
                    mix(c.g(), panel.g()),
                    mix(c.b(), panel.b()),
                )
            };
            let p = palette(v.dark_mode);
            let backgrounds = [
                ("panel", v.panel_fill),
                ("window", v.window_fill),
                ("extreme", v.extreme_bg_color),
                ("faint", v.faint_bg_color),
            ];
            let texts = [
                ("text", v.text_color()),
                ("strong", v.strong_text_color()),
                ("weak", v.weak_text_color()),
                ("inactive", v.widgets.inactive.fg_stroke.color),
                ("hovered", v.widgets.hovered.fg_stroke.color),
                ("active", v.widgets.active.fg_stroke.color),
                ("link", v.hyperlink_color),
                ("warn", v.warn_fg_color),
                ("error", v.error_fg_color),
                ("muted", p.muted),
                ("ok", p.ok),
                ("warning", p.warning),
                ("unsupported", p.unsupported),
            ];
            let mut low = Vec::new();
            for (bg_name, bg) in backgrounds {
                for (name, fg) in texts {
                    let ratio = contrast_ratio(rgb(fg), rgb(bg));
                    if ratio < 4.5 {
                        low.push(format!("{name} on {bg_name}: {ratio:.2}"));
                    }
                }
            }
            // Selected rows and tabs: the selection's text on the selection's fill, and buttons'
            // text on their own fills.
            let selected = contrast_ratio(rgb(v.selection.stroke.color), rgb(v.selection.bg_fill));
            if selected < 4.5 {
                low.push(format!("selected text: {selected:.2}"));
            }
            for (name, w) in [
                ("inactive button", v.widgets.inactive),
                ("hovered button", v.widgets.hovered),
                ("active button", v.widgets.active),
            ] {
                let ratio = contrast_ratio(rgb(w.fg_stroke.color), rgb(w.weak_bg_fill));
                if ratio < 4.5 {
                    low.push(format!("{name}: {ratio:.2}"));
                }
            }
            assert!(low.is_empty(), "{theme:?}: {low:?}");
        }
    }
}
