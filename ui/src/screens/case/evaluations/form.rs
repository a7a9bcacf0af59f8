//! The form of one evaluation: the period, a rating and a comment for each
//! area, the outcome of each plan goal, the family's view, risks to the
//! children, the cooperation, the recommendation and whether it is the
//! final one. A submitted evaluation shows the same form read-only; at a
//! centre it also offers the head of the centre's decision.

use super::{
    area_path, goal_path, input_id, AreaField, EvaluationField, EvaluationsAction, GoalField, Opened, NOTE_FIELD,
};
use crate::components::checkbox::CheckboxField;
use crate::components::field::{error_for, TextField};
use crate::components::select::{SelectField, SelectOption};
use crate::components::textarea::TextAreaField;
use crate::components::visit_list::area_name;
use crate::i18n::{use_i18n, I18n};
use crate::screens::case::diary::visit_form::draft_saved_text;
use crate::screens::draft::DraftStatus;
use asysta_core::api::ErrorKind;
use asysta_core::evaluation::{
    AreaRatingForm, Cooperation, EvaluationForm, EvaluationStatus, EvaluationView, GoalOutcome, GoalReviewForm,
    RatingLevel, Recommendation,
};
use asysta_core::plan::PlanArea;
use asysta_core::FieldError;
use asysta_i18n::{Arg, Locale};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvaluationFormViewProps {
    pub opened: Opened,
    /// The saved evaluation shown, if it is one.
    #[prop_or_default]
    pub evaluation: Option<Rc<EvaluationView>>,
    pub form: EvaluationForm,
    pub errors: Vec<FieldError>,
    pub form_error: Option<ErrorKind>,
    pub busy: bool,
    pub areas: Rc<Vec<PlanArea>>,
    pub scale: Rc<Vec<RatingLevel>>,
    /// Whether a submitted evaluation may be accepted or returned here.
    #[prop_or_default]
    pub can_decide: bool,
    #[prop_or_default]
    pub decision_note: String,
    /// Where the saving of the form's draft stands.
    #[prop_or_default]
    pub draft: DraftStatus,
    /// The form came back from a draft left unsaved.
    #[prop_or_default]
    pub restored: bool,
    pub on_action: Callback<EvaluationsAction>,
    pub on_save: Callback<()>,
    pub on_submit: Callback<()>,
    #[prop_or_default]
    pub on_decide: Callback<bool>,
}

/// The name of a rating level in the screen's language.
pub fn level_name(level: &RatingLevel, locale: Locale) -> &str {
    match locale {
        Locale::Pl => &level.name_pl,
        Locale::En => &level.name_en,
    }
}

/// The options of a rating: none chosen, then "4 — dobra — drobne trudności".
pub fn rating_options(i18n: &I18n, scale: &[RatingLevel]) -> Vec<SelectOption> {
    std::iter::once(SelectOption::new("", i18n.tr("evaluation-choose-rating")))
        .chain(
            scale.iter().map(|l| {
                SelectOption::new(l.value.to_string(), format!("{} — {}", l.value, level_name(l, i18n.locale())))
            }),
        )
        .collect()
}

/// The options of a choice: none chosen, then each value by its message.
fn choice_options<'a>(i18n: &I18n, values: impl Iterator<Item = (&'a str, String)>) -> Vec<SelectOption> {
    std::iter::once(SelectOption::new("", i18n.tr("evaluation-choose")))
        .chain(values.map(|(value, message)| SelectOption::new(value.to_owned(), i18n.tr(&message))))
        .collect()
}

/// The title of the form: a new evaluation, or the saved one's version and
/// status.
fn title(i18n: &I18n, opened: Opened, evaluation: Option<&EvaluationView>) -> String {
    match (opened, evaluation) {
        (Opened::New, _) | (_, None) => i18n.tr("evaluation-form-new"),
        (_, Some(e)) => i18n.tr_args(
            "evaluation-form-saved",
            &[("version", Arg::Num(f64::from(e.version))), ("status", Arg::Str(&i18n.tr(&e.status.message_id())))],
        ),
    }
}

