//! Translations for the views, and the remembered language.
//!
//! The app provides an [`I18n`] through a `ContextProvider`; components read
//! it with [`use_i18n`]. All user-visible text comes from the Fluent files
//! through `asysta-i18n`.

use asysta_core::api::ErrorKind;
use asysta_core::FieldError;
use asysta_i18n::{Arg, Locale, Translator};
use std::rc::Rc;
use yew::prelude::*;

/// The localStorage key that remembers the chosen language.
pub const LOCALE_STORAGE_KEY: &str = "asysta.locale";

/// The translator of the current language and the way to switch it.
///
/// `Translator` is neither `Clone` nor `PartialEq`, so it is shared through
/// an `Rc`, and two contexts are equal when their languages are: consumers
/// re-render exactly when the language changes. `switch` must therefore not
/// depend on the current language (the app's switch dispatches a toggle action).
#[derive(Clone)]
pub struct I18n {
    translator: Rc<Translator>,
    switch: Callback<()>,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.locale() == other.locale()
    }
}

impl I18n {
    pub fn new(translator: Rc<Translator>, switch: Callback<()>) -> I18n {
        I18n { translator, switch }
    }

    pub fn locale(&self) -> Locale {
        self.translator.locale()
    }

    pub fn tr(&self, id: &str) -> String {
        self.translator.tr(id)
    }

    /// Whether the message exists in this locale (a test keeps both
    /// languages' messages the same).
    pub fn has(&self, id: &str) -> bool {
        self.translator.has(id)
    }

    pub fn tr_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.translator.tr_args(id, args)
    }

    /// A plural message such as `family-count`, with its `$count`.
    pub fn count(&self, id: &str, count: usize) -> String {
        self.tr_args(id, &[("count", Arg::Num(count as f64))])
    }

    /// The text of a refused field, with `$limit` when the error has one.
    pub fn field_error(&self, error: &FieldError) -> String {
        match error.limit {
            Some(limit) => self.tr_args(error.message_id(), &[("limit", Arg::Num(f64::from(limit)))]),
            None => self.tr(error.message_id()),
        }
    }

    /// A date as the app shows it, dd.mm.rrrr (see [`crate::format::display_date`]).
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        crate::format::display_date(date)
    }

    /// The text that explains a failed command.
    pub fn error(&self, kind: ErrorKind) -> String {
        self.tr(kind.message_id())
    }

    /// The text that explains a failed command with its named arguments
    /// (a bundle's file name, a fingerprint). A file that could not be read
    /// at all is named before the general message, which has no place for it.
    pub fn api_error(&self, error: &asysta_core::api::ApiError) -> String {
        let args: Vec<(&str, Arg<'_>)> = error.args.iter().map(|(k, v)| (k.as_str(), Arg::Str(v))).collect();
        let text = self.tr_args(error.kind.message_id(), &args);
        match error.args.get("file") {
            Some(file) if error.kind == ErrorKind::Storage => format!("{file}: {text}"),
            _ => text,
        }
    }

    /// Switches to the other language.
    pub fn switch_callback(&self) -> Callback<()> {
        self.switch.clone()
    }
}

/// The app's translator; Polish when no provider is present (isolated
/// component tests).
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(Rc::new(Translator::new(Locale::default())), Callback::noop()))
}

/// The language the switch button changes to.
pub fn other_locale(locale: Locale) -> Locale {
    match locale {
        Locale::Pl => Locale::En,
        Locale::En => Locale::Pl,
    }
}

/// Reads a remembered language; anything unknown or absent is Polish.
pub fn parse_stored_locale(stored: Option<&str>) -> Locale {
    stored.map(Locale::from_code).unwrap_or_default()
}

/// The language remembered in localStorage (Polish by default).
pub fn stored_locale() -> Locale {
    parse_stored_locale(browser::read_stored_locale().as_deref())
}

/// Remembers `locale` and marks the document with its `lang`.
pub fn apply_locale(locale: Locale) {
    browser::store_locale(locale);
    browser::set_document_lang(locale);
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::LOCALE_STORAGE_KEY;
    use asysta_i18n::Locale;

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub(super) fn read_stored_locale() -> Option<String> {
        storage()?.get_item(LOCALE_STORAGE_KEY).ok().flatten()
    }

    pub(super) fn store_locale(locale: Locale) {
        // A browser that refuses storage just forgets the choice.
        if let Some(storage) = storage() {
            let _ = storage.set_item(LOCALE_STORAGE_KEY, locale.code());
        }
    }

    pub(super) fn set_document_lang(locale: Locale) {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", locale.code());
        }
    }
}

/// Host tests have no browser: nothing is remembered.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use asysta_i18n::Locale;

    pub(super) fn read_stored_locale() -> Option<String> {
        None
    }

    pub(super) fn store_locale(_locale: Locale) {}

    pub(super) fn set_document_lang(_locale: Locale) {}
}

#[cfg(test)]
mod tests;
