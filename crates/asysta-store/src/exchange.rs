//! Bundles between a laptop and its centre: enrolment, export, import,
//! verification, the sync status, and recovery of a forgotten passphrase.
//! The bundle's bytes are `asysta-bundle`'s; this module decides what goes
//! in, whom to trust, and applies what comes out, in one transaction.

pub(crate) mod keys;
mod naming;
pub(crate) mod peers;
mod policy;
mod select;

use crate::environment::random_array;
use crate::error::{Result, StoreError};
use crate::fsutil::write_file_atomically;
use crate::ingest;
use crate::keyfile::{KdfParams, KeyFile};
use crate::paths::WorkspacePaths;
use crate::secret::{DatabaseKey, Passphrase};
use crate::workspace::Store;
use asysta_bundle::{BundleError, Enrolment, Fingerprint, Header, Party, Verified};
use asysta_core::exchange::{
    BundleInfo, BundleRecord, Caseload, Direction, ExportSummary, ImportSummary, MissingEvents, PeerView, SenderTrust,
    SyncStatus,
};
use asysta_core::workspace::Role;
use asysta_core::{DeviceId, EntityId};
use peers::Peer;
use select::Audience;
use std::collections::BTreeMap;
use std::path::Path;

pub use naming::bundle_file_name;

/// What to export.
#[derive(Clone, Debug, Default)]
pub struct ExportRequest {
    /// At a centre: the device the bundle is for. On a laptop: none (the
    /// bundle is for its centre).
    pub device: Option<DeviceId>,
    /// Everything, not only what the receiver lacks.
    pub full: bool,
    /// On a laptop: restricted notes in full, not as placeholders.
    pub include_restricted: bool,
}

/// Where an export stands, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportProgress {
    /// Events read so far.
    Reading(u64),
    /// Signing and encrypting this many events.
    Sealing(u64),
    /// Writing this many bytes.
    Writing(u64),
}

/// A file's label in messages (its name): for `asysta import` and the app.
pub fn label_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

impl Store {
    fn require(&self, role: Role) -> Result<()> {
        if self.role != role {
            return Err(StoreError::WrongRole { needed: role.as_str() });
        }
        Ok(())
    }

    /// This workspace's fingerprint (of its public keys), as both screens
    /// show it before a device is trusted.
    pub fn fingerprint(&self) -> Fingerprint {
        self.keys.public().fingerprint()
    }

    fn party(&self) -> Result<Party> {
        let info = self.info()?;
        Ok(Party {
            device_id: self.device_id,
            workspace_id: self.workspace_id.0,
            role: self.role,
            user_id: self.author.user_id,
            user_name: self.author.name.clone(),
            centre_name: info.centre_name,
            keys: self.keys.public(),
        })
    }

    /// A centre's enrolment file (JSON): its name, public keys and
    /// fingerprint, for its assistants' laptops.
    pub fn enrolment(&self) -> Result<Enrolment> {
        self.require(Role::Centre)?;
        let info = self.info()?;
        Ok(Enrolment::new(&info.centre_name, self.workspace_id.0, self.device_id, self.keys.public()))
    }

    /// Writes the enrolment file (atomically).
    pub fn export_enrolment(&self, path: &Path) -> Result<Enrolment> {
        let enrolment = self.enrolment()?;
        write_file_atomically(path, &enrolment.to_json())?;
        Ok(enrolment)
    }

    /// The centre's age identity as a file the reference `age` CLI reads,
    /// for the centre's administrator (written atomically, owner-only).
    pub fn export_identity(&self, path: &Path) -> Result<()> {
        self.require(Role::Centre)?;
        let text = self.keys.age_identity_file(&self.info()?.centre_name);
        write_file_atomically(path, text.as_bytes())?;
        restrict_to_owner(path);
        Ok(())
    }

