//! A `<details>` whose content is built only when it is first opened: the
//! centre's dashboard shows thirty assistants' cards, each with lists that
//! are read one at a time, and building them all took most of its paint.
//! Once opened, the content stays built (closing only hides it).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LazyDetailsProps {
    #[prop_or_default]
    pub class: Classes,
    pub summary: Html,
    /// Builds the content (called on every render once opened).
    pub content: Callback<(), Html>,
}

#[component]
pub fn LazyDetails(props: &LazyDetailsProps) -> Html {
    let opened = use_state(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let open = e.target_dyn_into::<web_sys::Element>().is_some_and(|details| details.has_attribute("open"));
            if open && !*opened {
                opened.set(true);
            }
        })
    };
    html! {
        <details class={props.class.clone()} {ontoggle}>
            <summary>{ props.summary.clone() }</summary>
            if *opened {
                { props.content.emit(()) }
            }
        </details>
    }
}
