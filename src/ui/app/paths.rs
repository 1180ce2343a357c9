//! Paths the studio asks for: Export's file, and what the user typed in the studio's own path
//! field (shown when the system chooser failed, or from File > Open a typed path…).

use super::*;

impl TwinStudioApp {
    /// Asks for the path of a clicked Export…, and acts on a path typed in the studio's own
    /// field (shown when the system chooser failed, or from File > Open a typed path…).
    pub(super) fn choose_paths(&mut self, ctx: &egui::Context) {
        if let Some((extension, name)) = self.report.take_export_request() {
            let start = self.state.folder.clone().unwrap_or_default().join(name);
            if let Some(path) =
                self.paths
                    .ask(PathRequest::Export, Purpose::Export(extension), &start)
            {
                self.export_selected(&path);
            }
        }
        match self.paths.show(ctx) {
            Some((PathRequest::SaveAs, path)) => {
                self.state.save_selected_as(path);
            }
            Some((PathRequest::OpenFolder | PathRequest::OpenFile, path)) => {
                self.state.open_path(&path);
            }
            Some((PathRequest::Export, path)) => self.export_selected(&path),
            None => {}
        }
    }

    fn export_selected(&mut self, path: &std::path::Path) {
        if let Some(open) = self.state.selected_twin() {
            self.report.export_to(&open.twin, path);
        }
    }
}
