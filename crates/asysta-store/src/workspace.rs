//! The open workspace: creating, unlocking, and the operations on it.

use crate::connection::{configure, open_encrypted};
use crate::derive;
use crate::environment::{random_array, Environment};
use crate::error::{Result, StoreError};
use crate::fsutil::sync_dir;
use crate::keyfile::{KdfParams, KeyFile};
use crate::log::{self, PendingChange};
use crate::migrations::{self, LATEST_VERSION};
use crate::paths::WorkspacePaths;
use crate::queries::{self, Settings};
use crate::secret::{DatabaseKey, Passphrase};
use asysta_bundle::DeviceKeys;
use asysta_core::alerts::{alerts, Alert, AlertSettings, FamilyActivity, OverdueAction};
use asysta_core::api::{DraftView, DuplicateView, FamilyCase, PlannedVisit};
use asysta_core::backup::BackupReason;
use asysta_core::collation;
use asysta_core::family::{FamilySummary, NewFamily};
use asysta_core::member::{find_duplicates, MemberDetails, PersonRef};
use asysta_core::merge::SETTINGS_ID;
use asysta_core::plan::{overdue_actions, plan_id_for, NewPlanVersion, PlanArea, ProgressNote};
use asysta_core::record::{check_caseload, CaseDetails, CaseloadCheck, FamilyStatus};
use asysta_core::visit::{Visit, VisitDraft};
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::{Author, Change, DeviceId, EntityId, Event, Hlc, UserId};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;
use uuid::Uuid;

/// See [`Store::change_mark`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeMark {
    own_changes: u64,
    data_version: i64,
}

/// An unlocked workspace.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) env: Box<dyn Environment>,
    pub(crate) device_id: DeviceId,
    pub(crate) author: Author,
    pub(crate) workspace_id: EntityId,
    pub(crate) role: Role,
    /// This workspace's signing key and age identity (see `exchange`).
    pub(crate) keys: DeviceKeys,
    /// Kept while unlocked, to seal the recovery wrap at enrolment.
    pub(crate) db_key: DatabaseKey,
    paths: WorkspacePaths,
    /// The change mark right after this store's last import, when a backup
    /// preceded the imports since: nothing but imports (which can be made
    /// again from their files) was written after that backup.
    pub(crate) after_imports: Option<ChangeMark>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("device_id", &self.device_id).field("paths", &self.paths).finish()
    }
}

/// A whole case to add at once (see [`Store::add_cases`]).
#[derive(Clone, Debug)]
pub struct NewCase {
    pub family: NewFamily,
    pub status: FamilyStatus,
    pub members: Vec<MemberDetails>,
    pub details: Option<CaseDetails>,
}

/// What a data directory holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Absent,
    Present,
}

impl Store {
    /// Whether the data directory holds a workspace (cheap; reads no data).
    pub fn presence(data_dir: &Path) -> Presence {
        if WorkspacePaths::new(data_dir).exists() {
            Presence::Present
        } else {
            Presence::Absent
        }
    }

    /// Creates a new workspace in `data_dir`. Refuses, touching nothing, if
    /// one exists. The workspace is built in a temporary folder and renamed
    /// into place, so it appears whole or not at all.
    pub fn create(
        data_dir: &Path,
        info: &WorkspaceInfo,
        passphrase: &Passphrase,
        kdf: KdfParams,
        mut env: Box<dyn Environment>,
    ) -> Result<Store> {
        let paths = WorkspacePaths::new(data_dir);
        if paths.exists() || paths.workspace_dir.exists() {
            return Err(StoreError::WorkspaceExists(paths.workspace_dir));
        }
        std::fs::create_dir_all(data_dir).map_err(StoreError::io(data_dir))?;
        let staging_name = format!(".workspace-new-{}", Uuid::from_bytes(random_array(env.as_mut())?).simple());
        let staging = WorkspacePaths {
            workspace_dir: data_dir.join(&staging_name),
            database: data_dir.join(&staging_name).join(crate::paths::DATABASE_FILE),
            key_file: data_dir.join(&staging_name).join(crate::paths::KEY_FILE),
            data_dir: data_dir.to_owned(),
        };
        let result = Self::build_workspace(&staging, info, passphrase, kdf, env.as_mut());
        let result = result.and_then(|()| {
            std::fs::rename(&staging.workspace_dir, &paths.workspace_dir).map_err(|e| {
                if paths.workspace_dir.exists() {
                    StoreError::WorkspaceExists(paths.workspace_dir.clone())
                } else {
                    StoreError::Io { path: paths.workspace_dir.clone(), source: e }
                }
            })
        });
        if let Err(e) = result {
            let _ = std::fs::remove_dir_all(&staging.workspace_dir);
            return Err(e);
        }
        sync_dir(data_dir);
        Self::open(data_dir, passphrase, env)
    }

