use super::builds::step_count;
use super::fit::{PillarHead, WIDE, list_pages, pillar_pages};
use crate::model::{Side, Twin};
use crate::wording::source_text;

/// What a slide shows; the view picks its layout from this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlideKind {
    Title,
    Companies,
    Contrast,
    Radar,
    /// One pillar, by id, with both scores and their evidence side by side.
    Pillar(String),
    Map,
    Timeline,
    Lessons,
}

/// One slide of the deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// Stable key used by `deck.hidden`, `deck.order` and `speaker_notes` in the file.
    pub key: String,
    pub kind: SlideKind,
    pub title: String,
    /// Clicks the slide takes before the next one (1 unless it builds; see `builds`).
    pub steps: usize,
    /// For a list too long for one slide: which page of it this slide is.
    pub part: Option<Part>,
}

/// One page of a slide whose lists continue on follow-on slides ("Lessons (2/2)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// 1-based.
    pub number: usize,
    pub count: usize,
    /// The items of each list on this page: the lessons, or West's and East's evidence.
    pub items: Vec<std::ops::Range<usize>>,
    /// The key in the twin file (`deck.hidden`, `speaker_notes`) of the slide it continues.
    pub of: String,
}

impl Slide {
    fn new(key: impl Into<String>, kind: SlideKind, title: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            kind,
            title: title.into(),
            steps: 1,
            part: None,
        }
    }

    /// The key the twin file knows this slide by: a follow-on slide answers to its first's.
    pub fn file_key(&self) -> &str {
        self.part.as_ref().map_or(&self.key, |p| &p.of)
    }
}

/// The line at the foot of the title slide: the framework, how current the content is and how well
/// its scores are backed, so an audience can judge the comparison before it starts.
pub fn title_footer(twin: &Twin) -> String {
    let flags = crate::analysis::evidence_health(twin);
    format!(
        "{} · {} · {}",
        twin.framework.name,
        crate::analysis::as_of_text(twin),
        crate::analysis::health_summary(twin, &flags).short()
    )
}

/// The contrast slide's heading.
pub const CONTRAST_TITLE: &str = "Biggest difference, biggest similarity";

/// Every slide a twin can produce, in the default order.
pub fn all_slides(twin: &Twin) -> Vec<Slide> {
    let mut slides = vec![
        Slide::new("title", SlideKind::Title, twin.title.clone()),
        Slide::new(
            "companies",
            SlideKind::Companies,
            format!("{} and {}", twin.west.name, twin.east.name),
        ),
        Slide::new("contrast", SlideKind::Contrast, CONTRAST_TITLE),
        Slide::new(
            "radar",
            SlideKind::Radar,
            format!("{}: both companies", twin.framework.name),
        ),
    ];
    slides.extend(twin.framework.pillars.iter().map(|p| {
        Slide::new(
            format!("pillar.{}", p.id),
            SlideKind::Pillar(p.id.clone()),
            p.name.clone(),
        )
    }));
    slides.push(Slide::new("map", SlideKind::Map, "Where they diversified"));
    slides.push(Slide::new(
        "timeline",
        SlideKind::Timeline,
        "When they moved",
    ));
    slides.push(Slide::new("lessons", SlideKind::Lessons, "Lessons"));
    for slide in &mut slides {
        slide.steps = step_count(twin, &slide.key);
    }
    slides
}