    /// On a laptop: reads a centre's enrolment file. From then on the
    /// laptop's bundles are addressed to that centre and the centre's
    /// bundles are trusted; the database key is also sealed to the centre
    /// (the recovery wrap in the key file). Enrolling again with the same
    /// centre refreshes it; another centre is refused.
    pub fn enrol(&mut self, bytes: &[u8]) -> Result<Enrolment> {
        self.require(Role::Assistant)?;
        let enrolment = Enrolment::from_json(bytes).map_err(StoreError::Enrolment)?;
        if let Some(current) = peers::centre(&self.conn)? {
            if current.workspace_id != enrolment.workspace_id {
                return Err(StoreError::EnrolledElsewhere { centre: current.centre_name });
            }
        }
        let sealed = asysta_bundle::encrypt_to(&enrolment.keys.age_recipient, self.db_key.bytes())
            .map_err(StoreError::Enrolment)?;
        let key_file = KeyFile::read(&self.paths().key_file)?;
        let next = key_file.with_recovery(&sealed, &enrolment.fingerprint.to_string());
        let peer = Peer {
            device_id: enrolment.device_id,
            workspace_id: enrolment.workspace_id,
            role: Role::Centre,
            user_id: None,
            user_name: enrolment.centre_name.clone(),
            centre_name: enrolment.centre_name.clone(),
            keys: enrolment.keys.clone(),
            fingerprint: enrolment.fingerprint.to_string(),
            trusted_at_ms: self.env.now_ms(),
            their_marks: BTreeMap::new(),
            their_marks_at_ms: 0,
        };
        let key_path = self.paths().key_file.clone();
        let tx = self.conn.transaction()?;
        // The same centre as a new device (restored from a backup): its
        // old device is no longer the one bundles go to or come from.
        tx.execute(
            "DELETE FROM peers WHERE role = 'centre' AND workspace_id = ?1 AND device_id <> ?2",
            [enrolment.workspace_id.to_string(), enrolment.device_id.to_string()],
        )?;
        peers::put(&tx, &peer)?;
        // The key file is written inside the transaction: if it fails,
        // nothing is enrolled; if the commit fails after it, the extra wrap
        // is harmless and enrolling again replaces it.
        next.write(&key_path)?;
        tx.commit()?;
        Ok(enrolment)
    }

    /// Writes a bundle for the centre (on a laptop) or for one device (at a
    /// centre) to `to`: a file, or a folder in which a name is made (who,
    /// when, which range). Written atomically: a full disk or a pulled USB
    /// stick leaves no file under the final name.
    pub fn export_bundle(
        &mut self,
        to: &Path,
        request: &ExportRequest,
        progress: &mut dyn FnMut(ExportProgress),
    ) -> Result<ExportSummary> {
        let peer = match (self.role, request.device) {
            (Role::Assistant, _) => peers::centre(&self.conn)?.ok_or(StoreError::NotEnrolled)?,
            (Role::Centre, Some(device)) => {
                peers::get(&self.conn, device)?.ok_or_else(|| StoreError::UnknownPeer(device.to_string()))?
            }
            (Role::Centre, None) => {
                return Err(StoreError::Invalid(vec![asysta_core::FieldError::new(
                    "device",
                    asysta_core::FieldErrorCode::Required,
                )]))
            }
        };
        if self.role == Role::Assistant {
            // A transfer away from this laptop is acknowledged after its
            // last changes: the family is read-only here from now on.
            let today = crate::projection::steering::day_of(self.env.now_ms());
            self.acknowledge_transfers(today)?;
        }
        let audience = match self.role {
            Role::Assistant => Audience::Centre { include_restricted: request.include_restricted },
            Role::Centre => Audience::Assistant { device: peer.device_id, user: peer.user_id },
        };
        let marks = if request.full { BTreeMap::new() } else { peer.their_marks.clone() };
        let (events, withheld) =
            select::events_for(&self.conn, &marks, &audience, &mut |n| progress(ExportProgress::Reading(n)))?;
        let now = self.env.now_ms();
        let header = Header {
            bundle_id: asysta_core::ids::uuid_v7(now, random_array(self.env.as_mut())?),
            created_at_ms: now,
            sender: self.party()?,
            recipient_workspace: peer.workspace_id,
            recipient_device: peer.device_id,
            ranges: Vec::new(),
            event_count: 0,
            withheld_count: 0,
            file_count: 0,
            marks: ingest::high_water_marks(&self.conn)?,
            full: request.full,
        };
        let files = crate::attachments::files_for(&self.conn, &events)?;
        let bundle_id = header.bundle_id;
        progress(ExportProgress::Sealing(events.len() as u64));
        let own = self.keys.public().age_recipient;
        let bytes =
            asysta_bundle::seal_with_files(header, &events, &files, &self.keys, &[&peer.keys.age_recipient, &own])
                .map_err(|source| StoreError::Bundle { file: label_of(to), source })?;
        let ranges = asysta_bundle::ranges_of(&events);
        let path = if to.is_dir() {
            to.join(bundle_file_name(&self.author.name, now, self.device_id, &ranges))
        } else {
            to.to_owned()
        };
        progress(ExportProgress::Writing(bytes.len() as u64));
        write_file_atomically(&path, &bytes)?;
        let file_name = label_of(&path);
        let record = BundleRecord {
            bundle_id,
            direction: Direction::Export,
            peer_device: peer.device_id,
            at_ms: now,
            file_name: file_name.clone(),
            event_count: events.len() as u64,
            ranges: ranges.clone(),
        };
        peers::log_bundle(&self.conn, &record, blake3::hash(&bytes).as_bytes(), None)?;
        Ok(ExportSummary {
            path: path.display().to_string(),
            file_name,
            bundle_id,
            to_device: peer.device_id,
            event_count: events.len() as u64,
            withheld,
            ranges,
            bytes: bytes.len() as u64,
            full: request.full,
        })
    }