#[component]
pub fn EvaluationFormView(props: &EvaluationFormViewProps) -> Html {
    let i18n = use_i18n();
    let on = props.on_action.clone();
    let form = &props.form;
    let editable = props.opened.is_editable();
    let field = |f: EvaluationField| -> Html {
        let oninput = on.reform(move |value| EvaluationsAction::Edit(f, value));
        let id = input_id(f.name());
        let label = i18n.tr(&f.label_id());
        let value = f.value(form).to_owned();
        let error = error_for(&props.errors, f.name());
        match f {
            EvaluationField::PeriodFrom | EvaluationField::PeriodTo => {
                // The form opens far below the button that opened it (or in
                // another section): its first field takes the focus.
                let autofocus = editable && f == EvaluationField::PeriodFrom;
                html! { <TextField {id} {label} {value} input_type="date" {autofocus} {error} {oninput} /> }
            }
            EvaluationField::Cooperation => {
                let options = choice_options(&i18n, Cooperation::ALL.iter().map(|c| (c.as_str(), c.message_id())));
                html! { <SelectField {id} {label} {value} {options} {error} onchange={oninput} /> }
            }
            EvaluationField::Recommendation => {
                let options = choice_options(&i18n, Recommendation::ALL.iter().map(|r| (r.as_str(), r.message_id())));
                html! { <SelectField {id} {label} {value} {options} {error} onchange={oninput} /> }
            }
            _ => html! { <TextAreaField {id} {label} {value} {error} {oninput} /> },
        }
    };
    let areas = form.areas.iter().enumerate().map(|(i, area)| area_fieldset(&i18n, props, i, area));
    let goals = form.goals.iter().enumerate().map(|(i, goal)| goal_fieldset(&i18n, props, i, goal));
    let addable: Vec<SelectOption> = props
        .areas
        .iter()
        .filter(|a| !form.areas.iter().any(|rated| rated.area == a.key))
        .map(|a| SelectOption::new(a.key.clone(), area_name(a, i18n.locale()).to_owned()))
        .collect();
    let on_add_area = on.reform(EvaluationsAction::AddArea);
    let on_final = on.reform(EvaluationsAction::SetFinal);
    let onsubmit = {
        let on_submit = props.on_submit.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_submit.emit(());
        })
    };
    let on_save = props.on_save.reform(|_: MouseEvent| ());
    let on_close = on.reform(|_: MouseEvent| EvaluationsAction::Close);
    let evaluation = props.evaluation.as_deref();
    let deciding = props.can_decide && !editable && evaluation.is_some_and(|e| e.status == EvaluationStatus::Submitted);

    html! {
        <form
            id="evaluation-form"
            class="form evaluation-form"
            aria-busy={props.busy.then_some("true")}
            aria-labelledby="evaluation-form-title"
            {onsubmit}
        >
            <h4 id="evaluation-form-title">{ title(&i18n, props.opened, evaluation) }</h4>
            if props.opened == Opened::New {
                <p class="hint">{ i18n.tr("evaluation-prefill-hint") }</p>
            }
            if !editable {
                <p id="evaluation-read-only" class="hint">{ i18n.tr("evaluation-read-only") }</p>
            }
            <fieldset class="evaluation-fields" disabled={!editable}>
                <div class="form-grid">
                    { field(EvaluationField::PeriodFrom) }
                    { field(EvaluationField::PeriodTo) }
                </div>
                <CheckboxField
                    id="evaluation-final"
                    label={i18n.tr("evaluation-field-final")}
                    checked={form.is_final}
                    onchange={on_final}
                />
                <fieldset class="evaluation-areas">
                    <legend>{ i18n.tr("evaluation-field-areas") }</legend>
                    { for areas }
                    if editable && !addable.is_empty() {
                        <SelectField
                            id="evaluation-add-area"
                            label={i18n.tr("evaluation-add-area")}
                            value=""
                            options={std::iter::once(SelectOption::new("", i18n.tr("evaluation-choose-area"))).chain(addable).collect::<Vec<_>>()}
                            onchange={on_add_area}
                        />
                    }
                </fieldset>
                <fieldset class="evaluation-goals">
                    <legend>{ i18n.tr("evaluation-field-goals") }</legend>
                    if form.goals.is_empty() {
                        <p id="evaluation-no-goals" class="empty">{ i18n.tr("evaluation-no-goals") }</p>
                    }
                    { for goals }
                </fieldset>
                { field(EvaluationField::FamilyView) }
                { field(EvaluationField::ChildRisks) }
                <div class="form-grid">
                    { field(EvaluationField::Cooperation) }
                    { field(EvaluationField::Recommendation) }
                </div>
                { field(EvaluationField::CooperationComment) }
                { field(EvaluationField::RecommendationNote) }
            </fieldset>
            if props.restored {
                <p id="evaluation-draft-restored" class="status">{ i18n.tr("evaluation-draft-restored") }</p>
            }
            { match props.draft {
                DraftStatus::Idle => Html::default(),
                DraftStatus::Saved { at_ms } => html! {
                    <p class="status evaluation-draft-saved">{ draft_saved_text(&i18n, at_ms) }</p>
                },
                DraftStatus::Failed(kind) => html! {
                    <p class="form-error evaluation-draft-failed" role="alert">
                        { i18n.tr("visit-draft-failed") }{ " " }{ i18n.error(kind) }
                    </p>
                },
            } }
            if let Some(kind) = props.form_error {
                <p id="evaluation-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
            }
            if deciding {
                <div class="evaluation-decision">
                    <TextAreaField
                        id={input_id(NOTE_FIELD)}
                        label={i18n.tr("evaluation-decision-note-label")}
                        value={props.decision_note.clone()}
                        error={error_for(&props.errors, NOTE_FIELD)}
                        oninput={on.reform(EvaluationsAction::EditDecisionNote)}
                    />
                </div>
            }
            <div class="actions">
                if editable {
                    <button type="button" id="evaluation-save" class="secondary" disabled={props.busy} onclick={on_save}>
                        { i18n.tr("evaluation-save") }
                    </button>
                    <button type="submit" id="evaluation-submit" class="primary" disabled={props.busy}>
                        { i18n.tr("evaluation-submit") }
                    </button>
                }
                if deciding {
                    <button
                        type="button"
                        id="evaluation-accept"
                        class="primary"
                        disabled={props.busy}
                        onclick={props.on_decide.reform(|_: MouseEvent| true)}
                    >
                        { i18n.tr("evaluation-accept") }
                    </button>
                    <button
                        type="button"
                        id="evaluation-return"
                        class="secondary"
                        disabled={props.busy}
                        onclick={props.on_decide.reform(|_: MouseEvent| false)}
                    >
                        { i18n.tr("evaluation-return") }
                    </button>
                }
                <button type="button" id="evaluation-close" class="secondary" onclick={on_close}>
                    { i18n.tr("evaluation-close") }
                </button>
            </div>
        </form>
    }
}

