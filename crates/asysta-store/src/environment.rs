//! The clock and the randomness the store hands to the pure core.

use crate::error::{Result, StoreError};

/// Where "now" and random bytes come from. Production uses the system;
/// tests can pin both.
pub trait Environment: Send {
    /// Wall-clock time in Unix milliseconds.
    fn now_ms(&self) -> u64;
    /// Fills `buf` with cryptographically secure random bytes.
    fn fill_random(&mut self, buf: &mut [u8]) -> Result<()>;
}

/// The system clock and the operating system's CSPRNG.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemEnvironment;

impl Environment for SystemEnvironment {
    fn now_ms(&self) -> u64 {
        // The one place that reads the wall clock (see clippy.toml).
        #[allow(clippy::disallowed_methods)]
        let now = std::time::SystemTime::now();
        now.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
    }

    fn fill_random(&mut self, buf: &mut [u8]) -> Result<()> {
        getrandom::getrandom(buf).map_err(|e| StoreError::Random(e.to_string()))
    }
}

pub(crate) fn random_array<const N: usize>(env: &mut dyn Environment) -> Result<[u8; N]> {
    let mut out = [0u8; N];
    env.fill_random(&mut out)?;
    Ok(out)
}
