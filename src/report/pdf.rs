//! Native PDF with krilla: A4 or Letter pages, vector charts (krilla-svg), the bundled font
//! embedded as a subset so Chinese names are real, searchable text, page numbers, and sources as
//! link annotations.
//!
//! Layout happens first, into pages of [`Op`]s measured with the font's own advances; drawing
//! follows once the page count is known (for "page n of N"). [`svg_pages_pdf`] draws whole pages
//! of SVG (e.g. 16:9 slides) through the same drawing code.

use krilla::Document;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::Font;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;

use super::pdf_tags::{Content, Role, Tagger, chart_alt_text};
use super::pdf_text::{draw_text, fonts};
use super::{Block, Item, PageSize, Report, ReportError, Table, parse_svg, source_text};
use crate::assets::text_width;
use crate::charts::Rgb;
use crate::charts::svg::{Anchor, SvgLabel, chart_svg_split};
use crate::model::{Source, is_safe_url};

const INK: Rgb = Rgb(0x1f, 0x23, 0x28);
const MUTED: Rgb = Rgb(0x5f, 0x66, 0x70);
const LINE: Rgb = Rgb(0xd8, 0xdc, 0xe1);
const BAND: Rgb = Rgb(0xf2, 0xf4, 0xf6);
const LINK: Rgb = Rgb(0x0b, 0x5c, 0xad);
const MARGIN: f32 = 50.0;
/// The language of every report's wording (PDF/UA asks for it).
const LANGUAGE: &str = "en";
const BODY: f32 = 10.0;
/// The smallest type anywhere in a report.
const MIN_TYPE: f32 = 7.0;
const SMALL: f32 = 8.5;
/// Widest a chart is drawn: the text width of A4, so 11 px chart labels print at 7 pt or more.
const CHART_MAX_WIDTH: f32 = 500.0;

/// One drawing operation on a page; y grows downwards from the top edge, text y is the baseline.
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        color: Rgb,
        bold: bool,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Svg {
        tree: Box<usvg::Tree>,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        url: String,
    },
    /// An internal link to a place in the document (table of contents).
    GoTo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        page: usize,
        target_y: f32,
    },
    /// Starts a structure element of the tagged PDF; ops up to the matching `Close` are its content.
    Open(Role),
    Close,
}

/// A run of words in one style on one line.
type Segment = (String, bool);

/// Flows blocks down pages, starting a new page whenever the next piece does not fit.
struct Flow {
    pages: Vec<Vec<Op>>,
    width: f32,
    height: f32,
    y: f32,
    /// Figures that did not fit where they came: placed at the top of the next page while the
    /// text after them fills this one, so no page is left half empty.
    deferred: Vec<(usvg::Tree, Vec<SvgLabel>, String)>,
    /// The page the waiting figures were deferred from.
    deferred_page: usize,
}

