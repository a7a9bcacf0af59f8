//! The app's session: the data directory and, once unlocked, the store.
//! Plain Rust, so it is tested without a window; the Tauri commands only
//! lock it and delegate.

use asysta_core::alerts::Alert;
use asysta_core::api::{ApiError, DuplicateView, ErrorKind, FamilyCase, History, WorkspaceStatus};
use asysta_core::api::{DraftView, PlannedVisit};
use asysta_core::exchange::{Caseload, ExportSummary, ImportSummary, SyncStatus};
use asysta_core::family::{FamilySummary, NewFamilyForm};
use asysta_core::member::{validate_member, MemberForm};
use asysta_core::merge::Conflict;
use asysta_core::ops;
use asysta_core::plan::{PlanArea, PlanVersionForm};
use asysta_core::record::{CaseDetailsForm, CaseloadCheck, FamilyStatus};
use asysta_core::visit::{VisitDraft, VisitForm};
use asysta_core::workspace::Role;
use asysta_core::workspace::{validate_new_workspace, NewWorkspaceForm};
use asysta_core::{EntityId, EventId, FieldError, FieldErrorCode};
use asysta_store::Resolution;
use asysta_store::Settings;
use asysta_store::{ExportProgress, ExportRequest};
use asysta_store::{KdfParams, Passphrase, Presence, Store, SystemEnvironment};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod backups;
mod cases;
mod kept;
mod steering;

pub use steering::half_year_csv_name;

/// One window's view of one data directory.
#[derive(Debug)]
pub struct Session {
    data_dir: PathBuf,
    kdf: KdfParams,
    store: Option<Store>,
    /// The centre's figures last computed, shown again until a table
    /// changes (a centre reads them far more often than it imports).
    figures: KeptFigures,
}

/// See [`kept::Kept`].
#[derive(Debug, Default)]
struct KeptFigures {
    dashboard: kept::Kept<NaiveDate, asysta_core::centre::dashboard::Dashboard>,
    half_year: kept::Kept<asysta_core::centre::report::HalfYear, asysta_core::centre::report::HalfYearReport>,
    alerts: kept::Kept<NaiveDate, Vec<Alert>>,
    due: kept::Kept<NaiveDate, Vec<asysta_core::api::DueItem>>,
}

impl KeptFigures {
    fn clear(&mut self) {
        self.dashboard.clear();
        self.half_year.clear();
        self.alerts.clear();
        self.due.clear();
    }
}

impl Session {
    pub fn new(data_dir: PathBuf) -> Session {
        Session { data_dir, kdf: KdfParams::DEFAULT, store: None, figures: KeptFigures::default() }
    }

    /// A session whose new workspaces use `kdf` (tests only).
    pub fn with_kdf(data_dir: PathBuf, kdf: KdfParams) -> Session {
        Session { data_dir, kdf, store: None, figures: KeptFigures::default() }
    }

    pub fn status(&self) -> Result<WorkspaceStatus, ApiError> {
        if let Some(store) = &self.store {
            return Ok(WorkspaceStatus::Unlocked { info: store.info()? });
        }
        Ok(match Store::presence(&self.data_dir) {
            Presence::Absent => WorkspaceStatus::Absent,
            Presence::Present => WorkspaceStatus::Locked,
        })
    }

    pub fn create_workspace(&mut self, form: &NewWorkspaceForm) -> Result<WorkspaceStatus, ApiError> {
        let info = validate_new_workspace(form).map_err(ApiError::invalid)?;
        let passphrase = Passphrase::new(form.passphrase.clone());
        let store = Store::create(&self.data_dir, &info, &passphrase, self.kdf, Box::new(SystemEnvironment))?;
        self.store = Some(store);
        self.figures.clear();
        self.status()
    }

    pub fn unlock(&mut self, passphrase: &str) -> Result<WorkspaceStatus, ApiError> {
        if self.store.is_none() {
            self.store = Some(Store::open(&self.data_dir, &Passphrase::new(passphrase), Box::new(SystemEnvironment))?);
            self.figures.clear();
        }
        self.status()
    }

