//! Flows text, lists, sources and figures down pages of [`Op`]s, starting a new page whenever
//! the next piece does not fit, and holding back a figure that would leave a half-empty page.

use resvg::usvg;

use super::tags::{Role, chart_alt_text};
use super::{BODY, CHART_MAX_WIDTH, MARGIN, MIN_TYPE, Op, SMALL, Segment, TOKENS};
use crate::assets::text_width;
use crate::charts::Rgb;
use crate::charts::svg::{Anchor, SvgLabel};
use crate::model::{Source, is_safe_url};
use crate::report::{Item, PageSize, source_text};

/// Room a figure's caption takes under it.
const CAPTION_ROOM: f32 = 24.0;

/// How full a page must be before a section's last figure, too tall for the rest of it, may
/// leave it for a page of its own.
pub(super) const SECTION_END_FILL: f32 = 0.25;

/// Where the flow is when it asks whether waiting figures can be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Due {
    /// Between two blocks of a section.
    BetweenBlocks,
    /// Before the next section's heading.
    SectionEnd,
    /// After the last block, or before a section that starts a page: nothing may wait longer.
    ReportEnd,
}

/// Flows blocks down pages, starting a new page whenever the next piece does not fit.
pub(super) struct Flow {
    pub(super) pages: Vec<Vec<Op>>,
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) y: f32,
    /// Figures that did not fit where they came: placed at the top of the next page while the
    /// text after them fills this one, so no page is left half empty.
    pub(super) deferred: Vec<(usvg::Tree, Vec<SvgLabel>, String)>,
    /// The page the waiting figures were deferred from.
    pub(super) deferred_page: usize,
}

impl Flow {
    pub(super) fn new(page: PageSize) -> Self {
        let (width, height) = page.points();
        Self {
            pages: vec![Vec::new()],
            width,
            height,
            y: MARGIN,
            deferred: Vec::new(),
            deferred_page: 0,
        }
    }

    pub(super) fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    pub(super) fn bottom(&self) -> f32 {
        self.height - MARGIN - 10.0
    }

    /// Height left on this page for a figure, once its caption has its line.
    fn figure_room(&self) -> f32 {
        self.bottom() - self.y - CAPTION_ROOM
    }

