//! The visit diary (dziennik wizyt): the family's visits, newest first, and
//! the form of a new entry, which is kept as a draft while it is typed so
//! that nothing is lost (see [`crate::screens::draft`]). `fields` names
//! the form's fields and inputs; `state` is the reducer of the section.
//!
//! Field names follow `validate_visit` (`date`, `actions_worked[0].note`,
//! `intervention_steps`); each input's id is the name through [`input_id`],
//! so an error for any field, local or from the shell, is shown next to its
//! input in `error-<input id>`. The lists (participants, areas, actions,
//! steps) are checkboxes; their errors are shown under the list.

mod fields;
pub mod planned;
mod state;
pub mod visit_form;

pub use fields::*;
pub use state::*;

use crate::clock::{now_ms, today};
use crate::components::field::dom_id;
use crate::components::visit_list::VisitList;
use crate::i18n::use_i18n;
use crate::screens::draft::{DraftSchedule, DraftStatus};
use crate::screens::split_api_error;
use crate::{dom, ipc};
use asysta_core::api::{ApiError, ErrorKind, FamilyCase};
use asysta_core::plan::PlanArea;
use asysta_core::visit::{validate_visit, ActionWorkedForm, InterventionStep, VisitForm};
use asysta_core::{EntityId, FieldError};
use chrono::NaiveDate;
use std::cell::RefCell;
use std::rc::Rc;
use visit_form::VisitFormView;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiarySectionProps {
    pub family_id: EntityId,
    pub case: Rc<FamilyCase>,
    /// The centre's areas of the plan, to tick (read by the case screen).
    pub areas: Rc<Vec<PlanArea>>,
    pub on_case: Callback<FamilyCase>,
    pub on_locked: Callback<()>,
}