    fn build_workspace(
        staging: &WorkspacePaths,
        info: &WorkspaceInfo,
        passphrase: &Passphrase,
        kdf: KdfParams,
        env: &mut dyn Environment,
    ) -> Result<()> {
        std::fs::create_dir(&staging.workspace_dir).map_err(StoreError::io(&staging.workspace_dir))?;
        let key = DatabaseKey::from_bytes(random_array(env)?);
        let now = env.now_ms();
        let workspace_id = asysta_core::ids::uuid_v7(now, random_array(env)?);
        let key_file = KeyFile::seal(workspace_id, &key, passphrase, kdf, random_array(env)?, random_array(env)?)?;

        let mut conn = open_encrypted(&staging.database, &key, true)?;
        configure(&conn)?;
        migrations::migrate_to(&mut conn, LATEST_VERSION)?;
        let device_id = DeviceId::new_v7(now, random_array(env)?);
        let author = Author { user_id: UserId::new_v7(now, random_array(env)?), name: info.assistant_name.clone() };
        {
            let tx = conn.transaction()?;
            let meta = [
                ("workspace_id", workspace_id.to_string()),
                ("device_id", device_id.to_string()),
                ("user_id", author.user_id.to_string()),
                ("user_name", author.name.clone()),
                ("hlc_wall_ms", "0".to_owned()),
                ("hlc_counter", "0".to_owned()),
            ];
            for (k, v) in meta {
                tx.execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", (k, v))?;
            }
            tx.execute("UPDATE meta SET value = ?1 WHERE key = 'role'", [info.role.as_str()])?;
            crate::exchange::keys::generate(&tx, env)?;
            let change = Change::WorkspaceCreated {
                assistant_name: info.assistant_name.clone(),
                centre_name: info.centre_name.clone(),
            };
            let ids = log::Identity { device_id, author: &author };
            derive::append_local(
                &tx,
                &ids,
                env,
                vec![PendingChange { entity_id: EntityId(workspace_id), base_rev: 0, change }],
            )?;
            tx.commit()?;
        }
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        conn.close().map_err(|(_, e)| e)?;
        key_file.write(&staging.key_file)?;
        Ok(())
    }

