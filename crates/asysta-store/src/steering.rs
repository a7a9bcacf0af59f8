//! The centre steers: the `Store` methods of the register of assistants,
//! intake and assignments, transfers and their acknowledgement, decisions
//! on plan versions, comments and duplicates across assistants. The rules
//! are `asysta_core::centre`'s; the rows are `projection::steering`'s.

mod approvals;
pub(crate) mod assign;
mod comments;
mod duplicates;
mod figures;
pub(crate) mod register;
#[cfg(test)]
mod tests;

pub(crate) use assign::is_handed_over_here;

use crate::error::{Result, StoreError};

fn id_of<T: std::str::FromStr>(text: &str) -> Result<T> {
    text.parse().map_err(|_| StoreError::CorruptLog(format!("bad id {text:?}")))
}

fn date_of(text: &str) -> Result<chrono::NaiveDate> {
    text.parse().map_err(|_| StoreError::CorruptLog(format!("bad date {text:?}")))
}
