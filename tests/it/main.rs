//! Every integration test, in one binary so the crate links once for all of them.

mod support;

mod deck_description;
mod deck_pdf;
mod evidence_health;
mod import_table;
mod layers;
mod loader_fuzz;
mod packaging;
mod pptx_export;
mod present_cli;
mod present_export;
mod present_stage;
mod present_ui;
mod report_cli;
mod report_files;
mod report_html;
mod report_look;
mod samples;
mod schema_standard;
mod trust_cli;
mod ui_big_library;
mod ui_compare_modes;
mod ui_editing;
mod ui_file_dialogs;
mod ui_health;
mod ui_outside_changes;
mod ui_saving;
mod ui_scripts;
mod ui_studio;
mod ui_tasks;
mod validate_cli;