impl Flow {
    fn new(page: PageSize) -> Self {
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

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - 10.0
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Places waiting figures once the text after them has moved on to a new page (or at the end
    /// of the report), between blocks so they never land inside a paragraph or a table.
    fn place_due_figures(&mut self, at_end: bool) {
        let page = self.pages.len() - 1;
        if self.deferred.is_empty() || !(at_end || self.deferred_page < page) {
            return;
        }
        // Place a waiting figure where it fits whole (at a readable size); if it does not, only
        // once this page is at least half full, so the break it causes leaves no half-empty page.
        let half_full = self.y - MARGIN >= (self.bottom() - MARGIN) / 2.0;
        while let Some((tree, labels, _)) = self.deferred.first() {
            let need = tree.size().height() * readable_scale(labels);
            if !(at_end || half_full || need <= self.bottom() - self.y - 24.0) {
                break;
            }
            let (tree, labels, caption) = self.deferred.remove(0);
            self.place_chart(tree, labels, &caption, 0.0);
        }
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    /// Writes wrapped text; `lead` is set bold at its start. Returns nothing: the cursor moves.
    fn text(&mut self, lead: Option<&str>, text: &str, size: f32, color: Rgb, indent: f32) {
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
                    color,
                    bold,
                });
                x += w + text_width(" ", size);
            }
            self.y += line_h;
        }
    }

    /// Opens a structure element (see [`Role`]); content until [`Flow::close`] belongs to it.
    fn open(&mut self, role: Role) {
        self.push(Op::Open(role));
    }

    fn close(&mut self) {
        self.push(Op::Close);
    }

    /// Wrapped text tagged as one paragraph, with the usual space after it.
    fn paragraph(&mut self, lead: Option<&str>, text: &str, size: f32, color: Rgb) {
        self.open(Role::Paragraph);
        self.text(lead, text, size, color, 0.0);
        self.close();
        self.y += 4.0;
    }

    /// The table of contents: one linked line per top-level heading, page numbers right-aligned.
    fn contents(&mut self, entries: &[TocEntry]) {
        self.heading(CONTENTS, 15.0, true, 2);
        self.open(Role::Toc);
        let line_h = BODY * 1.6;
        for entry in entries {
            self.ensure(line_h);
            self.open(Role::TocItem);
            let number = (entry.page + 1).to_string();
            let nw = text_width(&number, BODY);
            let title = short_to_width(&entry.title, BODY, self.content_width() - nw - 24.0);
            self.push(Op::Text {
                x: MARGIN,
                y: self.y + BODY,
                size: BODY,
                text: title,
                color: LINK,
                bold: false,
            });
            self.push(Op::Text {
                x: self.width - MARGIN - nw,
                y: self.y + BODY,
                size: BODY,
                text: number,
                color: INK,
                bold: false,
            });
            self.push(Op::GoTo {
                x: MARGIN,
                y: self.y,
                w: self.content_width(),
                h: line_h,
                page: entry.page,
                target_y: entry.y,
            });
            self.close();
            self.y += line_h;
        }
        self.close();
        self.y += 8.0;
    }

    fn heading(&mut self, text: &str, size: f32, rule: bool, level: u16) {
        self.ensure(size * 4.0);
        self.y += size * 0.8;
        self.open(Role::Heading {
            level,
            title: text.to_owned(),
        });
        self.text(Some(text), "", size, INK, 0.0);
        self.close();
        if rule {
            self.push(Op::Rule {
                x1: MARGIN,
                y1: self.y,
                x2: self.width - MARGIN,
                y2: self.y,
                width: 0.6,
                color: LINE,
            });
            self.y += 6.0;
        }
        self.y += size * 0.2;
    }

    /// A source line under an item: blue when it links, with one link annotation per line.
    fn source(&mut self, source: &Source, indent: f32) {
        let url = source
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| is_safe_url(u));
        let label = format!("Source: {}", source_text(source));
        let color = if url.is_some() { LINK } else { MUTED };
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
                color,
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

    fn item(&mut self, item: &Item) {
        let indent = 12.0;
        self.ensure(BODY * 1.45);
        self.open(Role::ListItem);
        self.open(Role::ListLabel);
        self.push(Op::Text {
            x: MARGIN + 2.0,
            y: self.y + BODY,
            size: BODY,
            text: "•".to_owned(),
            color: INK,
            bold: false,
        });
        self.close();
        self.open(Role::ListBody);
        let lead = item.lead.as_ref().map(|l| {
            if item.text.is_empty() {
                l.clone()
            } else {
                format!("{l}:")
            }
        });
        self.text(lead.as_deref(), &item.text, BODY, INK, indent);
        if let Some(source) = &item.source {
            self.source(source, indent);
        }
        self.close();
        self.close();
        self.y += 3.0;
    }

    /// The height a table takes, for keeping a figure and the table after it on one page.
    fn table_height(&self, table: &Table) -> f32 {
        let size = 8.5;
        let line_h = size * 1.4;
        let pad = 4.0;
        let widths = column_widths(table, size, self.content_width(), pad);
        std::iter::once(&table.headers)
            .chain(&table.rows)
            .map(|row| {
                let lines = row
                    .iter()
                    .zip(&widths)
                    .map(|(cell, w)| wrap_segments(None, cell, size, w - 2.0 * pad).len())
                    .max()
                    .unwrap_or(1);
                lines.max(1) as f32 * line_h + 2.0 * pad
            })
            .sum::<f32>()
            + 12.0
    }

    fn table(&mut self, table: &Table) {
        let size = 8.5;
        let line_h = size * 1.4;
        let pad = 4.0;
        let widths = column_widths(table, size, self.content_width(), pad);
        let wrap_row = |row: &[String]| -> Vec<Vec<String>> {
            row.iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    wrap_segments(None, cell, size, w - 2.0 * pad)
                        .into_iter()
                        .map(|l| l.into_iter().map(|(t, _)| t).collect::<Vec<_>>().join(" "))
                        .collect()
                })
                .collect()
        };
        let header = wrap_row(&table.headers);
        let header_h = row_height(&header, line_h, pad);
        self.y += 4.0;
        self.ensure(header_h + line_h + 2.0 * pad);
        self.open(Role::Table);
        self.table_row(&header, &widths, table, true, size, line_h, pad);
        for row in &table.rows {
            let cells = wrap_row(row);
            let h = row_height(&cells, line_h, pad);
            if self.y + h > self.bottom() {
                self.new_page();
                self.table_row(&header, &widths, table, true, size, line_h, pad);
            }
            self.table_row(&cells, &widths, table, false, size, line_h, pad);
        }
        self.close();
        self.y += 8.0;
    }

    #[allow(clippy::too_many_arguments)]
    fn table_row(
        &mut self,
        cells: &[Vec<String>],
        widths: &[f32],
        table: &Table,
        header: bool,
        size: f32,
        line_h: f32,
        pad: f32,
    ) {
        let h = row_height(cells, line_h, pad);
        if header {
            self.push(Op::Rect {
                x: MARGIN,
                y: self.y,
                w: self.content_width(),
                h,
                color: BAND,
            });
        }
        let mut x = MARGIN;
        self.open(Role::Row);
        for (i, (lines, w)) in cells.iter().zip(widths).enumerate() {
            self.open(Role::Cell { header });
            let numeric = table.numeric.get(i).copied().unwrap_or(false);
            for (j, line) in lines.iter().enumerate() {
                let tx = if numeric {
                    x + w - pad - text_width(line, size)
                } else {
                    x + pad
                };
                self.push(Op::Text {
                    x: tx,
                    y: self.y + pad + size + line_h * j as f32,
                    size,
                    text: line.clone(),
                    color: INK,
                    bold: header,
                });
            }
            self.close();
            x += w;
        }
        self.close();
        self.y += h;
        self.push(Op::Rule {
            x1: MARGIN,
            y1: self.y,
            x2: self.width - MARGIN,
            y2: self.y,
            width: 0.5,
            color: LINE,
        });
    }

    /// A chart: its shapes (parsed without text) as vector graphics, its labels set with the
    /// document's own font, which is far cheaper than shaping every SVG `<text>` and keeps
    /// them searchable text.
    /// A chart; `reserve` is room to keep for what must follow on the same page (a table the
    /// figure introduces), so the figure shrinks (never below readable) rather than split them.
    fn chart(&mut self, tree: usvg::Tree, labels: Vec<SvgLabel>, caption: &str, reserve: f32) {
        let th = tree.size().height();
        let readable = readable_scale(&labels);
        let room = self.bottom() - self.y - 24.0;
        // Too big for what is left of a well-filled page: text flows on, the figure waits.
        let page_h = self.bottom() - MARGIN;
        if room < th * readable && self.y - MARGIN > page_h * 0.3 && self.deferred.len() < 2 {
            self.deferred.push((tree, labels, caption.to_owned()));
            self.deferred_page = self.pages.len() - 1;
            return;
        }
        self.place_chart(tree, labels, caption, reserve);
    }

    fn place_chart(
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
        let fits = |reserve: f32| (self.bottom() - self.y - 24.0 - reserve) / th;
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
        self.ensure(h + 24.0);
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
                color: Rgb::from_hex(&label.fill).unwrap_or(Rgb(0, 0, 0)),
                bold: label.bold,
            });
        }
        self.close();
        self.y += h + 4.0;
        let cw = text_width(caption, SMALL);
        self.open(Role::Caption);
        self.push(Op::Text {
            x: MARGIN + (self.content_width() - cw) / 2.0,
            y: self.y + SMALL,
            size: SMALL,
            text: caption.to_owned(),
            color: MUTED,
            bold: false,
        });
        self.close();
        self.y += SMALL * 2.5;
    }
}