    /// Opens a bundle addressed to this workspace and checks its sender:
    /// decrypted, signature checked, sender compared with the trusted
    /// devices. Parses no event and writes nothing.
    fn open_bundle(&self, bytes: &[u8], file: &str) -> Result<(Verified, SenderTrust, Option<Peer>)> {
        let verified = asysta_bundle::open(bytes, &self.keys)
            .map_err(|source| StoreError::Bundle { file: file.into(), source })?;
        let sender = &verified.header.sender;
        if sender.device_id == self.device_id {
            return Ok((verified, SenderTrust::Own, None));
        }
        let known = peers::get(&self.conn, sender.device_id)?;
        let trust = match &known {
            Some(peer) if peer.keys == sender.keys => SenderTrust::Trusted,
            Some(_) => SenderTrust::KeysChanged,
            None => SenderTrust::Unknown,
        };
        Ok((verified, trust, known))
    }

    /// `asysta verify`: checks a bundle whole (encryption, signature,
    /// events against the header) and says what it holds and whether its
    /// sender is trusted. Writes nothing.
    pub fn verify_bundle(&self, bytes: &[u8], file: &str) -> Result<BundleInfo> {
        let (verified, trust, _) = self.open_bundle(bytes, file)?;
        verified.events().map_err(|source| StoreError::Bundle { file: file.into(), source })?;
        verified.files().map_err(|source| StoreError::Bundle { file: file.into(), source })?;
        let h = &verified.header;
        Ok(BundleInfo {
            file_name: file.into(),
            format_version: verified.format_version(),
            bundle_id: h.bundle_id,
            created_at_ms: h.created_at_ms,
            sender_device: h.sender.device_id,
            sender_role: h.sender.role,
            sender_name: h.sender.user_name.clone(),
            sender_centre: h.sender.centre_name.clone(),
            sender_fingerprint: h.sender.keys.fingerprint().to_string(),
            trust,
            recipient_device: h.recipient_device,
            event_count: h.event_count,
            withheld: h.withheld_count,
            ranges: h.ranges.clone(),
            full: h.full,
        })
    }

