//! The evidence-health panel: every flag of the selected twin (no evidence, no source, a bare
//! homepage, no date, stale evidence, no as-of date), each a link to the field where it is fixed,
//! so a strategist can work through them before citing the twin.

use egui::{CollapsingHeader, RichText};

use super::style;
use crate::analysis::{FlagKind, HealthFlag};
use crate::wording;

/// Flags listed at most; the header still counts them all.
const MAX_LISTED: usize = 200;

/// The field of the Edit tab that fixes a flag: the flag's own path where a field edits it, else
/// the field of that item where the fix starts (a claim without a source goes to its source URL,
/// stale evidence to its pillar's first evidence item).
pub fn field_for(flag: &HealthFlag) -> String {
    match flag.kind {
        FlagKind::NoSource => format!("{}.source.url", flag.path),
        FlagKind::Stale => format!("{}[0].claim", flag.path),
        FlagKind::NoEvidence | FlagKind::BareHomepage | FlagKind::Undated | FlagKind::NoAsOf => {
            flag.path.clone()
        }
    }
}

/// Draws the panel (collapsed until opened); returns the field to jump to when a flag was clicked.
pub fn show(ui: &mut egui::Ui, flags: &[HealthFlag]) -> Option<String> {
    let colours = style::colours(ui);
    if flags.is_empty() {
        ui.label(RichText::new("● Evidence well backed: no health flags").color(colours.ok));
        return None;
    }
    let title = format!(
        "▲ Evidence health: {}",
        wording::count(flags.len(), "flag", "flags")
    );
    let mut jump = None;
    CollapsingHeader::new(RichText::new(title).color(colours.warning))
        .id_salt("evidence_health")
        .show(ui, |ui| {
            style::hint(ui, "Click a flag to go to the field that fixes it.");
            for (i, flag) in flags.iter().take(MAX_LISTED).enumerate() {
                ui.push_id(i, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(flag.kind.label())
                                .size(style::size::SMALL)
                                .color(colours.unsupported),
                        );
                        let link = ui
                            .add(egui::Button::new(flag.to_string()).frame(false).truncate())
                            .on_hover_text(format!("Go to {}", field_for(flag)));
                        if link.clicked() {
                            jump = Some(field_for(flag));
                        }
                    });
                });
            }
            if flags.len() > MAX_LISTED {
                style::hint(ui, &wording::more_text(flags.len() - MAX_LISTED));
            }
        });
    jump
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(kind: FlagKind, path: &str) -> HealthFlag {
        HealthFlag {
            kind,
            path: path.into(),
            message: String::new(),
        }
    }

    #[test]
    fn each_flag_goes_to_a_field_the_edit_tab_draws() {
        let cases = [
            (FlagKind::NoAsOf, "as_of", "as_of"),
            (FlagKind::NoEvidence, "west.scores.base", "west.scores.base"),
            (
                FlagKind::NoEvidence,
                "west.scores.base.value",
                "west.scores.base.value",
            ),
            (
                FlagKind::NoSource,
                "east.moves[2]",
                "east.moves[2].source.url",
            ),
            (
                FlagKind::Undated,
                "lessons[0].source.date",
                "lessons[0].source.date",
            ),
            (
                FlagKind::Stale,
                "west.scores.base.evidence",
                "west.scores.base.evidence[0].claim",
            ),
        ];
        for (kind, path, field) in cases {
            assert_eq!(field_for(&flag(kind, path)), field, "{kind:?} at {path}");
        }
    }
}
