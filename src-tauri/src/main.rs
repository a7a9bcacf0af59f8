// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    let explicit = asysta_app::data_dir_argument(std::env::args().skip(1));
    let Some(data_dir) = asysta_store::resolve_data_dir(explicit) else {
        eprintln!("asysta-app: no data directory: pass --data-dir or set ASYSTA_DATA_DIR");
        return ExitCode::FAILURE;
    };
    match asysta_app::run(data_dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("asysta-app: {e}");
            ExitCode::FAILURE
        }
    }
}
