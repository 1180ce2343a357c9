//! HTML reports parsed back with an HTML5 parser: structure, one SVG per chart, and a hostile twin
//! that yields no element, attribute or link of its own.

use crate::support;

use scraper::{Html, Selector};
use support::hostile::{HOSTILE, hostile_twin};
use support::sample;
use twin_studio::model::Twin;
use twin_studio::report::{Report, html};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

#[test]
fn flagship_report_has_headings_tables_and_one_svg_per_chart() {
    let twin = sample("amazon-alibaba");
    let report = Report::for_twin(&twin);
    let doc = Html::parse_document(&html::render(&report));
    let h1: Vec<String> = doc.select(&sel("h1")).map(|e| e.text().collect()).collect();
    assert_eq!(h1, std::slice::from_ref(&twin.title));
    let h2: Vec<String> = doc.select(&sel("h2")).map(|e| e.text().collect()).collect();
    for heading in [
        "The two companies",
        "Pillar scores",
        "Diversification",
        "Conclusions and lessons",
    ] {
        assert!(h2.iter().any(|h| h == heading), "missing {heading}: {h2:?}");
    }
    assert!(doc.select(&sel("table")).count() >= 5);
    let figures: Vec<_> = doc.select(&sel("figure.chart")).collect();
    assert_eq!(figures.len(), report.charts().count());
    for figure in figures {
        assert_eq!(figure.select(&sel("svg")).count(), 1, "one svg per chart");
    }
    assert!(doc.select(&sel("script")).next().is_none());
    assert!(doc.select(&sel("link")).next().is_none(), "nothing fetched");
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("阿里巴巴"), "Chinese name present");
    // Every link is one of the twin's safe source URLs.
    for a in doc.select(&sel("a[href]")) {
        let href = a.value().attr("href").unwrap_or_default();
        assert!(
            href.starts_with("https://") || href.starts_with("http://") || href.starts_with('#'),
            "{href}"
        );
    }
}

#[test]
fn hostile_text_creates_no_element_attribute_or_link() {
    let twin = hostile_twin();
    let out = html::render(&Report::for_twin(&twin));
    let doc = Html::parse_document(&out);
    assert!(
        doc.select(&sel("script")).next().is_none(),
        "no script element"
    );
    assert!(doc.select(&sel("img")).next().is_none(), "no img element");
    assert!(doc.select(&sel("b")).next().is_none(), "no b element");
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        for (name, value) in el.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "event attribute {name} on <{}>",
                el.value().name()
            );
            if name == "href" {
                assert!(
                    value.starts_with("https://example.com/ok") || value.starts_with('#'),
                    "link {value}"
                );
            }
        }
    }
    let hrefs: Vec<&str> = doc
        .select(&sel("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| !h.starts_with('#'))
        .collect();
    assert_eq!(hrefs, ["https://example.com/ok"]);
    // The hostile strings are still there, as text.
    let text: String = doc.root_element().text().collect();
    for s in HOSTILE {
        assert!(text.contains(s), "{s:?} shown as text");
    }
}

#[test]
fn portfolio_report_covers_every_twin() {
    let twins: Vec<Twin> = ["amazon-alibaba", "google-baidu", "uber-didi"]
        .map(sample)
        .into();
    let refs: Vec<&Twin> = twins.iter().collect();
    let doc = Html::parse_document(&html::render(&Report::for_portfolio("All", &refs)));
    let h2: Vec<String> = doc.select(&sel("h2")).map(|e| e.text().collect()).collect();
    assert_eq!(h2[0], "West vs China");
    for t in &twins {
        assert!(h2.contains(&t.title), "{} in {h2:?}", t.title);
    }
    // Five charts per twin, plus scores over time for a twin with snapshots.
    let per_twin: usize = twins
        .iter()
        .map(|t| 5 + usize::from(!t.snapshots.is_empty()))
        .sum();
    assert!(twins.iter().any(|t| !t.snapshots.is_empty()));
    assert_eq!(doc.select(&sel("figure.chart svg")).count(), 1 + per_twin);
    let ids: Vec<&str> = doc
        .select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
}
