//! The projector look: two high-contrast themes and a type scale derived from the slide size, so
//! the same slide reads from the back of a room at 1280x720 and at 3840x2160.

use egui::{Color32, FontId, Rect};

use super::describe::Tone;
use crate::charts::egui::color32;
use crate::charts::{Chart, Rgb, side_colours};
use crate::model::{Side, Twin};
use crate::tokens::colour::{MIN_BODY_CONTRAST, MIN_TEXT_CONTRAST, readable_on};
use crate::tokens::{Look, Tokens};

/// Projectors wash out mid greys; both themes keep text near pure black or white.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectorTheme {
    #[default]
    Dark,
    Light,
}

impl ProjectorTheme {
    /// The CLI value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Dark => "dark",
            Self::Light => "light",
        }
    }

    /// The design tokens of this theme's look.
    pub fn tokens(self) -> Tokens {
        match self {
            Self::Dark => Look::ProjectorDark.tokens(),
            Self::Light => Look::ProjectorLight.tokens(),
        }
    }

    pub fn background(self) -> Color32 {
        color32(self.tokens().surface)
    }

    /// Body text: near pure white or black, since projectors wash out mid greys.
    pub fn text(self) -> Color32 {
        color32(self.tokens().ink)
    }

    /// Secondary text: still well above 7:1 contrast on the background.
    pub fn muted(self) -> Color32 {
        color32(self.tokens().muted)
    }

    /// Rules, rings and spectrum tracks.
    pub fn line(self) -> Color32 {
        color32(self.tokens().grid)
    }

    /// The "unsupported score" marker: amber reads on both backgrounds.
    pub fn warning(self) -> Color32 {
        color32(self.tokens().unsupported)
    }

    /// The colour of a slide description's tone, given the sides' projector-safe colours.
    pub fn tone(self, tone: Tone, sides: [Color32; 2]) -> Color32 {
        match tone {
            Tone::Ink => self.text(),
            Tone::Muted => self.muted(),
            Tone::Warning => self.warning(),
            Tone::Side(side) => sides[usize::from(side == Side::East)],
        }
    }

    /// egui visuals for widgets drawn on a slide (charts, the inline console).
    pub fn visuals(self) -> egui::Visuals {
        let mut v = match self {
            Self::Dark => egui::Visuals::dark(),
            Self::Light => egui::Visuals::light(),
        };
        v.panel_fill = self.background();
        v.window_fill = self.background();
        v.extreme_bg_color = self.background();
        // Chart labels use the weak text colour: egui's default (text at 60 % alpha) washes out on
        // a projector, so it is the theme's muted ink, well above 7:1.
        v.weak_text_color = Some(self.muted());
        v
    }

    /// A company's brand colour as text on this theme's background: lightened or darkened in
    /// OKLCH just enough to reach [`MIN_TEXT_CONTRAST`].
    pub fn brand(self, colour: Rgb) -> Color32 {
        color32(readable_on(
            colour,
            rgb(self.background()),
            MIN_TEXT_CONTRAST,
        ))
    }

    /// Every text colour a slide uses with the least contrast it must reach on the background
    /// (body text 7:1; brand and warning colours 4.5:1), for tests and for the report of a theme.
    pub fn text_roles(self) -> [(&'static str, Color32, f64); 3] {
        [
            ("text", self.text(), MIN_BODY_CONTRAST),
            ("muted", self.muted(), MIN_BODY_CONTRAST),
            ("warning", self.warning(), MIN_TEXT_CONTRAST),
        ]
    }
}

/// The chart with its company colours made projector-safe for the theme, so labels and legends
/// drawn in them reach the slide's contrast.
pub fn projector_safe(description: &Chart, theme: ProjectorTheme) -> Chart {
    let safe = |c: Rgb| rgb(theme.brand(c));
    let mut chart = description.clone();
    match &mut chart {
        Chart::Radar(r) => r.series.iter_mut().for_each(|s| s.colour = safe(s.colour)),
        Chart::Bars(b) => b.series.iter_mut().for_each(|s| s.colour = safe(s.colour)),
        Chart::Map(m) => m.colours = m.colours.map(safe),
        Chart::Timeline(t) => t.lanes.iter_mut().for_each(|l| l.colour = safe(l.colour)),
        Chart::History(h) => h.colours = h.colours.map(safe),
        Chart::Deltas(_) => {}
    }
    chart
}

/// Converts an opaque egui colour to a chart colour.
pub fn rgb(c: Color32) -> Rgb {
    Rgb(c.r(), c.g(), c.b())
}

/// Everything a slide needs to look right at its size: theme, scale and the companies' colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlideStyle {
    pub theme: ProjectorTheme,
    /// 1.0 on a 1280x720 slide; grows and shrinks with the slide.
    pub scale: f32,
    /// West, East: the brand colours made projector-safe on this theme (see
    /// [`ProjectorTheme::brand`]).
    pub sides: [Color32; 2],
}

impl SlideStyle {
    /// The design size every measurement below is expressed in.
    pub const DESIGN: egui::Vec2 = egui::vec2(1280.0, 720.0);

    pub fn new(theme: ProjectorTheme, slide: Rect, twin: &Twin) -> Self {
        Self::with_colours(theme, slide, side_colours(twin))
    }

