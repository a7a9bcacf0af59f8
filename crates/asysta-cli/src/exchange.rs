//! The bundle commands: enrolment, export, import, verify, devices, sync
//! status and recovery.

use crate::commands::{describe, format_time, line, open, print_json};
use crate::passphrase::{self, NEW_PASSPHRASE_ENV};
use crate::CentreCommand;
use asysta_core::api::ApiError;
use asysta_core::exchange::{ImportSummary, PeerView};
use asysta_core::DeviceId;
use asysta_i18n::{Arg, Translator};
use asysta_store::{label_of, ExportRequest, KdfParams, StoreError};
use std::path::{Path, PathBuf};

fn fail(t: &Translator) -> impl Fn(StoreError) -> String + '_ {
    move |e| describe(&ApiError::from(e), t)
}

pub fn centre(data_dir: &Path, command: CentreCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    let store = open(data_dir, t)?;
    match command {
        CentreCommand::ExportEnrolment { file } => {
            let enrolment = store.export_enrolment(&file).map_err(fail(t))?;
            line(out, format_args!("{}\t{}", file.display(), enrolment.fingerprint));
        }
        CentreCommand::ExportIdentity { file } => {
            store.export_identity(&file).map_err(fail(t))?;
            line(out, format_args!("{}", file.display()));
        }
    }
    Ok(())
}

pub fn enrol(data_dir: &Path, file: &Path, t: &Translator, out: &mut String) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let enrolment = open(data_dir, t)?.enrol(&bytes).map_err(fail(t))?;
    let fingerprint = enrolment.fingerprint.to_string();
    let args = [("centre", Arg::Str(&enrolment.centre_name)), ("fingerprint", Arg::Str(&fingerprint))];
    line(out, format_args!("{}", t.tr_args("enrol-done", &args)));
    Ok(())
}

pub fn devices(data_dir: &Path, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let devices = open(data_dir, t)?.devices().map_err(fail(t))?;
    if json {
        return print_json(out, &devices);
    }
    for d in &devices {
        print_peer(out, d);
    }
    Ok(())
}

fn print_peer(out: &mut String, d: &PeerView) {
    let last = d.last_import.as_ref().map(|b| format_time(b.at_ms)).unwrap_or_else(|| "-".into());
    line(
        out,
        format_args!(
            "{}\t{}\t{}\t{}\tlast bundle: {last}\tpending: {}\theld back: {}\tconflicts: {}",
            d.device_id,
            d.role.as_str(),
            d.user_name,
            d.fingerprint,
            d.pending_events,
            d.held_back,
            d.conflicts
        ),
    );
}

#[allow(clippy::too_many_arguments)]
pub fn export(
    data_dir: &Path,
    to: &Path,
    full: bool,
    include_restricted: bool,
    device: Option<&str>,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let device =
        device.map(|d| d.trim().parse().map(DeviceId).map_err(|_| format!("not a device id: {d:?}"))).transpose()?;
    let request = ExportRequest { device, full, include_restricted };
    let summary = open(data_dir, t)?.export_bundle(to, &request, &mut |_| {}).map_err(fail(t))?;
    if json {
        return print_json(out, &summary);
    }
    let count = summary.event_count as f64;
    line(
        out,
        format_args!("{}", t.tr_args("export-done", &[("file", Arg::Str(&summary.path)), ("count", Arg::Num(count))])),
    );
    if summary.withheld > 0 {
        line(out, format_args!("{}", t.tr_args("export-withheld", &[("count", Arg::Num(summary.withheld as f64))])));
    }
    Ok(())
}

