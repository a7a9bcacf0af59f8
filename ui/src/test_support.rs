//! Helpers for host tests: render components to HTML without a browser.

use crate::i18n::I18n;
use asysta_i18n::{Locale, Translator};
use std::rc::Rc;
use yew::prelude::*;

/// Renders `C` with the props that `props` builds (in Polish, unless the
/// props put it inside [`InLocale`]). Effects do not run, so nothing calls
/// the shell.
pub fn render<C>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String
where
    C: BaseComponent,
{
    futures::executor::block_on(yew::ServerRenderer::<C>::with_props(props).hydratable(false).render())
}

#[derive(Properties, PartialEq)]
pub struct InLocaleProps {
    pub locale: Locale,
    pub children: Html,
}

/// Provides the translator of `locale` to its children.
#[component]
pub fn InLocale(props: &InLocaleProps) -> Html {
    let i18n = I18n::new(Rc::new(Translator::new(props.locale)), Callback::noop());
    html! {
        <ContextProvider<I18n> context={i18n}>{ props.children.clone() }</ContextProvider<I18n>>
    }
}

/// The text between `<tag ... id="id" ...>` and its closing tag, for simple
/// elements without nested elements of the same tag.
#[track_caller]
pub fn text_of(html: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let at = html.find(&marker).unwrap_or_else(|| panic!("no element with id {id} in {html}"));
    let open_end = at + html[at..].find('>').expect("the tag ends");
    let rest = &html[open_end + 1..];
    let close = rest.find("</").expect("the element closes");
    rest[..close].trim().to_owned()
}

/// Whether an element with `id` is present.
pub fn has_id(html: &str, id: &str) -> bool {
    html.contains(&format!("id=\"{id}\""))
}

/// The id `00000000-0000-0000-0000-0000000000<n>`.
pub fn entity(n: u8) -> asysta_core::EntityId {
    format!("00000000-0000-0000-0000-0000000000{n:02}").parse().unwrap()
}

/// A recorded member `n` of a family.
pub fn member(
    n: u8,
    first_name: &str,
    last_name: &str,
    relation: asysta_core::member::Relation,
    pesel: Option<&str>,
) -> asysta_core::api::MemberView {
    let pesel = pesel.map(|p| asysta_core::Pesel::parse(p).unwrap());
    asysta_core::api::MemberView {
        id: entity(n),
        rev: 1,
        details: asysta_core::member::MemberDetails {
            relation,
            birth_date: pesel.as_ref().map(asysta_core::Pesel::birth_date),
            sex: pesel.as_ref().map(asysta_core::Pesel::sex),
            pesel,
            ..asysta_core::member::MemberDetails::named(first_name, last_name)
        },
    }
}

/// The case of family 1, "Wiśniewscy", with `members` and nothing else.
pub fn family_case(members: Vec<asysta_core::api::MemberView>) -> asysta_core::api::FamilyCase {
    asysta_core::api::FamilyCase {
        family: asysta_core::family::FamilySummary {
            id: entity(1),
            name: "Wiśniewscy".into(),
            address: "ul. Polna 3, Łódź".into(),
            member_count: members.len() as u32,
            rev: 1,
            created_at_ms: 1_764_000_000_000,
            status: asysta_core::record::FamilyStatus::Active,
            last_visit: None,
        },
        status_reason: String::new(),
        details: asysta_core::record::CaseDetails::default(),
        members,
        notes: Vec::new(),
        plan_versions: Vec::new(),
        progress_notes: Vec::new(),
        visits: Vec::new(),
        conflicts: Vec::new(),
        status_on: None,
        closing: None,
        monitoring_until: None,
        evaluations: Vec::new(),
        next_evaluation_due: None,
        opinions: Vec::new(),
        steering: Default::default(),
    }
}