    pub(super) fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// A plain (not bold) run of text with its baseline at `y`.
    pub(super) fn put(&mut self, x: f32, y: f32, size: f32, text: String, colour: Rgb) {
        self.push(Op::Text {
            x,
            y,
            size,
            text,
            colour,
            bold: false,
        });
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Places waiting figures once the text after them has moved on to a new page (or at the end
    /// of the report), between blocks so they never land inside a paragraph or a table.
    pub(super) fn place_due_figures(&mut self, when: Due) {
        let page = self.pages.len() - 1;
        let moved_on = self.deferred_page < page;
        if self.deferred.is_empty() || !(when == Due::ReportEnd || moved_on) {
            return;
        }
        // Place a waiting figure where it fits whole (at a readable size); if it does not, only
        // once this page is full enough that the break it causes leaves no half-empty page.
        // At a section's end a quarter is enough: a figure that ends up in the next section,
        // after its heading, reads as misplaced.
        let least = match when {
            Due::BetweenBlocks => 0.5,
            Due::SectionEnd => SECTION_END_FILL,
            Due::ReportEnd => 0.0,
        };
        let filled = (self.y - MARGIN) / (self.bottom() - MARGIN);
        while let Some((tree, labels, _)) = self.deferred.first() {
            let need = tree.size().height() * readable_scale(labels);
            if !(filled >= least || need <= self.figure_room()) {
                break;
            }
            let (tree, labels, caption) = self.deferred.remove(0);
            self.place_chart(tree, labels, &caption, 0.0);
        }
    }

    /// Starts a new page unless `height` more points fit on this one.
    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    /// Writes wrapped text; `lead` is set bold at its start. Returns nothing: the cursor moves.
    pub(super) fn text(
        &mut self,
        lead: Option<&str>,
        text: &str,
        size: f32,
        colour: Rgb,
        indent: f32,
    ) {
        let width = self.content_width() - indent;
        let line_h = size * 1.45;
        for line in wrap_segments(lead, text, size, width) {
            self.ensure(line_h);
            let mut x = MARGIN + indent;
            for (words, bold) in line {
                let w = text_width(&words, size);
                self.push(Op::Text {
                    x,
                    y: self.y + size,
                    size,
                    text: words,
                    colour,
                    bold,
                });
                x += w + text_width(" ", size);
            }
            self.y += line_h;
        }
    }

    /// Opens a structure element (see [`Role`]); content until [`Flow::close`] belongs to it.
    pub(super) fn open(&mut self, role: Role) {
        self.push(Op::Open(role));
    }

    pub(super) fn close(&mut self) {
        self.push(Op::Close);
    }

    /// Wrapped text tagged as one paragraph, with the usual space after it.
    pub(super) fn paragraph(&mut self, lead: Option<&str>, text: &str, size: f32, colour: Rgb) {
        self.open(Role::Paragraph);
        self.text(lead, text, size, colour, 0.0);
        self.close();
        self.y += 4.0;
    }
    pub(super) fn heading(&mut self, text: &str, size: f32, rule: bool, level: u16) {
        self.ensure(size * 4.0);
        self.y += size * 0.8;
        self.open(Role::Heading {
            level,
            title: text.to_owned(),
        });
        self.text(Some(text), "", size, TOKENS.ink, 0.0);
        self.close();
        if rule {
            self.push(Op::Rule {
                x1: MARGIN,
                y1: self.y,
                x2: self.width - MARGIN,
                y2: self.y,
                width: 0.6,
                colour: TOKENS.grid,
            });
            self.y += 6.0;
        }
        self.y += size * 0.2;
    }

    /// A source line under an item: blue when it links, with one link annotation per line.
    pub(super) fn source(&mut self, source: &Source, indent: f32) {
        let url = source
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| is_safe_url(u));
        let label = format!("Source: {}", source_text(source));
        let colour = if url.is_some() {
            TOKENS.link
        } else {
            TOKENS.muted
        };
        let width = self.content_width() - indent;
        let line_h = SMALL * 1.45;
        for line in wrap_segments(None, &label, SMALL, width) {
            self.ensure(line_h);
            let text: String = line
                .into_iter()
                .map(|(t, _)| t)
                .collect::<Vec<_>>()
                .join(" ");
            let w = text_width(&text, SMALL);
            let x = MARGIN + indent;
            self.push(Op::Text {
                x,
                y: self.y + SMALL,
                size: SMALL,
                text,
                colour,
                bold: false,
            });
            if let Some(url) = url {
                self.push(Op::Link {
                    x,
                    y: self.y,
                    w,
                    h: line_h,
                    url: url.to_owned(),
                });
            }
            self.y += line_h;
        }
    }

    pub(super) fn item(&mut self, item: &Item) {
        let indent = 12.0;
        self.ensure(BODY * 1.45);
        self.open(Role::ListItem);
        self.open(Role::ListLabel);
        self.put(
            MARGIN + 2.0,
            self.y + BODY,
            BODY,
            "•".to_owned(),
            TOKENS.ink,
        );
        self.close();
        self.open(Role::ListBody);
        let lead = item.lead.as_ref().map(|l| {
            if item.text.is_empty() {
                l.clone()
            } else {
                format!("{l}:")
            }
        });
        self.text(lead.as_deref(), &item.text, BODY, TOKENS.ink, indent);
        if let Some(source) = &item.source {
            self.source(source, indent);
        }
        self.close();
        self.close();
        self.y += 3.0;
    }
    /// A chart: its shapes (parsed without text) as vector graphics, its labels set with the
    /// document's own font, which is far cheaper than shaping every SVG `<text>` and keeps
    /// them searchable text.
    /// A chart; `reserve` is room to keep for what must follow on the same page (a table the
    /// figure introduces), so the figure shrinks (never below readable) rather than split them.
    pub(super) fn chart(
        &mut self,
        tree: usvg::Tree,
        labels: Vec<SvgLabel>,
        caption: &str,
        reserve: f32,
    ) {
        let th = tree.size().height();
        let readable = readable_scale(&labels);
        let room = self.figure_room();
        // Too big for what is left of a page that holds more than its first lines: text flows on
        // and fills it, the figure waits for the next page (a half-empty page looks broken).
        let page_h = self.bottom() - MARGIN;
        if room < th * readable && self.y - MARGIN > page_h * 0.05 && self.deferred.len() < 2 {
            self.deferred.push((tree, labels, caption.to_owned()));
            self.deferred_page = self.pages.len() - 1;
            return;
        }
        self.place_chart(tree, labels, caption, reserve);
    }

    pub(super) fn place_chart(
        &mut self,
        tree: usvg::Tree,
        labels: Vec<SvgLabel>,
        caption: &str,
        reserve: f32,
    ) {
        let (tw, th) = (tree.size().width(), tree.size().height());
        let max_h = self.bottom() - MARGIN - 30.0;
        let full = (CHART_MAX_WIDTH.min(self.content_width()) / tw).min(max_h / th);
        // Smallest scale at which every label still prints at MIN_TYPE or more.
        let smallest_label = labels
            .iter()
            .map(|l| l.size as f32)
            .fold(f32::INFINITY, f32::min);
        let readable = if smallest_label.is_finite() {
            MIN_TYPE / smallest_label
        } else {
            full
        };
        // Shrink (never below readable) to keep the figure on this page rather than leave a gap.
        let fits = |reserve: f32| (self.figure_room() - reserve) / th;
        let room = if fits(reserve) >= readable {
            fits(reserve)
        } else {
            fits(0.0)
        };
        let scale = if room >= full || room < readable {
            full
        } else {
            room
        };
        let (w, h) = (tw * scale, th * scale);
        self.ensure(h + CAPTION_ROOM);
        let x = MARGIN + (self.content_width() - w) / 2.0;
        self.open(Role::Figure {
            alt: chart_alt_text(caption, &labels),
        });
        self.push(Op::Svg {
            tree: Box::new(tree),
            x,
            y: self.y,
            w,
            h,
        });
        for label in labels {
            let size = label.size as f32 * scale;
            let width = text_width(&label.text, size);
            let dx = match label.anchor {
                Anchor::Start => 0.0,
                Anchor::Middle => width / 2.0,
                Anchor::End => width,
            };
            self.push(Op::Text {
                x: x + label.x as f32 * scale - dx,
                y: self.y + label.y as f32 * scale,
                size,
                text: label.text,
                colour: Rgb::from_hex(&label.fill).unwrap_or(TOKENS.ink),
                bold: label.bold,
            });
        }
        self.close();
        self.y += h + 4.0;
        let cw = text_width(caption, SMALL);
        self.open(Role::Caption);
        self.put(
            MARGIN + (self.content_width() - cw) / 2.0,
            self.y + SMALL,
            SMALL,
            caption.to_owned(),
            TOKENS.muted,
        );
        self.close();
        self.y += SMALL * 2.5;
    }
}

/// Breaks `lead` (bold) followed by `text` into lines no wider than `width`; words wider than a
/// line (long URLs, Chinese sentences without spaces) are broken between characters.
pub(super) fn wrap_segments(
    lead: Option<&str>,
    text: &str,
    size: f32,
    width: f32,
) -> Vec<Vec<Segment>> {
    let space = text_width(" ", size);
    let mut words: Vec<(String, bool)> = Vec::new();
    for (part, bold) in [(lead.unwrap_or(""), true), (text, false)] {
        for word in part.split_whitespace() {
            if text_width(word, size) <= width {
                words.push((word.to_owned(), bold));
                continue;
            }
            let mut piece = String::new();
            let mut piece_w = 0.0;
            for c in word.chars() {
                let cw = text_width(c.encode_utf8(&mut [0; 4]), size);
                if piece_w + cw > width && !piece.is_empty() {
                    words.push((std::mem::take(&mut piece), bold));
                    piece_w = 0.0;
                }
                piece.push(c);
                piece_w += cw;
            }
            if !piece.is_empty() {
                words.push((piece, bold));
            }
        }
    }
    let mut lines: Vec<Vec<Segment>> = Vec::new();
    let mut line: Vec<Segment> = Vec::new();
    let mut line_w = 0.0;
    for (word, bold) in words {
        let w = text_width(&word, size);
        let needed = if line.is_empty() {
            w
        } else {
            line_w + space + w
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_w = 0.0;
        }
        line_w = if line.is_empty() {
            w
        } else {
            line_w + space + w
        };
        match line.last_mut() {
            Some((run, b)) if *b == bold => {
                run.push(' ');
                run.push_str(&word);
            }
            _ => line.push((word, bold)),
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The smallest scale at which every label of a chart still prints at [`MIN_TYPE`] or more.
pub(super) fn readable_scale(labels: &[SvgLabel]) -> f32 {
    let smallest = labels
        .iter()
        .map(|l| l.size as f32)
        .fold(f32::INFINITY, f32::min);
    if smallest.is_finite() {
        MIN_TYPE / smallest
    } else {
        1.0
    }
}

/// Shortens text to fit `width` at `size`, with an ellipsis when cut.
pub(super) fn short_to_width(text: &str, size: f32, width: f32) -> String {
    crate::charts::text::fit(text, f64::from(size), f64::from(width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_fits_width_and_breaks_long_words() {
        let long = "x".repeat(500);
        let lines = wrap_segments(
            Some("Lead:"),
            &format!("short words {long} 阿里巴巴集团"),
            10.0,
            200.0,
        );
        for line in &lines {
            let text: Vec<&str> = line.iter().map(|(t, _)| t.as_str()).collect();
            assert!(text_width(&text.join(" "), 10.0) <= 200.5, "{text:?}");
        }
        assert!(lines[0][0].1, "lead is bold");
        assert!(lines.len() > 3);
    }

    /// A flow on page two whose first page left a figure of `height` points waiting, with the
    /// cursor `filled` of the way down page two.
    fn waiting_figure(height: f32, filled: f32) -> Flow {
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="{height}"><rect width="400" height="{height}"/></svg>"#
        );
        let tree = crate::report::parse_svg(&svg).expect("a plain rectangle parses");
        let mut flow = Flow::new(PageSize::A4);
        flow.y = flow.bottom() - 40.0;
        flow.deferred.push((tree, Vec::new(), "Tall".to_owned()));
        flow.deferred_page = 0;
        flow.new_page();
        flow.y = MARGIN + filled * (flow.bottom() - MARGIN);
        flow
    }

    #[test]
    fn a_section_end_leaves_a_page_for_a_tall_figure_only_once_a_quarter_of_it_is_full() {
        let tall = 700.0;
        let mut nearly_empty = waiting_figure(tall, 0.1);
        nearly_empty.place_due_figures(Due::SectionEnd);
        assert_eq!(
            nearly_empty.deferred.len(),
            1,
            "a 10% page waits for more text"
        );
        assert_eq!(nearly_empty.pages.len(), 2);

        let mut quarter = waiting_figure(tall, 0.3);
        quarter.place_due_figures(Due::SectionEnd);
        assert!(
            quarter.deferred.is_empty(),
            "a 30% page gives the figure its own page"
        );
        assert_eq!(quarter.pages.len(), 3);

        let mut between = waiting_figure(tall, 0.3);
        between.place_due_figures(Due::BetweenBlocks);
        assert_eq!(
            between.deferred.len(),
            1,
            "within a section the page must be half full"
        );

        let mut end = waiting_figure(tall, 0.1);
        end.place_due_figures(Due::ReportEnd);
        assert!(
            end.deferred.is_empty(),
            "nothing waits past the report's end"
        );
    }
}
