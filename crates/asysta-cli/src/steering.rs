//! How the centre steers the work, from the command line: its register of
//! assistants (`register`), intake and the waiting list (`intake`),
//! assignments and transfers (`transfers`), decisions on plan versions
//! (`approvals`), comments (`comments`), families entered twice by two
//! assistants (`duplicates`), and what they add to `asysta family show`
//! (`case`).
//!
//! Every change is one operation of `asysta_core::ops` run through
//! `Store::run`, which checks the role and the input: these modules only
//! parse the command line, pass what was typed, and print. A refusal is
//! one localized line naming the flag to fix.

pub mod approvals;
pub mod case;
pub mod comments;
pub mod duplicates;
pub mod intake;
pub mod register;
pub mod transfers;

pub use comments::CommentCommand;
pub use duplicates::DuplicatesCommand;
pub use intake::IntakeCommand;
pub use register::AssistantCommand;
pub use transfers::{TransferArgs, TransferCommand};

use crate::commands::describe_with;
use asysta_core::api::ApiError;
use asysta_i18n::Translator;
use asysta_store::StoreError;
use chrono::NaiveDate;

/// A refusal of the store, each refused field named by the flag that
/// filled it: `flags` maps the operation's field names that differ from
/// their flag (`assistant_id` → `--to`); any other field `f_g` is `--f-g`.
pub fn refused<'a>(t: &'a Translator, flags: &'a [(&'a str, &'a str)]) -> impl Fn(StoreError) -> String + 'a {
    move |e| {
        describe_with(&ApiError::from(e), t, &|field| {
            flags
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, flag)| (*flag).to_owned())
                .unwrap_or_else(|| format!("--{}", field.replace('_', "-")))
        })
    }
}

/// A date as people read it, `24.11.2025`.
pub fn day(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}
