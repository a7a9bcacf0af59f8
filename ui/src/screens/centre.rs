//! The centre's screens: the dashboard (its home screen), the family list
//! grouped by assistant, the register of assistants, intake and the
//! waiting list, transfers, duplicates across assistants and the
//! half-year report, with a navigation between them under the header.
//!
//! Where the user is among them (the view, the figure or report cell whose
//! families are listed, the report's period) is the app's state
//! ([`CentrePlace`]), so it is still there after a case was opened and
//! closed.

pub mod charts;
pub mod dashboard;
pub mod duplicates;
pub mod families;
pub mod intake;
pub mod register;
pub mod report;
pub mod transfers;

use crate::components::header::Header;
use crate::i18n::use_i18n;
use crate::ipc;
use crate::screens::families::{FamiliesScreen, ListFilter};
use asysta_core::api::{ApiError, ErrorKind, WorkspaceStatus};
use asysta_core::workspace::WorkspaceInfo;
use asysta_core::EntityId;
use dashboard::{DashboardView, FigureKey};
use duplicates::DuplicatesView;
use intake::IntakeView;
use register::RegisterView;
use report::ReportView;
use std::rc::Rc;
use transfers::TransfersView;
use yew::platform::spawn_local;
use yew::prelude::*;

/// One of the centre's screens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CentreView {
    #[default]
    Dashboard,
    Families,
    Register,
    Intake,
    Transfers,
    Duplicates,
    Report,
}

impl CentreView {
    /// In the navigation's order.
    pub const ALL: [CentreView; 7] = [
        CentreView::Dashboard,
        CentreView::Families,
        CentreView::Register,
        CentreView::Intake,
        CentreView::Transfers,
        CentreView::Duplicates,
        CentreView::Report,
    ];

    /// A short name: the navigation button is `nav-<key>`.
    pub fn key(self) -> &'static str {
        match self {
            CentreView::Dashboard => "dashboard",
            CentreView::Families => "families",
            CentreView::Register => "register",
            CentreView::Intake => "intake",
            CentreView::Transfers => "transfers",
            CentreView::Duplicates => "duplicates",
            CentreView::Report => "report",
        }
    }

    /// The id of the screen's page element.
    pub fn page_id(self) -> &'static str {
        match self {
            CentreView::Dashboard => "dashboard",
            CentreView::Families => "families",
            CentreView::Register => "register",
            CentreView::Intake => "intake",
            CentreView::Transfers => "transfers",
            CentreView::Duplicates => "cross-duplicates",
            CentreView::Report => "half-year-report",
        }
    }

    pub fn label_id(self) -> String {
        format!("centre-nav-{}", self.key())
    }
}

/// Where the user is among the centre's screens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CentrePlace {
    pub view: CentreView,
    /// The dashboard's figure whose families are listed.
    pub figure: Option<FigureKey>,
    /// The half-year report's period (`2026-H2`); `None`: the current one.
    pub period: Option<String>,
    /// The report's row whose families (or assistants) are listed.
    pub cell: Option<String>,
}

impl CentrePlace {
    /// Another screen, with nothing open on it.
    pub fn show(&self, view: CentreView) -> CentrePlace {
        CentrePlace { view, figure: None, cell: None, period: self.period.clone() }
    }
}

/// Something read from the shell: loading, there, or failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(Rc<T>),
    Failed(ErrorKind),
}

// Deriving `Default` would ask `T: Default`.
#[allow(clippy::derivable_impls)]
impl<T> Default for Load<T> {
    fn default() -> Self {
        Load::Loading
    }
}

impl<T> Load<T> {
    pub fn from_reply(reply: Result<T, ApiError>) -> Load<T> {
        match reply {
            Ok(value) => Load::Ready(Rc::new(value)),
            Err(error) => Load::Failed(error.kind),
        }
    }

    pub fn ready(&self) -> Option<&Rc<T>> {
        match self {
            Load::Ready(value) => Some(value),
            _ => None,
        }
    }

    pub fn is_locked(&self) -> bool {
        matches!(self, Load::Failed(ErrorKind::Locked))
    }
}

#[derive(Properties, PartialEq)]
pub struct CentreNavProps {
    pub current: CentreView,
    pub on_view: Callback<CentreView>,
}

