//! `asysta`: the command-line face of the same encrypted store the desktop
//! app uses. Output is for people unless `--json` asks for machines; errors
//! are one line on stderr (in Polish unless `ASYSTA_LANG`/`LANG` say
//! English) and a non-zero exit code.

mod cases;
mod commands;
mod demo;
mod exchange;
mod passphrase;
mod print;

use asysta_i18n::{Locale, Translator};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "asysta", version, about = "Asysta: family assistant's case records (encrypted, offline)")]
pub struct Cli {
    /// The data directory (default: ASYSTA_DATA_DIR, else the platform's app-data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new encrypted workspace (passphrase from ASYSTA_PASSPHRASE or a prompt).
    Init {
        /// Whose workspace: an assistant's laptop or a centre's installation.
        #[arg(long, value_enum, default_value_t = RoleArg::Assistant)]
        role: RoleArg,
        /// The assistant's full name (on an assistant's laptop).
        #[arg(long, value_name = "NAME", conflicts_with = "user", required_unless_present = "user")]
        assistant: Option<String>,
        /// The person using the workspace (at a centre: the head or the coordinator).
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
        /// The social-aid centre's name.
        #[arg(long)]
        centre: String,
    },
    /// At a centre: the files it gives out (enrolment for laptops, the age identity for its administrator).
    Centre {
        #[command(subcommand)]
        command: CentreCommand,
    },
    /// On a laptop: read the centre's enrolment file; bundles then go to that centre.
    Enrol {
        /// The enrolment file the centre wrote (asysta centre export-enrolment).
        file: PathBuf,
    },
    /// At a centre: the enrolled devices, their fingerprints, last bundles and held-back events.
    Devices {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a bundle: on a laptop for its centre, at a centre for one device (--device).
    Export {
        /// The bundle file, or a folder in which a named file is made.
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
        /// Everything this workspace has, not only what the receiver lacks.
        #[arg(long)]
        full: bool,
        /// On a laptop: include restricted notes (left out by default).
        #[arg(long)]
        include_restricted: bool,
        /// At a centre: the device the bundle is for (as `asysta devices` lists it).
        #[arg(long, value_name = "ID")]
        device: Option<String>,
        /// Print what was written as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import bundles (each verified first, each in one transaction), in any order.
    Import {
        /// The bundle files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Trust a device not enrolled yet, once its fingerprint was compared with its screen.
        #[arg(long, value_name = "FINGERPRINT")]
        trust_device: Option<String>,
        /// Print the reports as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a bundle (decryption, signature, contents) without importing it.
    Verify {
        file: PathBuf,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The state of the exchange with the centre (or, at a centre, with every device).
    Sync {
        #[command(subcommand)]
        command: SyncCommand,
    },
    /// At a centre: reopen an enrolled laptop's workspace whose passphrase was forgotten
    /// (new passphrase from ASYSTA_NEW_PASSPHRASE or a prompt).
    Recover {
        /// The data directory of the workspace to recover.
        #[arg(value_name = "DATA_DIR")]
        workspace: PathBuf,
    },
    /// Families: add and list.
    Family {
        #[command(subcommand)]
        command: FamilyCommand,
    },
    /// The events of one record (its audit trail), oldest first.
    History {
        /// The record's id (a UUID, as `family list` shows it).
        entity_id: String,
        /// Print the events as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fill the workspace with realistic synthetic data (deterministic for a seed and a date).
    Demo {
        /// How many families to add (beyond the caseload cap they are past cases).
        #[arg(long, default_value_t = 15)]
        families: usize,
        /// The seed; the same seed (and --today) gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The date the data is generated around, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
        /// At a centre: make this many synthetic assistants' laptops and import their signed bundles.
        #[arg(long, value_name = "N")]
        assistants: Option<usize>,
    },
    /// Counts per entity type and events per device.
    Stats {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change the passphrase (old from ASYSTA_PASSPHRASE, new from ASYSTA_NEW_PASSPHRASE, or prompts).
    Passwd,
    /// The centre's settings: show them, or change the ones given.
    Settings {
        /// The most active families per assistant, 1 to 15 (the Act's cap is 15).
        #[arg(long, value_name = "N")]
        caseload_cap: Option<u32>,
        /// Days without a visit before the home screen flags a family, 0 (off) to 365.
        #[arg(long, value_name = "DAYS")]
        no_visit_days: Option<u32>,
        /// Months between periodic evaluations, 1 to 6 (the Act: at least every six months).
        #[arg(long, value_name = "MONTHS")]
        evaluation_months: Option<u32>,
        /// Months of monitoring after the work is closed, 1 to 24.
        #[arg(long, value_name = "MONTHS")]
        monitoring_months: Option<u32>,
        /// Minutes without use before the app locks itself, 1 to 240.
        #[arg(long, value_name = "MINUTES")]
        lock_minutes: Option<u32>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Changes made concurrently on two devices to the same field: list them, or resolve one.
    Conflicts {
        #[command(subcommand)]
        command: Option<ConflictsCommand>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Periodic evaluations of the families' situation.
    Evaluation {
        #[command(subcommand)]
        command: EvaluationCommand,
    },
    /// Print a document to a PDF file (A4, for signing and filing).
    Print {
        #[command(subcommand)]
        document: PrintCommand,
        /// Print the written file's path as JSON.
        #[arg(long, global = true)]
        json: bool,
    },
    /// Court opinions.
    Opinion {
        #[command(subcommand)]
        command: OpinionCommand,
    },
    /// The centre's rating scale for evaluations: show it, or replace it.
    RatingScale {
        /// Replace the scale with the one in FILE: a JSON array of {"value", "name_pl", "name_en"}.
        #[arg(long, value_name = "FILE")]
        set: Option<PathBuf>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The centre's reasons for closing the work: show them, or replace the list.
    ClosingReasons {
        /// Replace the list with the one in FILE: a JSON array of {"key", "name_pl", "name_en"} that keeps "other".
        #[arg(long, value_name = "FILE")]
        set: Option<PathBuf>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The areas of the work plan: list them, or replace the list.
    Areas {
        /// Replace the list with the one in FILE: a JSON array of {"key", "name_pl", "name_en"}.
        #[arg(long, value_name = "FILE")]
        set: Option<PathBuf>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum RoleArg {
    Assistant,
    Centre,
}

#[derive(Debug, Subcommand)]
enum CentreCommand {
    /// Write the enrolment file for the assistants' laptops (public keys and fingerprint).
    ExportEnrolment { file: PathBuf },
    /// Write the centre's age identity for its administrator (reads every bundle sent to the centre).
    ExportIdentity { file: PathBuf },
}

#[derive(Debug, Subcommand)]
enum SyncCommand {
    /// Device id and fingerprint, pending changes, marks, last export and import.
    Status {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum EvaluationCommand {
    /// Evaluations due within 30 days or overdue (active families), most overdue first.
    Due {
        /// Every active family's next evaluation, also those due later.
        #[arg(long)]
        all: bool,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// One evaluation, whole.
    Show {
        /// The evaluation's id (as `family show` lists it).
        id: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a draft evaluation from a form (JSON, as the app sends it), or change one; --submit sends it
    /// to the head of the centre (it must be whole; then it is frozen).
    Save {
        /// The family's id.
        family_id: String,
        /// The form: {"period_from", "period_to", "is_final", "areas", "goals", "family_view", …}.
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// The draft to change (default: a new evaluation).
        #[arg(long, value_name = "EVALUATION_ID")]
        id: Option<String>,
        /// Submit it to the head of the centre.
        #[arg(long)]
        submit: bool,
        /// Print the evaluation as JSON.
        #[arg(long)]
        json: bool,
    },
    /// At a centre: accept a submitted evaluation, or return it with a note.
    Decide {
        /// The evaluation's id.
        id: String,
        /// Accept it.
        #[arg(long, conflicts_with = "return_note", required_unless_present = "return_note")]
        accept: bool,
        /// Return it to the assistant with this note.
        #[arg(long = "return", value_name = "NOTE")]
        return_note: Option<String>,
        /// Print the evaluation as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum PrintCommand {
    /// A version of the family's work plan, with lines for the signatures.
    Plan {
        family_id: String,
        /// The version's number (default: the one in force).
        #[arg(long, value_name = "N")]
        version: Option<u32>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// An evaluation of the family's situation.
    Evaluation {
        id: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// A court opinion (a draft prints marked as a draft).
    Opinion {
        id: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The record of one visit, with lines for a family member and the assistant.
    Visit {
        id: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// A month of a family's visit diary.
    Diary {
        family_id: String,
        /// The month, YYYY-MM.
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The assistant's monthly activity report (visits and hours per family, forms and places, actions).
    Monthly {
        /// The month, YYYY-MM.
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum OpinionCommand {
    /// Write a court opinion as an editable DOCX (for an office suite).
    Export {
        id: String,
        #[arg(long, value_name = "FILE")]
        docx: PathBuf,
        /// Print the written file's path as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ConflictsCommand {
    /// Resolve a conflict: keep one version, or write a value of your own.
    Resolve {
        /// The conflict's id (as `asysta conflicts` shows it).
        id: String,
        /// Keep the value this event wrote (one of the conflict's versions).
        #[arg(long, value_name = "EVENT_ID", conflicts_with = "value", required_unless_present = "value")]
        keep: Option<String>,
        /// Write this value instead (JSON of the field's type, e.g. '"Kowalska"').
        #[arg(long, value_name = "JSON")]
        value: Option<String>,
        /// Print the resolving event's id as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum FamilyCommand {
    /// Add a family (optionally with its first member).
    Add {
        /// The family's name (surname).
        #[arg(long)]
        name: String,
        /// The family's address.
        #[arg(long)]
        address: String,
        /// The first member's first name.
        #[arg(long, value_name = "NAME")]
        member_first_name: Option<String>,
        /// The first member's surname (default: the family's name).
        #[arg(long, value_name = "NAME")]
        member_last_name: Option<String>,
        /// Print the new family's id as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the families in Polish alphabetical order.
    List {
        /// Only families with this status: active, closed, monitoring or archived.
        #[arg(long)]
        status: Option<String>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a family's whole case.
    Show {
        /// The family's id (as `family list` shows it).
        family_id: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Find families by surname, first name, PESEL or address (diacritics optional).
    Search {
        /// Words that must all match, e.g. "zolc lodz".
        query: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let translator = Translator::new(cli_locale());
    let mut out = String::new();
    let result = commands::run(cli, &translator, &mut out);
    // A closed pipe (`asysta family list | head`) is not an error.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("asysta: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `ASYSTA_LANG`, else `LC_ALL`/`LC_MESSAGES`/`LANG`; Polish by default.
fn cli_locale() -> Locale {
    ["ASYSTA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|v| !v.is_empty())
        .map(|v| Locale::from_code(&v))
        .unwrap_or_default()
}
