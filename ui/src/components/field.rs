//! A labelled text input with its error next to it. Dates and times are
//! text inputs too, in the Polish form whatever the system's language.

use crate::format::{date_for_input, date_from_input, time_for_input, time_from_input};
use crate::i18n::use_i18n;
use asysta_core::FieldError;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's id, which is also the form field's name: errors for the
    /// field `name` are shown in the element `error-name`.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    /// `text`, `password`, `date` or `time`. A date or a time is a text
    /// input that shows and takes `dd.mm.yyyy` / `HH:MM` whatever the
    /// computer's language, while the form's value stays `YYYY-MM-DD` /
    /// `HH:MM` (see [`EntryKind`]).
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    #[prop_or(AttrValue::Static("off"))]
    pub autocomplete: AttrValue,
    /// Focus this field when it first appears.
    #[prop_or_default]
    pub autofocus: bool,
    #[prop_or_default]
    pub error: Option<FieldError>,
    /// The id of a hint that describes the field (e.g. passphrase strength).
    #[prop_or_default]
    pub hint_id: Option<AttrValue>,
    #[prop_or_default]
    pub input_ref: NodeRef,
    /// Shown under the input, before the error (e.g. a hint).
    #[prop_or_default]
    pub children: Html,
}

/// The id of the element that shows a field's error.
pub fn error_id(field: &str) -> String {
    format!("error-{field}")
}

/// The DOM id of the input for a field the shell names with a path, such
/// as `basis.case_signature` or `foster_care[0].place`: every `.`, `[` and
/// `]` becomes `_` (`basis_case_signature`, `foster_care_0__place`), so the
/// id needs no escaping in CSS. Its error is then shown in
/// `error-<dom id>` ([`error_id`]). Plain names (`za_zyciem_request_date`)
/// are their own ids.
pub fn dom_id(field: &str) -> String {
    field.chars().map(|c| if matches!(c, '.' | '[' | ']') { '_' } else { c }).collect()
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let i18n = use_i18n();
    let kind = EntryKind::of(&props.input_type);
    {
        let input_ref = props.input_ref.clone();
        let autofocus = props.autofocus;
        // The `autofocus` attribute only works on page load; screens appear
        // later, so focus the field when it is first rendered.
        use_effect_with((), move |_| {
            let focus = move || {
                if let Some(input) = input_ref.cast::<HtmlElement>() {
                    let _ = input.focus();
                }
            };
            match (autofocus, kind) {
                (false, _) => {}
                // A date or time field is a text input: focused while the
                // click that opened its form is still being handled, it made
                // WebKitGTK drop the next click (on "Anuluj", say) when it
                // came from WebDriver. Focused a moment later, it does not.
                (true, Some(_)) => after_event(focus),
                (true, None) => focus(),
            }
        });
    }
    // What was typed into a date or time field while it has the focus, with
    // the value the form was given for it: shown as typed (never
    // reformatted under the cursor) until the field loses the focus or the
    // form's value changes from outside.
    let typed = use_state(|| None::<Typed>);
    let shown = match (&kind, &*typed) {
        (Some(_), Some(typed)) if typed.sent == props.value.as_str() => AttrValue::from(typed.text.clone()),
        (Some(kind), _) => AttrValue::from(kind.shown_for(&props.value)),
        (None, _) => props.value.clone(),
    };
    let on_typed = {
        let callback = props.oninput.clone();
        let typed = typed.clone();
        move |text: String| match kind {
            Some(kind) => {
                let sent = kind.value_for(&text);
                typed.set(Some(Typed { text, sent: sent.clone() }));
                callback.emit(sent);
            }
            None => callback.emit(text),
        }
    };
    let oninput = {
        let on_typed = on_typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_typed(input.value());
        })
    };
    // WebDriver's "clear" empties a field with a `change` event and no
    // `input` event; a date field must hear it, or it would show its old
    // value again when it loses the focus. (After typing, `change` finds
    // the form's value up to date and sends nothing again.)
    let onchange = kind.map(|kind| {
        let value = props.value.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let text = input.value();
            if kind.value_for(&text) != value.as_str() {
                on_typed(text);
            }
        })
    });
    let onblur = kind.is_some().then(|| {
        let typed = typed.clone();
        Callback::from(move |_: FocusEvent| {
            if typed.is_some() {
                typed.set(None);
            }
        })
    });
    let error_id = error_id(&props.id);
    let described_by = match (&props.error, &props.hint_id) {
        (Some(_), Some(hint)) => Some(format!("{hint} {error_id}")),
        (Some(_), None) => Some(error_id.clone()),
        (None, Some(hint)) => Some(hint.to_string()),
        (None, None) => None,
    };
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                name={props.id.clone()}
                type={if kind.is_some() { AttrValue::Static("text") } else { props.input_type.clone() }}
                data-type={kind.map(|kind| kind.name())}
                class={kind.map(|kind| kind.class())}
                inputmode={kind.map(|_| "numeric")}
                placeholder={kind.map(|kind| i18n.tr(kind.placeholder_message()))}
                maxlength={kind.map(|kind| kind.max_chars())}
                value={shown}
                autocomplete={props.autocomplete.clone()}
                autofocus={props.autofocus}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described_by}
                ref={props.input_ref.clone()}
                {oninput}
                {onchange}
                {onblur}
            />
            { props.children.clone() }
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error">{ i18n.field_error(error) }</p>
            }
        </div>
    }
}