#[component]
pub fn DiarySection(props: &DiarySectionProps) -> Html {
    let i18n = use_i18n();
    let state = use_reducer(DiaryState::default);
    let schedule = use_mut_ref(DraftSchedule::default);
    let family_id = props.family_id;

    {
        let dispatcher = state.dispatcher();
        let on_locked = props.on_locked.clone();
        use_effect_with(family_id, move |&family_id| {
            spawn_local(async move {
                match ipc::drafts().await {
                    Ok(drafts) => {
                        if let Some(view) = drafts.into_iter().find(|d| d.draft.family_id == family_id) {
                            dispatcher.dispatch(DiaryAction::DraftFound(Box::new(view.draft.form)));
                        }
                    }
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(DiaryAction::LoadFailed(error.kind)),
                }
            });
        });
    }
    let saver = DraftSaver {
        family_id,
        schedule: schedule.clone(),
        dispatcher: state.dispatcher(),
        on_locked: props.on_locked.clone(),
    };
    {
        // Every edit is saved at once, one save at a time.
        let saver = saver.clone();
        let form = state.form.clone();
        let correcting = state.correcting.is_some();
        use_effect_with(state.edits, move |&seq| {
            // A correction of a recorded entry keeps no draft.
            if seq > 0 && !correcting {
                let now = saver.schedule.borrow_mut().edited(seq, form);
                if let Some((seq, form)) = now {
                    saver.save(seq, form);
                }
            }
        });
    }

    let on_new = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(DiaryAction::Open { today: today() });
        })
    };
    let on_focus_out = {
        let saver = saver.clone();
        Callback::from(move |()| saver.save_pending())
    };
    let on_cancel = {
        let saver = saver.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            saver.save_pending();
            dispatcher.dispatch(DiaryAction::Close);
            dom::focus("visit-new");
        })
    };
    let on_discard = {
        let schedule = schedule.clone();
        let dispatcher = state.dispatcher();
        let on_locked = props.on_locked.clone();
        Callback::from(move |()| {
            schedule.borrow_mut().settle();
            let dispatcher = dispatcher.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::discard_draft(family_id).await {
                    Ok(()) => {
                        dispatcher.dispatch(DiaryAction::Discarded);
                        dom::focus("visit-new");
                    }
                    Err(error) if error.kind == ErrorKind::Locked => on_locked.emit(()),
                    Err(error) => dispatcher.dispatch(DiaryAction::DiscardFailed(error.kind)),
                }
            });
        })
    };
    let onsubmit = {
        let state = state.clone();
        let schedule = schedule.clone();
        let case = props.case.clone();
        let areas = props.areas.clone();
        let on_case = props.on_case.clone();
        let on_locked = props.on_locked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.busy {
                return;
            }
            let form = state.form.clone();
            let correcting = state.correcting.as_ref().map(|(visit_id, _)| *visit_id);
            let members: Vec<EntityId> = case.members.iter().map(|m| m.id).collect();
            // A new visit works on the plan in force; a corrected one may
            // have worked on an earlier version's actions.
            let versions = match correcting {
                None => case.plan_versions.last().into_iter().collect::<Vec<_>>(),
                Some(_) => case.plan_versions.iter().collect(),
            };
            let actions: Vec<EntityId> = versions.iter().flat_map(|v| v.actions().map(|a| a.id)).collect();
            if let Err(errors) = validate_visit(&form, &members, &actions, &areas, today()) {
                if let Some(first) = errors.first() {
                    dom::focus(&focus_id(&form, &first.field));
                }
                state.dispatch(DiaryAction::Rejected(errors));
                return;
            }
            if let Some(visit_id) = correcting {
                state.dispatch(DiaryAction::Submitted);
                let dispatcher = state.dispatcher();
                let on_case = on_case.clone();
                let on_locked = on_locked.clone();
                spawn_local(async move {
                    match ipc::update_visit(family_id, visit_id, &form).await {
                        Ok(case) => {
                            dispatcher.dispatch(DiaryAction::Corrected);
                            on_case.emit(case);
                            dom::focus("visit-new");
                        }
                        Err(error) => {
                            crate::screens::form::refused(&dispatcher, error, DiaryAction::Failed, &on_locked)
                        }
                    }
                });
                return;
            }
            // The shell discards the draft with the same commit; a timer
            // still running must not save it again.
            schedule.borrow_mut().settle();
            state.dispatch(DiaryAction::Submitted);
            let dispatcher = state.dispatcher();
            let schedule = schedule.clone();
            let on_case = on_case.clone();
            let on_locked = on_locked.clone();
            spawn_local(async move {
                match ipc::record_visit(family_id, &form).await {
                    Ok(case) => {
                        dispatcher.dispatch(DiaryAction::Recorded);
                        on_case.emit(case);
                        dom::focus("visit-new");
                    }
                    Err(error) => {
                        // Not recorded (refused, or the app locked while it
                        // was under way): the draft must catch up again, and
                        // the form stays ready to send, with what was typed.
                        schedule.borrow_mut().unsettle();
                        if let Some(first) = error.fields.first() {
                            dom::focus(&focus_id(&form, &first.field));
                        }
                        crate::screens::form::refused(&dispatcher, error, DiaryAction::Failed, &on_locked);
                    }
                }
            });
        })
    };
    let on_action = state.dispatcher().to_callback();
    let on_correct = {
        let dispatcher = state.dispatcher();
        let case = props.case.clone();
        Callback::from(move |visit_id: EntityId| {
            if let Some(view) = case.visits.iter().find(|v| v.id == visit_id) {
                let form = Box::new(VisitForm::from_visit(&view.visit));
                dispatcher.dispatch(DiaryAction::Correct { visit_id, form });
                dom::focus(&input_id(VisitField::Date.name()));
            }
        })
    };

    let on_record_planned = {
        let dispatcher = state.dispatcher();
        Callback::from(move |visit: asysta_core::api::ScheduledVisit| {
            dispatcher.dispatch(planned::record_action(&visit));
            dom::focus(&input_id(VisitField::Date.name()));
        })
    };

    let case = &props.case;
    html! {
        <section id="diary" class="panel" aria-labelledby="diary-title">
            <div class="panel-header">
                <h3 id="diary-title">{ i18n.tr("visit-title") }</h3>
                if !state.open {
                    <button type="button" id="visit-new" class="primary" onclick={on_new}>
                        { i18n.tr("visit-add-title") }
                    </button>
                }
            </div>
            if let Some(kind) = state.load_error {
                <p id="diary-load-error" class="form-error" role="alert">
                    { i18n.tr("diary-load-failed") }{ " " }{ i18n.error(kind) }
                </p>
            }
            if state.open {
                <VisitFormView
                    form={state.form.clone()}
                    errors={state.errors.clone()}
                    form_error={state.form_error}
                    busy={state.busy}
                    draft={state.draft}
                    restored={state.restored}
                    correcting={state.correcting.is_some()}
                    from_plan={state.from_plan.clone()}
                    case={case.clone()}
                    areas={(*props.areas).clone()}
                    {on_action}
                    {onsubmit}
                    {on_focus_out}
                    {on_cancel}
                    {on_discard}
                />
            }
            <div class="status-region" aria-live="polite">
                if state.recorded {
                    <p id="visit-status" class="status">{ i18n.tr("visit-recorded") }</p>
                }
            </div>
            <planned::PlannedVisits
                {family_id}
                reload={state.entries}
                on_record={(!state.open).then_some(on_record_planned)}
                on_locked={props.on_locked.clone()}
            />
            <VisitList
                case={case.clone()}
                areas={(*props.areas).clone()}
                on_correct={(!state.open).then_some(on_correct)}
                print={Some((case.family.id, crate::screens::print::print_buttons()))}
                comments={Some(super::comments::comment_threads())}
            />
        </section>
    }
}

/// Sends drafts to the shell and reports how it went.
#[derive(Clone)]
struct DraftSaver {
    family_id: EntityId,
    schedule: Rc<RefCell<DraftSchedule>>,
    dispatcher: UseReducerDispatcher<DiaryState>,
    on_locked: Callback<()>,
}

impl DraftSaver {
    /// Saves edits not saved yet, now.
    fn save_pending(&self) {
        let pending = self.schedule.borrow_mut().take_pending();
        if let Some((seq, form)) = pending {
            self.save(seq, form);
        }
    }

    fn save(&self, seq: u32, form: VisitForm) {
        let saver = self.clone();
        spawn_local(async move {
            let reply = ipc::save_draft(saver.family_id, &form).await;
            let next = saver.schedule.borrow_mut().returned(seq, reply.is_ok());
            match reply {
                Ok(()) => saver.dispatcher.dispatch(DiaryAction::DraftSaved { seq, at_ms: now_ms() }),
                Err(error) if error.kind == ErrorKind::Locked => return saver.on_locked.emit(()),
                Err(error) => saver.dispatcher.dispatch(DiaryAction::DraftFailed(error.kind)),
            }
            // What was typed while this save was on its way.
            if let Some((seq, form)) = next {
                saver.save(seq, form);
            }
        });
    }
}

#[cfg(test)]
mod tests;
