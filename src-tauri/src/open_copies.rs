//! PDFs opened in the system's viewer. The viewer needs a file, so the
//! attachment is copied into a folder of this run of the app: in the
//! user's runtime folder where there is one (on Linux a memory-backed
//! folder only the user can read), else the temporary folder; readable by
//! the user alone. The folder is removed when the app locks or closes, and
//! a folder left by a run that crashed is removed at the next start, so no
//! readable copy outlives the app.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The name every run's folder starts with.
const PREFIX: &str = "asysta-open-";
/// A file in a run's folder, locked while that run lives: a second window
/// of the app started meanwhile leaves the first one's copies alone.
const IN_USE: &str = ".in-use";
/// Overrides where the folders are made (tests).
pub const OPEN_DIR_ENV: &str = "ASYSTA_OPEN_DIR";

/// This run's folder of opened copies.
pub struct OpenCopies {
    dir: PathBuf,
    /// The lock on [`IN_USE`], held from the first copy until cleared.
    in_use: std::sync::Mutex<Option<std::fs::File>>,
}

impl OpenCopies {
    /// The folder of this run, under `base`; folders of earlier runs there
    /// are removed.
    pub fn new(base: PathBuf) -> OpenCopies {
        if let Ok(entries) = std::fs::read_dir(&base) {
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with(PREFIX) && !in_use(&entry.path()) {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        OpenCopies { dir: base.join(format!("{PREFIX}{}", std::process::id())), in_use: Default::default() }
    }

    /// Where this machine keeps them: [`OPEN_DIR_ENV`], the user's
    /// runtime folder, or the temporary folder.
    pub fn default_base() -> PathBuf {
        if let Some(dir) = std::env::var_os(OPEN_DIR_ENV) {
            return PathBuf::from(dir);
        }
        directories::BaseDirs::new()
            .and_then(|b| b.runtime_dir().map(Path::to_path_buf))
            .unwrap_or_else(std::env::temp_dir)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes a copy named `file_name` (a fresh subfolder each time, so two
    /// files of one name do not collide); its path.
    pub fn write(&self, file_name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        private_dir(&self.dir)?;
        {
            let mut in_use = self.in_use.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if in_use.is_none() {
                let file = std::fs::File::create(self.dir.join(IN_USE))?;
                file.lock()?;
                *in_use = Some(file);
            }
        }
        let folder = tempfile::Builder::new().prefix("copy-").tempdir_in(&self.dir)?.keep();
        let path = folder.join(sanitised(file_name));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        Ok(path)
    }

    /// Removes every copy of this run.
    pub fn clear(&self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        *self.in_use.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }
}

impl Drop for OpenCopies {
    fn drop(&mut self) {
        self.clear();
    }
}

/// Whether a run still living holds the folder `dir` (a folder left by a
/// run that crashed has its lock released with the process).
fn in_use(dir: &Path) -> bool {
    match std::fs::File::open(dir.join(IN_USE)) {
        Ok(file) => matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock)),
        Err(_) => false,
    }
}

/// Creates `dir` readable by the user alone.
fn private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// A file name without folders in it.
fn sanitised(file_name: &str) -> String {
    let name: String = file_name.chars().map(|c| if matches!(c, '/' | '\\' | '\0') { '_' } else { c }).collect();
    if name.trim().is_empty() {
        "plik.pdf".into()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_private_and_gone_when_cleared_or_at_the_next_start() {
        let base = tempfile::tempdir().unwrap();
        let copies = OpenCopies::new(base.path().to_owned());
        let path = copies.write("postanowienie.pdf", b"%PDF-1.4 ...").unwrap();
        let again = copies.write("postanowienie.pdf", b"%PDF-1.4 ...").unwrap();
        assert_ne!(path, again, "two copies of one name do not collide");
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.4 ...");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
            assert_eq!(std::fs::metadata(copies.dir()).unwrap().permissions().mode() & 0o777, 0o700);
        }
        copies.clear();
        assert!(!path.exists() && !copies.dir().exists());

        // A run that crashed left its folder: the next start removes it.
        let left = base.path().join("asysta-open-1");
        std::fs::create_dir(&left).unwrap();
        std::fs::write(left.join("skan.pdf"), b"x").unwrap();
        let next = OpenCopies::new(base.path().to_owned());
        assert!(!left.exists());
        let path = next.write("../../etc/passwd", b"x").unwrap();
        assert!(path.starts_with(next.dir()), "no way out of the folder: {path:?}");

        // A second window started meanwhile leaves this one's copies be.
        let second = OpenCopies::new(base.path().to_owned());
        assert!(path.exists(), "a living run's copy is kept");
        drop(second);
        drop(next);
        assert!(!path.exists(), "closing the app removes its copies");
    }
}