fn area_fieldset(i18n: &I18n, props: &EvaluationFormViewProps, index: usize, area: &AreaRatingForm) -> Html {
    let on = &props.on_action;
    let name = props
        .areas
        .iter()
        .find(|a| a.key == area.area)
        .map_or(area.area.clone(), |a| area_name(a, i18n.locale()).to_owned());
    let rating = AreaField::Rating.path(index);
    let comment = AreaField::Comment.path(index);
    html! {
        <fieldset class="evaluation-area" key={area.area.clone()}>
            <legend class="evaluation-area-name">{ name }</legend>
            { item_error(i18n, &props.errors, &area_path(index)) }
            <SelectField
                id={input_id(&rating)}
                label={i18n.tr("evaluation-field-rating")}
                value={area.rating.clone()}
                options={rating_options(i18n, &props.scale)}
                error={error_for(&props.errors, &rating)}
                onchange={on.reform(move |v| EvaluationsAction::EditArea(index, AreaField::Rating, v))}
            />
            <TextAreaField
                id={input_id(&comment)}
                label={i18n.tr("evaluation-field-area-comment")}
                value={area.comment.clone()}
                error={error_for(&props.errors, &comment)}
                oninput={on.reform(move |v| EvaluationsAction::EditArea(index, AreaField::Comment, v))}
            />
            if props.opened.is_editable() {
                <div class="actions">
                    <button
                        type="button"
                        id={format!("evaluation-remove-area-{index}")}
                        class="secondary"
                        onclick={on.reform(move |_: MouseEvent| EvaluationsAction::RemoveArea(index))}
                    >
                        { i18n.tr("evaluation-remove-area") }
                    </button>
                </div>
            }
        </fieldset>
    }
}

/// The error of an area or a goal as a whole (not on the centre's list, not
/// in the plan), shown under its name.
fn item_error(i18n: &I18n, errors: &[FieldError], path: &str) -> Html {
    match error_for(errors, path) {
        Some(error) => html! {
            <p id={crate::components::field::error_id(&input_id(path))} class="field-error">{ i18n.field_error(&error) }</p>
        },
        None => Html::default(),
    }
}

fn goal_fieldset(i18n: &I18n, props: &EvaluationFormViewProps, index: usize, goal: &GoalReviewForm) -> Html {
    let on = &props.on_action;
    let outcome = GoalField::Outcome.path(index);
    let comment = GoalField::Comment.path(index);
    let options = choice_options(i18n, GoalOutcome::ALL.iter().map(|o| (o.as_str(), o.message_id())));
    html! {
        <fieldset class="evaluation-goal" key={goal.goal_id.clone()}>
            <legend class="evaluation-goal-text">{ goal.goal.clone() }</legend>
            { item_error(i18n, &props.errors, &goal_path(index)) }
            <SelectField
                id={input_id(&outcome)}
                label={i18n.tr("evaluation-field-outcome")}
                value={goal.outcome.clone()}
                {options}
                error={error_for(&props.errors, &outcome)}
                onchange={on.reform(move |v| EvaluationsAction::EditGoal(index, GoalField::Outcome, v))}
            />
            <TextAreaField
                id={input_id(&comment)}
                label={i18n.tr("evaluation-field-goal-comment")}
                value={goal.comment.clone()}
                error={error_for(&props.errors, &comment)}
                oninput={on.reform(move |v| EvaluationsAction::EditGoal(index, GoalField::Comment, v))}
            />
        </fieldset>
    }
}