fn row_height(cells: &[Vec<String>], line_h: f32, pad: f32) -> f32 {
    cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * line_h + 2.0 * pad
}

/// Column widths that fit `total`: each column gets at least its longest word (capped), the
/// rest is shared in proportion to how much more each column's longest cell wants.
fn column_widths(table: &Table, size: f32, total: f32, pad: f32) -> Vec<f32> {
    let n = table.headers.len().max(1);
    let cap = total / n as f32 * 1.6;
    let mut min = vec![0.0_f32; n];
    let mut max = vec![0.0_f32; n];
    for row in std::iter::once(&table.headers).chain(&table.rows) {
        for (i, cell) in row.iter().enumerate().take(n) {
            let word = cell
                .split_whitespace()
                .map(|w| text_width(w, size))
                .fold(0.0, f32::max);
            min[i] = min[i].max((word + 2.0 * pad).min(cap));
            max[i] = max[i].max(text_width(cell, size) + 2.0 * pad);
        }
    }
    let min_sum: f32 = min.iter().sum();
    if min_sum >= total {
        return min.iter().map(|m| m / min_sum * total).collect();
    }
    let want: Vec<f32> = max
        .iter()
        .zip(&min)
        .map(|(a, b)| (a - b).max(0.0))
        .collect();
    let want_sum: f32 = want.iter().sum();
    let spare = total - min_sum;
    if want_sum <= spare {
        // Everything fits on one line: spread the slack evenly.
        let extra = (spare - want_sum) / n as f32;
        return max
            .iter()
            .zip(&min)
            .map(|(a, b)| a.max(*b) + extra)
            .collect();
    }
    min.iter()
        .zip(&want)
        .map(|(m, w)| m + spare * w / want_sum)
        .collect()
}

