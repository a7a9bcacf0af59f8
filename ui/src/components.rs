//! Presentational components: they take props and callbacks, and read only
//! the translator from context.

pub mod family_list;
pub mod field;
pub mod header;
pub mod history;

#[cfg(test)]
mod tests;
