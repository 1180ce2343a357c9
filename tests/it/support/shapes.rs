//! What a frame drew, read from egui's shapes: every text with where it is and whether it was
//! cut short.

/// One text a frame drew.
pub struct DrawnText {
    pub text: String,
    pub rect: egui::Rect,
    /// Cut short with an ellipsis.
    pub cut: bool,
}

/// Every non-blank text in `shapes`.
pub fn drawn_texts(shapes: &[egui::epaint::ClippedShape]) -> Vec<DrawnText> {
    fn walk(shape: &egui::Shape, out: &mut Vec<DrawnText>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(t) if !t.galley.job.text.trim().is_empty() => out.push(DrawnText {
                text: t.galley.job.text.clone(),
                rect: t.visual_bounding_rect(),
                cut: t.galley.elided,
            }),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// The texts drawn cut short (ending in an ellipsis) in `shapes`, in full.
pub fn cut_texts(shapes: &[egui::epaint::ClippedShape]) -> Vec<String> {
    drawn_texts(shapes)
        .into_iter()
        .filter(|t| t.cut)
        .map(|t| t.text)
        .collect()
}

/// The texts in `shapes`, with where each is drawn.
pub fn text_boxes(shapes: &[egui::epaint::ClippedShape]) -> Vec<(String, egui::Rect)> {
    drawn_texts(shapes)
        .into_iter()
        .map(|t| (t.text, t.rect))
        .collect()
}
