//! Charts described once, as plain data with their geometry already worked out, then drawn twice:
//! by egui_plot in the studio and the presenter, and as SVG for reports. Because both renderers
//! read the same description, the app and the report always agree.

mod describe;
pub mod egui;
pub mod svg;

pub use describe::{
    BarSeries, Bars, Chart, ChartKind, Deltas, DiversificationMap, MapCluster, MapPoint, MapSector,
    Radar, RadarSeries, Rgb, Timeline, TimelineEvent, TimelineLane, describe, side_colours,
};