/// Imports every file, each on its own (one bad file does not stop the
/// others); fails at the end if any failed.
pub fn import(
    data_dir: &Path,
    files: &[PathBuf],
    trust: Option<&str>,
    json: bool,
    t: &Translator,
    out: &mut String,
) -> Result<(), String> {
    let mut store = open(data_dir, t)?;
    let mut results = Vec::new();
    let mut failures = Vec::new();
    for file in files {
        let label = label_of(file);
        let outcome = match std::fs::read(file) {
            Ok(bytes) => store.import_bundle(&bytes, &label, trust),
            Err(source) => Err(StoreError::Io { path: file.clone(), source }),
        };
        match outcome {
            Ok(report) => {
                if !json {
                    print_report(out, &report, t);
                }
                results.push(serde_json::json!({ "file": label, "ok": true, "report": report }));
            }
            Err(e) => {
                let api = ApiError::from(&e);
                let mut message = describe(&api, t);
                if let StoreError::UnknownDevice { fingerprint, .. } = &e {
                    let hint = t.tr_args("trust-hint", &[("fingerprint", Arg::Str(fingerprint))]);
                    message.push_str(&format!("\n{hint}"));
                }
                results.push(serde_json::json!({
                    "file": label, "ok": false, "error": { "kind": api.kind, "args": api.args, "message": message }
                }));
                failures.push(message);
            }
        }
    }
    if json {
        print_json(out, &results)?;
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

pub fn print_report(out: &mut String, r: &ImportSummary, t: &Translator) {
    if r.trusted_now {
        let fp = &r.sender_fingerprint;
        line(
            out,
            format_args!(
                "{}",
                t.tr_args("import-trusted", &[("name", Arg::Str(&r.sender_name)), ("fingerprint", Arg::Str(fp))])
            ),
        );
    }
    if r.already_imported {
        line(out, format_args!("{}", t.tr_args("import-already", &[("file", Arg::Str(&r.file_name))])));
    } else {
        line(
            out,
            format_args!(
                "{}",
                t.tr_args(
                    "import-summary",
                    &[
                        ("file", Arg::Str(&r.file_name)),
                        ("new", Arg::Num(r.records_new as f64)),
                        ("updated", Arg::Num(r.records_updated as f64)),
                        ("unchanged", Arg::Num(r.unchanged as f64)),
                        ("held", Arg::Num(r.held_back as f64)),
                        ("conflicts", Arg::Num(r.conflicts as f64)),
                    ],
                )
            ),
        );
    }
    for m in &r.missing {
        let name = m.user_name.clone().unwrap_or_else(|| m.device_id.to_string());
        line(
            out,
            format_args!(
                "{}",
                t.tr_args(
                    "import-missing",
                    &[
                        ("name", Arg::Str(&name)),
                        ("first", Arg::Num(m.first as f64)),
                        ("last", Arg::Num(m.last as f64))
                    ]
                )
            ),
        );
    }
    for o in &r.over_cap {
        line(
            out,
            format_args!(
                "{}",
                t.tr_args(
                    "import-over-cap",
                    &[
                        ("name", Arg::Str(&o.assistant_name)),
                        ("active", Arg::Num(f64::from(o.active))),
                        ("cap", Arg::Num(f64::from(o.cap)))
                    ]
                )
            ),
        );
    }
}

pub fn verify(data_dir: &Path, file: &Path, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let info = open(data_dir, t)?.verify_bundle(&bytes, &label_of(file)).map_err(fail(t))?;
    if json {
        return print_json(out, &info);
    }
    line(out, format_args!("{}: OK (format {}, bundle {})", info.file_name, info.format_version, info.bundle_id));
    line(
        out,
        format_args!(
            "from\t{} ({}, {})\t{}",
            info.sender_name,
            info.sender_role.as_str(),
            info.sender_centre,
            info.sender_device
        ),
    );
    line(out, format_args!("fingerprint\t{}\t{:?}", info.sender_fingerprint, info.trust));
    line(out, format_args!("written\t{}", format_time(info.created_at_ms)));
    line(out, format_args!("events\t{} ({} withheld)", info.event_count, info.withheld));
    for r in &info.ranges {
        line(out, format_args!("  {}\t{}–{}\t{}", r.device_id, r.first, r.last, r.count));
    }
    Ok(())
}

pub fn status(data_dir: &Path, json: bool, t: &Translator, out: &mut String) -> Result<(), String> {
    let status = open(data_dir, t)?.sync_status().map_err(fail(t))?;
    if json {
        return print_json(out, &status);
    }
    line(out, format_args!("role\t{}", status.role.as_str()));
    line(out, format_args!("device\t{}", status.device_id));
    line(out, format_args!("fingerprint\t{}", status.fingerprint));
    if let Some(c) = &status.centre {
        line(out, format_args!("centre\t{} ({})", c.centre_name, c.fingerprint));
    }
    line(out, format_args!("pending\t{}", status.pending_events));
    let when = |b: &Option<asysta_core::exchange::BundleRecord>| {
        b.as_ref().map(|b| format!("{} {}", format_time(b.at_ms), b.file_name)).unwrap_or_else(|| "-".into())
    };
    line(out, format_args!("last export\t{}", when(&status.last_export)));
    line(out, format_args!("last import\t{}", when(&status.last_import)));
    line(out, format_args!("held back\t{}", status.held_back));
    line(out, format_args!("conflicts\t{}", status.conflicts));
    for (device, seq) in &status.marks {
        line(out, format_args!("mark\t{device}\t{seq}"));
    }
    for m in &status.missing {
        line(out, format_args!("missing\t{}\t{}–{}", m.device_id, m.first, m.last));
    }
    for d in &status.devices {
        print_peer(out, d);
    }
    Ok(())
}

pub fn recover(data_dir: &Path, workspace: &Path, t: &Translator, out: &mut String) -> Result<(), String> {
    let store = open(data_dir, t)?;
    let new = passphrase::read(NEW_PASSPHRASE_ENV, "New passphrase for the recovered workspace", true)?;
    store.recover_workspace(workspace, &new, KdfParams::DEFAULT).map_err(fail(t))?;
    line(out, format_args!("{}", t.tr_args("recover-done", &[("dir", Arg::Str(&workspace.display().to_string()))])));
    Ok(())
}
