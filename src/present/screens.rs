//! Which screen shows the slides and which the presenter console, as PowerPoint and Keynote
//! decide it: with a second screen the slides go full screen on the projector and the console on
//! the laptop; on one screen (or two that mirror each other) the console never covers the slide
//! and opens only inside the window, with P. A pure function of the monitor list, so every
//! arrangement is tested without the hardware.

use std::sync::{Arc, RwLock};

/// One monitor as the windowing system reports it, in physical pixels of the desktop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Monitor {
    pub name: String,
    pub position: [i32; 2],
    pub size: [u32; 2],
    /// The system's primary monitor (where the taskbar or menu bar lives).
    pub primary: bool,
}

impl Monitor {
    fn contains(&self, point: [i32; 2]) -> bool {
        let [x, y] = point;
        let [left, top] = self.position;
        let right = i64::from(left) + i64::from(self.size[0]);
        let bottom = i64::from(top) + i64::from(self.size[1]);
        x >= left && y >= top && i64::from(x) < right && i64::from(y) < bottom
    }

    /// Whether the two show overlapping parts of the desktop: a mirrored projector.
    fn overlaps(&self, other: &Monitor) -> bool {
        let span = |m: &Monitor, axis: usize| {
            let start = i64::from(m.position[axis]);
            (start, start + i64::from(m.size[axis]))
        };
        (0..2).all(|axis| {
            let (a0, a1) = span(self, axis);
            let (b0, b1) = span(other, axis);
            a0 < b1 && b0 < a1
        })
    }

    fn area(&self) -> u64 {
        u64::from(self.size[0]) * u64::from(self.size[1])
    }

    /// A laptop's own panel, by the names drivers give it.
    fn is_built_in(&self) -> bool {
        let name = self.name.to_ascii_lowercase();
        ["edp", "lvds", "dsi", "built-in", "color lcd"]
            .iter()
            .any(|n| name.starts_with(n) || name.contains(n))
    }
}

/// Where the deck and the console go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// One screen: slides full screen; the console only inside the window, on P.
    Single,
    /// Slides full screen on monitor `slides`, the console on monitor `console` (indices into the
    /// monitor list).
    Dual { slides: usize, console: usize },
}

/// Decides the stage from the monitors. The console goes where the presenter is: the monitor
/// holding the app's window (`window_at`, a desktop point), else the laptop's own panel, else
/// the primary monitor. The slides go on the largest other monitor that does not mirror it.
/// `swapped` puts them the other way round, for when the guess is wrong.
pub fn plan(monitors: &[Monitor], window_at: Option<[i32; 2]>, swapped: bool) -> Stage {
    let usable: Vec<(usize, &Monitor)> = monitors
        .iter()
        .enumerate()
        .filter(|(_, m)| m.size[0] > 0 && m.size[1] > 0)
        .collect();
    let pick = |test: &dyn Fn(&Monitor) -> bool| usable.iter().find(|(_, m)| test(m)).copied();
    let console = window_at
        .and_then(|p| pick(&|m| m.contains(p)))
        .or_else(|| pick(&|m| m.is_built_in()))
        .or_else(|| pick(&|m| m.primary))
        .or_else(|| usable.first().copied());
    let Some((console, laptop)) = console else {
        return Stage::Single;
    };
    let projector = usable
        .iter()
        .filter(|(i, m)| *i != console && !m.overlaps(laptop))
        .max_by_key(|(i, m)| (m.area(), std::cmp::Reverse(*i)));
    match projector {
        Some(&(slides, _)) if swapped => Stage::Dual {
            slides: console,
            console: slides,
        },
        Some(&(slides, _)) => Stage::Dual { slides, console },
        None => Stage::Single,
    }
}

/// The monitor list the app shares with the presenter; the window loop fills and refreshes it
/// (see `native`), tests fill it by hand.
pub type MonitorList = Arc<RwLock<Vec<Monitor>>>;

fn key() -> egui::Id {
    egui::Id::unique("twin_studio_monitors")
}

/// Makes `monitors` known to everything drawn with `ctx`.
pub fn install(ctx: &egui::Context, monitors: MonitorList) {
    ctx.data_mut(|d| d.insert_temp(key(), monitors));
}

/// The monitors known to `ctx`; none where no window system told us (tests, the web).
pub fn known(ctx: &egui::Context) -> Vec<Monitor> {
    ctx.data(|d| d.get_temp::<MonitorList>(key()))
        .and_then(|list| list.read().ok().map(|l| l.clone()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monitor(name: &str, x: i32, w: u32, h: u32, primary: bool) -> Monitor {
        Monitor {
            name: name.into(),
            position: [x, 0],
            size: [w, h],
            primary,
        }
    }

    #[test]
    fn one_monitor_keeps_the_console_off_the_slide() {
        assert_eq!(plan(&[], None, false), Stage::Single);
        let laptop = [monitor("eDP-1", 0, 1366, 768, true)];
        assert_eq!(plan(&laptop, None, false), Stage::Single);
        assert_eq!(plan(&laptop, None, true), Stage::Single);
    }

    #[test]
    fn mirrored_projector_counts_as_one_screen() {
        let mirrored = [
            monitor("eDP-1", 0, 1366, 768, true),
            monitor("HDMI-1", 0, 1024, 768, false),
        ];
        assert_eq!(plan(&mirrored, None, false), Stage::Single);
    }

    #[test]
    fn projector_gets_the_slides_and_the_laptop_the_console() {
        let extended = [
            monitor("HDMI-1", 1920, 1024, 768, false),
            monitor("eDP-1", 0, 1920, 1080, true),
        ];
        assert_eq!(
            plan(&extended, None, false),
            Stage::Dual {
                slides: 0,
                console: 1
            },
            "the laptop panel keeps the console even though it is larger"
        );
        assert_eq!(
            plan(&extended, None, true),
            Stage::Dual {
                slides: 1,
                console: 0
            }
        );
    }

    #[test]
    fn the_window_says_where_the_presenter_sits() {
        let desk = [
            monitor("DP-1", 0, 2560, 1440, true),
            monitor("DP-2", 2560, 1920, 1080, false),
            monitor("HDMI-1", 4480, 3840, 2160, false),
        ];
        assert_eq!(
            plan(&desk, Some([3000, 500]), false),
            Stage::Dual {
                slides: 2,
                console: 1
            },
            "console beside the window, slides on the largest other screen"
        );
        assert_eq!(
            plan(&desk, None, false),
            Stage::Dual {
                slides: 2,
                console: 0
            },
            "no window yet: the primary monitor"
        );
    }

    #[test]
    fn zero_sized_and_unnamed_monitors_do_not_confuse_it() {
        let odd = [
            monitor("", 0, 0, 0, false),
            monitor("", 0, 1280, 800, false),
            monitor("", 1280, 1920, 1080, false),
        ];
        assert_eq!(
            plan(&odd, None, false),
            Stage::Dual {
                slides: 2,
                console: 1
            }
        );
    }

    #[test]
    fn the_list_travels_with_the_context() {
        let ctx = egui::Context::default();
        assert!(known(&ctx).is_empty());
        let list: MonitorList = Arc::new(RwLock::new(vec![monitor("eDP-1", 0, 800, 600, true)]));
        install(&ctx, list.clone());
        assert_eq!(known(&ctx).len(), 1);
        if let Ok(mut l) = list.write() {
            l.push(monitor("HDMI-1", 800, 1024, 768, false));
        }
        assert_eq!(known(&ctx).len(), 2, "refreshes show without reinstalling");
    }
}
