//! The native window loop, with the monitor list eframe does not expose: winit reports monitors
//! only inside its event loop, so this runs eframe on a loop of our own and reads them there,
//! before the first window exists and again whenever a window gains focus or changes screen
//! (a projector plugged in mid-talk).

use std::sync::{Arc, RwLock};

use eframe::UserEvent;
use winit::application::ApplicationHandler;
use winit::event::WindowEvent;
use winit::event_loop::{ActiveEventLoop, EventLoop};
use winit::window::WindowId;

use super::screens::{self, Monitor, MonitorList};

/// Like `eframe::run_native`, and the presenter learns the monitors (see [`screens::known`]).
pub fn run(
    app_name: &str,
    options: eframe::NativeOptions,
    app_creator: eframe::AppCreator<'_>,
) -> Result<(), eframe::Error> {
    let event_loop = EventLoop::<UserEvent>::with_user_event().build()?;
    let monitors: MonitorList = Arc::new(RwLock::new(Vec::new()));
    let shared = monitors.clone();
    let creator: eframe::AppCreator<'_> = Box::new(move |cc| {
        screens::install(&cc.egui_ctx, shared);
        app_creator(cc)
    });
    let mut app = Watcher {
        inner: eframe::create_native(app_name, options, creator, &event_loop),
        monitors,
    };
    Ok(event_loop.run_app(&mut app)?)
}

/// eframe's application, with the monitor list refreshed on the events that can change it.
struct Watcher<'a> {
    inner: eframe::EframeWinitApplication<'a>,
    monitors: MonitorList,
}

impl Watcher<'_> {
    fn refresh(&self, event_loop: &ActiveEventLoop) {
        let primary = event_loop.primary_monitor();
        let list: Vec<Monitor> = event_loop
            .available_monitors()
            .map(|m| Monitor {
                name: m.name().unwrap_or_default(),
                position: [m.position().x, m.position().y],
                size: [m.size().width, m.size().height],
                primary: primary.as_ref() == Some(&m),
            })
            .collect();
        if let Ok(mut known) = self.monitors.write()
            && *known != list
        {
            *known = list;
        }
    }
}

impl ApplicationHandler<UserEvent> for Watcher<'_> {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        self.refresh(event_loop);
        self.inner.resumed(event_loop);
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, id: WindowId, event: WindowEvent) {
        if matches!(
            event,
            WindowEvent::Focused(true) | WindowEvent::ScaleFactorChanged { .. }
        ) {
            self.refresh(event_loop);
        }
        self.inner.window_event(event_loop, id, event);
    }

    fn new_events(&mut self, event_loop: &ActiveEventLoop, cause: winit::event::StartCause) {
        self.inner.new_events(event_loop, cause);
    }

    fn user_event(&mut self, event_loop: &ActiveEventLoop, event: UserEvent) {
        self.inner.user_event(event_loop, event);
    }

    fn device_event(
        &mut self,
        event_loop: &ActiveEventLoop,
        device_id: winit::event::DeviceId,
        event: winit::event::DeviceEvent,
    ) {
        self.inner.device_event(event_loop, device_id, event);
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        self.inner.about_to_wait(event_loop);
    }

    fn suspended(&mut self, event_loop: &ActiveEventLoop) {
        self.inner.suspended(event_loop);
    }

    fn exiting(&mut self, event_loop: &ActiveEventLoop) {
        self.inner.exiting(event_loop);
    }

    fn memory_warning(&mut self, event_loop: &ActiveEventLoop) {
        self.inner.memory_warning(event_loop);
    }
}
