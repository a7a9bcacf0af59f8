//! Presentational components: they take props and callbacks, and read only
//! the translator from context.

pub mod case_header;
pub mod checkbox;
pub mod confirm;
pub mod duplicates;
pub mod family_list;
pub mod field;
pub mod foster_placement;
pub mod header;
pub mod history;
pub mod lazy_details;
pub mod member_list;
pub mod note_list;
pub mod plan_diff;
pub mod plan_view;
pub mod select;
pub mod textarea;
pub mod visit_list;

#[cfg(test)]
mod tests;
