//! The subcommands. Each opens the store, does one thing, prints.

use crate::passphrase::{self, NEW_PASSPHRASE_ENV, PASSPHRASE_ENV};
use crate::{Cli, Command, ConflictsCommand, FamilyCommand, RoleArg};
use asysta_core::api::ApiError;
use asysta_core::api::FamilyCase;
use asysta_core::family::FamilySummary;
use asysta_core::family::NewFamilyForm;
use asysta_core::plan::PlanArea;
use asysta_core::record::FamilyStatus;
use asysta_core::workspace::{validate_passphrase, Role, WorkspaceInfo};
use asysta_core::{EntityId, FieldError};
use asysta_i18n::{Arg, Translator};
use asysta_store::{resolve_data_dir, KdfParams, Store, StoreError, SystemEnvironment};
use std::path::Path;

/// Runs one command; what it prints on stdout is written to `out`.
pub fn run(cli: Cli, t: &Translator, out: &mut String) -> Result<(), String> {
    let data_dir = resolve_data_dir(cli.data_dir).ok_or("no data directory: pass --data-dir or set ASYSTA_DATA_DIR")?;
    let fail = |e: StoreError| describe(&ApiError::from(e), t);
    match cli.command {
        Command::Init { role, assistant, user, centre } => {
            let role = match role {
                RoleArg::Assistant => Role::Assistant,
                RoleArg::Centre => Role::Centre,
            };
            init(&data_dir, role, &assistant.or(user).unwrap_or_default(), &centre, t, out)
        }
        Command::Centre { command } => crate::exchange::centre(&data_dir, command, t, out),
        Command::Enrol { file } => crate::exchange::enrol(&data_dir, &file, t, out),
        Command::Devices { json } => crate::exchange::devices(&data_dir, json, t, out),
        Command::Export { to, full, include_restricted, device, json } => {
            crate::exchange::export(&data_dir, &to, full, include_restricted, device.as_deref(), json, t, out)
        }
        Command::Import { files, trust_device, json } => {
            crate::exchange::import(&data_dir, &files, trust_device.as_deref(), json, t, out)
        }
        Command::Verify { file, json } => crate::exchange::verify(&data_dir, &file, json, t, out),
        Command::Sync { command: crate::SyncCommand::Status { json } } => {
            crate::exchange::status(&data_dir, json, t, out)
        }
        Command::Backup { command } => crate::backups::run(&data_dir, command, t, out),
        Command::Restore { file, to, json } => crate::backups::restore(&file, &to.unwrap_or(data_dir), json, t, out),
        Command::Recover { workspace } => crate::exchange::recover(&data_dir, &workspace, t, out),
        Command::Evaluation { command } => crate::cases::evaluation(&data_dir, command, t, out),
        Command::Print { document, json } => {
            let (job, file) = crate::print::job_of(&document)?;
            crate::print::print(&data_dir, &job, file, json, t, out)
        }
        Command::Opinion { command } => crate::opinions::run(&data_dir, command, t, out),
        Command::Visit { command } => crate::visits::run(&data_dir, command, t, out),
        Command::Attachment { command } => crate::attachments::run(&data_dir, command, t, out),
        Command::Plan { command } => crate::plans::run(&data_dir, command, t, out),
        Command::Member { command } => crate::members::run(&data_dir, command, t, out),
        Command::Alerts { json } => crate::home::alerts(&data_dir, json, t, out),
        Command::Due { json } => crate::home::due(&data_dir, json, t, out),
        Command::Caseload { json } => crate::home::caseload(&data_dir, json, t, out),
        Command::Assistant { command } => crate::steering::register::run(&data_dir, command, t, out),
        Command::Intake { command } => crate::steering::intake::run(&data_dir, command, t, out),
        Command::Assign { family_id, to, on, json } => {
            crate::steering::transfers::assign(&data_dir, &family_id, &to, on.as_deref(), json, t, out)
        }
        Command::Transfer { command, args } => crate::steering::transfers::run(&data_dir, command, args, t, out),
        Command::Comment { command } => crate::steering::comments::run(&data_dir, command, t, out),
        Command::Duplicates { command, json } => crate::steering::duplicates::run(&data_dir, command, json, t, out),
        Command::Dashboard { on, json } => crate::reports::dashboard(&data_dir, on.as_deref(), json, t, out),
        Command::Report { command: crate::ReportCommand::HalfYear { period, csv, pdf, cell, json } } => {
            let output = crate::reports::HalfYearOutput { csv, pdf, cell };
            crate::reports::half_year(&data_dir, &period, output, json, t, out)
        }
        Command::Family { command: FamilyCommand::Status { to, args } } => {
            crate::status::change(&data_dir, &to, args, t, out)
        }
        Command::Family { command: FamilyCommand::Monitor(args) } => {
            crate::status::change(&data_dir, FamilyStatus::Monitoring.as_str(), args, t, out)
        }
        Command::Family { command: FamilyCommand::Archive(args) } => {
            crate::status::change(&data_dir, FamilyStatus::Archived.as_str(), args, t, out)
        }
        Command::Family { command: FamilyCommand::Close { family_id, form, json } } => {
            crate::status::close(&data_dir, &family_id, &form, json, t, out)
        }
        Command::Family { command: FamilyCommand::Details { family_id, form, json } } => {
            crate::status::details(&data_dir, &family_id, &form, json, t, out)
        }
        Command::Family { command: FamilyCommand::Note { family_id, text, restricted, json } } => {
            crate::status::note(&data_dir, &family_id, &text, restricted, json, t, out)
        }
        Command::Family {
            command: FamilyCommand::Add { name, address, member_first_name, member_last_name, json },
        } => {
            let form = NewFamilyForm {
                name,
                address,
                first_member_first_name: member_first_name.unwrap_or_default(),
                first_member_last_name: member_last_name.unwrap_or_default(),
            };
            let id = open(&data_dir, t)?.run(asysta_core::ops::AddFamily { form }, today_local()).map_err(fail)?;
            if json {
                print_json(out, &serde_json::json!({ "id": id }))
            } else {
                line(out, format_args!("{id}"));
                Ok(())
            }
        }
        Command::Family { command: FamilyCommand::List { status, json } } => {
            let status = match status.as_deref() {
                None => None,
                Some(s) => Some(
                    FamilyStatus::parse(s)
                        .ok_or_else(|| format!("unknown status {s:?}: use active, closed, monitoring or archived"))?,
                ),
            };
            let families = open(&data_dir, t)?.list_families_with_status(status).map_err(fail)?;
            print_families(out, &families, json, t)
        }
        Command::Family { command: FamilyCommand::Search { query, json } } => {
            let families = open(&data_dir, t)?.search_families(&query).map_err(fail)?;
            print_families(out, &families, json, t)
        }
        Command::Family { command: FamilyCommand::Show { family_id, json } } => {
            let id = parse_id(&family_id)?;
            let case = open(&data_dir, t)?.family_case(id).map_err(fail)?;
            if json {
                return print_json(out, &case);
            }
            print_case(out, &case, t);
            crate::steering::case::print(out, &case.steering, t);
            Ok(())
        }
        Command::History { entity_id, json } => {
            let id = parse_id(&entity_id)?;
            let events = open(&data_dir, t)?.history(id).map_err(fail)?;
            if json {
                return print_json(out, &events);
            }
            for e in &events {
                line(
                    out,
                    format_args!(
                        "{}\t{}\t{}\t{}:{}\t{}",
                        format_time(e.hlc.wall_ms),
                        e.change.kind(),
                        e.author.name,
                        e.device_id,
                        e.seq,
                        serde_json::to_string(&e.change).map_err(|e| e.to_string())?
                    ),
                );
            }
            Ok(())
        }
        Command::Demo { families, seed, today, assistants } => {
            let today = match today {
                Some(d) => chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                    .map_err(|_| format!("not a date (YYYY-MM-DD): {d:?}"))?,
                None => today_local(),
            };
            let mut store = open(&data_dir, t)?;
            match (store.role(), assistants) {
                (Role::Centre, n) => crate::demo::centre(&mut store, n.unwrap_or(3), families, seed, today, t, out),
                (Role::Assistant, Some(_)) => {
                    Err(describe(&ApiError::from(StoreError::WrongRole { needed: "centre" }), t))
                }
                (Role::Assistant, None) => {
                    crate::demo::fill(&mut store, families, seed, today).map_err(fail)?;
                    line(out, format_args!("{}", t.tr_args("family-count", &[("count", Arg::Num(families as f64))])));
                    Ok(())
                }
            }
        }
        Command::Conflicts { command: None, json } => {
            let conflicts = open(&data_dir, t)?.conflicts().map_err(fail)?;
            if json {
                return print_json(out, &conflicts);
            }
            if conflicts.is_empty() {
                line(out, format_args!("{}", t.tr("conflicts-none")));
            }
            for c in &conflicts {
                line(out, format_args!("{}\t{}\t{}", c.id, c.record, c.field));
                for v in &c.versions {
                    let shown = if v.event_id == c.shown_event_id { t.tr("conflicts-shown") } else { String::new() };
                    line(
                        out,
                        format_args!(
                            "  {}\t{}\t{}\t{}\t{shown}",
                            v.event_id,
                            format_time(v.hlc.wall_ms),
                            v.author.name,
                            serde_json::to_string(&v.value).map_err(|e| e.to_string())?
                        ),
                    );
                }
            }
            Ok(())
        }
        Command::Conflicts { command: Some(ConflictsCommand::Resolve { id, keep, value, json }), .. } => {
            let resolution = match (keep, value) {
                (Some(event_id), None) => asysta_store::Resolution::Keep(
                    event_id.trim().parse().map_err(|_| format!("not an event id: {event_id:?}"))?,
                ),
                (None, Some(text)) => asysta_store::Resolution::Value(
                    serde_json::from_str(&text).map_err(|e| format!("--value is not JSON ({e}): {text}"))?,
                ),
                _ => return Err("give --keep EVENT_ID or --value JSON".into()),
            };
            let event_id = open(&data_dir, t)?.resolve_conflict(id.trim(), resolution).map_err(fail)?;
            if json {
                return print_json(out, &serde_json::json!({ "event_id": event_id }));
            }
            line(
                out,
                format_args!("{}", t.tr_args("conflicts-resolved", &[("event", Arg::Str(&event_id.to_string()))])),
            );
            Ok(())
        }
        Command::Check { json } => {
            let report = open(&data_dir, t)?.check().map_err(fail)?;
            if json {
                print_json(out, &report)?;
            } else {
                for problem in report.database.iter().chain(&report.log) {
                    line(out, format_args!("{problem}"));
                }
                for d in &report.projections {
                    line(
                        out,
                        format_args!(
                            "{}",
                            t.tr_args(
                                "check-table-differs",
                                &[
                                    ("table", Arg::Str(&d.table)),
                                    ("here", Arg::Num(d.only_here as f64)),
                                    ("rebuilt", Arg::Num(d.only_in_rebuild as f64)),
                                ],
                            )
                        ),
                    );
                }
                if report.ok {
                    line(out, format_args!("{}", t.tr_args("check-ok", &[("events", Arg::Num(report.events as f64))])));
                }
            }
            if report.ok {
                Ok(())
            } else {
                Err(t.tr("check-failed"))
            }
        }
        Command::Stats { json } => {
            let stats = open(&data_dir, t)?.stats().map_err(fail)?;
            if json {
                return print_json(out, &stats);
            }
            for (entity, n) in &stats.entities {
                line(out, format_args!("{entity}\t{n}"));
            }
            line(out, format_args!("events\t{}", stats.events.total));
            for (device, n) in &stats.events.per_device {
                line(out, format_args!("device {device}\t{n}"));
            }
            Ok(())
        }
        Command::Settings {
            caseload_cap,
            no_visit_days,
            evaluation_months,
            monitoring_months,
            lock_minutes,
            attachment_limit_mb,
            json,
        } => {
            let mut store = open(&data_dir, t)?;
            let mut settings = store.settings().map_err(fail)?;
            if caseload_cap.is_some() || no_visit_days.is_some() {
                let request = asysta_core::ops::SetSettings {
                    caseload_cap: caseload_cap.unwrap_or(settings.caseload_cap),
                    no_visit_days: no_visit_days.unwrap_or(settings.no_visit_days),
                };
                store.run(request, today_local()).map_err(fail)?;
                settings = store.settings().map_err(fail)?;
            }
            let mut periods = store.periods().map_err(fail)?;
            let changes = [evaluation_months, monitoring_months, lock_minutes, attachment_limit_mb];
            if changes.iter().any(Option::is_some) {
                periods.evaluation_months = evaluation_months.unwrap_or(periods.evaluation_months);
                periods.monitoring_months = monitoring_months.unwrap_or(periods.monitoring_months);
                periods.lock_minutes = lock_minutes.unwrap_or(periods.lock_minutes);
                periods.attachment_limit_mb = attachment_limit_mb.unwrap_or(periods.attachment_limit_mb);
                store.set_periods(periods).map_err(fail)?;
            }
            if json {
                let mut value = serde_json::to_value(settings).map_err(|e| e.to_string())?;
                if let (Some(all), serde_json::Value::Object(more)) =
                    (value.as_object_mut(), serde_json::to_value(periods).map_err(|e| e.to_string())?)
                {
                    all.extend(more);
                }
                return print_json(out, &value);
            }
            line(out, format_args!("caseload_cap\t{}", settings.caseload_cap));
            line(out, format_args!("no_visit_days\t{}", settings.no_visit_days));
            line(out, format_args!("evaluation_months\t{}", periods.evaluation_months));
            line(out, format_args!("monitoring_months\t{}", periods.monitoring_months));
            line(out, format_args!("lock_minutes\t{}", periods.lock_minutes));
            line(out, format_args!("attachment_limit_mb\t{}", periods.attachment_limit_mb));
            Ok(())
        }
        Command::Areas { set, json } => crate::cases::centre_list(
            &data_dir,
            set.as_deref(),
            json,
            t,
            out,
            &crate::cases::CentreList {
                shape: "a list of areas (key, name_pl, name_en)",
                get: Store::plan_areas,
                put: Store::set_plan_areas,
                row: |a: &PlanArea| format!("{}\t{}\t{}", a.key, a.name_pl, a.name_en),
            },
        ),
        Command::RatingScale { set, json } => crate::cases::centre_list(
            &data_dir,
            set.as_deref(),
            json,
            t,
            out,
            &crate::cases::CentreList {
                shape: "a rating scale (value, name_pl, name_en)",
                get: Store::rating_scale,
                put: Store::set_rating_scale,
                row: |l: &asysta_core::evaluation::RatingLevel| format!("{}\t{}\t{}", l.value, l.name_pl, l.name_en),
            },
        ),
        Command::ClosingReasons { set, json } => crate::cases::centre_list(
            &data_dir,
            set.as_deref(),
            json,
            t,
            out,
            &crate::cases::CentreList {
                shape: "a list of closing reasons (key, name_pl, name_en; keep \"other\")",
                get: Store::closing_reasons,
                put: Store::set_closing_reasons,
                row: |r: &asysta_core::closing::ClosingReason| format!("{}\t{}\t{}", r.key, r.name_pl, r.name_en),
            },
        ),
        Command::Passwd => {
            let old = passphrase::read(PASSPHRASE_ENV, "Current passphrase", false)?;
            let new = passphrase::read(NEW_PASSPHRASE_ENV, "New passphrase", true)?;
            Store::change_passphrase(&data_dir, &old, &new, KdfParams::DEFAULT, &mut SystemEnvironment).map_err(fail)
        }
    }
}

