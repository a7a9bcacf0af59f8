//! The people of a family: the list, and the form that adds a person or
//! corrects one. The form is checked here first (a wrong PESEL is explained
//! without a round trip), then possible duplicates are looked up, and only
//! then is the person saved.

use crate::clock::today;
use crate::components::duplicates::DuplicateList;
use crate::components::field::{error_for, TextField};
use crate::components::member_list::MemberList;
use crate::components::select::{SelectField, SelectOption};
use crate::i18n::{use_i18n, I18n};
use crate::screens::split_api_error;
use crate::{dom, ipc};
use asysta_core::api::{ApiError, DuplicateView, ErrorKind, FamilyCase, MemberView};
use asysta_core::member::{validate_member, MemberDetails, MemberForm, Relation, Sex};
use asysta_core::{EntityId, FieldError};
use asysta_i18n::Arg;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A field of the member form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberField {
    FirstName,
    LastName,
    BirthDate,
    Sex,
    Relation,
    Pesel,
}

impl MemberField {
    pub const ALL: [MemberField; 6] = [
        MemberField::FirstName,
        MemberField::LastName,
        MemberField::BirthDate,
        MemberField::Sex,
        MemberField::Relation,
        MemberField::Pesel,
    ];

    /// The field's name in `MemberForm` and in `FieldError::field`.
    pub fn name(self) -> &'static str {
        match self {
            MemberField::FirstName => "first_name",
            MemberField::LastName => "last_name",
            MemberField::BirthDate => "birth_date",
            MemberField::Sex => "sex",
            MemberField::Relation => "relation",
            MemberField::Pesel => "pesel",
        }
    }

    /// The input's id: the name with `member_` in front, so that it cannot
    /// clash with the other forms of the case screen. Its error is shown in
    /// `error-member_<name>`.
    pub fn input_id(self) -> &'static str {
        match self {
            MemberField::FirstName => "member_first_name",
            MemberField::LastName => "member_last_name",
            MemberField::BirthDate => "member_birth_date",
            MemberField::Sex => "member_sex",
            MemberField::Relation => "member_relation",
            MemberField::Pesel => "member_pesel",
        }
    }

    fn label_id(self) -> &'static str {
        match self {
            MemberField::FirstName => "member-first-name",
            MemberField::LastName => "member-last-name",
            MemberField::BirthDate => "member-birth-date",
            MemberField::Sex => "member-sex",
            MemberField::Relation => "member-relation",
            MemberField::Pesel => "member-pesel",
        }
    }

    pub fn value(self, form: &MemberForm) -> &str {
        match self {
            MemberField::FirstName => &form.first_name,
            MemberField::LastName => &form.last_name,
            MemberField::BirthDate => &form.birth_date,
            MemberField::Sex => &form.sex,
            MemberField::Relation => &form.relation,
            MemberField::Pesel => &form.pesel,
        }
    }

    fn value_mut(self, form: &mut MemberForm) -> &mut String {
        match self {
            MemberField::FirstName => &mut form.first_name,
            MemberField::LastName => &mut form.last_name,
            MemberField::BirthDate => &mut form.birth_date,
            MemberField::Sex => &mut form.sex,
            MemberField::Relation => &mut form.relation,
            MemberField::Pesel => &mut form.pesel,
        }
    }

    /// The choices of a drop-down field.
    fn options(self, i18n: &I18n) -> Option<Vec<SelectOption>> {
        match self {
            MemberField::Sex => Some(
                std::iter::once(SelectOption::new("", i18n.tr("sex-unspecified")))
                    .chain(
                        Sex::ALL.iter().map(|s| SelectOption::new(s.as_str(), i18n.tr(&format!("sex-{}", s.as_str())))),
                    )
                    .collect(),
            ),
            MemberField::Relation => {
                Some(Relation::ALL.iter().map(|r| SelectOption::new(r.as_str(), i18n.tr(r.message_id()))).collect())
            }
            _ => None,
        }
    }
}

const FIELD_NAMES: [&str; 6] = ["first_name", "last_name", "birth_date", "sex", "relation", "pesel"];

/// An empty form. The relation is spelled out (`other`, what an empty one
/// means) so that the drop-down shows what will be saved.
pub fn blank_form() -> MemberForm {
    MemberForm { relation: Relation::Other.as_str().to_owned(), ..MemberForm::default() }
}