/// A field whose text is converted between the way people type it and
/// the form's value. The WebView's own `date` and `time` inputs follow the
/// system's locale (12/01/2026, 12:30 PM on an English laptop), so these
/// are plain text inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// Shown `dd.mm.yyyy`, held `YYYY-MM-DD`.
    Date,
    /// Shown and held `HH:MM`, 24-hour.
    Time,
}

impl EntryKind {
    /// The kind for a field's `input_type`; `None` for plain text.
    pub fn of(input_type: &str) -> Option<EntryKind> {
        match input_type {
            "date" => Some(EntryKind::Date),
            "time" => Some(EntryKind::Time),
            _ => None,
        }
    }

    /// The `data-type` of the input (what it holds).
    pub fn name(self) -> &'static str {
        match self {
            EntryKind::Date => "date",
            EntryKind::Time => "time",
        }
    }

    fn class(self) -> &'static str {
        match self {
            EntryKind::Date => "date-input",
            EntryKind::Time => "time-input",
        }
    }

    /// The Fluent message of the placeholder ("dd.mm.rrrr", "gg:mm").
    pub fn placeholder_message(self) -> &'static str {
        match self {
            EntryKind::Date => "field-date-placeholder",
            EntryKind::Time => "field-time-placeholder",
        }
    }

    fn max_chars(self) -> &'static str {
        match self {
            EntryKind::Date => "10",
            EntryKind::Time => "5",
        }
    }

    /// The text shown for the form's value.
    pub fn shown_for(self, value: &str) -> String {
        match self {
            EntryKind::Date => date_for_input(value),
            EntryKind::Time => time_for_input(value),
        }
    }

    /// The form's value for typed text.
    pub fn value_for(self, typed: &str) -> String {
        match self {
            EntryKind::Date => date_from_input(typed),
            EntryKind::Time => time_from_input(typed),
        }
    }
}

/// Text typed into a date or time field, and the value it gave the form.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Typed {
    text: String,
    sent: String,
}

/// Runs `then` in a task of its own, after the event being handled.
#[cfg(target_arch = "wasm32")]
fn after_event(then: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(then);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn after_event(_then: impl FnOnce() + 'static) {}

/// The first error reported for `field`, if any.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<FieldError> {
    errors.iter().find(|e| e.field == field).cloned()
}

#[cfg(test)]
mod tests;