    /// Imports a bundle: verified before anything is parsed or written,
    /// then applied in one transaction (all of it or nothing). The same
    /// bundle again changes nothing and says so. A device never seen is
    /// refused with its fingerprint, unless `trust_device` is that
    /// fingerprint (a person compared it with the device's screen).
    pub fn import_bundle(&mut self, bytes: &[u8], file: &str, trust_device: Option<&str>) -> Result<ImportSummary> {
        let (verified, trust, _) = self.open_bundle(bytes, file)?;
        let header = verified.header.clone();
        let sender = &header.sender;
        let found = sender.keys.fingerprint().to_string();
        let given = trust_device
            .map(|t| {
                t.parse::<Fingerprint>().map(|f| f.to_string()).map_err(|_| StoreError::FingerprintMismatch {
                    file: file.into(),
                    given: t.into(),
                    found: found.clone(),
                })
            })
            .transpose()?;
        let mut trusted_now = false;
        match trust {
            SenderTrust::Own => return Err(StoreError::OwnBundle { file: file.into() }),
            SenderTrust::KeysChanged => {
                return Err(StoreError::DeviceKeysChanged { file: file.into(), device: sender.device_id })
            }
            SenderTrust::Trusted => {}
            SenderTrust::Unknown if self.role == Role::Assistant => {
                return Err(match peers::centre(&self.conn)? {
                    None => StoreError::NotEnrolled,
                    Some(_) => StoreError::NotFromCentre { file: file.into() },
                })
            }
            SenderTrust::Unknown => match &given {
                Some(g) if *g == found => trusted_now = true,
                Some(g) => return Err(StoreError::FingerprintMismatch { file: file.into(), given: g.clone(), found }),
                None => {
                    return Err(StoreError::UnknownDevice {
                        file: file.into(),
                        name: sender.user_name.clone(),
                        fingerprint: found,
                    })
                }
            },
        }
        if header.recipient_workspace != self.workspace_id.0 {
            return Err(StoreError::Bundle { file: file.into(), source: BundleError::WrongRecipient });
        }
        let digest = *blake3::hash(bytes).as_bytes();
        if peers::was_imported(&self.conn, &digest)? {
            // The same bytes again: everything in them is stored already.
            return Ok(ImportSummary {
                file_name: file.into(),
                bundle_id: header.bundle_id,
                sender_device: Some(sender.device_id),
                sender_name: sender.user_name.clone(),
                sender_fingerprint: found,
                events: header.event_count,
                unchanged: header.event_count,
                missing: missing_events(&self.conn, &ingest::missing_ranges(&self.conn)?)?,
                already_imported: true,
                ..Default::default()
            });
        }
        let events = verified.events().map_err(|source| StoreError::Bundle { file: file.into(), source })?;
        let files = verified.files().map_err(|source| StoreError::Bundle { file: file.into(), source })?;
        let files = crate::attachments::check_carried(&self.conn, &events, files)?;
        if self.role == Role::Centre {
            self.check_relayed(file, sender, &events)?;
        }
        let enrolled = peers::get(&self.conn, sender.device_id)?;
        policy::check(&self.conn, self.role, file, sender, enrolled.as_ref(), &events)?;
        // Nothing refused: the workspace as it is before the import is
        // backed up first (unless nothing was logged since the last one).
        self.backup_before_import()?;
        let now = self.env.now_ms();

        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if trusted_now {
            peers::put(&tx, &Peer::from_party(sender, now))?;
        }
        // The files first: the attachments' rows are derived with their
        // events, and a file is never without the event that names it.
        for (digest, bytes) in &files {
            crate::attachments::keep_file(&tx, digest, bytes)?;
        }
        let report = ingest::ingest(&tx, self.device_id, self.env.as_mut(), events)?;
        let mut summary = ImportSummary {
            file_name: file.into(),
            bundle_id: header.bundle_id,
            sender_device: Some(sender.device_id),
            sender_name: sender.user_name.clone(),
            sender_fingerprint: found.clone(),
            events: header.event_count,
            applied: report.applied as u64,
            unchanged: report.already_present as u64,
            held_back: report.held_back as u64,
            records_new: report.records_new as u64,
            records_updated: (report.records_changed - report.records_new) as u64,
            conflicts: report.conflicts.len() as u64,
            missing: Vec::new(),
            over_cap: report.over_cap.clone(),
            already_imported: false,
            trusted_now,
            duplicates: 0,
        };
        summary.missing = missing_events(&tx, &report.missing)?;
        peers::record_marks(&tx, sender, &header.marks, header.created_at_ms)?;
        let record = BundleRecord {
            bundle_id: header.bundle_id,
            direction: Direction::Import,
            peer_device: sender.device_id,
            at_ms: now,
            file_name: file.into(),
            event_count: header.event_count,
            ranges: header.ranges.clone(),
        };
        peers::log_bundle(&tx, &record, &digest, Some(serde_json::to_string(&summary)?))?;
        tx.commit()?;
        self.after_imports = Some(self.change_mark()?);
        if self.role == Role::Centre && summary.records_new + summary.records_updated > 0 {
            // Families entered twice by different assistants, flagged for
            // the supervisor.
            summary.duplicates = self.cross_duplicates()?.iter().filter(|p| p.decision.is_none()).count() as u32;
        }
        Ok(summary)
    }