/// The form that edits a recorded person.
pub fn form_of(details: &MemberDetails) -> MemberForm {
    MemberForm {
        first_name: details.first_name.clone(),
        last_name: details.last_name.clone(),
        birth_date: details.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        sex: details.sex.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        relation: details.relation.as_str().to_owned(),
        pesel: details.pesel.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default(),
    }
}

/// The member form and where its submission stands.
#[derive(Clone, Debug, PartialEq)]
pub struct MembersState {
    pub form: MemberForm,
    /// The member being corrected; `None` adds a new person.
    pub editing: Option<EntityId>,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    /// Possible duplicates waiting for the assistant's decision.
    pub duplicates: Option<Rc<Vec<DuplicateView>>>,
    /// A check or a save is under way.
    pub busy: bool,
    /// The name of the person just saved, for the status message.
    pub saved: Option<String>,
}

impl Default for MembersState {
    fn default() -> Self {
        MembersState {
            form: blank_form(),
            editing: None,
            errors: Vec::new(),
            form_error: None,
            duplicates: None,
            busy: false,
            saved: None,
        }
    }
}

pub enum MembersAction {
    Edit(MemberField, String),
    /// Fills the form with a recorded person to correct them.
    StartEditing(MemberView),
    /// Empties the form (and stops editing).
    Reset,
    /// Local validation refused the form; nothing was sent.
    Rejected(Vec<FieldError>),
    /// Possible duplicates are being looked up.
    Checking,
    DuplicatesFound(Vec<DuplicateView>),
    /// The assistant went back to the form instead of saving.
    DismissDuplicates,
    /// The person is being saved.
    Saving,
    /// The person was saved under this name.
    Saved(String),
    Failed(ApiError),
}

impl Reducible for MembersState {
    type Action = MembersAction;