    /// Unlocks the workspace in `data_dir`. Every failure leaves the files
    /// exactly as they were: the passphrase is checked against the key file
    /// before the database is opened, and the schema version before any
    /// write.
    pub fn open(data_dir: &Path, passphrase: &Passphrase, env: Box<dyn Environment>) -> Result<Store> {
        let paths = WorkspacePaths::new(data_dir);
        match (paths.database.exists(), paths.key_file.exists()) {
            (false, false) => return Err(StoreError::WorkspaceMissing(data_dir.to_owned())),
            (true, false) => return Err(StoreError::KeyFileMissing(paths.key_file)),
            (false, true) => return Err(StoreError::DatabaseMissing(paths.database)),
            (true, true) => {}
        }
        let key_file = KeyFile::read(&paths.key_file)?;
        let key = key_file.open(passphrase).map_err(|e| match e {
            StoreError::KeyFileDamaged { reason, .. } => {
                StoreError::KeyFileDamaged { path: paths.key_file.clone(), reason }
            }
            other => other,
        })?;
        let mut conn = open_encrypted(&paths.database, &key, false)?;
        let version = migrations::check_not_too_new(&conn)?;
        if version == 0 {
            return Err(StoreError::DatabaseDamaged("the database has no schema".into()));
        }
        let mut env = env;
        if version < LATEST_VERSION {
            crate::backup::back_up_workspace(&conn, &key, &paths, env.now_ms(), BackupReason::Upgrade)?;
        }
        configure(&conn)?;
        migrations::migrate_to(&mut conn, LATEST_VERSION)?;
        derive::rebuild_if_outdated(&mut conn)?;
        crate::backup::finish_restore(&mut conn, &paths, env.as_mut())?;
        let meta = |k: &str| -> Result<String> {
            conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |row| row.get(0))
                .optional()?
                .ok_or_else(|| StoreError::DatabaseDamaged(format!("meta key {k} missing")))
        };
        let parse = |k: &str| -> Result<Uuid> {
            meta(k)?.parse().map_err(|_| StoreError::DatabaseDamaged(format!("meta key {k} is not a uuid")))
        };
        let workspace_id = parse("workspace_id")?;
        if workspace_id != key_file.workspace_id {
            return Err(StoreError::DatabaseDamaged("the key file belongs to another workspace".into()));
        }
        let device_id = DeviceId(parse("device_id")?);
        let author = Author { user_id: UserId(parse("user_id")?), name: meta("user_name")? };
        let role = Role::parse(&meta("role")?)
            .ok_or_else(|| StoreError::DatabaseDamaged("meta key role is not a role".into()))?;
        let keys = crate::exchange::keys::load_or_generate(&conn, env.as_mut())?;
        Ok(Store {
            conn,
            env,
            device_id,
            author,
            workspace_id: EntityId(workspace_id),
            role,
            keys,
            db_key: key,
            paths,
            after_imports: None,
        })
    }

    /// Re-seals the database key under a new passphrase. The data is not
    /// re-encrypted; only the key file is rewritten (atomically).
    pub fn change_passphrase(
        data_dir: &Path,
        old: &Passphrase,
        new: &Passphrase,
        kdf: KdfParams,
        env: &mut dyn Environment,
    ) -> Result<()> {
        let paths = WorkspacePaths::new(data_dir);
        if !paths.key_file.exists() {
            return Err(StoreError::WorkspaceMissing(data_dir.to_owned()));
        }
        asysta_core::workspace::validate_passphrase("new_passphrase", new.expose())
            .map_err(|e| StoreError::Invalid(vec![e]))?;
        let file = KeyFile::read(&paths.key_file)?;
        let key = file.open(old)?;
        let next = file.rewrap(&key, new, kdf, random_array(env)?, random_array(env)?)?;
        next.write(&paths.key_file)
    }

    pub fn paths(&self) -> &WorkspacePaths {
        &self.paths
    }

    pub fn device_id(&self) -> DeviceId {
        self.device_id
    }

    pub fn workspace_id(&self) -> EntityId {
        self.workspace_id
    }

    /// Who works in the workspace and for which centre.
    pub fn info(&self) -> Result<WorkspaceInfo> {
        let role = self.role;
        Ok(self.conn.query_row(
            "SELECT assistant_name, centre_name FROM workspace WHERE id = ?1",
            [self.workspace_id.to_string()],
            |row| Ok(WorkspaceInfo { assistant_name: row.get(0)?, centre_name: row.get(1)?, role }),
        )?)
    }

    /// A mark that changes whenever what the store's tables hold may have
    /// changed: rows written through this connection (SQLite's total
    /// changes) or a commit by any other connection to the file (its data
    /// version). Equal marks mean no table changed in between, so a
    /// figure computed from the tables at one mark is still true at the
    /// other; the session keeps its dashboard by it.
    pub fn change_mark(&self) -> Result<ChangeMark> {
        let data_version: i64 = self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok(ChangeMark { own_changes: self.conn.total_changes(), data_version })
    }

    /// Whether this is an assistant's laptop or a centre's workspace.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Adds a family with its first member (if any): one event each, one
    /// transaction.
    pub fn add_family(&mut self, family: &NewFamily) -> Result<EntityId> {
        self.add_families(std::slice::from_ref(family)).map(|ids| ids[0])
    }

    /// Adds many active families in one transaction.
    pub fn add_families(&mut self, families: &[NewFamily]) -> Result<Vec<EntityId>> {
        let with_status: Vec<_> = families.iter().map(|f| (f.clone(), FamilyStatus::Active)).collect();
        self.add_families_with_status(&with_status)
    }

    /// Adds families that end up in the given status (closed ones are
    /// closed right after being created), in one transaction.
    pub fn add_families_with_status(&mut self, families: &[(NewFamily, FamilyStatus)]) -> Result<Vec<EntityId>> {
        let cases: Vec<NewCase> = families
            .iter()
            .map(|(family, status)| NewCase {
                family: family.clone(),
                status: *status,
                members: Vec::new(),
                details: None,
            })
            .collect();
        self.add_cases(&cases)
    }

    /// Adds whole cases (family, members, details, final status) in one
    /// transaction. Used to load past cases (`asysta demo`) without breaking
    /// the caseload cap: only the commit's end state is checked.
    pub fn add_cases(&mut self, cases: &[NewCase]) -> Result<Vec<EntityId>> {
        let mut ids = Vec::with_capacity(cases.len());
        let mut changes = Vec::with_capacity(cases.len() * 4);
        for case in cases {
            let now = self.env.now_ms();
            let family_id = EntityId::new_v7(now, random_array(self.env.as_mut())?);
            let family = &case.family;
            changes.push(PendingChange {
                entity_id: family_id,
                base_rev: 0,
                change: Change::FamilyCreated { name: family.name.clone(), address: family.address.clone() },
            });
            let mut rev = 1;
            if let Some(details) = &case.details {
                changes.push(PendingChange {
                    entity_id: family_id,
                    base_rev: rev,
                    change: Change::FamilyDetailsSet { details: Box::new(details.clone()) },
                });
                rev += 1;
            }
            let path: &[FamilyStatus] = match case.status {
                FamilyStatus::Active => &[],
                FamilyStatus::Closed => &[FamilyStatus::Closed],
                FamilyStatus::Monitoring => &[FamilyStatus::Closed, FamilyStatus::Monitoring],
                FamilyStatus::Archived => &[FamilyStatus::Closed, FamilyStatus::Archived],
            };
            for next in path {
                changes.push(PendingChange {
                    entity_id: family_id,
                    base_rev: rev,
                    change: Change::FamilyStatusChanged {
                        status: *next,
                        reason: String::new(),
                        on: None,
                        reason_key: None,
                        summary: String::new(),
                    },
                });
                rev += 1;
            }
            let first = family.first_member.iter().map(|m| MemberDetails::named(&m.first_name, &m.last_name));
            for details in first.chain(case.members.iter().cloned()) {
                changes.push(PendingChange {
                    entity_id: EntityId::new_v7(now, random_array(self.env.as_mut())?),
                    base_rev: 0,
                    change: Change::MemberAdded { family_id, details },
                });
            }
            ids.push(family_id);
        }
        self.commit_changes(changes)?;
        Ok(ids)
    }

    /// Refuses, before its input is looked at, an operation that belongs to
    /// the other kind of workspace (the same refusal `commit_changes` gives
    /// any change the role policy does not allow).
    pub(crate) fn require_role(&self, role: Role) -> Result<()> {
        if self.role == role {
            Ok(())
        } else {
            Err(StoreError::WrongRole { needed: role.as_str() })
        }
    }

    /// Appends changes to the log and applies them, all in one transaction.
    /// A commit that would raise the number of active families above the
    /// caseload cap is rolled back whole.
    pub(crate) fn commit_changes(&mut self, changes: Vec<PendingChange>) -> Result<Vec<Event>> {
        self.commit_changes_with(changes, |_| Ok(()))
    }

    /// Like [`Store::commit_changes`], and runs `local` (writes to local,
    /// non-replicated state) in the same transaction.
    pub(crate) fn commit_changes_with(
        &mut self,
        changes: Vec<PendingChange>,
        local: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
    ) -> Result<Vec<Event>> {
        // The role policy (`asysta_core::policy`), whoever calls: the
        // window, the CLI or the demo.
        for pending in &changes {
            if !asysta_core::policy::may_write(self.role, &pending.change) {
                let needed = match self.role {
                    Role::Assistant => Role::Centre,
                    Role::Centre => Role::Assistant,
                };
                return Err(StoreError::WrongRole { needed: needed.as_str() });
            }
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // An archived case is read-only (a person may still resolve a
        // conflict in it, so every replica shows the same record).
        for pending in &changes {
            if matches!(pending.change, Change::ConflictResolved { .. }) {
                continue;
            }
            if let Some(family) = queries::family_of_change(&tx, pending)? {
                if queries::is_archived(&tx, family)? {
                    return Err(StoreError::CaseArchived);
                }
                // A family this laptop handed over is read-only here.
                if self.role == Role::Assistant
                    && !matches!(pending.change, Change::FamilyHandedOver { .. })
                    && crate::steering::is_handed_over_here(&tx, family, self.author.user_id, self.device_id)?
                {
                    return Err(StoreError::CaseHandedOver);
                }
            }
        }
        local(&tx)?;
        let me = self.author.user_id;
        // Only taking a family on (or re-activating one) can raise the
        // caseload: the count is skipped for every other change.
        let may_raise = changes.iter().any(|c| {
            matches!(c.change, Change::FamilyCreated { .. } | Change::FamilyStatusChanged { .. })
                || matches!(&c.change, Change::ConflictResolved { record: asysta_core::EntityType::Family, field, .. } if field == "status")
        });
        let active_before = if may_raise { queries::active_family_count_of(&tx, me)? } else { 0 };
        let ids = log::Identity { device_id: self.device_id, author: &self.author };
        let events = derive::append_local(&tx, &ids, self.env.as_mut(), changes)?;
        let active_after = if may_raise { queries::active_family_count_of(&tx, me)? } else { 0 };
        if active_after > active_before {
            let cap = queries::settings(&tx)?.caseload_cap;
            if let CaseloadCheck::Refused { active, cap } = check_caseload(active_after, cap) {
                return Err(StoreError::CaseloadFull { active: active - 1, cap });
            }
        }
        tx.commit()?;
        Ok(events)
    }

    /// Every live family in Polish alphabetical order.
    pub fn list_families(&self) -> Result<Vec<FamilySummary>> {
        queries::list_families(&self.conn, None)
    }

    /// Live families with `status` (all when `None`), in Polish order.
    pub fn list_families_with_status(&self, status: Option<FamilyStatus>) -> Result<Vec<FamilySummary>> {
        queries::list_families(&self.conn, status)
    }

    /// The centre's settings (caseload cap, days without a visit).
    pub fn settings(&self) -> Result<Settings> {
        queries::settings(&self.conn)
    }

    /// Changes the centre's settings (an event, so it travels in bundles).
    pub fn set_settings(&mut self, settings: Settings) -> Result<()> {
        self.require_role(Role::Centre)?;
        asysta_core::record::validate_settings(settings.caseload_cap, settings.no_visit_days)
            .map_err(StoreError::Invalid)?;
        let base_rev = queries::settings_rev(&self.conn)?;
        self.commit_changes(vec![PendingChange {
            entity_id: SETTINGS_ID,
            base_rev,
            change: Change::WorkspaceSettingsSet {
                caseload_cap: settings.caseload_cap,
                no_visit_days: settings.no_visit_days,
                evaluation_months: None,
                monitoring_months: None,
                lock_minutes: None,
                attachment_limit_mb: None,
            },
        }])?;
        Ok(())
    }

    /// The work-plan areas (the centre's list, or the default one).
    pub fn plan_areas(&self) -> Result<Vec<PlanArea>> {
        queries::plan_areas(&self.conn)
    }

    /// Replaces the list of work-plan areas. Keys must be unique and the
    /// names present; areas used by existing plans should be kept.
    pub fn set_plan_areas(&mut self, areas: Vec<PlanArea>) -> Result<()> {
        self.require_role(Role::Centre)?;
        let mut errors = Vec::new();
        let mut keys = std::collections::HashSet::new();
        for (i, area) in areas.iter().enumerate() {
            let blank = area.key.trim().is_empty() || area.name_pl.trim().is_empty() || area.name_en.trim().is_empty();
            if blank || !keys.insert(area.key.clone()) {
                errors
                    .push(asysta_core::FieldError::new(&format!("areas[{i}]"), asysta_core::FieldErrorCode::NotInList));
            }
        }
        if areas.is_empty() {
            errors.push(asysta_core::FieldError::new("areas", asysta_core::FieldErrorCode::Required));
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let base_rev = queries::settings_rev(&self.conn)?;
        self.commit_changes(vec![PendingChange {
            entity_id: SETTINGS_ID,
            base_rev,
            change: Change::WorkspacePlanAreasSet { areas },
        }])?;
        Ok(())
    }

    /// Where this assistant's caseload stands now (for the UI's warning at
    /// 14 and 15). The cap is per assistant: a centre's database holds many
    /// caseloads.
    pub fn caseload(&self) -> Result<CaseloadCheck> {
        Ok(check_caseload(
            queries::active_family_count_of(&self.conn, self.author.user_id)?,
            self.settings()?.caseload_cap,
        ))
    }

    /// Replaces a family's case details.
    pub fn set_case_details(&mut self, family_id: EntityId, details: CaseDetails) -> Result<()> {
        let base_rev = queries::live_rev(&self.conn, "families", family_id)?;
        self.commit_changes(vec![PendingChange {
            entity_id: family_id,
            base_rev,
            change: Change::FamilyDetailsSet { details: Box::new(details) },
        }])?;
        Ok(())
    }

    /// Moves a family to `status` (re-activation, monitoring, archiving);
    /// refuses moves the course of the work does not allow, closing (see
    /// `close_work`), and re-activation over the caseload cap.
    pub fn change_status(
        &mut self,
        family_id: EntityId,
        status: FamilyStatus,
        reason: &str,
        on: Option<chrono::NaiveDate>,
    ) -> Result<()> {
        let base_rev = queries::live_rev(&self.conn, "families", family_id)?;
        let current = self.status_of(family_id)?;
        // Closing has its own form, with a reason from the centre's list, a
        // summary and a final evaluation (`close_work`).
        if !current.can_become(status) || status == FamilyStatus::Closed {
            return Err(StoreError::StatusChange { from: current, to: status });
        }
        let reason = asysta_core::record::validate_status_reason(status, reason).map_err(StoreError::Invalid)?;
        self.commit_changes(vec![PendingChange {
            entity_id: family_id,
            base_rev,
            change: Change::FamilyStatusChanged { status, reason, on, reason_key: None, summary: String::new() },
        }])?;
        Ok(())
    }

    /// Adds a person to a family.
    pub fn add_member(&mut self, family_id: EntityId, details: MemberDetails) -> Result<EntityId> {
        queries::live_rev(&self.conn, "families", family_id)?;
        let id = EntityId::new_v7(self.env.now_ms(), random_array(self.env.as_mut())?);
        self.commit_changes(vec![PendingChange {
            entity_id: id,
            base_rev: 0,
            change: Change::MemberAdded { family_id, details },
        }])?;
        Ok(id)
    }

    /// Replaces a person's details.
    pub fn update_member(&mut self, member_id: EntityId, details: MemberDetails) -> Result<()> {
        let base_rev = queries::live_rev(&self.conn, "members", member_id)?;
        self.commit_changes(vec![PendingChange {
            entity_id: member_id,
            base_rev,
            change: Change::MemberUpdated { details },
        }])?;
        Ok(())
    }

    /// People already on record who may be the same person as `candidate`
    /// (same PESEL, or same folded name and birth date), leaving out
    /// `editing` (the member being edited, if any).
    pub fn find_duplicates(&self, candidate: &MemberDetails, editing: Option<EntityId>) -> Result<Vec<DuplicateView>> {
        let people: Vec<(PersonRef, String)> =
            queries::all_people(&self.conn)?.into_iter().filter(|(p, _)| Some(p.member_id) != editing).collect();
        let refs: Vec<PersonRef> = people.iter().map(|(p, _)| p.clone()).collect();
        Ok(find_duplicates(candidate, &refs)
            .into_iter()
            .filter_map(|m| {
                let (person, family_name) = people.iter().find(|(p, _)| p.member_id == m.member_id)?;
                Some(DuplicateView {
                    member_id: m.member_id,
                    family_id: m.family_id,
                    family_name: family_name.clone(),
                    first_name: person.first_name.clone(),
                    last_name: person.last_name.clone(),
                    reason: m.reason,
                })
            })
            .collect())
    }

    /// The family a live member belongs to.
    pub fn family_of_member(&self, member_id: EntityId) -> Result<EntityId> {
        queries::live_rev(&self.conn, "members", member_id)?;
        let id: String =
            self.conn
                .query_row("SELECT family_id FROM members WHERE id = ?1", [member_id.to_string()], |r| r.get(0))?;
        id.parse().map_err(|_| StoreError::CorruptLog(format!("bad family id {id:?}")))
    }

    /// The whole case of one family.
    pub fn family_case(&self, family_id: EntityId) -> Result<FamilyCase> {
        let mut case = queries::family_case(&self.conn, family_id)?;
        case.steering = self.case_steering(family_id)?;
        Ok(case)
    }

    /// Families matching every word of `query` in the family name, a
    /// member's name or PESEL, or the address; diacritic-insensitive.
    pub fn search_families(&self, query: &str) -> Result<Vec<FamilySummary>> {
        queries::search_families(&self.conn, query)
    }

    /// Saves the next version of a family's work plan and returns its number.
    pub fn save_plan_version(&mut self, family_id: EntityId, version: NewPlanVersion) -> Result<u32> {
        queries::live_rev(&self.conn, "families", family_id)?;
        // A new plan's id is derived from its family's, so two devices that
        // each draw up a first plan write to the same plan record.
        let (plan_id, base_rev) = queries::plan_of(&self.conn, family_id)?.unwrap_or((plan_id_for(family_id), 0));
        let number = queries::plan_versions_of(&self.conn, family_id)?.len() as u32 + 1;
        self.commit_changes(vec![PendingChange {
            entity_id: plan_id,
            base_rev,
            change: Change::PlanVersionSaved { family_id, version: version.into_version(number) },
        }])?;
        Ok(number)
    }

    /// Loads a family's first plan and a run of past visits in one
    /// transaction (used by `asysta demo`). The family must have no plan yet.
    pub fn add_plan_and_visits(&mut self, family_id: EntityId, plan: NewPlanVersion, visits: Vec<Visit>) -> Result<()> {
        queries::live_rev(&self.conn, "families", family_id)?;
        if queries::plan_of(&self.conn, family_id)?.is_some() {
            return Err(StoreError::Invalid(vec![asysta_core::FieldError::new(
                "plan",
                asysta_core::FieldErrorCode::NotInList,
            )]));
        }
        let now = self.env.now_ms();
        let mut changes = vec![PendingChange {
            entity_id: plan_id_for(family_id),
            base_rev: 0,
            change: Change::PlanVersionSaved { family_id, version: plan.into_version(1) },
        }];
        for visit in visits {
            changes.push(PendingChange {
                entity_id: EntityId::new_v7(now, random_array(self.env.as_mut())?),
                base_rev: 0,
                change: Change::VisitRecorded { family_id, visit: Box::new(visit) },
            });
        }
        self.commit_changes(changes)?;
        Ok(())
    }

    /// A fresh record id (for new plan goals and actions).
    pub fn new_id(&mut self) -> Result<EntityId> {
        Ok(EntityId::new_v7(self.env.now_ms(), random_array(self.env.as_mut())?))
    }

    /// Notes progress on a plan action outside a visit.
    pub fn add_progress_note(&mut self, family_id: EntityId, note: ProgressNote) -> Result<()> {
        let (plan_id, base_rev) =
            queries::plan_of(&self.conn, family_id)?.ok_or_else(|| StoreError::NotFound(family_id.to_string()))?;
        self.commit_changes(vec![PendingChange {
            entity_id: plan_id,
            base_rev,
            change: Change::PlanProgressNoted { note },
        }])?;
        Ok(())
    }

    /// Records a visit; the family's visit draft, if any, is discarded in
    /// the same transaction (the visit replaces it).
    pub fn record_visit(&mut self, family_id: EntityId, visit: Visit) -> Result<EntityId> {
        queries::live_rev(&self.conn, "families", family_id)?;
        let id = EntityId::new_v7(self.env.now_ms(), random_array(self.env.as_mut())?);
        let change = Change::VisitRecorded { family_id, visit: Box::new(visit) };
        self.commit_changes_with(vec![PendingChange { entity_id: id, base_rev: 0, change }], |tx| {
            tx.execute("DELETE FROM visit_drafts WHERE family_id = ?1", [family_id.to_string()])?;
            Ok(())
        })?;
        Ok(id)
    }

    /// Corrects a diary entry. A visit planned ahead becomes a diary
    /// entry this way (`planned: false`, keeping its purpose); the family's
    /// visit draft then goes, as when a visit is recorded.
    pub fn update_visit(&mut self, family_id: EntityId, visit_id: EntityId, mut visit: Visit) -> Result<()> {
        let (table, was_planned, base_rev) = match queries::live_rev(&self.conn, "visits", visit_id) {
            Err(StoreError::NotFound(_)) => {
                ("planned_visits", true, queries::live_rev(&self.conn, "planned_visits", visit_id)?)
            }
            other => ("visits", false, other?),
        };
        let (owner, recorded): (String, String) = self.conn.query_row(
            &format!("SELECT family_id, visit_json FROM {table} WHERE id = ?1"),
            [visit_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if owner != family_id.to_string() {
            return Err(StoreError::NotFound(visit_id.to_string()));
        }
        if was_planned {
            visit.planned = Some(false);
        }
        // What the visit was planned for stays with it: the diary's form
        // has no such field, so a correction that gives none keeps it.
        if visit.purpose.is_none() {
            visit.purpose = serde_json::from_str::<Visit>(&recorded)?.purpose;
        }
        self.commit_changes_with(
            vec![PendingChange {
                entity_id: visit_id,
                base_rev,
                change: Change::VisitUpdated { visit: Box::new(visit) },
            }],
            |tx| {
                if was_planned {
                    tx.execute("DELETE FROM visit_drafts WHERE family_id = ?1", [family_id.to_string()])?;
                }
                Ok(())
            },
        )?;
        Ok(())
    }

    /// Keeps the visit form being typed for a family (one draft a family,
    /// replaced on each save). Drafts are local: not events, never exported.
    pub fn save_draft(&mut self, draft: &VisitDraft) -> Result<()> {
        queries::live_rev(&self.conn, "families", draft.family_id)?;
        self.conn.execute(
            "INSERT INTO visit_drafts (family_id, form_json, saved_at_ms) VALUES (?1, ?2, ?3) \
             ON CONFLICT (family_id) DO UPDATE SET form_json = excluded.form_json, saved_at_ms = excluded.saved_at_ms",
            rusqlite::params![
                draft.family_id.to_string(),
                serde_json::to_string(&draft.form)?,
                draft.saved_at_ms as i64
            ],
        )?;
        Ok(())
    }

    /// The visit drafts kept on this device, oldest first.
    pub fn drafts(&self) -> Result<Vec<DraftView>> {
        queries::drafts(&self.conn)
    }

    /// Throws a family's visit draft away.
    pub fn discard_draft(&mut self, family_id: EntityId) -> Result<()> {
        self.conn.execute("DELETE FROM visit_drafts WHERE family_id = ?1", [family_id.to_string()])?;
        Ok(())
    }

    /// The next planned contact of each active family that has one, soonest
    /// first.
    pub fn planned_visits(&self) -> Result<Vec<PlannedVisit>> {
        let mut planned: Vec<PlannedVisit> = queries::activity(&self.conn)?
            .into_iter()
            .filter_map(|active| {
                let family = active.family;
                active.next_planned.map(|date| PlannedVisit { family_id: family.id, family_name: family.name, date })
            })
            .collect();
        planned.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| collation::compare(&a.family_name, &b.family_name)));
        Ok(planned)
    }

    /// The home screen's alerts for the active families on `today`.
    pub fn alerts(&self, today: NaiveDate) -> Result<Vec<Alert>> {
        let settings = self.settings()?;
        let mut activity = Vec::new();
        // Read for every family at once: a centre holds hundreds.
        let plans = queries::progress::current_plan_versions(&self.conn)?;
        let mut notes = queries::progress::status_notes(&self.conn)?;
        for queries::ActiveFamily { family, last_visit, details_json, .. } in queries::activity(&self.conn)? {
            let details: CaseDetails = serde_json::from_str(&details_json)?;
            let notes = notes.remove(&family.id).unwrap_or_default();
            let overdue_actions = match plans.get(&family.id) {
                Some(current) => overdue_actions(current, &notes, today)
                    .into_iter()
                    .filter_map(|a| {
                        a.deadline.map(|deadline| OverdueAction { action_id: a.id, what: a.what.clone(), deadline })
                    })
                    .collect(),
                None => Vec::new(),
            };
            let started_on = details.start_date.or_else(|| {
                chrono::DateTime::from_timestamp_millis(family.created_at_ms as i64).map(|t| t.date_naive())
            });
            activity.push(FamilyActivity {
                family_id: family.id,
                family_name: family.name,
                last_visit,
                started_on,
                overdue_actions,
            });
        }
        Ok(alerts(&activity, &AlertSettings { no_visit_days: settings.no_visit_days }, today))
    }

    /// Adds a note to a family; `restricted` notes stay out of exports.
    pub fn add_note(&mut self, family_id: EntityId, text: &str, restricted: bool) -> Result<EntityId> {
        queries::live_rev(&self.conn, "families", family_id)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(StoreError::Invalid(vec![asysta_core::FieldError::new(
                "text",
                asysta_core::FieldErrorCode::Required,
            )]));
        }
        let id = EntityId::new_v7(self.env.now_ms(), random_array(self.env.as_mut())?);
        self.commit_changes(vec![PendingChange {
            entity_id: id,
            base_rev: 0,
            change: Change::NoteAdded { family_id, text: text.to_owned(), restricted },
        }])?;
        Ok(id)
    }

    /// The family a record (a visit, a member, an evaluation...) belongs to.
    pub fn family_of_record(&self, entity_id: EntityId) -> Result<EntityId> {
        queries::family_of_entity(&self.conn, entity_id)?.ok_or_else(|| StoreError::NotFound(entity_id.to_string()))
    }

    /// The events of one record, oldest first.
    pub fn history(&self, entity_id: EntityId) -> Result<Vec<Event>> {
        let events = crate::queries::events_of(&self.conn, entity_id)?;
        if events.is_empty() {
            return Err(StoreError::NotFound(entity_id.to_string()));
        }
        Ok(events)
    }

    /// Every event in the log, in HLC order.
    pub fn all_events(&self) -> Result<Vec<Event>> {
        crate::queries::all_events(&self.conn)
    }

    /// Counts per entity type and events per device.
    pub fn stats(&self) -> Result<crate::queries::Stats> {
        crate::queries::stats(&self.conn)
    }

    /// Drops the projection tables' rows and replays the whole log.
    pub fn rebuild_projections(&mut self) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        derive::rebuild(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// The last HLC timestamp this device issued.
    pub fn clock(&self) -> Result<Hlc> {
        log::load_clock(&self.conn)
    }

    /// Runs SQLite's integrity check; `Ok(())` when the file is sound.
    pub fn check_integrity(&self) -> Result<()> {
        let result: String = self.conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if result == "ok" {
            Ok(())
        } else {
            Err(StoreError::DatabaseDamaged(result))
        }
    }

    /// Direct access for tests and benchmarks in this crate's family.
    #[doc(hidden)]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
