//! A whole report laid out: title, sections in order, figures parsed on all cores, and for
//! reports longer than two pages a linked table of contents after the first section.

use resvg::usvg;

use super::layout::{Due, Flow, short_to_width, wrap_segments};
use super::tags::Role;
use super::{BODY, MARGIN, Op, TOKENS};
use crate::assets::text_width;
use crate::charts::svg::{SvgLabel, chart_svg_split};
use crate::report::{Block, PageSize, Report, ReportError, parse_svg};

/// Parses SVG documents on all cores: text layout in usvg is the costliest step of a PDF.
pub(super) fn parse_all(svgs: &[String]) -> Result<Vec<usvg::Tree>, ReportError> {
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
pub(super) const CONTENTS: &str = "Contents";

/// One line of the table of contents: a top-level heading and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TocEntry {
    title: String,
    page: usize,
    y: f32,
}

/// Lays the report out; reports longer than two pages get a table of contents (with links) after
/// their first section. The contents shift what follows, so the pages are laid out again with the
/// contents in place, and once more with the page numbers that layout gave.
pub(super) fn lay_out(report: &Report, page: PageSize) -> Result<Flow, ReportError> {
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
pub(super) fn toc_entries(flow: &Flow) -> Vec<TocEntry> {
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

pub(super) fn flow_report(
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
    flow.text(Some(&report.title), "", 20.0, TOKENS.ink, 0.0);
    flow.close();
    flow.y += 2.0;
    flow.paragraph(None, &report.subtitle, 11.0, TOKENS.muted);
    flow.y += 2.0;
    for (index, section) in report.sections.iter().enumerate() {
        if index == 1
            && let Some(entries) = toc
        {
            flow.contents(entries);
        }
        flow.place_due_figures(if section.starts_page {
            Due::ReportEnd
        } else {
            Due::SectionEnd
        });
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
            flow.place_due_figures(Due::BetweenBlocks);
            match block {
                Block::Paragraph(text) => {
                    flow.paragraph(None, text, BODY, TOKENS.ink);
                }
                Block::Subheading(text) => {
                    flow.ensure(BODY * 5.0);
                    flow.y += 4.0;
                    flow.open(Role::Heading {
                        level: 4,
                        title: text.clone(),
                    });
                    flow.text(Some(text), "", BODY, TOKENS.muted, 0.0);
                    flow.close();
                }
                Block::Labelled { label, text } => {
                    flow.paragraph(Some(&format!("{label}:")), text, BODY, TOKENS.ink);
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
    flow.place_due_figures(Due::ReportEnd);
    flow
}

impl Flow {
    /// The table of contents: one linked line per top-level heading, page numbers right-aligned.
    pub(super) fn contents(&mut self, entries: &[TocEntry]) {
        self.heading(CONTENTS, 15.0, true, 2);
        self.open(Role::Toc);
        let line_h = BODY * 1.6;
        for entry in entries {
            self.ensure(line_h);
            self.open(Role::TocItem);
            let number = (entry.page + 1).to_string();
            let nw = text_width(&number, BODY);
            let title = short_to_width(&entry.title, BODY, self.content_width() - nw - 24.0);
            self.put(MARGIN, self.y + BODY, BODY, title, TOKENS.link);
            self.put(
                self.width - MARGIN - nw,
                self.y + BODY,
                BODY,
                number,
                TOKENS.ink,
            );
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::layout::SECTION_END_FILL;
    use crate::report::pdf::{MIN_TYPE, TOKENS, render};

    #[test]
    fn every_colour_on_a_page_is_a_paper_role_or_a_company_colour() {
        for twin in crate::charts::test_samples() {
            let flow = lay_out(&Report::for_twin(&twin), PageSize::A4).expect("lays out");
            let mut allowed = vec![TOKENS.ink, TOKENS.muted, TOKENS.grid, TOKENS.band];
            allowed.extend([TOKENS.link, TOKENS.surface, TOKENS.shared_band]);
            allowed.extend(crate::charts::side_colours(&twin));
            for op in flow.pages.iter().flatten() {
                let (colour, what) = match op {
                    Op::Text { colour, text, .. } => (colour, text.as_str()),
                    Op::Rule { colour, .. } => (colour, "a rule"),
                    Op::Rect { colour, .. } => (colour, "a band"),
                    _ => continue,
                };
                assert!(
                    allowed.contains(colour),
                    "{}: {what:?} in {colour:?}",
                    twin.id
                );
            }
        }
    }

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

    /// Whether page `n` opens with a figure too tall to share a page that is also the last thing
    /// of its section: the one short page a section's end may leave before it, since filling it
    /// would put the next section's heading and text ahead of the figure.
    fn opens_with_a_tall_figure_closing_its_section(
        pages: &[Vec<Op>],
        n: usize,
        height: f32,
    ) -> bool {
        let mut ops = pages[n..].iter().flatten();
        let (Some(Op::Open(Role::Figure { .. })), Some(Op::Svg { h, .. })) =
            (ops.next(), ops.next())
        else {
            return false;
        };
        if *h < (height - 2.0 * MARGIN) / 2.0 {
            return false;
        }
        let mut depth = 1;
        for op in ops.by_ref() {
            match op {
                Op::Open(_) => depth += 1,
                Op::Close => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
        }
        match ops.find(|op| matches!(op, Op::Open(r) if *r != Role::Caption)) {
            Some(Op::Open(Role::Heading { level, .. })) => *level <= 3,
            Some(_) => false,
            None => true,
        }
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
                let excused =
                    opens_with_a_tall_figure_closing_its_section(&flow.pages, n + 1, flow.height);
                assert!(
                    full >= 0.5 || (excused && full >= SECTION_END_FILL),
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
}