fn init(data_dir: &Path, role: Role, user: &str, centre: &str, t: &Translator, out: &mut String) -> Result<(), String> {
    let form = asysta_core::workspace::NewWorkspaceForm {
        assistant_name: user.to_owned(),
        centre_name: centre.to_owned(),
        passphrase: String::new(),
        passphrase_repeat: String::new(),
        role,
    };
    // Check the names before asking for a passphrase.
    let names_only: Vec<FieldError> = match asysta_core::workspace::validate_new_workspace(&form) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().filter(|e| !e.field.starts_with("passphrase")).collect(),
    };
    if !names_only.is_empty() {
        return Err(describe(&ApiError::invalid(names_only), t));
    }
    if Store::presence(data_dir) == asysta_store::Presence::Present {
        return Err(describe(&ApiError::from(StoreError::WorkspaceExists(data_dir.to_owned())), t));
    }
    let pass = passphrase::read(PASSPHRASE_ENV, "Passphrase", true)?;
    validate_passphrase("passphrase", pass.expose()).map_err(|e| describe(&ApiError::invalid(vec![e]), t))?;
    let info = WorkspaceInfo {
        assistant_name: asysta_core::validation::normalize_whitespace(user),
        centre_name: asysta_core::validation::normalize_whitespace(centre),
        role,
    };
    let store = Store::create(data_dir, &info, &pass, KdfParams::DEFAULT, Box::new(SystemEnvironment))
        .map_err(|e| describe(&ApiError::from(e), t))?;
    line(out, format_args!("{}", store.workspace_id()));
    Ok(())
}