/// The centre's screens, one button each; the current one is marked.
#[component]
pub fn CentreNav(props: &CentreNavProps) -> Html {
    let i18n = use_i18n();
    let items = CentreView::ALL.into_iter().map(|view| {
        let current = view == props.current;
        let onclick = props.on_view.reform(move |_: MouseEvent| view);
        html! {
            <li>
                <button
                    type="button"
                    id={format!("nav-{}", view.key())}
                    class={classes!("centre-nav-item", current.then_some("current"))}
                    aria-current={current.then_some("page")}
                    {onclick}
                >
                    { i18n.tr(&view.label_id()) }
                </button>
            </li>
        }
    });
    html! {
        <nav class="centre-nav" aria-label={i18n.tr("centre-nav-label")}>
            <ul>{ for items }</ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct CentreScreenProps {
    pub info: WorkspaceInfo,
    pub place: CentrePlace,
    /// The family list's filter (kept while a case is open).
    #[prop_or_default]
    pub filter: ListFilter,
    pub on_status: Callback<WorkspaceStatus>,
    /// Opens a family's case; the list's filter comes along.
    pub on_open_case: Callback<(EntityId, ListFilter)>,
    pub on_open_sync: Callback<()>,
    /// The user moved among the centre's screens.
    pub on_place: Callback<CentrePlace>,
}

/// The centre's home: the screen its place names.
#[component]
pub fn CentreScreen(props: &CentreScreenProps) -> Html {
    let view = props.place.view;
    let on_view = {
        let (place, on_place) = (props.place.clone(), props.on_place.clone());
        Callback::from(move |view| on_place.emit(place.show(view)))
    };
    let nav = html! { <CentreNav current={view} on_view={on_view.clone()} /> };
    if view == CentreView::Families {
        return html! {
            <FamiliesScreen
                info={props.info.clone()}
                filter={props.filter.clone()}
                on_status={props.on_status.clone()}
                on_open_case={props.on_open_case.clone()}
                on_open_sync={props.on_open_sync.clone()}
                nav={Some(nav)}
            />
        };
    }
    let on_open = {
        let (on_open_case, filter) = (props.on_open_case.clone(), props.filter.clone());
        Callback::from(move |family_id| on_open_case.emit((family_id, filter.clone())))
    };
    let on_locked = props.on_status.reform(|()| WorkspaceStatus::Locked);
    let body = match view {
        CentreView::Dashboard | CentreView::Families => html! {
            <DashboardView
                place={props.place.clone()}
                on_place={props.on_place.clone()}
                {on_open}
                {on_locked}
                on_view={on_view.clone()}
            />
        },
        CentreView::Register => html! { <RegisterView {on_locked} /> },
        CentreView::Intake => html! { <IntakeView {on_open} {on_locked} /> },
        CentreView::Transfers => html! { <TransfersView {on_open} {on_locked} /> },
        CentreView::Duplicates => html! { <DuplicatesView {on_open} {on_locked} /> },
        CentreView::Report => html! {
            <ReportView place={props.place.clone()} on_place={props.on_place.clone()} {on_open} {on_locked} />
        },
    };
    html! {
        <CentrePage
            info={props.info.clone()}
            id={view.page_id()}
            on_status={props.on_status.clone()}
            on_open_sync={props.on_open_sync.clone()}
            {nav}
        >
            { body }
        </CentrePage>
    }
}

#[derive(Properties, PartialEq)]
pub struct CentrePageProps {
    pub info: WorkspaceInfo,
    pub id: AttrValue,
    pub on_status: Callback<WorkspaceStatus>,
    pub on_open_sync: Callback<()>,
    pub nav: Html,
    pub children: Html,
}

/// The frame of a centre's screen: the header, the navigation and the
/// screen's content.
#[component]
pub fn CentrePage(props: &CentrePageProps) -> Html {
    let i18n = use_i18n();
    let lock_error = use_state(|| None::<ErrorKind>);
    let on_lock = {
        let (on_status, lock_error) = (props.on_status.clone(), lock_error.clone());
        Callback::from(move |()| {
            let (on_status, lock_error) = (on_status.clone(), lock_error.clone());
            spawn_local(async move {
                match ipc::lock().await {
                    Ok(status) => on_status.emit(status),
                    Err(error) => lock_error.set(Some(error.kind)),
                }
            });
        })
    };
    html! {
        <div id={props.id.clone()} class="page centre-page">
            <Header info={props.info.clone()} {on_lock} on_sync={props.on_open_sync.clone()} />
            { props.nav.clone() }
            <main class="content centre-content">
                if let Some(kind) = *lock_error {
                    <p id="centre-lock-error" class="form-error" role="alert">{ i18n.error(kind) }</p>
                }
                { props.children.clone() }
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests;