    /// At a centre, a laptop's bundle may bring new events of that laptop
    /// only, written by its one user; events of other devices it relays
    /// must be ones the centre already holds (the centre is where they
    /// come from). So a trusted laptop cannot write in another assistant's
    /// or the centre's name.
    fn check_relayed(&self, file: &str, sender: &Party, events: &[asysta_core::Event]) -> Result<()> {
        let forged = |device| StoreError::ForeignEvents { file: file.into(), device };
        if let Some(peer) = peers::get(&self.conn, sender.device_id)? {
            if peer.user_id.is_some_and(|u| u != sender.user_id) {
                return Err(forged(sender.device_id));
            }
        }
        // One index probe per relayed device (not `high_water_marks`, which
        // scans every event's key and made each import cost in proportion
        // to everything the centre holds).
        let mut ours: BTreeMap<DeviceId, u64> = BTreeMap::new();
        for e in events {
            if e.device_id == sender.device_id {
                if e.author.user_id != sender.user_id {
                    return Err(forged(e.device_id));
                }
                continue;
            }
            let mark = match ours.get(&e.device_id) {
                Some(m) => *m,
                None => *ours.entry(e.device_id).or_insert(crate::log::last_seq(&self.conn, e.device_id)?),
            };
            if e.seq > mark {
                return Err(forged(e.device_id));
            }
        }
        Ok(())
    }

    /// The trusted workspaces: at a centre every enrolled device, on a
    /// laptop its centre.
    pub fn devices(&self) -> Result<Vec<PeerView>> {
        let ours = ingest::high_water_marks(&self.conn)?;
        let conflicts = self.conflicts()?;
        peers::all(&self.conn)?.into_iter().map(|p| self.peer_view(p, &ours, &conflicts)).collect()
    }

    fn peer_view(
        &self,
        peer: Peer,
        ours: &BTreeMap<DeviceId, u64>,
        conflicts: &[asysta_core::merge::Conflict],
    ) -> Result<PeerView> {
        let held_back = crate::log::held_count(&self.conn, peer.device_id)?;
        let conflict_count =
            conflicts.iter().filter(|c| c.versions.iter().any(|v| v.device_id == peer.device_id)).count() as u64;
        Ok(PeerView {
            device_id: peer.device_id,
            workspace_id: peer.workspace_id,
            role: peer.role,
            user_name: peer.user_name,
            centre_name: peer.centre_name,
            fingerprint: peer.fingerprint,
            trusted_at_ms: peer.trusted_at_ms,
            last_import: peers::last_bundle(&self.conn, Direction::Import, Some(peer.device_id))?,
            last_export: peers::last_bundle(&self.conn, Direction::Export, Some(peer.device_id))?,
            pending_events: select::pending_for(&peer.their_marks, ours),
            held_back,
            conflicts: conflict_count,
        })
    }

