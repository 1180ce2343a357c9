//! Every text a described slide shows, in reading order: what a test compares between renderers.

use super::{Body, Bullet, SlideDescription, Text};

impl SlideDescription {
    /// Every text the slide shows, in reading order (lists in full, before any fitting); chart
    /// labels are the chart's own and not listed.
    pub fn texts(&self) -> Vec<&str> {
        let mut out: Vec<&Text> = Vec::new();
        let mut bullets: Vec<&str> = Vec::new();
        if !matches!(self.body, Body::Cover(_)) {
            out.push(&self.title);
        }
        match &self.body {
            Body::Cover(c) => {
                out.extend([&c.title, &c.names[0], &c.joiner, &c.names[1], &c.footer]);
            }
            Body::Companies { columns, spectra } => {
                for c in columns.iter() {
                    out.push(&c.name);
                    out.extend(&c.native_name);
                    out.extend([&c.facts, &c.about]);
                }
                for s in spectra.iter() {
                    out.extend(&s.ends);
                    out.extend(&s.names);
                }
            }
            Body::Contrast { statements } => {
                for s in statements.iter() {
                    out.extend([&s.label, &s.text]);
                    out.extend(&s.figure);
                }
            }
            Body::Chart { table, .. } => {
                if let Some(t) = table {
                    out.extend(&t.year);
                    out.extend(&t.companies);
                    for row in &t.rows {
                        out.push(&row.label);
                        out.extend(&row.cells);
                    }
                    out.extend(&t.note);
                }
            }
            Body::Pillar {
                description,
                columns,
            } => {
                out.extend(description);
                for c in columns.iter() {
                    out.extend([&c.company, &c.figure]);
                    out.extend(&c.flag);
                    list(&c.evidence, &mut bullets);
                }
            }
            Body::List { items, empty } => {
                if items.is_empty() {
                    out.push(empty);
                }
                list(items, &mut bullets);
            }
        }
        let mut texts: Vec<&str> = out.into_iter().map(|t| t.text.as_str()).collect();
        texts.extend(bullets);
        texts.retain(|t| !t.trim().is_empty());
        texts
    }
}

fn list<'a>(items: &'a [Bullet], out: &mut Vec<&'a str>) {
    for b in items {
        out.push(&b.primary);
        out.push(&b.secondary);
    }
}