/// Unlocks the workspace; the day's first unlock writes a backup first
/// (a failed backup is said on stderr and does not stop the command).
pub fn open(data_dir: &Path, t: &Translator) -> Result<Store, String> {
    let store = open_without_daily_backup(data_dir, t)?;
    if let Err(e) = store.daily_backup() {
        eprintln!(
            "asysta: {}",
            t.tr_args("cli-backup-failed", &[("error", Arg::Str(&describe(&ApiError::from(e), t)))])
        );
    }
    Ok(store)
}

/// Unlocks the workspace without the day's backup.
pub fn open_without_daily_backup(data_dir: &Path, t: &Translator) -> Result<Store, String> {
    if Store::presence(data_dir) == asysta_store::Presence::Absent {
        return Err(describe(&ApiError::from(StoreError::WorkspaceMissing(data_dir.to_owned())), t));
    }
    let pass = passphrase::read(PASSPHRASE_ENV, "Passphrase", false)?;
    Store::open(data_dir, &pass, Box::new(SystemEnvironment)).map_err(|e| describe(&ApiError::from(e), t))
}

pub fn parse_id(text: &str) -> Result<EntityId, String> {
    text.trim().parse().map_err(|_| format!("not a record id: {text:?}"))
}

/// Today's date on this computer's clock (the CLI is a binary, so it may
/// read the clock; the store and the core take dates as parameters).
pub fn today_local() -> chrono::NaiveDate {
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    let secs = now.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.date_naive()).unwrap_or_default()
}

