//! Where the CLI gets passphrases: an environment variable, else a prompt on
//! a terminal, else a clear error (never a silent empty passphrase).

use asysta_store::Passphrase;
use std::io::IsTerminal;

pub const PASSPHRASE_ENV: &str = "ASYSTA_PASSPHRASE";
pub const NEW_PASSPHRASE_ENV: &str = "ASYSTA_NEW_PASSPHRASE";

/// Reads a passphrase from `env_var`, else prompts (twice when `confirm`).
pub fn read(env_var: &str, prompt: &str, confirm: bool) -> Result<Passphrase, String> {
    if let Ok(value) = std::env::var(env_var) {
        return Ok(Passphrase::new(value));
    }
    if !std::io::stdin().is_terminal() {
        return Err(format!("no passphrase: set {env_var} or run in a terminal to be asked"));
    }
    let first = Passphrase::new(rpassword::prompt_password(format!("{prompt}: ")).map_err(|e| e.to_string())?);
    if confirm {
        let second =
            Passphrase::new(rpassword::prompt_password(format!("{prompt} (again): ")).map_err(|e| e.to_string())?);
        if first.expose() != second.expose() {
            return Err("the passphrases differ".into());
        }
    }
    Ok(first)
}
