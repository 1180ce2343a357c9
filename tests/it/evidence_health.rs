//! Issue 15: the as-of date and the evidence-health summary reach every export a client sees,
//! read back from the exported files themselves.

use crate::support;

use support::sample;
use twin_studio::present::deck_svg::deck_svgs;
use twin_studio::report::{PageSize, Report, html, markdown, pdf};

#[test]
fn report_in_every_format_states_as_of_and_evidence_health() {
    let twin = sample("amazon-alibaba");
    let report = Report::for_twin(&twin);
    let md = markdown::render(&report, "r").text.replace('\\', "");
    assert!(md.contains("as of 2026-11-23"), "subtitle in Markdown");
    assert!(md.contains("Evidence health"), "summary in Markdown");
    assert!(md.contains("8 of 8 scores well backed"), "summary figures");
    assert!(
        md.contains("Score history (Amazon / Alibaba Group)"),
        "history table"
    );
    assert!(
        md.contains("Now (2026-11-23)"),
        "history ends with today's scores"
    );
    let page = html::render(&report);
    assert!(page.contains("as of 2026-11-23") && page.contains("Evidence health"));
    let text =
        pdf_extract::extract_text_from_mem(&pdf::render(&report, PageSize::A4).expect("pdf"))
            .expect("extract");
    assert!(text.contains("2026-11-23"), "as-of date in the PDF");
    assert!(text.contains("Evidence health"), "summary in the PDF");
}

#[test]
fn a_weak_twin_reports_its_flags_instead_of_hiding_them() {
    let mut twin = sample("netflix-iqiyi");
    twin.as_of = None;
    if let Some(score) = twin.east.scores.get_mut("base") {
        score.evidence.clear();
    }
    let md = markdown::render(&Report::for_twin(&twin), "r")
        .text
        .replace('\\', "");
    assert!(md.contains("as-of date not set"), "{md}");
    assert!(md.contains("7 of 8 scores well backed"));
    assert!(md.contains("1 no evidence") && md.contains("1 no as-of date"));
}

#[test]
fn deck_title_slide_states_as_of_and_evidence_health() {
    let twin = sample("tesla-byd");
    let first = deck_svgs(&twin).into_iter().next().expect("title slide");
    assert!(first.contains("as of 2026-11-23"), "{first}");
    assert!(first.contains("8/8 scores well backed"));
}