fn print_families(out: &mut String, families: &[FamilySummary], json: bool, t: &Translator) -> Result<(), String> {
    if json {
        return print_json(out, &families);
    }
    for f in families {
        let status = t.tr(f.status.message_id());
        let last_visit = f.last_visit.map(|d| d.to_string()).unwrap_or_else(|| "-".to_owned());
        line(out, format_args!("{}\t{}\t{}\t{}\t{}\t{}", f.id, f.name, f.address, f.member_count, status, last_visit));
    }
    Ok(())
}

fn print_case(out: &mut String, case: &FamilyCase, t: &Translator) {
    let f = &case.family;
    line(out, format_args!("{} ({})", f.name, t.tr(f.status.message_id())));
    line(out, format_args!("{}", f.address));
    for phone in &case.details.phones {
        line(out, format_args!("tel. {phone}"));
    }
    for m in &case.members {
        let d = &m.details;
        let born = d.birth_date.map(|b| b.to_string()).unwrap_or_default();
        let pesel = d.pesel.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default();
        line(
            out,
            format_args!(
                "  {}\t{} {}\t{}\t{}\t{}",
                m.id,
                d.first_name,
                d.last_name,
                t.tr(d.relation.message_id()),
                born,
                pesel
            ),
        );
    }
    if let Some(plan) = case.plan_versions.last() {
        let actions = plan.actions().count();
        line(out, format_args!("plan v{}: {} goals, {} actions", plan.number, plan.goals.len(), actions));
    }
    if let Some(last) = case.visits.first() {
        line(out, format_args!("visits: {} (last {})", case.visits.len(), last.visit.date));
    }
    for n in &case.notes {
        let mark = if n.restricted { " [!]" } else { "" };
        line(out, format_args!("  {}{mark}: {}", format_time(n.created_at_ms), n.text));
    }
}

