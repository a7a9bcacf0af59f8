//! `asysta backup now|list|settings` and `asysta restore`: the store's
//! encrypted backups (asysta_store::backup), as the settings screen shows
//! them.

use crate::commands::{describe, format_time, line, print_json};
use crate::BackupCommand;
use asysta_core::api::ApiError;
use asysta_core::backup::{BackupEntry, BackupOutcome, BackupReason, BackupSettings, Rotation};
use asysta_i18n::{Arg, Translator};
use asysta_store::{backup, Store, StoreError};
use std::path::Path;

pub fn run(data_dir: &Path, command: BackupCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    let fail = |e: StoreError| describe(&ApiError::from(e), t);
    match command {
        BackupCommand::Now { json } => {
            let store = open_for_backup(data_dir, t)?;
            let outcome = store.backup_now(BackupReason::Manual).map_err(fail)?;
            if json {
                return print_json(out, &outcome);
            }
            print_outcome(&outcome, t, out);
            Ok(())
        }
        BackupCommand::List { json } => {
            if Store::presence(data_dir) == asysta_store::Presence::Absent {
                return Err(describe(&ApiError::from(StoreError::WorkspaceMissing(data_dir.to_owned())), t));
            }
            let backups = backup::list_backups(data_dir).map_err(fail)?;
            if json {
                return print_json(out, &backups);
            }
            if backups.is_empty() {
                line(out, format_args!("{}", t.tr("cli-backup-none")));
            }
            for b in &backups {
                print_entry(b, t, out);
            }
            Ok(())
        }
        BackupCommand::Settings { folder, no_folder, daily, weekly, monthly, json } => {
            let mut settings = backup::backup_settings(data_dir).map_err(fail)?;
            let changed = folder.is_some() || no_folder || daily.is_some() || weekly.is_some() || monthly.is_some();
            if let Some(folder) = folder {
                settings.second_folder = Some(folder.display().to_string());
            }
            if no_folder {
                settings.second_folder = None;
            }
            let Rotation { daily: d, weekly: w, monthly: m } = settings.rotation;
            settings.rotation =
                Rotation { daily: daily.unwrap_or(d), weekly: weekly.unwrap_or(w), monthly: monthly.unwrap_or(m) };
            if changed {
                backup::set_backup_settings(data_dir, &settings).map_err(fail)?;
            }
            if json {
                return print_json(out, &settings);
            }
            print_settings(&settings, t, out);
            Ok(())
        }
    }
}

/// `asysta restore FILE --to DIR`.
pub fn restore(file: &Path, to: &Path, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let summary = backup::restore_backup(file, to).map_err(|e| describe(&ApiError::from(e), t))?;
    if json {
        return print_json(out, &summary);
    }
    line(
        out,
        format_args!(
            "{}",
            t.tr_args(
                "cli-restore-done",
                &[
                    ("dir", Arg::Str(&summary.data_dir)),
                    ("when", Arg::Str(&format_time(summary.created_at_ms))),
                    ("events", Arg::Num(summary.events as f64)),
                ],
            )
        ),
    );
    Ok(())
}

/// Opens the store for a backup asked for now (the day's automatic one
/// would only repeat it).
fn open_for_backup(data_dir: &Path, t: &Translator) -> Result<Store, String> {
    crate::commands::open_without_daily_backup(data_dir, t)
}

fn print_outcome(outcome: &BackupOutcome, t: &Translator, out: &mut String) {
    for b in &outcome.written {
        print_entry(b, t, out);
    }
    if let Some(error) = &outcome.second_folder_error {
        line(out, format_args!("{}", t.tr_args("cli-backup-second-folder-failed", &[("error", Arg::Str(error))])));
    }
    if !outcome.removed.is_empty() {
        line(
            out,
            format_args!("{}", t.tr_args("cli-backup-removed", &[("count", Arg::Num(outcome.removed.len() as f64))])),
        );
    }
}

fn print_entry(b: &BackupEntry, t: &Translator, out: &mut String) {
    let verified = if b.verified { t.tr("cli-backup-verified") } else { t.tr("cli-backup-damaged") };
    line(
        out,
        format_args!("{}\t{}\t{}\t{}\t{}", format_time(b.created_at_ms), b.reason.as_str(), b.bytes, verified, b.path),
    );
}

fn print_settings(settings: &BackupSettings, t: &Translator, out: &mut String) {
    let folder = settings.second_folder.clone().unwrap_or_else(|| "-".into());
    line(out, format_args!("{}\t{folder}", t.tr("cli-backup-second-folder")));
    let r = settings.rotation;
    line(out, format_args!("{}\t{} / {} / {}", t.tr("cli-backup-rotation"), r.daily, r.weekly, r.monthly));
}
