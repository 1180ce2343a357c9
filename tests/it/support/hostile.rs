//! A twin full of hostile text, shared by the report tests.

use twin_studio::model::{DiversificationMove, Evidence, Lesson, Partnership, Score, Source, Twin};

/// Script, attribute breakers, unsafe URLs, formulas, Markdown links, pipes and very long text.
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\" onerror=\"alert(2)",
    "' onmouseover='alert(3)",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "[click](javascript:alert(4))",
    "![img](http://evil.example/x.png)",
    "a | b || c",
    "<img src=x onerror=alert(5)>",
    "+SUM(A1)",
    "@cmd",
    "-2+3",
];

/// Every text field of a twin filled with hostile strings; still a twin that validates, except
/// for the unsafe URLs, which a loaded file could never hold but an in-memory edit might.
pub fn hostile_twin() -> Twin {
    let mut t = Twin::new_blank("hostile", HOSTILE[0]);
    let long = "very long text ".repeat(400);
    t.west.name = HOSTILE[1].into();
    t.east.name = HOSTILE[2].into();
    t.east.native_name = "阿里巴巴 <b>".into();
    t.west.core_business = format!("{} {long}", HOSTILE[6]);
    t.east.headquarters = HOSTILE[3].into();
    t.framework.pillars[0].name = HOSTILE[4].into();
    t.framework.pillars[1].description = HOSTILE[5].into();
    t.biggest_difference = HOSTILE[7].into();
    t.biggest_similarity = HOSTILE[4].into();
    let source = |url: &str| Source {
        title: HOSTILE[7].into(),
        url: Some(url.into()),
        date: None,
    };
    t.west.scores.insert(
        "base".into(),
        Score {
            value: 7.0,
            evidence: vec![
                Evidence {
                    claim: HOSTILE[0].into(),
                    source: Some(source("javascript:alert(6)")),
                },
                Evidence {
                    claim: long.clone(),
                    source: Some(source("https://example.com/ok")),
                },
            ],
        },
    );
    t.east.scores.insert("base".into(), Score::unsupported(5.0));
    let mut m = DiversificationMove::new(2010);
    m.unit = HOSTILE[3].into();
    m.sector = HOSTILE[6].into();
    m.note = HOSTILE[4].into();
    m.source = Some(source("data:text/html,<script>alert(7)</script>"));
    t.east.moves.push(m);
    let mut m = DiversificationMove::new(2012);
    m.unit = HOSTILE[8].into();
    t.west.moves.push(m);
    t.west.partnerships.push(Partnership {
        partner: HOSTILE[9].into(),
        since: Some(2001),
        description: HOSTILE[5].into(),
        source: Some(source("JaVaScRiPt:alert(8)")),
    });
    t.west.challenges.push(HOSTILE[10].into());
    t.lessons.push(Lesson {
        title: HOSTILE[1].into(),
        text: HOSTILE[4].into(),
        source: Some(source(" javascript:alert(9)")),
    });
    t
}
