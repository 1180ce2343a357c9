//! The diversification map as SVG: shared-sector wedges, distance rings, cluster arcs, one marker
//! per move, and labels placed by [`layout_map`] so none overlaps.

use std::f64::consts::TAU;
use std::fmt::Write;

use super::{
    Anchor, GRID, INK, LegendMark, MUTED, SHARED_BAND, Svg, SvgLabel, fit, map_marker, xml_escape,
};
use crate::charts::map_layout::{MapFrame, MapLabelRole, layout_map};
use crate::charts::{ChartKind, DiversificationMap, MapPoint};
use crate::model::Side;

/// The map laid out on `frame` (a slide's body rather than the export's canvas), as shapes
/// without text plus its text as labels, so a slide sets the labels at its own type size.
pub fn map_svg_split(map: &DiversificationMap, frame: MapFrame) -> (String, Vec<SvgLabel>) {
    map_svg(map, frame).finish_split()
}

pub(super) fn map_svg(map: &DiversificationMap, frame: MapFrame) -> Svg {
    let (w, h) = (frame.width, frame.height);
    let layout = layout_map(map, frame);
    let [cx, cy] = layout.centre;
    let k = layout.scale;
    let outer = map.outer_radius();
    let mut svg = Svg::new(w, h, ChartKind::Map.title());
    let at = |r: f64, angle: f64| {
        let p = layout.polar(r, angle);
        (p[0], p[1])
    };
    let highlight = SHARED_BAND;
    let slot = map
        .sectors
        .first()
        .and_then(|s| map.clusters.first().map(|c| (s.angle - c.start) * 2.0))
        .unwrap_or(TAU);
    // Shared sectors: a tinted wedge behind everything else.
    for sector in map.sectors.iter().filter(|s| s.shared) {
        let (a0, a1) = (sector.angle - slot / 2.0, sector.angle + slot / 2.0);
        let (x0, y0) = at(outer, a0);
        let (x1, y1) = at(outer, a1);
        let large = i32::from(a1 - a0 > std::f64::consts::PI);
        let _ = write!(
            svg.out,
            "<path d=\"M{cx:.1},{cy:.1} L{x0:.1},{y0:.1} A{r:.1},{r:.1} 0 {large} 1 {x1:.1},{y1:.1} Z\" fill=\"{}\"/>",
            highlight.hex(),
            r = outer * k
        );
    }
    for (r, _) in &map.rings {
        let _ = write!(
            svg.out,
            "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{:.1}\" fill=\"none\" stroke=\"{GRID}\" stroke-dasharray=\"4 4\"/>",
            r * k
        );
    }
    // Cluster arcs just outside the outer ring; their names are placed labels.
    let arc_r = outer * k + 4.0;
    for cluster in &map.clusters {
        let (a0, a1) = (cluster.start + 0.03, cluster.end - 0.03);
        if a1 <= a0 {
            continue;
        }
        let p0 = layout.polar(outer, a0);
        let p1 = layout.polar(outer, a1);
        let grow = |p: [f64; 2]| {
            let (dx, dy) = (p[0] - cx, p[1] - cy);
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            (cx + dx / d * arc_r, cy + dy / d * arc_r)
        };
        let ((x0, y0), (x1, y1)) = (grow(p0), grow(p1));
        let large = i32::from(a1 - a0 > std::f64::consts::PI);
        let _ = write!(
            svg.out,
            "<path d=\"M{x0:.1},{y0:.1} A{arc_r:.1},{arc_r:.1} 0 {large} 1 {x1:.1},{y1:.1}\" fill=\"none\" stroke=\"{MUTED}\" stroke-width=\"3\"/>"
        );
    }
    for sector in &map.sectors {
        let (x, y) = at(outer, sector.angle);
        let (stroke, width) = if sector.shared {
            (MUTED, 1.5)
        } else {
            (GRID, 1.0)
        };
        svg.line(cx, cy, x, y, stroke, width);
    }
    for (p, m) in map.points.iter().zip(&layout.markers) {
        let side = usize::from(p.side == Side::East);
        let colour = map.colours[side].hex();
        let [x, y] = m.centre;
        let _ = write!(
            svg.out,
            "<g><title>{}</title>",
            xml_escape(&map_point_title(p))
        );
        map_marker(&mut svg, x, y, m.radius, &colour, side, p.in_super_app);
        svg.out.push_str("</g>");
    }
    for label in &layout.labels {
        if let Some((a, b)) = label.leader {
            svg.line(a[0], a[1], b[0], b[1], MUTED, 0.8);
        }
        let fill = match label.role {
            MapLabelRole::Sector { .. } => INK,
            MapLabelRole::Cluster | MapLabelRole::Ring => MUTED,
        };
        svg.text(
            label.rect.x0,
            label.baseline(),
            &label.text,
            label.size,
            Anchor::Start,
            fill,
            label.bold,
        );
    }
    let mut legend: Vec<(String, LegendMark)> = map
        .labels
        .iter()
        .zip(map.colours)
        .enumerate()
        .map(|(side, (l, c))| (l.clone(), LegendMark::Marker(c, side)))
        .collect();
    legend.push(("inside the super-app".to_owned(), LegendMark::SuperApp));
    legend.push((
        "bold, shaded: sector entered by both".to_owned(),
        LegendMark::Band(highlight),
    ));
    svg.legend(w / 2.0, h - 36.0, &legend);
    let note = if layout.dropped.is_empty() {
        "angle: sector · ring: distance from core · size: strength today".to_owned()
    } else {
        format!(
            "Not labelled for lack of room: {}",
            layout.dropped.join(", ")
        )
    };
    svg.text(
        w / 2.0,
        h - 14.0,
        &fit(&note, 11.0, (w - 40.0) as f32),
        11.0,
        Anchor::Middle,
        MUTED,
        false,
    );
    svg
}

/// A move's hover text.
fn map_point_title(p: &MapPoint) -> String {
    let [sector, how, distance, strength] = p.facts();
    let super_app = if p.in_super_app {
        ", inside the super-app"
    } else {
        ""
    };
    format!(
        "{}: {sector} ({}, {how}, {distance}, {strength}{super_app})",
        p.unit, p.year
    )
}

#[cfg(test)]
mod tests {
    use crate::tokens::Look;
    use crate::tokens::colour::{MIN_HIGHLIGHT_DISTANCE, delta_e};

    /// The band behind shared sectors is one role everywhere, so it must stay apart from every
    /// sample's brand colours (the markers drawn over it) on paper and in the dark studio.
    #[test]
    fn the_shared_band_stays_far_from_both_brands_of_every_sample() {
        for twin in crate::charts::test_samples() {
            for look in [Look::Paper, Look::Light, Look::Dark, Look::ProjectorDark] {
                let band = look.tokens().shared_band;
                for brand in crate::charts::side_colours(&twin) {
                    let d = delta_e(band, brand);
                    assert!(
                        d > MIN_HIGHLIGHT_DISTANCE,
                        "{} {look:?}: {band:?} vs {brand:?} = {d:.1}",
                        twin.id
                    );
                }
            }
        }
    }
}
