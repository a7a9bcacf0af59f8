//! The root component: asks the shell for the workspace's status, shows the
//! matching screen, and provides the translator.
//!
//! When the open workspace is locked (the lock button, or by itself: see
//! [`crate::idle`]), the screen is not taken down: it stays mounted but
//! hidden, with everything typed in its forms, and the unlock form is shown
//! instead; unlocking brings it back as it was.

use crate::components::header::Header;
use crate::i18n::{apply_locale, other_locale, stored_locale, I18n};
use crate::idle::{current_place, restore_place, use_idle_lock, LockReason, Place, DEFAULT_LOCK_MINUTES};
use crate::ipc;
use crate::screens::case::CaseScreen;
use crate::screens::centre::{CentrePlace, CentreScreen};
use crate::screens::families::{FamiliesScreen, ListFilter};
use crate::screens::setup::SetupScreen;
use crate::screens::sync::SyncScreen;
use crate::screens::unlock::UnlockScreen;
use asysta_core::api::{ErrorKind, WorkspaceStatus};
use asysta_core::workspace::{Role, WorkspaceInfo};
use asysta_core::EntityId;
use asysta_i18n::{Locale, Translator};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Which screen is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Waiting for the first status.
    Loading,
    /// The status could not be read.
    Failed(ErrorKind),
    Setup,
    Unlock,
    Families(WorkspaceInfo),
    /// The case record of one family.
    Case {
        info: WorkspaceInfo,
        family_id: EntityId,
    },
    /// Bundles between the laptop and its centre.
    Sync(WorkspaceInfo),
}

impl Screen {
    /// Whether the screen shows an unlocked workspace (it can be locked).
    pub fn is_open(&self) -> bool {
        matches!(self, Screen::Families(_) | Screen::Case { .. } | Screen::Sync(_))
    }

