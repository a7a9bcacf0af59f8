//! The path every form takes when it is sent: refused by its own check
//! (nothing is sent), or sent to the shell and then answered, refused, or
//! found locked. Each form's reducer names these steps through
//! [`FormSteps`]; [`submit`] and [`submit_case_form`] walk them.

use crate::components::field::dom_id;
use crate::dom;
use asysta_core::api::{ApiError, ErrorKind, FamilyCase};
use asysta_core::FieldError;
use std::future::Future;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The actions of a form's reducer for the steps every form goes through.
pub trait FormSteps: Sized {
    /// The form's own check refused it; nothing was sent.
    fn rejected(errors: Vec<FieldError>) -> Self;
    /// The command is under way.
    fn submitted() -> Self;
    /// The shell refused the command.
    fn failed(error: ApiError) -> Self;
    /// The id of the input of the field the shell or the check names, to
    /// focus the first refused one.
    fn input_id(field: &str) -> String {
        dom_id(field)
    }
}

/// Sends a form checked as `checked`: refused fields focus their first
/// input; otherwise `command` runs, a locked workspace goes to `on_locked`
/// and a reply to `on_done`.
pub fn submit<S, T, C>(
    dispatcher: UseReducerDispatcher<S>,
    checked: Result<(), Vec<FieldError>>,
    command: C,
    on_locked: Callback<()>,
    on_done: impl FnOnce(T, &UseReducerDispatcher<S>) + 'static,
) where
    S: Reducible + 'static,
    S::Action: FormSteps,
    C: Future<Output = Result<T, ApiError>> + 'static,
    T: 'static,
{
    if let Err(errors) = checked {
        focus_first::<S::Action>(&errors);
        dispatcher.dispatch(S::Action::rejected(errors));
        return;
    }
    dispatcher.dispatch(S::Action::submitted());
    spawn_local(async move {
        match command.await {
            Ok(reply) => on_done(reply, &dispatcher),
            Err(error) if error.kind == ErrorKind::Locked => {
                // The screen stays mounted behind the unlock form: leave the
                // form ready to send again, with what was typed.
                dispatcher.dispatch(S::Action::failed(error));
                on_locked.emit(());
            }
            Err(error) => {
                focus_first::<S::Action>(&error.fields);
                dispatcher.dispatch(S::Action::failed(error));
            }
        }
    });
}

/// What every form does with a refusal of what it sent (the steps of
/// [`submit`], for the forms that send in more than one step): the form
/// hears it and stays ready to send again, with what was typed; a
/// workspace that locked meanwhile is then shown locked.
pub fn refused<S: Reducible>(
    dispatcher: &UseReducerDispatcher<S>,
    error: ApiError,
    failed: fn(ApiError) -> S::Action,
    on_locked: &Callback<()>,
) {
    let locked = error.kind == ErrorKind::Locked;
    dispatcher.dispatch(failed(error));
    if locked {
        on_locked.emit(());
    }
}

/// Sends a form of a section of the case screen: once saved, the section
/// hears `saved` and the screen gets the case the shell answered with.
pub fn submit_case_form<S, C>(
    dispatcher: UseReducerDispatcher<S>,
    checked: Result<(), Vec<FieldError>>,
    command: C,
    on_locked: Callback<()>,
    on_case: Callback<FamilyCase>,
    saved: S::Action,
) where
    S: Reducible + 'static,
    S::Action: FormSteps + 'static,
    C: Future<Output = Result<FamilyCase, ApiError>> + 'static,
{
    submit(dispatcher, checked, command, on_locked, move |case, dispatcher| {
        dispatcher.dispatch(saved);
        on_case.emit(case);
    });
}

fn focus_first<A: FormSteps>(errors: &[FieldError]) {
    if let Some(first) = errors.first() {
        dom::focus(&A::input_id(&first.field));
    }
}
