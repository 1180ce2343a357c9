//! The PDF's logical structure (tagged PDF, as PDF/UA asks): headings, paragraphs, lists, tables
//! and figures with alt text in reading order, decoration marked as artifacts, the document
//! language, and bookmarks for the headings. Layout emits [`Role`] open/close marks around its
//! content; drawing feeds them to a [`Tagger`] while it draws.

use std::num::NonZeroU16;

use krilla::Document;
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, ListNumbering, Node, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};

use crate::charts::svg::SvgLabel;

/// What a run of content is, for screen readers and reflow.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Heading {
        level: u16,
        title: String,
    },
    Paragraph,
    List,
    ListItem,
    /// The bullet of a list item.
    ListLabel,
    ListBody,
    Table,
    Row,
    Cell {
        header: bool,
    },
    /// A chart, described in words for readers who cannot see it.
    Figure {
        alt: String,
    },
    Caption,
    Toc,
    TocItem,
}

impl Role {
    fn tag(&self) -> TagKind {
        match self {
            Role::Heading { level, title } => Tag::Hn(
                NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
                Some(title.clone()),
            )
            .into(),
            Role::Paragraph => Tag::P.into(),
            Role::List => Tag::L(ListNumbering::Disc).into(),
            Role::ListItem => Tag::LI.into(),
            Role::ListLabel => Tag::Lbl.into(),
            Role::ListBody => Tag::LBody.into(),
            Role::Table => Tag::Table.into(),
            Role::Row => Tag::TR.into(),
            Role::Cell { header: true } => Tag::TH(TableHeaderScope::Column).into(),
            Role::Cell { header: false } => Tag::TD.into(),
            Role::Figure { alt } => Tag::Figure(Some(alt.clone())).into(),
            Role::Caption => Tag::Caption.into(),
            Role::Toc => Tag::TOC.into(),
            Role::TocItem => Tag::TOCI.into(),
        }
    }
}

/// What a drawing operation is to the structure tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Text,
    Graphic,
    /// Rules, bands, page numbers: not part of the reading order.
    Decoration,
}

/// Builds the structure tree and the bookmarks while pages are drawn.
pub struct Tagger {
    stack: Vec<TagGroup>,
    tree: TagTree,
    /// A heading opened but not yet drawn: its bookmark points where its first text lands.
    pending: Option<(u16, String)>,
    bookmarks: Vec<(u16, String, usize, f32)>,
}

impl Tagger {
    pub fn new(language: &str) -> Self {
        Self {
            stack: Vec::new(),
            tree: TagTree::new().with_lang(Some(language.to_owned())),
            pending: None,
            bookmarks: Vec::new(),
        }
    }

    pub fn open(&mut self, role: &Role) {
        if let Role::Heading { level, title } = role {
            self.pending = Some((*level, title.clone()));
        }
        self.stack.push(TagGroup::new(role.tag()));
    }

    pub fn close(&mut self) {
        if let Some(group) = self.stack.pop() {
            self.attach(Node::Group(group));
        }
    }

    fn attach(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(parent) => parent.push(node),
            None => self.tree.push(node),
        }
    }

    /// Draws one piece of content inside a marked-content section of the right kind.
    pub fn draw(
        &mut self,
        surface: &mut Surface,
        content: Content,
        page: usize,
        y: f32,
        draw: impl FnOnce(&mut Surface),
    ) {
        let tag = match content {
            Content::Decoration => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)),
            // Text outside any element (none today) would be lost to readers: keep it a span.
            Content::Text => ContentTag::Span(SpanTag::empty()),
            Content::Graphic => ContentTag::Other,
        };
        let id = surface.start_tagged(tag);
        draw(surface);
        surface.end_tagged();
        if content != Content::Decoration {
            self.attach(Node::Leaf(id));
        }
        if content == Content::Text
            && let Some((level, title)) = self.pending.take()
        {
            self.bookmarks.push((level, title, page, y));
        }
    }

    /// Draws a page number or running header, which readers skip.
    pub fn draw_pagination(&mut self, surface: &mut Surface, draw: impl FnOnce(&mut Surface)) {
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::PaginationOther,
        )));
        draw(surface);
        surface.end_tagged();
    }

    /// Hands the tree and the bookmarks (level 2 and 3 headings) to the document.
    pub fn finish(mut self, doc: &mut Document) {
        while !self.stack.is_empty() {
            self.close();
        }
        let mut outline = Outline::new();
        let mut current: Option<OutlineNode> = None;
        for (level, title, page, y) in self.bookmarks {
            let node = OutlineNode::new(
                title,
                XyzDestination::new(page, Point::from_xy(0.0, (y - 20.0).max(0.0))),
            );
            match level {
                0..=2 => {
                    if let Some(done) = current.replace(node) {
                        outline.push_child(done);
                    }
                }
                3 => match current.as_mut() {
                    Some(parent) => parent.push_child(node),
                    None => outline.push_child(node),
                },
                _ => {}
            }
        }
        if let Some(done) = current {
            outline.push_child(done);
        }
        doc.set_outline(outline);
        doc.set_tag_tree(self.tree);
    }
}

/// Alt text for a chart: its title and every label it shows, in order, so a reader hears the same
/// names and numbers a sighted reader sees.
pub fn chart_alt_text(caption: &str, labels: &[SvgLabel]) -> String {
    let mut words: Vec<&str> = Vec::new();
    for label in labels {
        let text = label.text.trim();
        if !text.is_empty() && text != caption && !words.contains(&text) {
            words.push(text);
        }
    }
    let mut alt = format!("{caption}: {}", words.join("; "));
    if alt.chars().count() > 600 {
        alt = alt.chars().take(599).collect();
        alt.push('…');
    }
    alt
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{PageSize, Report, pdf};

    fn flagship() -> crate::model::Twin {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample_profiles/amazon-alibaba.twin.json");
        crate::store::load_twin(&path).expect("sample loads")
    }

    #[test]
    fn the_report_is_tagged_with_structure_language_alt_text_and_bookmarks() {
        let bytes = pdf::render(&Report::for_twin(&flagship()), PageSize::A4).expect("pdf");
        let raw = String::from_utf8_lossy(&bytes);
        for needle in [
            "/StructTreeRoot",
            "/MarkInfo",
            "/Lang(en)",
            "/Outlines",
            "/Figure",
            "/Alt(Pillar radar:",
            "/H2",
            "/Table",
            "/TH",
            "/LI",
        ] {
            assert!(
                raw.contains(needle),
                "{needle} missing from the PDF: {:?}",
                raw.match_indices("Lang")
                    .map(|(i, _)| &raw[i..i + 20])
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn alt_text_names_what_the_chart_shows() {
        let label = |text: &str| SvgLabel {
            x: 0.0,
            y: 0.0,
            size: 10.0,
            anchor: crate::charts::svg::Anchor::Start,
            fill: "#000000".into(),
            bold: false,
            text: text.into(),
        };
        let alt = chart_alt_text(
            "Pillar radar",
            &[
                label("Pillar radar"),
                label("Amazon"),
                label("Amazon"),
                label("8.5"),
            ],
        );
        assert_eq!(alt, "Pillar radar: Amazon; 8.5");
    }
}