    /// `asysta sync status` and the sync screen's summary.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let ours = ingest::high_water_marks(&self.conn)?;
        let devices = self.devices()?;
        let (centre, devices): (Vec<_>, Vec<_>) = devices.into_iter().partition(|p| p.role == Role::Centre);
        let centre = if self.role == Role::Assistant { centre.into_iter().next() } else { None };
        let pending = match &centre {
            Some(c) => c.pending_events,
            None if self.role == Role::Assistant => ours.values().sum(),
            None => devices.iter().map(|d| d.pending_events).max().unwrap_or(0),
        };
        let missing = missing_events(&self.conn, &ingest::missing_ranges(&self.conn)?)?;
        let held_back: i64 = self.conn.query_row("SELECT count(*) FROM held_events", [], |r| r.get(0))?;
        Ok(SyncStatus {
            role: self.role,
            device_id: self.device_id,
            fingerprint: self.fingerprint().to_string(),
            centre,
            devices: if self.role == Role::Centre { devices } else { Vec::new() },
            pending_events: pending,
            marks: ours,
            last_export: peers::last_bundle(&self.conn, Direction::Export, None)?,
            last_import: peers::last_bundle(&self.conn, Direction::Import, None)?,
            held_back: held_back as u64,
            missing,
            conflicts: self.conflicts()?.len() as u64,
        })
    }

    /// At a centre: each assistant's active families against the cap.
    pub fn caseloads(&self) -> Result<Vec<Caseload>> {
        let cap = self.settings()?.caseload_cap;
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.assistant_id, c.assistant_name, sum(f.status = 'active') FROM caseloads c \
             JOIN families f ON f.id = c.family_id WHERE f.deleted = 0 GROUP BY c.assistant_id \
             ORDER BY c.assistant_name",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)))?;
        rows.map(|row| {
            let (id, name, active) = row?;
            Ok(Caseload {
                assistant_id: asysta_core::UserId(
                    id.parse().map_err(|_| StoreError::CorruptLog(format!("bad assistant id {id:?}")))?,
                ),
                assistant_name: name,
                active: active as u32,
                cap,
            })
        })
        .collect()
    }

    /// The assistant each family is with (at a centre, for grouping).
    pub fn family_assistants(&self) -> Result<BTreeMap<EntityId, String>> {
        let mut stmt = self.conn.prepare_cached("SELECT family_id, assistant_name FROM caseloads")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (f, name) = row?;
            if let Ok(f) = f.parse() {
                out.insert(f, name);
            }
        }
        Ok(out)
    }

    /// At a centre: reopens an assistant's workspace whose passphrase was
    /// forgotten, with the recovery wrap sealed to this centre at
    /// enrolment, and seals its key under `new_passphrase`. Only the centre
    /// the laptop enrolled with can: another centre's identity does not
    /// open the wrap.
    pub fn recover_workspace(&self, data_dir: &Path, new_passphrase: &Passphrase, kdf: KdfParams) -> Result<()> {
        self.require(Role::Centre)?;
        asysta_core::workspace::validate_passphrase("new_passphrase", new_passphrase.expose())
            .map_err(|e| StoreError::Invalid(vec![e]))?;
        let paths = WorkspacePaths::new(data_dir);
        if !paths.key_file.exists() || !paths.database.exists() {
            return Err(StoreError::WorkspaceMissing(data_dir.to_owned()));
        }
        let file = KeyFile::read(&paths.key_file)?;
        let (sealed, _) = file.recovery().ok_or_else(|| StoreError::NoRecoveryWrap(data_dir.to_owned()))?;
        let opened = self.keys.decrypt_secret(&sealed).map_err(|e| match e {
            BundleError::WrongRecipient => StoreError::NotRecoverableHere(data_dir.to_owned()),
            other => StoreError::KeyFileDamaged { path: paths.key_file.clone(), reason: other.to_string() },
        })?;
        let key = DatabaseKey::from_slice(&opened).ok_or_else(|| StoreError::KeyFileDamaged {
            path: paths.key_file.clone(),
            reason: "the recovery wrap does not hold a key".into(),
        })?;
        // The key must open that database before the key file changes.
        let conn = crate::connection::open_encrypted(&paths.database, &key, false)?;
        crate::migrations::check_not_too_new(&conn)?;
        // The workspace as it was, its key file with it, before the wrap
        // changes.
        crate::backup::back_up_workspace(
            &conn,
            &key,
            &paths,
            self.env.now_ms(),
            asysta_core::backup::BackupReason::Recovery,
        )?;
        drop(conn);
        let mut env = crate::SystemEnvironment;
        let next = file.rewrap(&key, new_passphrase, kdf, random_array(&mut env)?, random_array(&mut env)?)?;
        next.write(&paths.key_file)
    }
}

/// Gaps, with the name of the device's user where the log knows it.
fn missing_events(conn: &rusqlite::Connection, ranges: &[ingest::MissingRange]) -> Result<Vec<MissingEvents>> {
    let mut out = Vec::with_capacity(ranges.len());
    for r in ranges {
        let name: Option<String> = conn
            .prepare_cached(
                "SELECT author_name FROM held_events WHERE device_id = ?1 UNION ALL \
                 SELECT author_name FROM events WHERE device_id = ?1 LIMIT 1",
            )?
            .query_row([r.device_id.to_string()], |row| row.get(0))
            .ok();
        out.push(MissingEvents { device_id: r.device_id, user_name: name, first: r.first, last: r.last });
    }
    Ok(out)
}

#[cfg(unix)]
fn restrict_to_owner(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
fn restrict_to_owner(_: &Path) {}

#[cfg(test)]
mod policy_tests;
#[cfg(test)]
mod property;
#[cfg(test)]
pub(crate) mod tests;
