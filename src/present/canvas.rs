//! The slide's rect and style, with the layout measures every egui slide shares (margins, the
//! title with its rule, the two company columns) and described texts drawn in the theme.

use egui::{Color32, Pos2, Rect, Stroke, pos2, vec2};

use super::describe::{Text, Tone};
use super::text::put;
use super::theme::SlideStyle;

/// The slide's rect and style, with the layout measures every slide shares.
pub struct Canvas {
    pub rect: Rect,
    pub style: SlideStyle,
}

impl Canvas {
    /// The slide inside its margins.
    pub fn inner(&self) -> Rect {
        self.rect
            .shrink2(vec2(self.style.px(64.0), self.style.px(40.0)))
    }

    /// Draws the slide title at the top; returns the area left for the body.
    pub fn heading(&self, ui: &mut egui::Ui, title: &Text) -> Rect {
        let inner = self.inner();
        let drawn = self.text(ui, inner.min, title, inner.width());
        let rule_y = drawn.bottom() + self.style.px(12.0);
        ui.painter().hline(
            inner.x_range(),
            rule_y,
            Stroke::new(self.style.px(2.0), self.style.theme.line()),
        );
        Rect::from_min_max(pos2(inner.left(), rule_y + self.style.px(24.0)), inner.max)
    }

    /// West's and East's halves of `area`, with a gutter between them.
    pub fn columns(&self, area: Rect) -> [Rect; 2] {
        let gutter = self.style.px(48.0);
        let w = (area.width() - gutter) / 2.0;
        [
            Rect::from_min_size(area.min, vec2(w, area.height())),
            Rect::from_min_size(
                pos2(area.left() + w + gutter, area.top()),
                vec2(w, area.height()),
            ),
        ]
    }

    /// Draws a described text at `pos` within `width`; returns the rect it covers.
    pub fn text(&self, ui: &mut egui::Ui, pos: Pos2, text: &Text, width: f32) -> Rect {
        self.text_lines(ui, pos, text, width, text.max_lines)
    }

    /// Draws a described text with another line budget (a text that fills what its box has).
    pub fn text_lines(
        &self,
        ui: &mut egui::Ui,
        pos: Pos2,
        text: &Text,
        width: f32,
        max_lines: usize,
    ) -> Rect {
        put(
            ui,
            pos,
            &text.text,
            self.style.font(text.size),
            self.tone(text.tone),
            width,
            max_lines,
        )
    }

    /// The colour of a description's tone in this slide's theme.
    pub fn tone(&self, tone: Tone) -> Color32 {
        self.style.theme.tone(tone, self.style.sides)
    }
}