    fn reduce(self: Rc<Self>, action: MembersAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            MembersAction::Edit(field, value) => {
                *field.value_mut(&mut next.form) = value;
                next.errors.retain(|e| e.field != field.name());
                // The duplicates were found for other details.
                next.duplicates = None;
                next.saved = None;
            }
            MembersAction::StartEditing(member) => {
                next = MembersState {
                    form: form_of(&member.details),
                    editing: Some(member.id),
                    ..MembersState::default()
                };
            }
            MembersAction::Reset => next = MembersState { saved: next.saved, ..MembersState::default() },
            MembersAction::Rejected(errors) => {
                next.errors = errors;
                next.form_error = None;
                next.saved = None;
            }
            MembersAction::Checking => {
                next.busy = true;
                next.errors.clear();
                next.form_error = None;
                next.duplicates = None;
                next.saved = None;
            }
            MembersAction::DuplicatesFound(duplicates) => {
                next.busy = false;
                next.duplicates = Some(Rc::new(duplicates));
            }
            MembersAction::DismissDuplicates => next.duplicates = None,
            MembersAction::Saving => {
                next.busy = true;
                next.duplicates = None;
            }
            MembersAction::Saved(name) => next = MembersState { saved: Some(name), ..MembersState::default() },
            MembersAction::Failed(error) => {
                next.busy = false;
                (next.errors, next.form_error) = split_api_error(error, &FIELD_NAMES);
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct MembersSectionProps {
    pub family_id: EntityId,
    pub members: Vec<MemberView>,
    /// The case after a person was saved.
    pub on_case: Callback<FamilyCase>,
    /// The shell reported the workspace locked.
    pub on_locked: Callback<()>,
}

/// Saves the person: a new member of `family_id`, or the member `editing`.
async fn save(family_id: EntityId, editing: Option<EntityId>, form: &MemberForm) -> Result<FamilyCase, ApiError> {
    match editing {
        Some(member_id) => ipc::update_member(member_id, form).await,
        None => ipc::add_member(family_id, form).await,
    }
}

/// Saves, then reports the outcome to the section and the screen.
fn spawn_save(
    state: &UseReducerHandle<MembersState>,
    family_id: EntityId,
    name: String,
    on_case: Callback<FamilyCase>,
    on_locked: Callback<()>,
) {
    let form = state.form.clone();
    let editing = state.editing;
    state.dispatch(MembersAction::Saving);
    let dispatcher = state.dispatcher();
    spawn_local(async move {
        match save(family_id, editing, &form).await {
            Ok(case) => {
                dispatcher.dispatch(MembersAction::Saved(name));
                on_case.emit(case);
                dom::focus(MemberField::FirstName.input_id());
            }
            Err(error) => crate::screens::form::refused(&dispatcher, error, MembersAction::Failed, &on_locked),
        }
    });
}

#[component]
pub fn MembersSection(props: &MembersSectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(MembersState::default);
    let family_id = props.family_id;

    let onsubmit = {
        let state = state.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.form.clone();
            let details = match validate_member(&form, today()) {
                Ok(details) => details,
                Err(errors) => {
                    if let Some(field) = MemberField::ALL.into_iter().find(|f| error_for(&errors, f.name()).is_some()) {
                        dom::focus(field.input_id());
                    }
                    state.dispatch(MembersAction::Rejected(errors));
                    return;
                }
            };
            let name = format!("{} {}", details.first_name, details.last_name);
            state.dispatch(MembersAction::Checking);
            let state = state.clone();
            let on_case = on_case.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::find_duplicates(&form, state.editing).await {
                    Ok(duplicates) if duplicates.is_empty() => spawn_save(&state, family_id, name, on_case, on_locked),
                    Ok(duplicates) => state.dispatch(MembersAction::DuplicatesFound(duplicates)),
                    Err(error) => {
                        crate::screens::form::refused(&state.dispatcher(), error, MembersAction::Failed, &on_locked)
                    }
                }
            });
        })
    };
    let on_confirm = {
        let state = state.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |()| {
            if state.busy {
                return;
            }
            // The form was checked before the duplicates were looked up,
            // and any edit since then dismissed them.
            let name = format!("{} {}", state.form.first_name.trim(), state.form.last_name.trim());
            spawn_save(&state, family_id, name, on_case.clone(), on_locked.clone());
        })
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            dispatcher.dispatch(MembersAction::DismissDuplicates);
            dom::focus(MemberField::Pesel.input_id());
        })
    };
    let on_edit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |member| {
            dispatcher.dispatch(MembersAction::StartEditing(member));
            dom::focus(MemberField::FirstName.input_id());
        })
    };
    let on_reset = state.dispatcher().to_callback().reform(|_: MouseEvent| MembersAction::Reset);

    let fields = MemberField::ALL.map(|field| {
        let id = field.input_id();
        let label = i18n.tr(field.label_id());
        let value = field.value(&state.form).to_owned();
        let error = error_for(&state.errors, field.name());
        let onchange = state.dispatcher().to_callback().reform(move |value| MembersAction::Edit(field, value));
        match (field, field.options(&i18n)) {
            (_, Some(options)) => html! {
                <SelectField key={id} {id} {label} {value} {options} {error} {onchange} />
            },
            (MemberField::BirthDate, None) => html! {
                <TextField key={id} {id} {label} {value} input_type="date" {error} oninput={onchange} />
            },
            (MemberField::Pesel, None) => html! {
                <TextField key={id} {id} {label} {value} {error} hint_id="member-pesel-hint" oninput={onchange}>
                    <p id="member-pesel-hint" class="hint">{ i18n.tr("member-pesel-hint") }</p>
                </TextField>
            },
            (_, None) => html! { <TextField key={id} {id} {label} {value} {error} oninput={onchange} /> },
        }
    });
    let editing = state.editing.is_some();
    let (title, submit) =
        if editing { ("member-edit-title", "member-save-submit") } else { ("member-add-title", "member-add-submit") };

    html! {
        <section id="members" class="panel" aria-labelledby="members-title">
            <h3 id="members-title">{ i18n.tr("members-title") }</h3>
            <MemberList members={props.members.clone()} {on_edit} />
            <form id="member-form" class="form" aria-labelledby="member-form-title" aria-busy={state.busy.then_some("true")} {onsubmit}>
                <h4 id="member-form-title">{ i18n.tr(title) }</h4>
                <div class="form-grid">{ for fields }</div>
                if let Some(kind) = state.form_error {
                    <p id="member-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                }
                if let Some(duplicates) = &state.duplicates {
                    <DuplicateList duplicates={duplicates.clone()} {editing} {on_confirm} on_cancel={on_dismiss} />
                } else {
                    <div class="actions">
                        <button type="submit" id="member-submit" class="primary" disabled={state.busy}>
                            { i18n.tr(submit) }
                        </button>
                        if editing {
                            <button type="button" id="member-cancel" class="secondary" onclick={on_reset}>
                                { i18n.tr("cancel") }
                            </button>
                        }
                    </div>
                }
                <div class="status-region" aria-live="polite">
                    if let Some(name) = &state.saved {
                        <p id="member-status" class="status">
                            { i18n.tr_args("member-saved", &[("name", Arg::Str(name))]) }
                        </p>
                    }
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests;
