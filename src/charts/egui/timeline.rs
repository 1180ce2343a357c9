//! The timeline in egui: moves by year in two lanes, the first company above the axis, the second
//! below, with hover on every event.

use egui::{Align2, RichText};
use egui_plot::{HLine, HoverPosition, PlotPoint, Points};

use super::{ChartStyle, base_plot, color32, decoration_line, label_text, scaled};
use crate::charts::{Timeline, TimelineEvent};

/// The event nearest to a hovered position in one lane.
pub fn nearest_timeline_event<'t>(
    timeline: &'t Timeline,
    lane_label: &str,
    at: PlotPoint,
) -> Option<&'t TimelineEvent> {
    let (lane_index, lane) = timeline
        .lanes
        .iter()
        .enumerate()
        .find(|(_, l)| l.label == lane_label)?;
    lane.events.iter().min_by(|a, b| {
        let pa = timeline_position(lane_index, a);
        let pb = timeline_position(lane_index, b);
        let da = (pa[0] - at.x).powi(2) + (pa[1] - at.y).powi(2);
        let db = (pb[0] - at.x).powi(2) + (pb[1] - at.y).powi(2);
        da.total_cmp(&db)
    })
}

/// Where an event sits: x = year, y above the axis for the first lane, below for the second.
pub fn timeline_position(lane_index: usize, event: &TimelineEvent) -> [f64; 2] {
    let sign = if lane_index == 0 { 1.0 } else { -1.0 };
    [f64::from(event.year), sign * (1.0 + event.row as f64)]
}

/// Moves by year in two lanes, first company above the axis, second below.
pub fn timeline(ui: &mut egui::Ui, timeline: &Timeline, style: &ChartStyle) -> egui::Response {
    let text_color = ui.visuals().text_color();
    let depth = timeline.max_row() as f64 + 1.8;
    let first = f64::from(timeline.first_year);
    let last = f64::from(timeline.last_year);
    scaled(ui, style.text_scale, |ui| {
        let mut plot = base_plot(style, "timeline", Some(egui_plot::Corner::RightTop))
            .show_axes([true, false])
            .show_grid([true, false])
            .include_x(first - 1.0)
            .include_x(last + 3.0)
            .include_y(-depth)
            .include_y(depth)
            .x_axis_formatter(|mark, _| {
                if (mark.value - mark.value.round()).abs() < 1e-9 {
                    format!("{:.0}", mark.value)
                } else {
                    String::new()
                }
            });
        if style.interactive {
            plot = plot.label_formatter(|pos| match pos {
                HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } if !plot_name.is_empty() => {
                    nearest_timeline_event(timeline, plot_name, *position).map(|e| {
                        format!(
                            "{plot_name}: {} ({})\n{} · {}",
                            e.unit,
                            e.year,
                            e.sector_name,
                            e.mode.label()
                        )
                    })
                }
                _ => None,
            });
        }
        plot.show(ui, |plot| {
            plot.hline(
                HLine::new("", 0.0)
                    .id(style.id("timeline_axis"))
                    .color(text_color)
                    .width(style.px(1.5))
                    .allow_hover(false),
            );
            for (li, lane) in timeline.lanes.iter().enumerate() {
                let color = color32(lane.colour);
                let sign = if li == 0 { 1.0 } else { -1.0 };
                // Lane names sit above the top row (West) and below the bottom row (East), at the
                // left edge, where no event label can be.
                plot.text(
                    label_text(
                        style,
                        ("lane_label", li),
                        [first - 0.8, sign * (timeline.max_row() as f64 + 1.55)],
                        RichText::new(crate::font_chain::for_egui(&lane.label))
                            .size(style.px(12.0))
                            .strong()
                            .color(color),
                    )
                    .anchor(Align2::LEFT_CENTER),
                );
                let positions: Vec<[f64; 2]> = lane
                    .events
                    .iter()
                    .map(|e| timeline_position(li, e))
                    .collect();
                for (k, (e, at)) in lane.events.iter().zip(&positions).enumerate() {
                    plot.line(decoration_line(
                        style,
                        ("stem", li, k),
                        vec![[at[0], 0.0], *at],
                        color.gamma_multiply(0.4),
                        1.0,
                    ));
                    plot.text(
                        label_text(
                            style,
                            ("event_label", li, k),
                            [at[0] + 0.25, at[1]],
                            RichText::new(crate::font_chain::for_egui(&e.unit))
                                .size(style.px(10.5))
                                .color(text_color),
                        )
                        .anchor(Align2::LEFT_CENTER),
                    );
                }
                plot.points(
                    Points::new(crate::font_chain::for_egui(&lane.label), positions)
                        .id(style.id(("lane_points", li)))
                        .color(color)
                        .filled(true)
                        .radius(style.px(5.0)),
                );
            }
        })
        .response
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::egui::tests::twin;
    use crate::model::SectorVocabulary;

    #[test]
    fn timeline_lanes_sit_on_both_sides_of_the_axis() {
        let tl = Timeline::new(&twin(), SectorVocabulary::bundled());
        let west = &tl.lanes[0].events[0];
        let east = &tl.lanes[1].events[0];
        assert!(timeline_position(0, west)[1] > 0.0);
        assert!(timeline_position(1, east)[1] < 0.0);
        let at = timeline_position(1, &tl.lanes[1].events[1]);
        let e =
            nearest_timeline_event(&tl, "Alibaba", PlotPoint::new(at[0], at[1])).expect("found");
        assert_eq!(e.unit, "Cainiao");
    }
}
