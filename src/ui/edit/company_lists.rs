//! One company's partnerships and metrics, each a table.

use egui::{DragValue, Ui};

use super::cells;
use super::form::Form;
use super::table::{self, Column, Spec};
use crate::model::{CompanyProfile, Metric, Partnership, current_year};

fn partnership_columns() -> [Column<Partnership>; 4] {
    [
        cells::text(
            ("Partner", "partner", 150.0),
            |p| &p.partner,
            |p| &mut p.partner,
        ),
        cells::optional_year(("Since", "since", 90.0), |p| &p.since, |p| &mut p.since),
        cells::source(
            ("Source", "source.url", 150.0),
            |p| &p.source,
            |p| &mut p.source,
        ),
        cells::long_text(
            ("Description", "description", 160.0),
            |p| &p.description,
            |p| &mut p.description,
        ),
    ]
}

/// The partnerships of one company.
pub(super) fn partnerships(ui: &mut Ui, c: &mut CompanyProfile, form: &Form<'_>) -> bool {
    let id = form.path("partnerships");
    let columns = partnership_columns();
    table::list(
        ui,
        &Spec::new(&id, "partnership", &columns),
        &mut c.partnerships,
        form.issues,
        Partnership::default,
        |ui, p, form| {
            let description = form.multiline(ui, "Description", &mut p.description, "description");
            form.source(ui, &mut p.source, "source") || description
        },
    )
}

fn metric_columns() -> [Column<Metric>; 5] {
    [
        cells::text(("Metric", "name", 180.0), |m| &m.name, |m| &mut m.name),
        Column::<Metric>::new(
            "Value",
            "value",
            90.0,
            |m| m.value.to_string(),
            |ui, m, cell| {
                let r = ui.add(DragValue::new(&mut m.value).speed(1.0));
                cell.finish(ui, r).changed()
            },
        )
        .sorted_by(|a, b| a.value.total_cmp(&b.value)),
        cells::text(("Unit", "unit", 110.0), |m| &m.unit, |m| &mut m.unit),
        cells::year(("Year", "year", 56.0), |m| &m.year, |m| &mut m.year),
        cells::source(
            ("Source", "source.url", 160.0),
            |m| &m.source,
            |m| &mut m.source,
        ),
    ]
}

/// The metrics of one company.
pub(super) fn metrics(ui: &mut Ui, c: &mut CompanyProfile, form: &Form<'_>) -> bool {
    let id = form.path("metrics");
    let new = || Metric {
        year: current_year(),
        ..Metric::default()
    };
    table::list(
        ui,
        &Spec::new(&id, "metric", &metric_columns()),
        &mut c.metrics,
        form.issues,
        new,
        |ui, m, form| form.source(ui, &mut m.source, "source"),
    )
}
