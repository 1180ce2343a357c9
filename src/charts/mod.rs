//! Charts described once, as plain data with their geometry already worked out, then drawn twice:
//! by egui_plot in the studio and the presenter, and as SVG for reports. Because both renderers
//! read the same description, the app and the report always agree.

mod describe;
pub mod egui;
pub mod map_layout;
pub mod placement;
pub mod score_layout;
pub mod svg;
pub mod text;

pub use describe::{
    BarSeries, Bars, Chart, ChartKind, Deltas, DiversificationMap, History, HistoryPanel,
    MapCluster, MapPoint, MapSector, Radar, RadarSeries, Rgb, Timeline, TimelineEvent,
    TimelineLane, describe, side_colours,
};

/// The bundled sample twins, for tests that check every chart of every sample.
#[cfg(test)]
pub(crate) fn test_samples() -> Vec<crate::model::Twin> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_profiles");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let twins: Vec<_> = paths
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".twin.json"))
        .filter_map(|p| crate::store::load_twin(p).ok())
        .collect();
    assert!(twins.len() >= 6, "samples found in {}", folder.display());
    twins
}