    pub fn lock(&mut self) -> Result<WorkspaceStatus, ApiError> {
        self.store = None;
        self.figures.clear();
        self.status()
    }

    pub fn list_families(&self) -> Result<Vec<FamilySummary>, ApiError> {
        Ok(self.store()?.list_families()?)
    }

    /// Families with `status` matching every word of `query`.
    pub fn find_families(&self, status: Option<FamilyStatus>, query: &str) -> Result<Vec<FamilySummary>, ApiError> {
        let store = self.store()?;
        let families = if query.trim().is_empty() {
            store.list_families_with_status(status)?
        } else {
            store.search_families(query)?
        };
        Ok(families.into_iter().filter(|f| status.is_none_or(|s| f.status == s)).collect())
    }

    pub fn caseload(&self) -> Result<CaseloadCheck, ApiError> {
        Ok(self.store()?.caseload()?)
    }

    pub fn family_case(&self, family_id: EntityId) -> Result<FamilyCase, ApiError> {
        Ok(self.store()?.family_case(family_id)?)
    }

    pub fn set_case_details(
        &mut self,
        family_id: EntityId,
        form: &CaseDetailsForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::SetCaseDetails { family_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    pub fn change_status(
        &mut self,
        family_id: EntityId,
        status: FamilyStatus,
        reason: &str,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::ChangeStatus { family_id, status, reason: reason.into(), on: String::new() }, today)?;
        self.family_case(family_id)
    }

    pub fn add_member(
        &mut self,
        family_id: EntityId,
        form: &MemberForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::AddMember { family_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    pub fn update_member(
        &mut self,
        member_id: EntityId,
        form: &MemberForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        let family_id = self.run(ops::UpdateMember { member_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    pub fn find_duplicates(
        &self,
        form: &MemberForm,
        editing: Option<EntityId>,
        today: NaiveDate,
    ) -> Result<Vec<DuplicateView>, ApiError> {
        let details = validate_member(form, today).map_err(ApiError::invalid)?;
        Ok(self.store()?.find_duplicates(&details, editing)?)
    }

    pub fn save_plan_version(
        &mut self,
        family_id: EntityId,
        form: &PlanVersionForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::SavePlanVersion { family_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    pub fn record_visit(
        &mut self,
        family_id: EntityId,
        form: &VisitForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::RecordVisit { family_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    /// Corrects a recorded visit of the family.
    pub fn update_visit(
        &mut self,
        family_id: EntityId,
        visit_id: EntityId,
        form: &VisitForm,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::UpdateVisit { family_id, visit_id, form: form.clone() }, today)?;
        self.family_case(family_id)
    }

    /// Runs an operation of `asysta_core::ops` through the store's one door
    /// (the role, the validation, the events).
    pub(crate) fn run<O: asysta_store::ops::Execute>(
        &mut self,
        operation: O,
        today: NaiveDate,
    ) -> Result<O::Response, ApiError> {
        Ok(self.store_mut()?.run(operation, today)?)
    }

    pub fn save_draft(&mut self, family_id: EntityId, form: VisitForm, saved_at_ms: u64) -> Result<(), ApiError> {
        self.case_editable()?;
        Ok(self.store_mut()?.save_draft(&VisitDraft { family_id, form, saved_at_ms })?)
    }

    /// Keeps a long form (an evaluation, an opinion, a plan) as typed.
    pub fn save_form_draft(&mut self, draft: &asysta_core::api::FormDraft) -> Result<(), ApiError> {
        Ok(self.store_mut()?.save_form_draft(draft)?)
    }

    pub fn form_draft(
        &self,
        kind: asysta_core::api::DraftKind,
        key: EntityId,
    ) -> Result<Option<asysta_core::api::FormDraft>, ApiError> {
        Ok(self.store()?.form_draft(kind, key)?)
    }

    pub fn drafts(&self) -> Result<Vec<DraftView>, ApiError> {
        Ok(self.store()?.drafts()?)
    }

    pub fn discard_draft(&mut self, family_id: EntityId) -> Result<(), ApiError> {
        Ok(self.store_mut()?.discard_draft(family_id)?)
    }

    pub fn planned_visits(&self) -> Result<Vec<PlannedVisit>, ApiError> {
        Ok(self.store()?.planned_visits()?)
    }

    /// Plans a visit ahead; its id.
    pub fn plan_visit(
        &mut self,
        family_id: EntityId,
        form: &asysta_core::visit::PlannedVisitForm,
        today: NaiveDate,
    ) -> Result<EntityId, ApiError> {
        self.run(ops::PlanVisit { family_id, form: form.clone() }, today)
    }

    pub fn cancel_planned_visit(&mut self, visit_id: EntityId, today: NaiveDate) -> Result<(), ApiError> {
        self.run(ops::CancelPlannedVisit { visit_id }, today)
    }

    /// The family's attachments, newest first.
    pub fn attachments(&self, family_id: EntityId) -> Result<Vec<asysta_core::api::AttachmentView>, ApiError> {
        Ok(self.store()?.attachments(family_id)?)
    }

    /// An attachment and its bytes.
    pub fn attachment_file(
        &self,
        attachment_id: EntityId,
    ) -> Result<(asysta_core::api::AttachmentView, Vec<u8>), ApiError> {
        Ok(self.store()?.attachment_file(attachment_id)?)
    }

    /// Every visit planned ahead (missed first).
    pub fn scheduled_visits(
        &self,
        today: NaiveDate,
        family_id: Option<EntityId>,
    ) -> Result<Vec<asysta_core::api::ScheduledVisit>, ApiError> {
        Ok(self.store()?.scheduled_visits(today, family_id)?)
    }

    /// The alerts on `today`, kept like the centre's figures (a centre's
    /// are hundreds, read on every showing of its dashboard).
    pub fn alerts(&mut self, today: NaiveDate) -> Result<Vec<Alert>, ApiError> {
        kept::figure(self.store.as_ref(), &mut self.figures.alerts, today, |s| s.alerts(today))
    }

    pub fn plan_areas(&self) -> Result<Vec<PlanArea>, ApiError> {
        Ok(self.store()?.plan_areas()?)
    }

    pub fn settings(&self) -> Result<Settings, ApiError> {
        Ok(self.store()?.settings()?)
    }

    pub fn add_note(
        &mut self,
        family_id: EntityId,
        text: &str,
        restricted: bool,
        today: NaiveDate,
    ) -> Result<FamilyCase, ApiError> {
        self.run(ops::AddNote { family_id, text: text.into(), restricted }, today)?;
        self.family_case(family_id)
    }

    pub fn add_family(&mut self, form: &NewFamilyForm, today: NaiveDate) -> Result<EntityId, ApiError> {
        self.run(ops::AddFamily { form: form.clone() }, today)
    }

    pub fn history(&self, entity_id: EntityId) -> Result<History, ApiError> {
        Ok(self.store()?.history(entity_id)?)
    }

    pub fn conflicts(&self) -> Result<Vec<Conflict>, ApiError> {
        Ok(self.store()?.conflicts()?)
    }

    /// Resolves a conflict by keeping one version or with a value of the
    /// person's own (exactly one of them), and returns what is left.
    pub fn resolve_conflict(
        &mut self,
        conflict_id: &str,
        keep: Option<EventId>,
        value: Option<serde_json::Value>,
    ) -> Result<Vec<Conflict>, ApiError> {
        let resolution = match (keep, value) {
            (Some(event_id), None) => Resolution::Keep(event_id),
            (None, Some(value)) => Resolution::Value(value),
            _ => return Err(ApiError::invalid(vec![FieldError::new("keep", FieldErrorCode::Required)])),
        };
        self.store_mut()?.resolve_conflict(conflict_id, resolution)?;
        self.conflicts()
    }

    /// `asysta check`: the file, the log and every table against a rebuild.
    pub fn check_workspace(&self) -> Result<asysta_core::api::CheckReport, ApiError> {
        Ok(self.store()?.check()?)
    }

    /// The sync screen's summary.
    pub fn sync_status(&self) -> Result<SyncStatus, ApiError> {
        Ok(self.store()?.sync_status()?)
    }

    /// At a centre: writes the enrolment file for its laptops; the reply
    /// carries the centre's fingerprint to show.
    pub fn export_enrolment(&self, path: &Path) -> Result<SyncStatus, ApiError> {
        // A folder gets the file under a name of its own.
        let file = if path.is_dir() { path.join(ENROLMENT_FILE_NAME) } else { path.to_owned() };
        self.store()?.export_enrolment(&file)?;
        self.sync_status()
    }

    /// On a laptop: reads a centre's enrolment file; the reply's `centre`
    /// carries the fingerprint to compare with the centre's screen.
    pub fn enrol(&mut self, path: &Path) -> Result<SyncStatus, ApiError> {
        let bytes = read_file(path)?;
        self.store_mut()?.enrol(&bytes)?;
        self.sync_status()
    }

    /// Writes a bundle into the folder (or file) `to`: for the centre on a
    /// laptop, for `device` at a centre.
    pub fn export_bundle(
        &mut self,
        to: &Path,
        request: &ExportRequest,
        progress: &mut dyn FnMut(ExportProgress),
    ) -> Result<ExportSummary, ApiError> {
        Ok(self.store_mut()?.export_bundle(to, request, progress)?)
    }

    /// Imports the bundle file at `path`; `trust_device` is the fingerprint
    /// a person compared with the sending device's screen.
    pub fn import_bundle(&mut self, path: &Path, trust_device: Option<&str>) -> Result<ImportSummary, ApiError> {
        let bytes = read_file(path)?;
        let label = asysta_store::label_of(path);
        Ok(self.store_mut()?.import_bundle(&bytes, &label, trust_device)?)
    }

    /// At a centre: each assistant's active families against the cap.
    pub fn caseloads(&self) -> Result<Vec<Caseload>, ApiError> {
        Ok(self.store()?.caseloads()?)
    }

    /// The assistant each family is with.
    pub fn family_assistants(&self) -> Result<BTreeMap<EntityId, String>, ApiError> {
        Ok(self.store()?.family_assistants()?)
    }

    /// Changes the centre's settings (an event that reaches every laptop).
    pub fn set_settings(&mut self, settings: Settings, today: NaiveDate) -> Result<Settings, ApiError> {
        let request = ops::SetSettings { caseload_cap: settings.caseload_cap, no_visit_days: settings.no_visit_days };
        self.run(request, today)?;
        self.settings()
    }

    /// Refuses what belongs to the other kind of workspace: a centre reads
    /// its assistants' case records but does not write them, and only a
    /// centre changes the settings.
    fn require_role(&self, role: Role) -> Result<(), ApiError> {
        if self.store()?.role() == role {
            Ok(())
        } else {
            Err(ApiError::new(ErrorKind::WrongRole))
        }
    }

    fn case_editable(&self) -> Result<(), ApiError> {
        self.require_role(Role::Assistant)
    }

    fn store(&self) -> Result<&Store, ApiError> {
        self.store.as_ref().ok_or(ApiError::new(ErrorKind::Locked))
    }

    fn store_mut(&mut self) -> Result<&mut Store, ApiError> {
        self.store.as_mut().ok_or(ApiError::new(ErrorKind::Locked))
    }
}

/// The enrolment file's name when a centre writes it into a folder.
pub const ENROLMENT_FILE_NAME: &str = "asysta-rejestracja-osrodka.json";

/// Reads a file the person chose; a failure names the file only.
fn read_file(path: &Path) -> Result<Vec<u8>, ApiError> {
    std::fs::read(path).map_err(|_| file_error(path))
}

/// A file that could not be read or written, named and nothing more.
fn file_error(path: &Path) -> ApiError {
    let mut error = ApiError::new(ErrorKind::Storage);
    error.args.insert("file".into(), asysta_store::label_of(path));
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace_form(pass: &str) -> NewWorkspaceForm {
        NewWorkspaceForm {
            assistant_name: "Ewa Żak".into(),
            centre_name: "GOPS Łęczyca".into(),
            passphrase: pass.into(),
            passphrase_repeat: pass.into(),
            role: Role::Assistant,
        }
    }

    #[test]
    fn a_session_walks_from_absent_to_unlocked_and_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = Session::with_kdf(dir.path().to_owned(), KdfParams::INSECURE_FOR_TESTS);
        assert_eq!(session.status().unwrap(), WorkspaceStatus::Absent);
        assert_eq!(session.list_families().unwrap_err().kind, ErrorKind::Locked);
        let unlocked = session.create_workspace(&workspace_form("długie hasło 99")).unwrap();
        assert!(matches!(unlocked, WorkspaceStatus::Unlocked { ref info } if info.centre_name == "GOPS Łęczyca"));
        let form = NewFamilyForm {
            name: "Ślęzak".into(),
            address: "ul. Wiejska 4".into(),
            first_member_first_name: "Iga".into(),
            first_member_last_name: String::new(),
        };
        let id = session.add_family(&form, d("2026-11-23")).unwrap();
        assert_eq!(session.lock().unwrap(), WorkspaceStatus::Locked);
        assert_eq!(session.unlock("złe hasło 1234").unwrap_err().kind, ErrorKind::WrongPassphrase);
        session.unlock("długie hasło 99").unwrap();
        assert_eq!(session.list_families().unwrap()[0].id, id);
        assert_eq!(session.history(id).unwrap().len(), 1);
    }

    #[test]
    fn a_case_is_kept_through_the_session() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = Session::with_kdf(dir.path().to_owned(), KdfParams::INSECURE_FOR_TESTS);
        session.create_workspace(&workspace_form("długie hasło 99")).unwrap();
        let form = NewFamilyForm { name: "Żółć".into(), address: "ul. Łąkowa 1".into(), ..Default::default() };
        let id = session.add_family(&form, d("2026-11-23")).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let member = |pesel: &str| MemberForm {
            first_name: "Józef".into(),
            last_name: "Żółć".into(),
            relation: "grandparent".into(),
            pesel: pesel.into(),
            ..Default::default()
        };
        let err = session.add_member(id, &member("44051401358"), today).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Invalid);
        assert_eq!(err.fields[0].field, "pesel");
        assert_eq!(err.fields[0].message_id(), "pesel-error-bad-checksum");
        let case = session.add_member(id, &member("44051401359"), today).unwrap();
        assert_eq!(case.members[0].details.birth_date, NaiveDate::from_ymd_opt(1944, 5, 14), "filled from the PESEL");
        let duplicates = session.find_duplicates(&member("44051401359"), None, today).unwrap();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(duplicates[0].family_name, "Żółć");

        let details = CaseDetailsForm {
            basis: asysta_core::record::BasisForm {
                kind: "court_order".into(),
                court: "SR w Łodzi".into(),
                case_signature: "III Nsm 12/26".into(),
                order_date: "2026-11-02".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let case = session.set_case_details(id, &details, today).unwrap();
        assert!(case.details.basis.is_some());
        let grandfather = case.members[0].id.to_string();
        let placement = asysta_core::record::FosterPlacementForm {
            child_id: grandfather,
            kind: "family".into(),
            place: "rodzina zastępcza Nowaków".into(),
            ..Default::default()
        };
        let with_placement = CaseDetailsForm { foster_care: vec![placement], ..details.clone() };
        let err = session.set_case_details(id, &with_placement, today).unwrap_err();
        assert_eq!(err.fields[0].field, "foster_care[0].child_id", "only a child can be placed: {err:?}");
        let err = session.change_status(id, FamilyStatus::Closed, "cele osiągnięte", today).unwrap_err();
        assert_eq!(err.kind, ErrorKind::StatusChange, "closing has its own form");
        let closing = asysta_core::closing::ClosingForm {
            on: today.to_string(),
            reason: "goals_achieved".into(),
            reason_text: String::new(),
            summary: "Rodzina radzi sobie samodzielnie.".into(),
        };
        let err = session.close_work(id, &closing, today).unwrap_err();
        assert_eq!(err.kind, ErrorKind::FinalEvaluationMissing);
        let case = session.submit_evaluation(id, None, &final_evaluation(today), today).unwrap();
        assert_eq!(case.evaluations[0].status, asysta_core::evaluation::EvaluationStatus::Submitted);
        let case = session.close_work(id, &closing, today).unwrap();
        assert_eq!(case.family.status, FamilyStatus::Closed);
        let kept = case.closing.unwrap();
        assert_eq!(
            (kept.reason_key.as_deref(), kept.summary.as_str()),
            (Some("goals_achieved"), "Rodzina radzi sobie samodzielnie.")
        );
        assert_eq!(session.find_families(Some(FamilyStatus::Active), "").unwrap().len(), 0);
        assert_eq!(session.find_families(None, "zolc").unwrap().len(), 1);
        let case = session.add_note(id, "Rodzina przeprowadziła się.", true, d("2026-11-23")).unwrap();
        assert!(case.notes[0].restricted);
    }

    /// A whole final evaluation of the last month (no plan: no areas or goals).
    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn final_evaluation(today: NaiveDate) -> asysta_core::evaluation::EvaluationForm {
        asysta_core::evaluation::EvaluationForm {
            period_from: (today - chrono::Duration::days(30)).to_string(),
            period_to: today.to_string(),
            is_final: true,
            family_view: "Rodzina jest zadowolona.".into(),
            cooperation: "good".into(),
            recommendation: "end_work".into(),
            ..Default::default()
        }
    }

    #[test]
    fn plans_visits_and_drafts_go_through_the_session() {
        use asysta_core::plan::{PlanActionForm, PlanGoalForm};
        let dir = tempfile::tempdir().unwrap();
        let mut session = Session::with_kdf(dir.path().to_owned(), KdfParams::INSECURE_FOR_TESTS);
        session.create_workspace(&workspace_form("długie hasło 99")).unwrap();
        let form = NewFamilyForm { name: "Lis".into(), address: "ul. Leśna 2".into(), ..Default::default() };
        let id = session.add_family(&form, d("2026-11-23")).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let action = |what: &str| PlanActionForm {
            what: what.into(),
            who: "assistant".into(),
            expected_effect: "Efekt".into(),
            deadline: "2026-12-31".into(),
            ..Default::default()
        };
        let plan = PlanVersionForm {
            goals: vec![PlanGoalForm {
                id: None,
                area: "housing".into(),
                goal: "Poprawa warunków mieszkaniowych".into(),
                actions: vec![action("Wniosek o lokal socjalny"), action("Remont kuchni")],
            }],
            ..Default::default()
        };
        let case = session.save_plan_version(id, &plan, today).unwrap();
        let first = &case.plan_versions[0];
        assert_eq!(first.number, 1);
        let ids: Vec<_> = first.actions().map(|a| a.id).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1], "every new row gets its own id");
        let case = session.save_plan_version(id, &PlanVersionForm::next_from(first), today).unwrap();
        assert_eq!(case.plan_versions.len(), 2);
        assert_eq!(case.plan_versions[1].actions().map(|a| a.id).collect::<Vec<_>>(), ids, "ids kept across versions");

        let visit = VisitForm {
            date: "2026-11-23".into(),
            start: "10:00".into(),
            end: "09:00".into(),
            place: "home".into(),
            form: "home_visit".into(),
            ..Default::default()
        };
        session.save_draft(id, visit.clone(), 5).unwrap();
        let err = session.record_visit(id, &visit, today).unwrap_err();
        assert_eq!((err.kind, err.fields[0].field.as_str()), (ErrorKind::Invalid, "end"));
        assert_eq!(session.drafts().unwrap().len(), 1, "a refused visit keeps its draft");
        let ok = VisitForm { end: "11:15".into(), next_planned: "2026-11-30".into(), ..visit };
        let case = session.record_visit(id, &ok, today).unwrap();
        assert_eq!(case.visits[0].visit.duration_minutes(), 75);
        assert!(session.drafts().unwrap().is_empty());
        let visit_id = case.visits[0].id;
        let wrong = VisitForm { end: "08:00".into(), ..ok.clone() };
        let err = session.update_visit(id, visit_id, &wrong, today).unwrap_err();
        assert_eq!(err.fields[0].field, "end", "a correction is checked like a new visit");
        let corrected = VisitForm { notes: "Rozmowa o szkole.".into(), ..ok.clone() };
        let case = session.update_visit(id, visit_id, &corrected, today).unwrap();
        assert_eq!((case.visits.len(), case.visits[0].visit.notes.as_str()), (1, "Rozmowa o szkole."));
        assert_eq!(session.planned_visits().unwrap()[0].date, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert!(session.alerts(today).unwrap().is_empty(), "visited today, nothing overdue");
        assert_eq!(session.settings().unwrap().caseload_cap, 15);
    }

    #[test]
    fn invalid_forms_come_back_with_their_fields() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = Session::with_kdf(dir.path().to_owned(), KdfParams::INSECURE_FOR_TESTS);
        let err = session.create_workspace(&workspace_form("krótkie")).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Invalid);
        assert_eq!(err.fields[0].field, "passphrase");
        assert_eq!(session.status().unwrap(), WorkspaceStatus::Absent, "nothing was created");
    }

    #[test]
    fn bundles_go_from_a_laptop_to_its_centre_and_back() {
        let (laptop_dir, centre_dir, files) =
            (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut laptop = Session::with_kdf(laptop_dir.path().to_owned(), KdfParams::INSECURE_FOR_TESTS);
        let mut centre = Session::with_kdf(centre_dir.path().to_owned(), KdfParams::INSECURE_FOR_TESTS);
        laptop.create_workspace(&workspace_form("długie hasło 99")).unwrap();
        let centre_form = NewWorkspaceForm {
            assistant_name: "Ewa Kierownik".into(),
            role: Role::Centre,
            ..workspace_form("długie hasło 98")
        };
        centre.create_workspace(&centre_form).unwrap();
        let family = NewFamilyForm { name: "Lis".into(), address: "ul. Leśna 2".into(), ..Default::default() };
        let family_id = laptop.add_family(&family, d("2026-11-23")).unwrap();

        let missing = files.path().join("brak.json");
        let err = laptop.enrol(&missing).unwrap_err();
        assert_eq!((err.kind, err.args["file"].as_str()), (ErrorKind::Storage, "brak.json"));
        let at_centre = centre.export_enrolment(files.path()).unwrap();
        let enrolment = files.path().join(ENROLMENT_FILE_NAME);
        let on_laptop = laptop.enrol(&enrolment).unwrap();
        assert_eq!(on_laptop.centre.unwrap().fingerprint, at_centre.fingerprint, "the fingerprint to compare");

        let sent = laptop.export_bundle(files.path(), &ExportRequest::default(), &mut |_| ()).unwrap();
        assert!(sent.event_count >= 2, "{sent:?}");
        let bundle = PathBuf::from(&sent.path);
        let err = centre.import_bundle(&bundle, None).unwrap_err();
        assert_eq!(err.kind, ErrorKind::DeviceUnknown);
        let fingerprint = err.args["fingerprint"].clone();
        assert_eq!(fingerprint, laptop.sync_status().unwrap().fingerprint);
        let report = centre.import_bundle(&bundle, Some(&fingerprint)).unwrap();
        assert!(report.trusted_now && report.records_new >= 1, "{report:?}");
        assert_eq!(centre.family_assistants().unwrap()[&family_id], "Ewa Żak");
        assert_eq!(centre.caseloads().unwrap()[0].active, 1);

        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let err = centre.change_status(family_id, FamilyStatus::Closed, "koniec", today).unwrap_err();
        assert_eq!(err.kind, ErrorKind::WrongRole, "a centre does not edit an assistant's case");
        assert_eq!(
            laptop.set_settings(Settings { caseload_cap: 12, no_visit_days: 20 }, d("2026-11-23")).unwrap_err().kind,
            ErrorKind::WrongRole
        );
        centre.set_settings(Settings { caseload_cap: 12, no_visit_days: 20 }, d("2026-11-23")).unwrap();
        let device = centre.sync_status().unwrap().devices[0].device_id;
        let to_laptop = ExportRequest { device: Some(device), ..Default::default() };
        let back = centre.export_bundle(files.path(), &to_laptop, &mut |_| ()).unwrap();
        laptop.import_bundle(Path::new(&back.path), None).unwrap();
        assert_eq!(laptop.settings().unwrap().caseload_cap, 12);

        // The head of the centre decides on a submitted evaluation; the
        // decision reaches the laptop in the next bundle.
        let case = laptop.submit_evaluation(family_id, None, &final_evaluation(today), today).unwrap();
        let evaluation_id = case.evaluations[0].id;
        assert_eq!(
            laptop.decide_evaluation(evaluation_id, true, "", today).unwrap_err().kind,
            ErrorKind::WrongRole,
            "only the centre decides"
        );
        let sent = laptop.export_bundle(files.path(), &ExportRequest::default(), &mut |_| ()).unwrap();
        centre.import_bundle(Path::new(&sent.path), None).unwrap();
        let err = centre.decide_evaluation(evaluation_id, false, " ", today).unwrap_err();
        assert_eq!(err.fields[0].field, "note", "a returned evaluation says why");
        let at_centre = centre.decide_evaluation(evaluation_id, false, "Uzupełnij ocenę zagrożeń.", today).unwrap();
        assert_eq!(at_centre.evaluations[0].status, asysta_core::evaluation::EvaluationStatus::Returned);
        let back = centre.export_bundle(files.path(), &to_laptop, &mut |_| ()).unwrap();
        laptop.import_bundle(Path::new(&back.path), None).unwrap();
        let on_laptop = laptop.family_case(family_id).unwrap();
        assert_eq!(on_laptop.evaluations[0].status, asysta_core::evaluation::EvaluationStatus::Returned);
        assert_eq!(on_laptop.evaluations[0].decision_note, "Uzupełnij ocenę zagrożeń.");
        assert_eq!(on_laptop.evaluations[0].decided.as_ref().unwrap().by, "Ewa Kierownik");
    }

    #[test]
    fn the_dashboard_is_kept_until_a_table_changes_here_or_in_another_process() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = Session::with_kdf(dir.path().to_owned(), KdfParams::INSECURE_FOR_TESTS);
        let form = NewWorkspaceForm { role: Role::Centre, ..workspace_form("długie hasło 99") };
        session.create_workspace(&form).unwrap();
        let today = d("2026-11-23");
        let referral = |name: &str| asysta_core::centre::intake::ReferralForm {
            name: name.into(),
            address: "ul. Polna 2".into(),
            basis: "social-worker".into(),
            requested_on: "2026-11-20".into(),
            ..Default::default()
        };
        assert_eq!(session.dashboard(today).unwrap().waiting.count, 0);
        session.prepare_dashboard(today).unwrap();
        assert_eq!(session.dashboard(today).unwrap().waiting.count, 0, "kept while nothing changed");
        // A write through this session's store.
        session.refer_family(referral("Nowak"), today).unwrap();
        assert_eq!(session.dashboard(today).unwrap().waiting.count, 1);
        // A write by another connection to the same file (the CLI, say).
        let mut other =
            Store::open(dir.path(), &Passphrase::new("długie hasło 99"), Box::new(SystemEnvironment)).unwrap();
        other.run(ops::ReferFamily { form: referral("Kowal") }, today).unwrap();
        drop(other);
        assert_eq!(session.dashboard(today).unwrap().waiting.count, 2);
        // Another day is another dashboard; a locked session keeps none.
        assert_eq!(session.dashboard(d("2026-11-24")).unwrap().on, d("2026-11-24"));
        session.lock().unwrap();
        assert_eq!(session.dashboard(today).unwrap_err().kind, ErrorKind::Locked);
    }
}
