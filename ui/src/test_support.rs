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