    /// The style for a slide whose companies have the brand colours `[west, east]`.
    pub fn with_colours(theme: ProjectorTheme, slide: Rect, [west, east]: [Rgb; 2]) -> Self {
        Self {
            theme,
            scale: slide_scale(slide),
            sides: [theme.brand(west), theme.brand(east)],
        }
    }

    /// A length of the 1280x720 design, at this slide's size.
    pub fn px(&self, design: f32) -> f32 {
        design * self.scale
    }

    /// A font of `design` points at 720p. Sizes are whole points so a resize does not fill the
    /// font atlas with near-identical sizes.
    pub fn font(&self, design: f32) -> FontId {
        FontId::proportional((design * self.scale).round().max(4.0))
    }

    pub fn title_font(&self) -> FontId {
        self.font(48.0)
    }

    pub fn heading_font(&self) -> FontId {
        self.font(32.0)
    }

    pub fn body_font(&self) -> FontId {
        self.font(24.0)
    }

    pub fn small_font(&self) -> FontId {
        self.font(18.0)
    }
}

/// The narrowest and the widest slide shapes laid out natively: 4:3 to "21:9" (whose panels run
/// up to 2.4:1, as 2560x1080 and 3440x1440 do); a screen beyond them is letterboxed.
pub const ASPECTS: (f32, f32) = (4.0 / 3.0, 2.4);

/// How much bigger than the 720-pixel-high design a slide is. Type follows the height, so a 4:3
/// projector gets the same type as a 16:9 one of the same height, not a letterboxed smaller one.
pub fn slide_scale(slide: Rect) -> f32 {
    (slide.height() / SlideStyle::DESIGN.y).max(0.05)
}

/// The slide in `screen`: all of it when its aspect is from 4:3 to 21:9 (the layout adapts to the
/// shape), else the largest rectangle of the nearest of those aspects, centred.
pub fn slide_rect(screen: Rect) -> Rect {
    let aspect = screen.width() / screen.height().max(1.0);
    let target = aspect.clamp(ASPECTS.0, ASPECTS.1);
    let size = if aspect > target {
        egui::vec2(screen.height() * target, screen.height())
    } else {
        egui::vec2(screen.width(), screen.width() / target)
    };
    Rect::from_center_size(screen.center(), size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    #[test]
    fn scale_follows_the_slide_height() {
        let r = |w: f32, h: f32| Rect::from_min_size(pos2(0.0, 0.0), vec2(w, h));
        assert!((slide_scale(r(1280.0, 720.0)) - 1.0).abs() < 1e-6);
        assert!((slide_scale(r(3840.0, 2160.0)) - 3.0).abs() < 1e-6);
        assert!((slide_scale(r(1024.0, 768.0)) - 768.0 / 720.0).abs() < 1e-6);
    }

    #[test]
    fn slides_fill_4_3_to_21_9_and_letterbox_beyond() {
        let r = |w: f32, h: f32| Rect::from_min_size(pos2(0.0, 0.0), vec2(w, h));
        for (w, h) in [
            (1024.0, 768.0),
            (1366.0, 768.0),
            (1920.0, 1080.0),
            (1920.0, 1200.0),
            (2560.0, 1080.0),
        ] {
            assert_eq!(slide_rect(r(w, h)), r(w, h), "{w}x{h} is used whole");
        }
        let ultra = slide_rect(r(3840.0, 1080.0));
        assert_eq!(ultra.size(), vec2(1080.0 * 2.4, 1080.0));
        assert_eq!(ultra.center(), pos2(1920.0, 540.0));
        let tall = slide_rect(r(1080.0, 1920.0));
        assert_eq!(tall.size(), vec2(1080.0, 810.0));
    }

    #[test]
    fn every_text_colour_reads_on_both_themes_for_every_sample() {
        use crate::tokens::colour::contrast_ratio;
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_profiles");
        let files = crate::store::twin_files_in(&folder).expect("samples");
        assert!(files.len() >= 6);
        for theme in [ProjectorTheme::Dark, ProjectorTheme::Light] {
            let bg = rgb(theme.background());
            for (role, colour, min) in theme.text_roles() {
                let ratio = contrast_ratio(rgb(colour), bg);
                assert!(ratio >= min, "{role} on {theme:?}: {ratio:.2} < {min}");
            }
            for file in &files {
                let twin = crate::store::load_twin(file).expect("sample loads");
                let slide = Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 720.0));
                let style = SlideStyle::new(theme, slide, &twin);
                for (side, colour) in style.sides.iter().enumerate() {
                    let ratio = contrast_ratio(rgb(*colour), bg);
                    assert!(
                        ratio >= MIN_TEXT_CONTRAST,
                        "{} side {side} on {theme:?}: {ratio:.2}",
                        twin.id
                    );
                }
            }
        }
    }

    #[test]
    fn fonts_are_whole_points_and_never_vanish() {
        let twin = Twin::new_blank("t", "T");
        let tiny = SlideStyle::new(
            ProjectorTheme::Dark,
            Rect::from_min_size(pos2(0.0, 0.0), vec2(64.0, 36.0)),
            &twin,
        );
        assert_eq!(tiny.body_font().size, 4.0);
        let big = SlideStyle::new(
            ProjectorTheme::Light,
            Rect::from_min_size(pos2(0.0, 0.0), vec2(1920.0, 1080.0)),
            &twin,
        );
        assert_eq!(big.body_font().size, 36.0);
    }
}
