//! The app's session: the data directory and, once unlocked, the store.
//! Plain Rust, so it is tested without a window; the Tauri commands only
//! lock it and delegate.

use asysta_core::api::{ApiError, ErrorKind, History, WorkspaceStatus};
use asysta_core::family::{validate_new_family, FamilySummary, NewFamilyForm};
use asysta_core::workspace::{validate_new_workspace, NewWorkspaceForm};
use asysta_core::EntityId;
use asysta_store::{KdfParams, Passphrase, Presence, Store, SystemEnvironment};
use std::path::PathBuf;

/// One window's view of one data directory.
#[derive(Debug)]
pub struct Session {
    data_dir: PathBuf,
    kdf: KdfParams,
    store: Option<Store>,
}

impl Session {
    pub fn new(data_dir: PathBuf) -> Session {
        Session { data_dir, kdf: KdfParams::DEFAULT, store: None }
    }

    /// A session whose new workspaces use `kdf` (tests only).
    pub fn with_kdf(data_dir: PathBuf, kdf: KdfParams) -> Session {
        Session { data_dir, kdf, store: None }
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
        self.status()
    }

    pub fn unlock(&mut self, passphrase: &str) -> Result<WorkspaceStatus, ApiError> {
        if self.store.is_none() {
            self.store = Some(Store::open(&self.data_dir, &Passphrase::new(passphrase), Box::new(SystemEnvironment))?);
        }
        self.status()
    }

    pub fn lock(&mut self) -> Result<WorkspaceStatus, ApiError> {
        self.store = None;
        self.status()
    }

    pub fn list_families(&self) -> Result<Vec<FamilySummary>, ApiError> {
        Ok(self.store()?.list_families()?)
    }

    pub fn add_family(&mut self, form: &NewFamilyForm) -> Result<EntityId, ApiError> {
        let family = validate_new_family(form).map_err(ApiError::invalid)?;
        Ok(self.store_mut()?.add_family(&family)?)
    }

    pub fn history(&self, entity_id: EntityId) -> Result<History, ApiError> {
        Ok(self.store()?.history(entity_id)?)
    }

    fn store(&self) -> Result<&Store, ApiError> {
        self.store.as_ref().ok_or(ApiError::new(ErrorKind::Locked))
    }

    fn store_mut(&mut self) -> Result<&mut Store, ApiError> {
        self.store.as_mut().ok_or(ApiError::new(ErrorKind::Locked))
    }
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
        let id = session.add_family(&form).unwrap();
        assert_eq!(session.lock().unwrap(), WorkspaceStatus::Locked);
        assert_eq!(session.unlock("złe hasło 1234").unwrap_err().kind, ErrorKind::WrongPassphrase);
        session.unlock("długie hasło 99").unwrap();
        assert_eq!(session.list_families().unwrap()[0].id, id);
        assert_eq!(session.history(id).unwrap().len(), 1);
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
}