pub fn print_json<T: serde::Serialize>(out: &mut String, value: &T) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    line(out, format_args!("{text}"));
    Ok(())
}

pub fn line(out: &mut String, text: std::fmt::Arguments<'_>) {
    use std::fmt::Write;
    let _ = writeln!(out, "{text}");
}

/// A Unix-ms time as `2026-11-23 20:17:20 UTC`.
pub fn format_time(ms: u64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| ms.to_string())
}

/// One line: the error's message, then each refused field and why.
pub fn describe(error: &ApiError, t: &Translator) -> String {
    describe_with(error, t, &cli_flag)
}

/// [`describe`], each refused field named by `name_of` (a flag, or the
/// field of a form file).
pub fn describe_with(error: &ApiError, t: &Translator, name_of: &dyn Fn(&str) -> String) -> String {
    let args: Vec<(&str, Arg<'_>)> = error.args.iter().map(|(k, v)| (k.as_str(), Arg::Str(v))).collect();
    let mut line = t.tr_args(error.kind.message_id(), &args);
    for field in &error.fields {
        let reason = match (field.limit, &field.detail) {
            (Some(limit), _) => t.tr_args(field.message_id(), &[("limit", Arg::Num(f64::from(limit)))]),
            // A detail that is not a message of its own (a range, a date)
            // follows the code's message.
            (None, Some(detail)) if !t.has(detail) => format!("{} ({detail})", t.tr(field.code.message_id())),
            (None, _) => t.tr(field.message_id()),
        };
        line.push_str(&format!(" {}: {}", name_of(&field.field), reason));
    }
    line
}

/// The CLI flag that fills a form field, so the message names what to fix.
fn cli_flag(field: &str) -> String {
    match field {
        "assistant_name" => "--assistant".into(),
        "centre_name" => "--centre".into(),
        "first_member_first_name" => "--member-first-name".into(),
        "first_member_last_name" => "--member-last-name".into(),
        "passphrase" => PASSPHRASE_ENV.into(),
        "new_passphrase" => NEW_PASSPHRASE_ENV.into(),
        other => format!("--{}", other.replace('_', "-")),
    }
}