/// Breaks `lead` (bold) followed by `text` into lines no wider than `width`; words wider than a
/// line (long URLs, Chinese sentences without spaces) are broken between characters.
fn wrap_segments(lead: Option<&str>, text: &str, size: f32, width: f32) -> Vec<Vec<Segment>> {
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

/// Parses SVG documents on all cores: text layout in usvg is the costliest step of a PDF.
fn parse_all(svgs: &[String]) -> Result<Vec<usvg::Tree>, ReportError> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = svgs.len().div_ceil(threads).max(1);
    let parsed: Vec<Result<Vec<usvg::Tree>, ReportError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = svgs
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|s| parse_svg(s)).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(ReportError::Svg("a chart could not be laid out".into()))
                })
            })
            .collect()
    });
    let mut trees = Vec::with_capacity(svgs.len());
    for part in parsed {
        trees.extend(part?);
    }
    Ok(trees)
}

/// The heading of the table of contents, which does not list itself.
const CONTENTS: &str = "Contents";

/// One line of the table of contents: a top-level heading and where it starts.
#[derive(Debug, Clone, PartialEq)]
struct TocEntry {
    title: String,
    page: usize,
    y: f32,
}

/// Lays the report out; reports longer than two pages get a table of contents (with links) after
/// their first section. The contents shift what follows, so the pages are laid out again with the
/// contents in place, and once more with the page numbers that layout gave.
fn lay_out(report: &Report, page: PageSize) -> Result<Flow, ReportError> {
    let (svgs, labels): (Vec<String>, Vec<Vec<SvgLabel>>) = report
        .charts()
        .map(|(_, _, chart)| chart_svg_split(chart))
        .unzip();
    let charts: Vec<(usvg::Tree, Vec<SvgLabel>)> =
        parse_all(&svgs)?.into_iter().zip(labels).collect();
    let first = flow_report(report, page, &charts, None);
    if first.pages.len() <= 2 {
        return Ok(first);
    }
    let guess = toc_entries(&first);
    let second = flow_report(report, page, &charts, Some(&guess));
    let entries = toc_entries(&second);
    Ok(flow_report(report, page, &charts, Some(&entries)))
}