/// The evidence a pillar slide lists for one company, as (claim, source) pairs: none when the
/// score is missing or unsupported (the slide says so instead).
pub fn pillar_evidence(twin: &Twin, pillar_id: &str, side: Side) -> Vec<(String, String)> {
    twin.side(side)
        .scores
        .get(pillar_id)
        .filter(|s| s.is_supported())
        .map(|s| {
            s.evidence
                .iter()
                .map(|e| {
                    (
                        e.claim.clone(),
                        e.source.as_ref().map(source_text).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The pages a slide's lists take: one per list on each page (lessons: one list; a pillar:
/// West's and East's evidence). A single page when everything fits.
fn pages(twin: &Twin, slide: &Slide, title: &str, width: f64) -> Vec<Vec<std::ops::Range<usize>>> {
    match &slide.kind {
        SlideKind::Lessons => {
            let items: Vec<(&str, &str)> = twin
                .lessons
                .iter()
                .map(|l| (l.title.as_str(), l.text.as_str()))
                .collect();
            list_pages(title, &items, width)
                .into_iter()
                .map(|r| vec![r])
                .collect()
        }
        SlideKind::Pillar(id) => {
            let evidence = Side::BOTH.map(|side| pillar_evidence(twin, id, side));
            let borrowed = evidence.each_ref().map(|items| {
                items
                    .iter()
                    .map(|(c, s)| (c.as_str(), s.as_str()))
                    .collect::<Vec<_>>()
            });
            let description = twin
                .framework
                .pillar(id)
                .map_or("", |p| p.description.as_str());
            let flagged = Side::BOTH.map(|side| {
                twin.side(side)
                    .scores
                    .get(id)
                    .is_some_and(|s| !s.is_supported())
            });
            let head = PillarHead {
                title,
                description,
                flagged,
                names: [twin.west.name.as_str(), twin.east.name.as_str()],
            };
            pillar_pages(&head, [&borrowed[0], &borrowed[1]], width)
                .into_iter()
                .map(Vec::from)
                .collect()
        }
        _ => vec![Vec::new()],
    }
}

/// `slides` with every lessons or pillar slide too long for one slide followed by its
/// follow-on slides, titled "Lessons (1/2)", "Lessons (2/2)"; a follow-on slide's key is
/// `lessons~2`. `width` is the design slide's width (720 high): 960 at 4:3, 1280 at 16:9.
pub fn continued(twin: &Twin, slides: Vec<Slide>, width: f64) -> Vec<Slide> {
    let mut out = Vec::with_capacity(slides.len() + 1);
    for slide in slides {
        let pages = pages(twin, &slide, &format!("{} (1/9)", slide.title), width);
        if pages.len() < 2 {
            out.push(slide);
            continue;
        }
        let count = pages.len();
        for (i, items) in pages.into_iter().enumerate() {
            let number = i + 1;
            out.push(Slide {
                key: if number == 1 {
                    slide.key.clone()
                } else {
                    format!("{}~{number}", slide.key)
                },
                kind: slide.kind.clone(),
                title: format!("{} ({number}/{count})", slide.title),
                steps: 1,
                part: Some(Part {
                    number,
                    count,
                    items,
                    of: slide.key.clone(),
                }),
            });
        }
    }
    out
}

/// Every slide, hidden ones included, in the twin's order: its `deck.order` first (unknown keys
/// ignored), the rest in default order. What the deck editor lists.
pub fn ordered_slides(twin: &Twin) -> Vec<Slide> {
    let mut remaining = all_slides(twin);
    let mut ordered = Vec::with_capacity(remaining.len());
    for key in &twin.deck.order {
        if let Some(i) = remaining.iter().position(|s| &s.key == key) {
            ordered.push(remaining.remove(i));
        }
    }
    ordered.extend(remaining);
    ordered
}

/// The slides to present on a 16:9 screen: [`ordered_slides`] without the hidden ones, long
/// lessons and evidence continued on follow-on slides. Never empty: if everything is hidden the
/// title slide remains.
pub fn deck(twin: &Twin) -> Vec<Slide> {
    deck_shaped(twin, WIDE)
}

/// The width of the design slide (720 high) a screen of `size` shows: its own shape from 4:3 to
/// 21:9, the nearest of those beyond.
pub fn design_width(size: egui::Vec2) -> f64 {
    let slide = super::theme::slide_rect(egui::Rect::from_min_size(egui::Pos2::ZERO, size));
    let design = super::theme::SlideStyle::DESIGN;
    f64::from(design.y * slide.width() / slide.height().max(1.0))
}

/// The slides to present on a slide `width` design units wide (see [`deck`]): a narrower slide
/// continues long lists sooner.
pub fn deck_shaped(twin: &Twin, width: f64) -> Vec<Slide> {
    let mut ordered = ordered_slides(twin);
    let title = ordered.iter().find(|s| s.kind == SlideKind::Title).cloned();
    ordered.retain(|s| !twin.deck.hidden.contains(&s.key));
    if ordered.is_empty() {
        ordered.extend(title);
    }
    continued(twin, ordered, width)
}

#[cfg(test)]
mod tests {
    #[test]
    fn title_footer_shows_as_of_and_evidence_health() {
        let mut twin = crate::model::Twin::new_blank("t", "T");
        assert!(title_footer(&twin).contains("as-of date not set"));
        twin.as_of = Some("2026-11-23".into());
        let footer = title_footer(&twin);
        assert!(footer.contains("as of 2026-11-23"), "{footer}");
        assert!(footer.contains("0/8 scores well backed"), "{footer}");
    }

    use super::*;

    fn keys(slides: &[Slide]) -> Vec<&str> {
        slides.iter().map(|s| s.key.as_str()).collect()
    }

    #[test]
    fn default_deck_has_one_slide_per_pillar() {
        let twin = Twin::new_blank("t", "T");
        assert_eq!(
            keys(&deck(&twin)),
            [
                "title",
                "companies",
                "contrast",
                "radar",
                "pillar.base",
                "pillar.digital_convenience",
                "pillar.partner_in_life",
                "pillar.save_the_world",
                "map",
                "timeline",
                "lessons"
            ]
        );
    }

    #[test]
    fn order_and_hidden_are_applied() {
        let mut twin = Twin::new_blank("t", "T");
        twin.deck.order = vec!["radar".into(), "no-such-slide".into(), "title".into()];
        twin.deck.hidden = vec!["timeline".into(), "companies".into()];
        let slides = deck(&twin);
        assert_eq!(&keys(&slides)[..3], ["radar", "title", "contrast"]);
        assert!(!keys(&slides).contains(&"timeline"));
        assert_eq!(slides.len(), 9);
    }

    #[test]
    fn hiding_everything_keeps_the_title() {
        let mut twin = Twin::new_blank("t", "T");
        twin.deck.hidden = all_slides(&twin).into_iter().map(|s| s.key).collect();
        assert_eq!(keys(&deck(&twin)), ["title"]);
    }

    #[test]
    fn a_screen_pages_for_its_own_shape_within_4_3_to_21_9() {
        let width = |w: f32, h: f32| design_width(egui::vec2(w, h)).round();
        assert_eq!(width(1024.0, 768.0), 960.0);
        assert_eq!(width(1920.0, 1080.0), 1280.0);
        assert_eq!(width(800.0, 800.0), 960.0, "squarer than 4:3 pages as 4:3");
        assert_eq!(
            width(4000.0, 1000.0),
            1728.0,
            "wider than 2.4:1 pages as 2.4:1"
        );
    }

    #[test]
    fn a_new_pillar_gets_a_slide_at_once() {
        let mut twin = Twin::new_blank("t", "T");
        twin.framework.pillars.push(crate::model::Pillar::new(
            "loyalty",
            "Loyalty to the customer",
            "",
        ));
        assert!(keys(&deck(&twin)).contains(&"pillar.loyalty"));
    }
}
