//! The twin's own fields (id, title, as-of date, when evidence turns stale, the biggest
//! difference and similarity) and its lessons.

use super::cells;
use super::form::{Form, Issues};
use super::table::{self, Column, Spec};
use crate::model::{Lesson, Twin};

pub(super) fn show(ui: &mut egui::Ui, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    let form = Form::new(issues, "");
    let mut changed = false;
    changed |= form.text(ui, "Id (file key)", &mut twin.id, "id");
    changed |= form.text(ui, "Title", &mut twin.title, "title");
    changed |= form.optional_text(ui, "As of (YYYY-MM-DD)", &mut twin.as_of, "as_of");
    changed |= stale_after(ui, &form, twin);
    changed |= form.multiline(
        ui,
        "Biggest difference",
        &mut twin.biggest_difference,
        "biggest_difference",
    );
    changed |= form.multiline(
        ui,
        "Biggest similarity",
        &mut twin.biggest_similarity,
        "biggest_similarity",
    );
    changed
}

/// How old evidence may be, relative to the as-of date, before the health panel calls it stale;
/// the default until the user sets one for this twin.
fn stale_after(ui: &mut egui::Ui, form: &Form<'_>, twin: &mut Twin) -> bool {
    let mut years = twin.stale_after_years();
    let own = twin.stale_after_years.is_some();
    let response = form.row(ui, "Evidence stale after", "stale_after_years", |ui| {
        let suffix = if own { " years" } else { " years (default)" };
        ui.add(
            egui::DragValue::new(&mut years)
                .range(1..=100)
                .suffix(suffix),
        )
    });
    if response.changed() {
        twin.stale_after_years = Some(years);
        return true;
    }
    false
}

fn lesson_columns() -> [Column<Lesson>; 3] {
    [
        cells::text(("Lesson", "title", 220.0), |l| &l.title, |l| &mut l.title),
        cells::source(
            ("Source", "source.url", 160.0),
            |l| &l.source,
            |l| &mut l.source,
        ),
        cells::long_text(("Text", "text", 160.0), |l| &l.text, |l| &mut l.text),
    ]
}

/// The lessons of the twin.
pub(super) fn lessons(ui: &mut egui::Ui, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    let columns = lesson_columns();
    table::list(
        ui,
        &Spec::new("lessons", "lesson", &columns),
        &mut twin.lessons,
        issues,
        Lesson::default,
        |ui, l, form| {
            let text = form.multiline(ui, "Text", &mut l.text, "text");
            form.source(ui, &mut l.source, "source") || text
        },
    )
}
