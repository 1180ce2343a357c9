//! The main window's size and place: the first window fits a 1366x768 laptop's work area (below
//! the title bar, above the taskbar); later the window opens where it was last left on the same
//! monitor, remembered per monitor size, so a laptop and its external screen each keep theirs.

use std::collections::BTreeMap;

use egui::{Vec2, ViewportCommand, vec2};
use serde::{Deserialize, Serialize};

/// What the window opens at before the monitor is known: fits a 1366x768 screen once a title bar
/// (about 30 px) and a taskbar (about 40-48 px) are taken away.
pub const FIRST_SIZE: Vec2 = vec2(1240.0, 660.0);

/// The smallest window the studio lays out in.
pub const MIN_SIZE: Vec2 = vec2(720.0, 480.0);

/// The size the studio prefers when the monitor has room for it.
const PREFERRED: Vec2 = vec2(1480.0, 920.0);

/// Room kept free on a monitor for the title bar, taskbar or dock and panels.
const RESERVED: Vec2 = vec2(48.0, 108.0);

/// Where the window was on one monitor, in points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowPlace {
    /// Outer top-left corner.
    pub pos: [f32; 2],
    /// Inner size.
    pub size: [f32; 2],
}

/// A monitor's key in the remembered places, e.g. "1366x768".
pub fn monitor_key(monitor: Vec2) -> String {
    format!("{}x{}", monitor.x.round(), monitor.y.round())
}

/// The inner size for a first window on a monitor of this size: the preferred size, shrunk to
/// the monitor's likely work area.
pub fn fitted_size(monitor: Vec2) -> Vec2 {
    PREFERRED.min(monitor - RESERVED).max(MIN_SIZE)
}

/// A remembered place, kept inside the monitor (a window never opens off screen or too big).
pub fn clamp_place(place: WindowPlace, monitor: Vec2) -> WindowPlace {
    let room = (monitor - RESERVED).max(MIN_SIZE);
    let size = vec2(place.size[0], place.size[1]).clamp(MIN_SIZE, room);
    let max_pos = (monitor - size - vec2(0.0, RESERVED.y / 2.0)).max(Vec2::ZERO);
    let pos = vec2(place.pos[0], place.pos[1]).clamp(Vec2::ZERO, max_pos);
    WindowPlace {
        pos: [pos.x, pos.y],
        size: [size.x, size.y],
    }
}

/// Applies the remembered or fitted place once the monitor is known, then tracks where the user
/// puts the window.
#[derive(Debug, Default)]
pub struct WindowKeeper {
    placed: bool,
    /// The monitor and place seen last frame, saved with the preferences.
    pub current: Option<(String, WindowPlace)>,
}

impl WindowKeeper {
    /// Call once per frame with the places remembered from earlier sessions.
    pub fn frame(&mut self, ctx: &egui::Context, remembered: &BTreeMap<String, WindowPlace>) {
        let (monitor, outer, inner, fullscreen) = ctx.input(|i| {
            let v = i.viewport();
            (v.monitor_size, v.outer_rect, v.inner_rect, v.fullscreen)
        });
        let Some(monitor) = monitor.filter(|m| m.x > 0.0 && m.y > 0.0) else {
            return;
        };
        let key = monitor_key(monitor);
        if !self.placed {
            self.placed = true;
            let place = match remembered.get(&key) {
                Some(place) => clamp_place(*place, monitor),
                None => {
                    let size = fitted_size(monitor);
                    let pos =
                        ((monitor - size - vec2(0.0, RESERVED.y / 2.0)) / 2.0).max(Vec2::ZERO);
                    WindowPlace {
                        pos: [pos.x, pos.y],
                        size: [size.x, size.y],
                    }
                }
            };
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(place.size.into()));
            ctx.send_viewport_cmd(ViewportCommand::OuterPosition(place.pos.into()));
            return;
        }
        if fullscreen == Some(true) {
            return;
        }
        if let (Some(outer), Some(inner)) = (outer, inner) {
            let place = WindowPlace {
                pos: [outer.min.x, outer.min.y],
                size: [inner.width(), inner.height()],
            };
            self.current = Some((key, place));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1366x768 laptop: a 30 px title bar and a 48 px taskbar leave this much for the window.
    const LAPTOP_WORK_AREA: Vec2 = vec2(1366.0, 768.0 - 48.0 - 30.0);

    #[test]
    fn the_first_window_fits_a_1366x768_laptop() {
        const { assert!(FIRST_SIZE.x <= LAPTOP_WORK_AREA.x && FIRST_SIZE.y <= LAPTOP_WORK_AREA.y) };
        let fitted = fitted_size(vec2(1366.0, 768.0));
        assert!(fitted.x <= LAPTOP_WORK_AREA.x && fitted.y <= LAPTOP_WORK_AREA.y);
        assert!(fitted.y >= 640.0, "uses the room it has: {fitted:?}");
    }

    #[test]
    fn big_monitors_get_the_preferred_size_and_tiny_ones_the_minimum() {
        assert_eq!(fitted_size(vec2(2560.0, 1440.0)), PREFERRED);
        assert_eq!(fitted_size(vec2(640.0, 400.0)), MIN_SIZE);
    }

    #[test]
    fn remembered_places_stay_on_screen() {
        let monitor = vec2(1366.0, 768.0);
        let off = WindowPlace {
            pos: [3000.0, -50.0],
            size: [2000.0, 1200.0],
        };
        let kept = clamp_place(off, monitor);
        assert!(kept.pos[0] + kept.size[0] <= monitor.x);
        assert!(kept.pos[1] >= 0.0 && kept.pos[1] + kept.size[1] <= monitor.y);
        let fine = WindowPlace {
            pos: [10.0, 20.0],
            size: [900.0, 600.0],
        };
        assert_eq!(clamp_place(fine, monitor), fine);
        assert_eq!(monitor_key(monitor), "1366x768");
    }
}
