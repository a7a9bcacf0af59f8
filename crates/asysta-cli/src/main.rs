//! `asysta`: the command-line face of the same encrypted store the desktop
//! app uses. Output is for people unless `--json` asks for machines; errors
//! are one line on stderr (in Polish unless `ASYSTA_LANG`/`LANG` say
//! English) and a non-zero exit code.

mod attachments;
mod backups;
mod calendar;
mod cases;
mod commands;
mod demo;
mod exchange;
mod forms;
mod home;
mod members;
mod opinions;
mod passphrase;
mod plans;
mod print;
mod reports;
mod status;
mod steering;
mod visits;

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
    /// Encrypted backups of this workspace: write one now, list them, set a second folder and the rotation.
    Backup {
        #[command(subcommand)]
        command: BackupCommand,
    },
    /// Restore a backup into a data directory that holds no workspace; it opens with the passphrase
    /// it had (or the centre's recovery) and writes as a new device.
    Restore {
        /// The backup file (.asysta-kopia).
        file: PathBuf,
        /// The data directory to restore into (default: this one).
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
        /// Print what was restored as JSON.
        #[arg(long)]
        json: bool,
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
    /// Verify the workspace: the encrypted file, the event log's invariants, and every table against a
    /// rebuild from the events in a scratch database in memory. Changes nothing; exit 0 only when all hold.
    Check {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
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
        /// The largest file that may be attached to a case, in MB, 1 to 100 (default 20).
        #[arg(long, value_name = "MB")]
        attachment_limit_mb: Option<u32>,
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
    /// The visit diary: record, correct and list contacts with a family.
    Visit {
        #[command(subcommand)]
        command: VisitCommand,
    },
    /// Scans and photos kept with a case (PDF, JPEG, PNG): attach, list, save a copy, remove.
    Attachment {
        #[command(subcommand)]
        command: AttachmentCommand,
    },
    /// The work plan: show a version, save the next one, the family's agreement, progress on actions.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// The people of a family: add one, correct one, find a person recorded twice.
    Member {
        #[command(subcommand)]
        command: MemberCommand,
    },
    /// What needs attention: families not visited for long, plan actions past their deadline.
    Alerts {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Everything with a date: evaluations, court opinions, the end of monitoring.
    Due {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Active families against the caseload cap (at a centre: each assistant's).
    Caseload {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// At a centre: the register of assistants (employment, dates, working time, their laptops).
    Assistant {
        #[command(subcommand)]
        command: steering::AssistantCommand,
    },
    /// At a centre: cases referred by a social worker or ordered by a court, waiting for an assistant.
    Intake {
        #[command(subcommand)]
        command: steering::IntakeCommand,
    },
    /// At a centre: give a waiting case to an assistant, within their cap of active families.
    Assign {
        /// The family's id (as `asysta intake list` shows it).
        family_id: String,
        /// The assistant's id (as `asysta assistant list` shows it).
        #[arg(long, value_name = "ASSISTANT_ID")]
        to: String,
        /// The effective date, YYYY-MM-DD or dd.mm.rrrr (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Print the family's assignments as JSON.
        #[arg(long)]
        json: bool,
    },
    /// At a centre: move a family to another assistant from a date (the old laptop's next bundle
    /// acknowledges it); `asysta transfer list`: every transfer, the pending ones first.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Transfer {
        #[command(subcommand)]
        command: Option<steering::TransferCommand>,
        #[command(flatten)]
        args: steering::TransferArgs,
    },
    /// Comments on a family or any record of its case, from either side, with unread marks.
    Comment {
        #[command(subcommand)]
        command: steering::CommentCommand,
    },
    /// At a centre: families of different assistants that may be one (list them, merge, keep apart).
    Duplicates {
        #[command(subcommand)]
        command: Option<steering::DuplicatesCommand>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// At a centre: per assistant, active families against the cap and every figure of the home screen.
    Dashboard {
        /// The day to count on, YYYY-MM-DD or dd.mm.rrrr (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// At a centre: the reports it files.
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },
}

#[derive(Debug, Subcommand)]
enum ReportCommand {
    /// The half-year figures on the family assistants (`2026-H2`), every cell with its families.
    HalfYear {
        /// The half-year, YYYY-H1 or YYYY-H2.
        period: String,
        /// Also write the table as CSV (`;`-separated, labels in the language of the CLI).
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Also write it as a PDF.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// List the families (or assistants) behind one row instead, by its key.
        #[arg(long, value_name = "ROW")]
        cell: Option<String>,
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
    /// Submit a draft evaluation to the head of the centre as it was saved (it must be whole; then it
    /// is frozen).
    Submit {
        /// The draft's id (as `asysta evaluation save` printed it).
        id: String,
        /// Print the evaluation as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Start a correction of a submitted (or returned) evaluation: a new draft version of it.
    Correct {
        /// The evaluation's id.
        id: String,
        /// Print the new draft as JSON.
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
        /// At a centre: one assistant's report (their id in `asysta assistant list`); default: every assistant's.
        #[arg(long, value_name = "ASSISTANT_ID")]
        assistant: Option<String>,
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
    /// Record a court's request for an opinion about a family; prints the opinion's id.
    Request {
        /// The family's id.
        family_id: String,
        /// The court, e.g. "Sąd Rejonowy dla Łodzi-Śródmieścia, III Wydział Rodzinny i Nieletnich".
        #[arg(long)]
        court: String,
        /// The case signature, e.g. "III Nsm 123/26".
        #[arg(long)]
        signature: String,
        /// The date the request was received, YYYY-MM-DD or dd.mm.rrrr.
        #[arg(long, value_name = "DATE")]
        received: String,
        /// The date the opinion is due, YYYY-MM-DD or dd.mm.rrrr.
        #[arg(long, value_name = "DATE")]
        due: String,
        /// Print the opinion as JSON.
        #[arg(long)]
        json: bool,
    },
    /// One opinion: the request, its text, whether it is final.
    Show {
        /// The opinion's id (as `family show` lists it).
        id: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Without --text: print the text the window opens the opinion with (its own, or while it is
    /// empty a draft written from the case, never from notes). With --text: save that text.
    Draft {
        /// The opinion's id.
        id: String,
        /// Save the text in FILE ("-": standard input).
        #[arg(long, value_name = "FILE")]
        text: Option<PathBuf>,
        /// Print the draft written from the case even when the opinion has a text of its own.
        #[arg(long, conflicts_with = "text")]
        from_case: bool,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Approve the final version (its saved text, or the text in FILE); it cannot change afterwards.
    Finish {
        /// The opinion's id.
        id: String,
        /// The final text, from FILE ("-": standard input); default: the saved text.
        #[arg(long, value_name = "FILE")]
        text: Option<PathBuf>,
        /// Print the opinion as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum AttachmentCommand {
    /// Attach a file (PDF, JPEG or PNG, within the centre's limit) to a family's case, or to one
    /// of its visits, evaluations or court requests; prints the attachment's id.
    Add {
        family_id: String,
        file: PathBuf,
        /// Attach it to this visit of the family.
        #[arg(long, value_name = "ID", conflicts_with_all = ["evaluation", "opinion"])]
        visit: Option<String>,
        /// Attach it to this evaluation of the family.
        #[arg(long, value_name = "ID", conflicts_with = "opinion")]
        evaluation: Option<String>,
        /// Attach it to this court request (opinion) of the family.
        #[arg(long, value_name = "ID")]
        opinion: Option<String>,
        /// Send it to the centre only when restricted notes are sent (`export --include-restricted`).
        #[arg(long)]
        restricted: bool,
        /// Print the attachment as JSON.
        #[arg(long)]
        json: bool,
    },
    /// A family's attachments, newest first.
    List {
        family_id: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Save a copy of an attachment where you say (never over an existing file).
    Save {
        attachment_id: String,
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Take an attachment off its case (an event: it stays in the history).
    Remove { attachment_id: String },
}

#[derive(Debug, Subcommand)]
enum VisitCommand {
    /// Record a visit (a contact) from a form (JSON, as the app sends it; "-": standard input);
    /// prints the new entry's id.
    Add {
        family_id: String,
        /// The form: {"date", "start", "end", "place", "form", "participants", "areas", "actions_worked", …}.
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// Print the entry as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Correct a recorded visit with a whole form (see `asysta visit form`).
    Edit {
        visit_id: String,
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// Print the entry as JSON.
        #[arg(long)]
        json: bool,
    },
    /// A family's visit diary, newest first.
    List {
        family_id: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The form of a recorded visit, as JSON to edit and pass to `asysta visit edit`.
    Form { visit_id: String },
    /// Keep an unfinished entry for a family (one a family; recording the visit discards it).
    Draft {
        family_id: String,
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The unfinished entries kept on this device.
    Drafts {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Throw a family's unfinished entry away.
    DiscardDraft { family_id: String },
    /// Visits planned ahead (missed ones first), then the next contact each diary entry names.
    Planned {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
        /// Also write the coming weeks' planned visits as an iCalendar file for a phone's calendar
        /// (each family by its code and the place only).
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        /// How many weeks ahead the iCalendar file covers.
        #[arg(long, value_name = "N", default_value_t = 8)]
        weeks: u32,
        /// Put the families' names and the visits' purposes in the iCalendar file.
        #[arg(long)]
        with_names: bool,
    },
    /// Plan a visit (today or later); it becomes a diary entry with `asysta visit edit ID --form F`.
    Plan {
        family_id: String,
        /// The day, YYYY-MM-DD or DD.MM.YYYY.
        #[arg(long, value_name = "DATE")]
        date: String,
        /// The time, HH:MM.
        #[arg(long, value_name = "HH:MM")]
        time: String,
        /// home, school, court, office, clinic, or other text (default: the family's home).
        #[arg(long)]
        place: Option<String>,
        /// What the visit is for.
        #[arg(long)]
        purpose: Option<String>,
        /// Print the planned visit as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Take a planned visit off the plan.
    Cancel { visit_id: String },
}

#[derive(Debug, Subcommand)]
enum PlanCommand {
    /// A version of the family's work plan with each action's current status (default: the one in force).
    Show {
        family_id: String,
        /// The version's number.
        #[arg(long, value_name = "N")]
        version: Option<u32>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The form of the next version as the window opens it (the current goals and actions, their ids kept),
    /// as JSON to edit and pass to `asysta plan save`.
    Form { family_id: String },
    /// Save the next version of the plan from a form (JSON, as the app sends it; "-": standard input).
    Save {
        family_id: String,
        /// The form: {"agreed_with_family_on", "consultation_date", "consultation_social_worker",
        /// "goals": [{"id", "area", "goal", "actions": [{"id", "what", "who", …}]}]}.
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// Print the saved version as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record the family's agreement with the version in force: a new version, the same but agreed on DATE.
    Agree {
        family_id: String,
        /// The date of the agreement, YYYY-MM-DD or dd.mm.rrrr.
        #[arg(long, value_name = "DATE")]
        on: String,
        /// Print the saved version as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Note progress on an action of the version in force (outside a visit).
    Progress {
        family_id: String,
        /// The action's id (as `asysta plan show` lists it).
        #[arg(long, value_name = "ACTION_ID")]
        action: String,
        /// The date of the note, YYYY-MM-DD or dd.mm.rrrr.
        #[arg(long, value_name = "DATE")]
        date: String,
        /// What was done.
        #[arg(long, value_name = "TEXT", required_unless_present = "state")]
        note: Option<String>,
        /// Where the action stands from then on: planned, in_progress, done or abandoned.
        #[arg(long, value_name = "STATE")]
        state: Option<String>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Send a plan version (the latest) to the centre for its decision; it travels in the next bundle.
    Submit {
        family_id: String,
        /// The version's number (as `asysta plan show` shows it).
        #[arg(long, value_name = "N")]
        version: u32,
        /// Print the submission as JSON.
        #[arg(long)]
        json: bool,
    },
    /// At a centre: approve a submitted plan version, or return it with a note.
    Decide {
        family_id: String,
        /// The version's number.
        #[arg(long, value_name = "N")]
        version: u32,
        /// Approve it.
        #[arg(long, conflicts_with = "return_note", required_unless_present = "return_note")]
        approve: bool,
        /// Return it to the assistant with this note (to be corrected as a new version).
        #[arg(long = "return", value_name = "NOTE")]
        return_note: Option<String>,
        /// Print the submission as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every submission of the family's plan versions, with its state and the centre's decisions
    /// (a decision made on a version changed meanwhile is stale: shown, not applied).
    Approvals {
        family_id: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum MemberCommand {
    /// Add a person to a family from a form (JSON, as the app sends it; "-": standard input);
    /// prints the new person's id.
    Add {
        family_id: String,
        /// The form: {"first_name", "last_name", "birth_date", "sex", "relation", "pesel"}.
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// Print the person as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Correct a person's details with a whole form.
    Edit {
        member_id: String,
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// Print the person as JSON.
        #[arg(long)]
        json: bool,
    },
    /// People already recorded who may be the one in the form (the same PESEL, or name and birth date).
    Duplicates {
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// The person being corrected (left out of the search).
        #[arg(long, value_name = "MEMBER_ID")]
        editing: Option<String>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// A status change the window makes with one button.
#[derive(Debug, clap::Args)]
struct StatusArgs {
    /// The family's id.
    family_id: String,
    /// Why (optional).
    #[arg(long)]
    reason: Option<String>,
    /// The date of the change, YYYY-MM-DD or dd.mm.rrrr (default: today).
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
    /// Print the family's status as JSON.
    #[arg(long)]
    json: bool,
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
    /// Change the family's status: active (take on again), monitoring or archived
    /// (closing has its own form: `asysta family close`).
    Status {
        /// The new status: active, monitoring or archived.
        #[arg(long, value_name = "STATUS")]
        to: String,
        #[command(flatten)]
        args: StatusArgs,
    },
    /// Close the work with the family from a form (JSON, as the app sends it; "-": standard input);
    /// a final evaluation must have been submitted first.
    Close {
        family_id: String,
        /// The form: {"on", "reason" (a key of `asysta closing-reasons`), "reason_text", "summary"}.
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// Print the family's status as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Start monitoring the family after the work was closed.
    Monitor(StatusArgs),
    /// Archive the family's case (read-only from then on).
    Archive(StatusArgs),
    /// Set the case details from a form (JSON, as the app sends it; "-": standard input).
    Details {
        family_id: String,
        /// The form: {"phones", "social_worker_name", "basis": {…}, "start_date", "foster_care": […], …}.
        #[arg(long, value_name = "FILE")]
        form: PathBuf,
        /// Print the details as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add a note to the family's case.
    Note {
        family_id: String,
        /// The note.
        #[arg(long)]
        text: String,
        /// Keep it out of bundles, printouts and opinions by default.
        #[arg(long)]
        restricted: bool,
        /// Print the note's id as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Write a backup now (to the data directory and the second folder), checked after writing.
    Now {
        /// Print what was written as JSON.
        #[arg(long)]
        json: bool,
    },
    /// This workspace's backups, newest first: time, reason, size, whether it checks out, path.
    List {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The device's backup settings: show them, or change the ones given.
    Settings {
        /// A second folder every backup is copied to (a USB stick, a network share).
        #[arg(long, value_name = "DIR", conflicts_with = "no_folder")]
        folder: Option<PathBuf>,
        /// No second folder.
        #[arg(long)]
        no_folder: bool,
        /// Days whose newest backup is kept.
        #[arg(long, value_name = "N")]
        daily: Option<u32>,
        /// Weeks whose newest backup is kept.
        #[arg(long, value_name = "N")]
        weekly: Option<u32>,
        /// Months whose newest backup is kept.
        #[arg(long, value_name = "N")]
        monthly: Option<u32>,
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
