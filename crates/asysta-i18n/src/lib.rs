//! Translations. The Fluent files live in `assets/locales/<lang>/*.ftl` (one
//! per area: `asysta`, `people`, `plan`, `diary`, `home`, `cases`,
//! `session`) and are compiled into the binary. Polish is the default and
//! the fallback; English is the second locale. Plural forms follow CLDR
//! (Polish has one, few, many and other), which is why this is Fluent and
//! not format strings.

pub mod court;
pub mod reports;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::fmt;
use unic_langid::{langid, LanguageIdentifier};

/// The Fluent files of one locale, one per area of the app. Message ids are
/// unique across all files of a locale.
macro_rules! locale_files {
    ($lang:literal) => {
        &[
            include_str!(concat!("../../../assets/locales/", $lang, "/asysta.ftl")),
            include_str!(concat!("../../../assets/locales/", $lang, "/people.ftl")),
            include_str!(concat!("../../../assets/locales/", $lang, "/plan.ftl")),
            include_str!(concat!("../../../assets/locales/", $lang, "/diary.ftl")),
            include_str!(concat!("../../../assets/locales/", $lang, "/home.ftl")),
            include_str!(concat!("../../../assets/locales/", $lang, "/cases.ftl")),
            include_str!(concat!("../../../assets/locales/", $lang, "/session.ftl")),
            include_str!(concat!("../../../assets/locales/", $lang, "/centre.ftl")),
            include_str!(concat!("../../../assets/locales/", $lang, "/case_steering.ftl")),
            include_str!(concat!("../../../assets/locales/", $lang, "/reports.ftl")),
        ]
    };
}

const PL_FTL: &[&str] = locale_files!("pl");
const EN_FTL: &[&str] = locale_files!("en");

/// A language the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    Pl,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Pl, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Pl => "pl",
            Locale::En => "en",
        }
    }

    /// Picks a locale from a code such as `en`, `en_GB.UTF-8` or `pl-PL`;
    /// anything else is Polish.
    pub fn from_code(code: &str) -> Locale {
        if code.to_ascii_lowercase().starts_with("en") {
            Locale::En
        } else {
            Locale::Pl
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Locale::Pl => langid!("pl"),
            Locale::En => langid!("en"),
        }
    }

    fn sources(self) -> &'static [&'static str] {
        match self {
            Locale::Pl => PL_FTL,
            Locale::En => EN_FTL,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Translates message ids for one locale, falling back to Polish.
pub struct Translator {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
}

impl fmt::Debug for Translator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Translator").field("locale", &self.locale).finish()
    }
}

/// A message argument: text or a number (numbers pick the plural form).
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

impl Translator {
    pub fn new(locale: Locale) -> Translator {
        let fallback = (locale != Locale::Pl).then(|| build_bundle(Locale::Pl));
        Translator { locale, bundle: build_bundle(locale), fallback }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The message `id` without arguments.
    pub fn tr(&self, id: &str) -> String {
        self.tr_args(id, &[])
    }

    /// The message `id` with named arguments. A missing message shows its
    /// id, so a gap is visible rather than silent.
    pub fn tr_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(*s),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        for bundle in std::iter::once(&self.bundle).chain(self.fallback.as_ref()) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
            }
        }
        id.to_owned()
    }

    /// Whether the message exists in this locale (not counting fallback).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

fn build_bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![locale.langid()]);
    // Unicode isolation marks around arguments confuse plain-text outputs
    // (the CLI, test assertions); the UI has no bidirectional text.
    bundle.set_use_isolating(false);
    for source in locale.sources() {
        let resource = FluentResource::try_new((*source).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("an .ftl file of {locale} does not parse: {errors:?}"));
        bundle.add_resource(resource).expect("message ids are unique across a locale's .ftl files");
    }
    bundle
}

/// Every message id of a locale, for completeness checks.
pub fn message_ids(locale: Locale) -> Vec<String> {
    let mut ids = Vec::new();
    for source in locale.sources() {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        ids.extend(resource.entries().filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        }));
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_locales_have_the_same_messages() {
        let mut pl = message_ids(Locale::Pl);
        let mut en = message_ids(Locale::En);
        pl.sort();
        en.sort();
        assert_eq!(pl, en);
        assert!(!pl.is_empty());
    }

    #[test]
    fn polish_plurals_follow_cldr() {
        let t = Translator::new(Locale::Pl);
        let count = |n: f64| t.tr_args("family-count", &[("count", Arg::Num(n))]);
        assert_eq!(count(1.0), "1 rodzina");
        assert_eq!(count(2.0), "2 rodziny");
        assert_eq!(count(5.0), "5 rodzin");
        assert_eq!(count(22.0), "22 rodziny");
        assert_eq!(count(12.0), "12 rodzin");
    }

    #[test]
    fn days_due_read_with_polish_plurals() {
        let t = Translator::new(Locale::Pl);
        let overdue = |n: f64| t.tr_args("due-overdue", &[("days", Arg::Num(n))]);
        assert_eq!(overdue(1.0), "po terminie 1 dzień");
        assert_eq!(overdue(2.0), "po terminie 2 dni");
        assert_eq!(overdue(5.0), "po terminie 5 dni");
        assert_eq!(overdue(22.0), "po terminie 22 dni");
        assert_eq!(t.tr_args("due-in-days", &[("days", Arg::Num(1.0))]), "za 1 dzień");
        let en = Translator::new(Locale::En);
        assert_eq!(en.tr_args("due-overdue", &[("days", Arg::Num(1.0))]), "1 day overdue");
        assert_eq!(en.tr_args("due-in-days", &[("days", Arg::Num(5.0))]), "in 5 days");
    }

    #[test]
    fn english_is_the_second_locale() {
        let t = Translator::new(Locale::En);
        assert_eq!(t.tr_args("family-count", &[("count", Arg::Num(1.0))]), "1 family");
        assert_eq!(t.tr("error-wrong-passphrase"), "Wrong passphrase");
    }

    #[test]
    fn wrong_passphrase_message_is_polish_by_default() {
        assert_eq!(Translator::new(Locale::default()).tr("error-wrong-passphrase"), "Nieprawidłowe hasło");
    }

    #[test]
    fn message_ids_are_unique_within_a_locale() {
        for locale in Locale::ALL {
            let mut ids = message_ids(locale);
            let total = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), total, "a message id repeats in {locale}");
        }
    }

    #[test]
    fn locale_codes_are_read_loosely() {
        assert_eq!(Locale::from_code("en_GB.UTF-8"), Locale::En);
        assert_eq!(Locale::from_code("pl_PL.UTF-8"), Locale::Pl);
        assert_eq!(Locale::from_code("C.UTF-8"), Locale::Pl);
    }
}