/// Where every top-level heading (tagged H2) landed.
fn toc_entries(flow: &Flow) -> Vec<TocEntry> {
    let mut out = Vec::new();
    let mut pending: Option<String> = None;
    for (n, ops) in flow.pages.iter().enumerate() {
        for op in ops {
            match op {
                Op::Open(Role::Heading { level: 2, title }) if title != CONTENTS => {
                    pending = Some(title.clone());
                }
                Op::Text { y, size, .. } => {
                    if let Some(title) = pending.take() {
                        out.push(TocEntry {
                            title,
                            page: n,
                            y: y - size,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn flow_report(
    report: &Report,
    page: PageSize,
    charts: &[(usvg::Tree, Vec<SvgLabel>)],
    toc: Option<&[TocEntry]>,
) -> Flow {
    let mut charts = charts.iter();
    let mut flow = Flow::new(page);
    flow.open(Role::Heading {
        level: 1,
        title: report.title.clone(),
    });
    flow.text(Some(&report.title), "", 20.0, INK, 0.0);
    flow.close();
    flow.y += 2.0;
    flow.paragraph(None, &report.subtitle, 11.0, MUTED);
    flow.y += 2.0;
    for (index, section) in report.sections.iter().enumerate() {
        if index == 1
            && let Some(entries) = toc
        {
            flow.contents(entries);
        }
        if section.starts_page {
            flow.place_due_figures(true);
        }
        if section.starts_page && flow.y > MARGIN {
            flow.new_page();
        }
        let (size, rule) = if section.level <= 1 {
            (15.0, true)
        } else {
            (12.0, false)
        };
        flow.heading(
            &section.heading,
            size,
            rule,
            if section.level <= 1 { 2 } else { 3 },
        );
        let mut blocks = section.blocks.iter().peekable();
        while let Some(block) = blocks.next() {
            flow.place_due_figures(false);
            match block {
                Block::Paragraph(text) => {
                    flow.paragraph(None, text, BODY, INK);
                }
                Block::Subheading(text) => {
                    flow.ensure(BODY * 5.0);
                    flow.y += 4.0;
                    flow.open(Role::Heading {
                        level: 4,
                        title: text.clone(),
                    });
                    flow.text(Some(text), "", BODY, MUTED, 0.0);
                    flow.close();
                }
                Block::Labelled { label, text } => {
                    flow.paragraph(Some(&format!("{label}:")), text, BODY, INK);
                }
                Block::Table(t) => flow.table(t),
                Block::Chart { kind, .. } => {
                    // Keep the table and notes the figure introduces on its page.
                    let reserve: f32 = blocks
                        .clone()
                        .take_while(|b| !matches!(b, Block::Chart { .. }))
                        .map(|b| match b {
                            Block::Table(t) => flow.table_height(t),
                            Block::Paragraph(text) => {
                                wrap_segments(None, text, BODY, flow.content_width()).len() as f32
                                    * BODY
                                    * 1.45
                                    + 4.0
                            }
                            _ => 0.0,
                        })
                        .sum();
                    if let Some((tree, labels)) = charts.next() {
                        flow.chart(tree.clone(), labels.clone(), kind.title(), reserve);
                    }
                }
                Block::Items(items) => {
                    flow.open(Role::List);
                    for item in items {
                        flow.item(item);
                    }
                    flow.close();
                    flow.y += 4.0;
                }
            }
        }
    }
    flow.place_due_figures(true);
    flow
}

/// The report as PDF bytes on `page` paper.
pub fn render(report: &Report, page: PageSize) -> Result<Vec<u8>, ReportError> {
    let flow = lay_out(report, page)?;
    write_pages(&flow.pages, page, &report.title, true)
}

/// Whole pages of SVG, each scaled to fit and centred on `page` (e.g. [`PageSize::Slide16x9`]):
/// the pipeline a slide-deck PDF reuses.
pub fn svg_pages_pdf(svgs: &[String], page: PageSize, title: &str) -> Result<Vec<u8>, ReportError> {
    let (pw, ph) = page.points();
    let mut pages = Vec::with_capacity(svgs.len());
    for svg in svgs {
        let tree = parse_svg(svg)?;
        let (tw, th) = (tree.size().width(), tree.size().height());
        let scale = (pw / tw).min(ph / th);
        let (w, h) = (tw * scale, th * scale);
        pages.push(vec![Op::Svg {
            tree: Box::new(tree),
            x: (pw - w) / 2.0,
            y: (ph - h) / 2.0,
            w,
            h,
        }]);
    }
    write_pages(&pages, page, title, false)
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw(surface: &mut Surface, op: &Op, fonts: &[Font]) {
    match op {
        Op::Text {
            x,
            y,
            size,
            text,
            color: c,
            bold,
        } => {
            surface.set_fill(Some(fill(*c)));
            // One weight is bundled: bold is the same glyphs with a thin outline.
            surface.set_stroke(bold.then(|| Stroke {
                paint: color(*c).into(),
                width: size * 0.035,
                ..Stroke::default()
            }));
            draw_text(surface, fonts, Point::from_xy(*x, *y), *size, text);
            surface.set_stroke(None);
        }
        Op::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            color: c,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: color(*c).into(),
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Op::Rect {
            x,
            y,
            w,
            h,
            color: c,
        } => {
            let mut pb = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(rect);
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(*c)));
                surface.draw_path(&path);
            }
        }
        Op::Svg { tree, x, y, w, h } => {
            if let Some(size) = Size::from_wh(*w, *h) {
                surface.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                let _ = surface.draw_svg(tree, size, SvgSettings::default());
                surface.pop();
            }
        }
        Op::Link { .. } | Op::GoTo { .. } | Op::Open(_) | Op::Close => {}
    }
}

fn write_pages(
    pages: &[Vec<Op>],
    page: PageSize,
    title: &str,
    numbered: bool,
) -> Result<Vec<u8>, ReportError> {
    let fonts = fonts()?;
    let (pw, ph) = page.points();
    let settings = PageSettings::from_wh(pw, ph)
        .ok_or_else(|| ReportError::Pdf("invalid page size".to_owned()))?;
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(LANGUAGE.to_owned())
            .creator("Twin Studio".to_owned()),
    );
    let mut tagger = Tagger::new(LANGUAGE);
    let total = pages.len();
    for (n, ops) in pages.iter().enumerate() {
        let mut pdf_page = doc.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for op in ops {
            let (content, y) = match op {
                Op::Open(role) => {
                    tagger.open(role);
                    continue;
                }
                Op::Close => {
                    tagger.close();
                    continue;
                }
                Op::Link { .. } | Op::GoTo { .. } => continue,
                Op::Text { y, .. } => (Content::Text, *y),
                Op::Svg { y, .. } => (Content::Graphic, *y),
                Op::Rule { .. } | Op::Rect { .. } => (Content::Decoration, 0.0),
            };
            tagger.draw(&mut surface, content, n, y, |s| draw(s, op, fonts));
        }
        if numbered {
            let footer = format!("{} · page {} of {total}", short(title, 70), n + 1);
            let w = text_width(&footer, 8.0);
            let mut pagination = vec![Op::Text {
                x: (pw - w) / 2.0,
                y: ph - MARGIN / 2.0,
                size: 8.0,
                text: footer,
                color: MUTED,
                bold: false,
            }];
            // A running header from page two on, so a loose page still says what it belongs to.
            if n > 0 {
                pagination.push(Op::Text {
                    x: MARGIN,
                    y: MARGIN / 2.0 + 4.0,
                    size: 8.0,
                    text: short(title, 90),
                    color: MUTED,
                    bold: false,
                });
                pagination.push(Op::Rule {
                    x1: MARGIN,
                    y1: MARGIN / 2.0 + 8.0,
                    x2: pw - MARGIN,
                    y2: MARGIN / 2.0 + 8.0,
                    width: 0.4,
                    color: LINE,
                });
            }
            tagger.draw_pagination(&mut surface, |s| {
                for op in &pagination {
                    draw(s, op, fonts);
                }
            });
        }
        surface.finish();
        for op in ops {
            if let Op::Link { x, y, w, h, url } = op
                && let Some(rect) = Rect::from_xywh(*x, *y, w.max(1.0), *h)
            {
                pdf_page.add_annotation(Annotation::new_link(
                    LinkAnnotation::new(
                        rect,
                        Target::Action(Action::Link(LinkAction::new(url.clone()))),
                    ),
                    Some(format!("Open {url}")),
                ));
            }
            if let Op::GoTo {
                x,
                y,
                w,
                h,
                page,
                target_y,
            } = op
                && *page < total
                && let Some(rect) = Rect::from_xywh(*x, *y, w.max(1.0), *h)
            {
                pdf_page.add_annotation(Annotation::new_link(
                    LinkAnnotation::new(
                        rect,
                        Target::Destination(
                            XyzDestination::new(*page, Point::from_xy(0.0, target_y.max(0.0)))
                                .into(),
                        ),
                    ),
                    Some(format!("Go to page {}", page + 1)),
                ));
            }
        }
        pdf_page.finish();
    }
    tagger.finish(&mut doc);
    doc.finish().map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

/// The smallest scale at which every label of a chart still prints at [`MIN_TYPE`] or more.
fn readable_scale(labels: &[SvgLabel]) -> f32 {
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
fn short_to_width(text: &str, size: f32, width: f32) -> String {
    crate::charts::text::fit(text, f64::from(size), f64::from(width))
}

/// Shortens a title for the footer.
fn short(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max_chars).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lowest point any op reaches on a page, as a share of the page's text height.
    fn fullness(ops: &[Op], height: f32) -> f32 {
        let bottom = ops
            .iter()
            .map(|op| match op {
                Op::Text { y, .. } => *y,
                Op::Rule { y1, y2, .. } => y1.max(*y2),
                Op::Rect { y, h, .. } | Op::Svg { y, h, .. } => y + h,
                _ => 0.0,
            })
            .fold(0.0, f32::max);
        (bottom - MARGIN) / (height - 2.0 * MARGIN)
    }

    #[test]
    fn every_sample_report_is_readable_and_has_no_half_empty_page() {
        for twin in crate::charts::test_samples() {
            let flow = lay_out(&Report::for_twin(&twin), PageSize::A4).expect("lays out");
            let smallest = flow
                .pages
                .iter()
                .flatten()
                .filter_map(|op| match op {
                    Op::Text { size, .. } => Some(*size),
                    _ => None,
                })
                .fold(f32::INFINITY, f32::min);
            assert!(smallest >= MIN_TYPE - 1e-3, "{}: {smallest} pt", twin.id);
            let last = flow.pages.len() - 1;
            for (n, page) in flow.pages.iter().enumerate().take(last) {
                let full = fullness(page, flow.height);
                let texts: Vec<&str> = page
                    .iter()
                    .filter_map(|op| match op {
                        Op::Text { text, .. } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect();
                let next: Vec<String> = flow.pages[n + 1]
                    .iter()
                    .take(12)
                    .map(|op| match op {
                        Op::Text { text, .. } => text.clone(),
                        Op::Svg { h, .. } => format!("<svg {h}>"),
                        Op::Open(r) => format!("<{r:?}>"),
                        _ => String::new(),
                    })
                    .collect();
                assert!(
                    full >= 0.5,
                    "{}: page {} only {:.0}% full: {texts:?} then {next:?}",
                    twin.id,
                    n + 1,
                    full * 100.0
                );
            }
        }
    }

    #[test]
    fn page_one_holds_the_verdict_the_radar_and_the_gaps() {
        let twin = crate::charts::test_samples()
            .into_iter()
            .find(|t| t.id.contains("amazon"))
            .expect("flagship");
        let bytes = render(&Report::for_twin(&twin), PageSize::A4).expect("pdf");
        let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("text");
        let one = pages.first().expect("a page");
        for needle in [
            "At a glance",
            "Biggest difference",
            "Pillar radar",
            "Gap",
            "Weighted total",
            "as of",
        ] {
            assert!(one.contains(needle), "page one lacks {needle:?}: {one}");
        }
    }

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

    #[test]
    fn columns_fill_the_width() {
        let t = Table {
            headers: vec!["A".into(), "B".into()],
            rows: vec![vec!["short".into(), "a much longer cell ".repeat(20)]],
            numeric: vec![false, false],
        };
        let w = column_widths(&t, 9.0, 400.0, 4.0);
        assert!((w.iter().sum::<f32>() - 400.0).abs() < 0.5, "{w:?}");
        assert!(w[1] > w[0]);
    }
}
