//! `asysta assistant add|edit|list`: the centre's register of assistants.
//! An enrolled laptop's user is listed from the enrolment (an entry "to
//! complete", under their user id) until `assistant edit` completes it.

use super::{day, refused};
use crate::commands::{line, open, print_json, today_local};
use crate::forms::{failed, parse_id};
use asysta_core::centre::register::{fte_text, headcount_on};
use asysta_core::centre::{AssistantEntry, AssistantForm, AssistantView, Employment};
use asysta_core::ops;
use asysta_core::validation::Checker;
use asysta_core::EntityId;
use asysta_i18n::{Arg, Translator};
use asysta_store::{Store, StoreError};
use clap::Subcommand;
use std::path::Path;

#[derive(Debug, Subcommand)]
pub enum AssistantCommand {
    /// Enter an assistant in the register; prints the entry's id (what `assign --to` takes).
    Add {
        /// The assistant's full name.
        #[arg(long)]
        name: String,
        /// The form of employment: umowa-o-prace or umowa-o-swiadczenie-uslug.
        #[arg(long, value_name = "FORM")]
        employment: String,
        /// Employed from, YYYY-MM-DD or dd.mm.rrrr.
        #[arg(long, value_name = "DATE")]
        from: String,
        /// Employed until (default: open-ended).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Working time as a share of a full-time post, e.g. 1, 0.5 or 0,75.
        #[arg(long, value_name = "F")]
        fte: Option<String>,
        /// An enrolled laptop that is theirs (as `asysta devices` lists it); may be repeated.
        #[arg(long = "device", value_name = "DEVICE_ID")]
        devices: Vec<String>,
        /// Print the entry as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Correct or complete an entry: the flags given replace those fields ("" empties one);
    /// devices are added to those linked already.
    Edit {
        /// The entry's id (as `asysta assistant list` shows it).
        id: String,
        #[arg(long)]
        name: Option<String>,
        /// umowa-o-prace or umowa-o-swiadczenie-uslug.
        #[arg(long, value_name = "FORM")]
        employment: Option<String>,
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long, value_name = "F")]
        fte: Option<String>,
        #[arg(long = "device", value_name = "DEVICE_ID")]
        devices: Vec<String>,
        /// Print the entry as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The register, enrolled laptops' users not yet completed included, each with their active
    /// families and the cap; then the headcount by form of employment on the day.
    List {
        /// The day to count on, YYYY-MM-DD or dd.mm.rrrr (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The operation's fields whose flag has another name.
const FLAGS: [(&str, &str); 1] = [("devices", "--device")];

pub fn run(data_dir: &Path, command: AssistantCommand, t: &Translator, out: &mut String) -> Result<(), String> {
    let today = today_local();
    match command {
        AssistantCommand::Add { name, employment, from, to, fte, devices, json } => {
            let form =
                AssistantForm { name, employment, from, to: to.unwrap_or_default(), fte: fte.unwrap_or_default() };
            let mut store = open(data_dir, t)?;
            let id = store.run(ops::RegisterAssistant { form, devices }, today).map_err(refused(t, &FLAGS))?;
            print_entry(out, &store, id, json, t)
        }
        AssistantCommand::Edit { id, name, employment, from, to, fte, devices, json } => {
            let assistant_id = parse_id(&id, t)?;
            let mut store = open(data_dir, t)?;
            // The entry as it stands, with the flags given over it (the
            // operation replaces the person's fields whole). An unknown id
            // is the operation's to refuse.
            let current = store.assistants(None).map_err(failed(t))?.into_iter().find(|a| a.id == assistant_id);
            let mut form = current.map(|a| form_of(&a.entry)).unwrap_or_default();
            for (field, given) in [
                (&mut form.name, name),
                (&mut form.employment, employment),
                (&mut form.from, from),
                (&mut form.to, to),
                (&mut form.fte, fte),
            ] {
                if let Some(given) = given {
                    *field = given;
                }
            }
            store.run(ops::UpdateAssistant { assistant_id, form, devices }, today).map_err(refused(t, &FLAGS))?;
            print_entry(out, &store, assistant_id, json, t)
        }
        AssistantCommand::List { on, json } => {
            let on = on.map(|text| read_day(&text, today, t)).transpose()?;
            let store = open(data_dir, t)?;
            list(out, &store, on, today, json, t)
        }
    }
}

/// A day asked about, read as the forms read dates.
fn read_day(text: &str, today: chrono::NaiveDate, t: &Translator) -> Result<chrono::NaiveDate, String> {
    let mut c = Checker::default();
    let day = c.required_date("on", text, today, true);
    c.finish(day).map_err(|fields| refused(t, &[])(StoreError::Invalid(fields)))?.ok_or_else(|| text.to_owned())
}

/// The form an entry was made from, to edit it.
fn form_of(entry: &AssistantEntry) -> AssistantForm {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    AssistantForm {
        name: entry.name.clone(),
        employment: entry.employment.map(|e| e.as_str().to_owned()).unwrap_or_default(),
        from: date(entry.from),
        to: date(entry.to),
        fte: entry.fte_thousandths.map(fte_text).unwrap_or_default(),
    }
}

fn print_entry(out: &mut String, store: &Store, id: EntityId, json: bool, t: &Translator) -> Result<(), String> {
    if json {
        let view = store.assistants(None).map_err(failed(t))?.into_iter().find(|a| a.id == id);
        return print_json(out, &view);
    }
    line(out, format_args!("{id}"));
    Ok(())
}

fn list(
    out: &mut String,
    store: &Store,
    on: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
    json: bool,
    t: &Translator,
) -> Result<(), String> {
    let assistants = store.assistants(on).map_err(failed(t))?;
    let counted_on = on.unwrap_or(today);
    let headcount = headcount_on(assistants.iter().map(|a| &a.entry), counted_on);
    let count = |employment: Option<Employment>| headcount.get(&employment).copied().unwrap_or(0);
    let total: u32 = headcount.values().sum();
    if json {
        return print_json(
            out,
            &serde_json::json!({
                "on": counted_on,
                "assistants": assistants,
                "headcount": {
                    Employment::EmploymentContract.as_str(): count(Some(Employment::EmploymentContract)),
                    Employment::ServiceContract.as_str(): count(Some(Employment::ServiceContract)),
                    "not_stated": count(None),
                    "total": total,
                },
            }),
        );
    }
    for a in &assistants {
        line(out, format_args!("{}", entry_line(a, t)));
    }
    line(out, format_args!("{}", t.tr_args("cli-headcount", &[("date", Arg::Str(&day(counted_on)))])));
    for employment in Employment::ALL.map(Some).into_iter().chain([None]) {
        let name = employment.map_or_else(|| "employment-none".to_owned(), Employment::message_id);
        line(out, format_args!("  {}: {}", t.tr(&name), count(employment)));
    }
    line(out, format_args!("  {}", t.tr_args("cli-headcount-total", &[("count", Arg::Num(f64::from(total)))])));
    Ok(())
}

/// `id  name  employment  from–to  FTE  active/cap  [to complete]`.
fn entry_line(a: &AssistantView, t: &Translator) -> String {
    let e = &a.entry;
    let employment = t.tr(&e.employment.map_or_else(|| "employment-none".to_owned(), Employment::message_id));
    let from = e.from.map(day).unwrap_or_default();
    let to = e.to.map(day).unwrap_or_default();
    let fte = e.fte_text().unwrap_or_else(|| "-".to_owned());
    let incomplete = if a.registered { String::new() } else { format!("\t{}", t.tr("cli-assistant-incomplete")) };
    format!("{}\t{}\t{employment}\t{from}–{to}\t{fte}\t{}/{}{incomplete}", a.id, e.name, a.active_families, a.cap)
}