    /// The screen for a workspace status.
    pub fn for_status(status: WorkspaceStatus) -> Screen {
        match status {
            WorkspaceStatus::Absent => Screen::Setup,
            WorkspaceStatus::Locked => Screen::Unlock,
            WorkspaceStatus::Unlocked { info } => Screen::Families(info),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppState {
    pub locale: Locale,
    pub screen: Screen,
    /// Bumped to ask the shell for the status again.
    pub status_request: u32,
    /// The family list's filter, kept while a case is open.
    pub family_filter: ListFilter,
    /// At a centre: where the user is among its screens, kept while a
    /// case or the sync screen is open.
    pub centre: CentrePlace,
    /// Set while the workspace is locked over an open screen: the screen
    /// stays mounted, hidden, under the unlock form.
    pub lock: Option<LockReason>,
}

impl AppState {
    pub fn new(locale: Locale) -> AppState {
        AppState {
            locale,
            screen: Screen::Loading,
            status_request: 0,
            family_filter: ListFilter::default(),
            centre: CentrePlace::default(),
            lock: None,
        }
    }

    /// Whether the app watches for non-use: an open screen, not locked.
    pub fn watching(&self) -> bool {
        self.screen.is_open() && self.lock.is_none()
    }

    fn apply_status(&mut self, status: WorkspaceStatus) {
        match status {
            // Locked with a screen open: the screen waits under the form.
            WorkspaceStatus::Locked if self.screen.is_open() => {
                self.lock.get_or_insert(LockReason::Manual);
            }
            // Unlocked again: the waiting screen comes back.
            WorkspaceStatus::Unlocked { info } if self.lock.is_some() && self.screen.is_open() => {
                self.lock = None;
                if let Screen::Families(open) | Screen::Case { info: open, .. } | Screen::Sync(open) = &mut self.screen
                {
                    *open = info;
                }
            }
            status => {
                self.lock = None;
                self.screen = Screen::for_status(status);
            }
        }
    }
}

pub enum AppAction {
    Status(WorkspaceStatus),
    StatusFailed(ErrorKind),
    Retry,
    SwitchLocale,
    /// Opens a family's case from the list, which had `filter`.
    OpenCase {
        family_id: EntityId,
        filter: ListFilter,
    },
    /// Back from a case to the family list.
    CloseCase,
    /// The sync screen, from the header of the family list or a case.
    OpenSync,
    /// Back from the sync screen to the family list.
    CloseSync,
    /// The app locks itself (not used for a while, or the computer slept).
    Lock(LockReason),
    /// At a centre: another of its screens, or something opened on one.
    CentrePlace(CentrePlace),
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::Status(status) => next.apply_status(status),
            AppAction::StatusFailed(kind) => next.screen = Screen::Failed(kind),
            AppAction::Retry => {
                next.screen = Screen::Loading;
                next.status_request = next.status_request.wrapping_add(1);
            }
            AppAction::SwitchLocale => next.locale = other_locale(next.locale),
            AppAction::OpenCase { family_id, filter } => {
                if let Screen::Families(info) = &next.screen {
                    next.screen = Screen::Case { info: info.clone(), family_id };
                    next.family_filter = filter;
                }
            }
            AppAction::CloseCase => {
                if let Screen::Case { info, .. } = &next.screen {
                    next.screen = Screen::Families(info.clone());
                }
            }
            AppAction::OpenSync => {
                if let Screen::Families(info) | Screen::Case { info, .. } = &next.screen {
                    next.screen = Screen::Sync(info.clone());
                }
            }
            AppAction::CloseSync => {
                if let Screen::Sync(info) = &next.screen {
                    next.screen = Screen::Families(info.clone());
                }
            }
            AppAction::Lock(reason) => {
                if next.watching() {
                    next.lock = Some(reason);
                }
            }
            AppAction::CentrePlace(place) => {
                if let Screen::Families(_) = &next.screen {
                    next.centre = place;
                }
            }
        }
        Rc::new(next)
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::new(stored_locale()));
    let translator = use_memo(state.locale, |&locale| Translator::new(locale));
    let i18n = I18n::new(translator, state.dispatcher().to_callback().reform(|()| AppAction::SwitchLocale));

    use_effect_with(state.locale, |&locale| apply_locale(locale));
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.status_request, move |_| {
            spawn_local(async move {
                match ipc::workspace_status().await {
                    Ok(status) => dispatcher.dispatch(AppAction::Status(status)),
                    Err(error) => dispatcher.dispatch(AppAction::StatusFailed(error.kind)),
                }
            });
        });
    }

    // The lock: the centre's period without use, the watch, and where the
    // user was on the screen when it was locked.
    let lock_minutes = use_state_eq(|| DEFAULT_LOCK_MINUTES);
    let place = use_mut_ref(|| None::<Place>);
    {
        // Read when the workspace opens or is unlocked, and around the sync
        // screen (where the centre's settings change).
        let lock_minutes = lock_minutes.setter();
        let key = (state.watching(), matches!(state.screen, Screen::Sync(_)));
        use_effect_with(key, move |&(watching, _)| {
            if watching {
                spawn_local(async move {
                    if let Ok(vocabulary) = ipc::case_vocabulary().await {
                        lock_minutes.set(vocabulary.lock_minutes);
                    }
                });
            }
        });
    }
    let on_lock = {
        let dispatcher = state.dispatcher();
        let place = place.clone();
        Callback::from(move |reason: LockReason| {
            *place.borrow_mut() = Some(current_place());
            dispatcher.dispatch(AppAction::Lock(reason));
            // The store is closed and its key dropped; the screen already
            // hides everything of the case. (An open store would take any
            // passphrase, so a failure is tried again.)
            spawn_local(async move {
                for _ in 0..3 {
                    match ipc::lock().await {
                        Ok(_) => return,
                        Err(error) => {
                            web_sys::console::error_1(&format!("the workspace did not lock: {:?}", error.kind).into())
                        }
                    }
                }
            });
        })
    };
    use_idle_lock(state.watching(), *lock_minutes, on_lock);
    {
        let place = place.clone();
        use_effect_with(state.lock.is_some(), move |&locked| {
            if !locked {
                if let Some(place) = place.borrow_mut().take() {
                    restore_place(&place);
                }
            }
        });
    }

    let on_status = {
        let dispatcher = state.dispatcher();
        let watching = state.watching();
        Callback::from(move |status: WorkspaceStatus| {
            if watching && status == WorkspaceStatus::Locked {
                *place.borrow_mut() = Some(current_place());
            }
            dispatcher.dispatch(AppAction::Status(status));
        })
    };
    let on_unlock = on_status.clone();
    let on_open_sync = state.dispatcher().to_callback().reform(|()| AppAction::OpenSync);
    let screen = match &state.screen {
        Screen::Loading => html! {
            <div id="loading" class="page">
                <Header />
                <main class="content narrow">
                    <p class="loading">{ i18n.tr("loading") }</p>
                </main>
            </div>
        },
        Screen::Failed(kind) => {
            let retry = state.dispatcher().to_callback().reform(|_: MouseEvent| AppAction::Retry);
            html! {
                <div id="start-failed" class="page">
                    <Header />
                    <main class="content narrow">
                        <section class="panel">
                            <p id="app-error" class="form-error" role="alert">{ i18n.error(*kind) }</p>
                            <div class="actions">
                                <button type="button" id="retry" class="primary" onclick={retry}>
                                    { i18n.tr("retry") }
                                </button>
                            </div>
                        </section>
                    </main>
                </div>
            }
        }
        Screen::Setup => html! { <SetupScreen {on_status} /> },
        Screen::Unlock => html! { <UnlockScreen {on_status} /> },
        Screen::Families(info) => {
            let on_open_case = state
                .dispatcher()
                .to_callback()
                .reform(|(family_id, filter)| AppAction::OpenCase { family_id, filter });
            if info.role == Role::Centre {
                let on_place = state.dispatcher().to_callback().reform(AppAction::CentrePlace);
                html! {
                    <CentreScreen
                        info={info.clone()}
                        place={state.centre.clone()}
                        filter={state.family_filter.clone()}
                        {on_status}
                        {on_open_case}
                        {on_open_sync}
                        {on_place}
                    />
                }
            } else {
                html! {
                    <FamiliesScreen info={info.clone()} filter={state.family_filter.clone()} {on_status} {on_open_case} {on_open_sync} />
                }
            }
        }
        Screen::Case { info, family_id } => {
            let on_back = state.dispatcher().to_callback().reform(|()| AppAction::CloseCase);
            html! { <CaseScreen info={info.clone()} family_id={*family_id} {on_status} {on_back} {on_open_sync} /> }
        }
        Screen::Sync(info) => {
            let on_back = state.dispatcher().to_callback().reform(|()| AppAction::CloseSync);
            html! { <SyncScreen info={info.clone()} {on_status} {on_back} /> }
        }
    };

    html! {
        <ContextProvider<I18n> context={i18n}>
            { view(&state, screen, on_unlock) }
        </ContextProvider<I18n>>
    }
}

/// The screen, and while the workspace is locked over it, the unlock form
/// instead. The form comes first, so its ids are the ones found while the
/// screen waits hidden after it; the screen keeps its place in the tree
/// whether locked or not, so it is never taken down.
fn view(state: &AppState, screen: Html, on_unlock: Callback<WorkspaceStatus>) -> Html {
    html! {
        <>
            if let Some(reason) = state.lock {
                <UnlockScreen on_status={on_unlock} reason={Some(reason)} />
            }
            <div id="app-screen" hidden={state.lock.is_some()} aria-hidden={state.lock.map(|_| "true")}>
                { screen }
            </div>
        </>
    }
}

#[cfg(test)]
mod tests;
