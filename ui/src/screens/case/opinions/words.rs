//! The words of a draft opinion: always Polish, whatever the screen's
//! language, because the opinion goes to a Polish court. The vocabulary
//! (`asysta_i18n::court::CourtWords`) and the draft live in
//! `asysta_i18n::court`, shared with the CLI.

pub use asysta_i18n::court::draft_from_case as draft_text;
