//! The desktop shell: a Tauri window around the Yew UI, over the store.
//! Commands are thin adapters (commands.rs) over [`session::Session`].

mod commands;
pub mod open_copies;
mod reply;
pub mod session;

use session::Session;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{Builder, Runtime};

/// Registers the session and the commands on a builder (the real one, or
/// `tauri::test::mock_builder()` in tests).
pub fn build<R: Runtime>(builder: Builder<R>, data_dir: PathBuf) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(Mutex::new(Session::new(data_dir)))
        .manage(open_copies::OpenCopies::new(open_copies::OpenCopies::default_base()))
        .invoke_handler(tauri::generate_handler![
            commands::workspace_status,
            commands::create_workspace,
            commands::unlock,
            commands::lock,
            commands::list_families,
            commands::caseload,
            commands::family_case,
            commands::set_case_details,
            commands::change_status,
            commands::case_vocabulary,
            commands::due,
            commands::save_evaluation,
            commands::submit_evaluation,
            commands::correct_evaluation,
            commands::decide_evaluation,
            commands::register_assistant,
            commands::update_assistant,
            commands::assistants,
            commands::refer_family,
            commands::waiting_list,
            commands::assign_family,
            commands::transfer_family,
            commands::transfers,
            commands::submit_plan,
            commands::decide_plan,
            commands::plan_decisions,
            commands::add_comment,
            commands::mark_comments_read,
            commands::cross_duplicates,
            commands::decide_duplicates,
            commands::dashboard,
            commands::half_year_report,
            commands::export_half_year_csv,
            commands::backups,
            commands::backup_now,
            commands::backup_settings,
            commands::set_backup_settings,
            commands::restore_backup,
            commands::close_work,
            commands::request_opinion,
            commands::save_opinion,
            commands::finalize_opinion,
            commands::print_document,
            commands::add_member,
            commands::update_member,
            commands::find_duplicates,
            commands::add_note,
            commands::save_plan_version,
            commands::record_visit,
            commands::update_visit,
            commands::plan_visit,
            commands::cancel_planned_visit,
            commands::scheduled_visits,
            commands::add_attachment,
            commands::remove_attachment,
            commands::attachments,
            commands::attachment_image,
            commands::open_attachment,
            commands::save_draft,
            commands::drafts,
            commands::discard_draft,
            commands::planned_visits,
            commands::alerts,
            commands::settings,
            commands::plan_areas,
            commands::add_family,
            commands::history,
            commands::conflicts,
            commands::resolve_conflict,
            commands::set_settings,
            commands::sync_status,
            commands::export_enrolment,
            commands::enrol,
            commands::export_bundle,
            commands::import_bundle,
            commands::caseloads,
            commands::family_assistants,
            commands::choose_path,
            commands::check_workspace,
            commands::save_form_draft,
            commands::form_draft,
        ])
}

/// Runs the app on `data_dir` until its window closes.
pub fn run(data_dir: PathBuf) -> Result<(), tauri::Error> {
    let app = build(tauri::Builder::default(), data_dir).build(tauri::generate_context!("tauri.conf.json"))?;
    app.run(|app, event| {
        // No readable copy of an attachment outlives the app.
        if let tauri::RunEvent::Exit = event {
            use tauri::Manager;
            app.state::<open_copies::OpenCopies>().clear();
        }
    });
    Ok(())
}

/// `--data-dir DIR` (or `--data-dir=DIR`) from the command line.
pub fn data_dir_argument(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command the core's API names is registered with Tauri, and
    /// every registered command is named there (a tidy check on the source:
    /// `generate_handler!` keeps no list to read at run time).
    #[test]
    fn every_api_command_is_registered() {
        let source = include_str!("lib.rs");
        let start = source.find("generate_handler![").expect("the handler list");
        let end = start + source[start..].find("])").expect("its end");
        let registered: Vec<&str> = source[start..end]
            .lines()
            .filter_map(|l| l.trim().strip_prefix("commands::"))
            .map(|l| l.trim_end_matches(','))
            .collect();
        let mut named: Vec<&str> = asysta_core::api::command::ALL.to_vec();
        let mut got = registered.clone();
        named.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, named, "asysta_core::api::command::ALL and generate_handler! differ");
        // And ALL lists every constant of the module.
        let api = include_str!("../../crates/asysta-core/src/api.rs");
        let consts = api.lines().filter(|l| l.trim_start().starts_with("pub const ") && l.contains(": &str =")).count();
        assert_eq!(consts, named.len(), "a command constant is missing from api::command::ALL");
    }

    #[test]
    fn the_data_dir_argument_is_found_in_either_form() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(data_dir_argument(args(&["app", "--data-dir", "/x"])), Some(PathBuf::from("/x")));
        assert_eq!(data_dir_argument(args(&["app", "--data-dir=/y"])), Some(PathBuf::from("/y")));
        assert_eq!(data_dir_argument(args(&["app"])), None);
    }
}
