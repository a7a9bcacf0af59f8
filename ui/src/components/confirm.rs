//! A button whose action asks first: clicked, it is replaced by the
//! question, "yes" and "no" (a group named by the question); "no" brings
//! the button back. For actions that write an event a person may regret:
//! cancelling a planned visit, removing an attachment.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmActionProps {
    /// The button's text ("Usuń").
    pub label: AttrValue,
    /// The button's accessible name when the text alone is ambiguous in a
    /// list ("Usuń skan.pdf").
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// "Usunąć ten załącznik?"
    pub question: AttrValue,
    pub yes: AttrValue,
    pub no: AttrValue,
    /// The class of the button; "yes" and "no" get it with `-confirm` and
    /// `-keep` after it (`attachment-remove-confirm`).
    pub class: AttrValue,
    /// The class of the group the buttons stand in.
    #[prop_or(AttrValue::Static("confirm-actions"))]
    pub group_class: AttrValue,
    pub on_confirm: Callback<()>,
}

#[component]
pub fn ConfirmAction(props: &ConfirmActionProps) -> Html {
    let asking = use_state(|| false);
    let class = &props.class;
    if !*asking {
        let onclick = {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| asking.set(true))
        };
        return html! {
            <span class={props.group_class.clone()}>
                <button type="button" class={classes!("secondary", class.to_string())}
                    aria-label={props.aria_label.clone()} {onclick}>
                    { props.label.clone() }
                </button>
            </span>
        };
    }
    let on_yes = {
        let (asking, on_confirm) = (asking.clone(), props.on_confirm.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            on_confirm.emit(());
        })
    };
    let on_no = Callback::from(move |_: MouseEvent| asking.set(false));
    html! {
        <span class={props.group_class.clone()} role="group" aria-label={props.question.clone()}>
            <span>{ props.question.clone() }</span>
            <button type="button" class={classes!("secondary", format!("{class}-confirm"))} onclick={on_yes}>
                { props.yes.clone() }
            </button>
            <button type="button" class={classes!("secondary", format!("{class}-keep"))} onclick={on_no}>
                { props.no.clone() }
            </button>
        </span>
    }
}
