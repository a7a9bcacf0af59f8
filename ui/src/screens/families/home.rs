//! What needs the assistant's attention when the workspace opens: visit
//! entries not finished (drafts), alerts (no visit for too long, plan
//! actions past their deadline), the due dates (evaluations, court opinions,
//! ends of monitoring) and the planned contacts; on a laptop, the centre's
//! decisions on its plans ([`decisions`]).
//!
//! Each part is fetched on its own; a part that fails to load says so and
//! the others are still shown.

use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use asysta_core::alerts::Alert;
use asysta_core::api::{ApiError, DraftView, DueItem, DueWhat, ErrorKind, PlannedVisit, ScheduledVisit};
use asysta_core::evaluation::DueState;
use asysta_core::EntityId;
use asysta_i18n::Arg;
use chrono::NaiveDate;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

pub mod decisions;

/// One part of the panel: loading, loaded, or failed with a reason.
#[derive(Clone, Debug, PartialEq)]
pub enum Part<T> {
    Loading,
    Loaded(Rc<Vec<T>>),
    Failed(ErrorKind),
}

// Deriving `Default` would ask `T: Default` of every item type.
#[allow(clippy::derivable_impls)]
impl<T> Default for Part<T> {
    fn default() -> Self {
        Part::Loading
    }
}

impl<T> Part<T> {
    fn from_reply(reply: Result<Vec<T>, ApiError>) -> Part<T> {
        match reply {
            Ok(items) => Part::Loaded(Rc::new(items)),
            Err(error) => Part::Failed(error.kind),
        }
    }

    fn is_locked(&self) -> bool {
        matches!(self, Part::Failed(ErrorKind::Locked))
    }
}

/// Everything the panel shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HomeState {
    pub drafts: Part<DraftView>,
    pub alerts: Part<Alert>,
    pub due: Part<DueItem>,
    pub planned: Part<PlannedVisit>,
    pub scheduled: Part<ScheduledVisit>,
    pub decisions: Part<asysta_core::centre::approval::PlanDecisionNotice>,
}

/// How a planned contact stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlannedWhen {
    /// Its date has passed and no visit was recorded since.
    Overdue,
    Today,
    Later,
}

/// Where the planned contact on `date` stands on `today`.
pub fn planned_when(date: NaiveDate, today: NaiveDate) -> PlannedWhen {
    match date.cmp(&today) {
        std::cmp::Ordering::Less => PlannedWhen::Overdue,
        std::cmp::Ordering::Equal => PlannedWhen::Today,
        std::cmp::Ordering::Greater => PlannedWhen::Later,
    }
}

/// The days the home screen's schedule shows after today.
pub const SCHEDULE_DAYS: u64 = 7;

/// The visits planned ahead as the home screen groups them: missed (their
/// day has passed with no entry), today's, the coming week's, and how
/// many are planned later.
#[derive(Debug, Default, PartialEq)]
pub struct Schedule<'a> {
    pub missed: Vec<&'a ScheduledVisit>,
    pub today: Vec<&'a ScheduledVisit>,
    pub week: Vec<&'a ScheduledVisit>,
    pub later: usize,
}

/// Groups `visits` (in the shell's order: missed first, then by date and
/// time) around `today`.
pub fn schedule(visits: &[ScheduledVisit], today: NaiveDate) -> Schedule<'_> {
    let week_end = week_end(today);
    let mut out = Schedule::default();
    for visit in visits {
        match visit.date {
            date if date < today => out.missed.push(visit),
            date if date == today => out.today.push(visit),
            date if date <= week_end => out.week.push(visit),
            _ => out.later += 1,
        }
    }
    out
}

/// The last day of the week the schedule shows.
pub fn week_end(today: NaiveDate) -> NaiveDate {
    today.checked_add_days(chrono::Days::new(SCHEDULE_DAYS)).unwrap_or(today)
}

/// The text of an alert, without the family's name (shown beside it).
pub fn alert_text(i18n: &I18n, alert: &Alert) -> String {
    match alert {
        Alert::NoVisit { days_since: Some(days), .. } => {
            i18n.tr_args(alert.message_id(), &[("days", Arg::Num(f64::from(*days)))])
        }
        Alert::NoVisit { days_since: None, .. } => i18n.tr(alert.message_id()),
        Alert::ActionOverdue { what, deadline, days_overdue, .. } => i18n.tr_args(
            alert.message_id(),
            &[
                ("what", Arg::Str(what)),
                ("days", Arg::Num(f64::from(*days_overdue))),
                ("deadline", Arg::Str(&i18n.date(*deadline))),
            ],
        ),
    }
}

/// What is due: "Ocena okresowa", "Opinia dla sądu (III Nsm 12/26)",
/// "Koniec monitoringu".
pub fn due_what(i18n: &I18n, what: &DueWhat) -> String {
    match what {
        DueWhat::Evaluation { .. } => i18n.tr("due-evaluation"),
        DueWhat::Opinion { case_signature, .. } => {
            i18n.tr_args("due-opinion", &[("signature", Arg::Str(case_signature))])
        }
        DueWhat::MonitoringEnd => i18n.tr("due-monitoring-end"),
    }
}

/// When it is due: "po terminie 12 dni", "za 5 dni", "dziś"; an opinion
/// not overdue names its date ("do 10.12.2026").
pub fn due_when(i18n: &I18n, what: &DueWhat, state: &DueState) -> String {
    let days = |key: &str, n: i64| i18n.tr_args(key, &[("days", Arg::Num(n as f64))]);
    let by = |due: NaiveDate| i18n.tr_args("due-by", &[("date", Arg::Str(&i18n.date(due)))]);
    match (state, what) {
        (DueState::Overdue { days_over, .. }, _) => days("due-overdue", *days_over),
        (DueState::DueSoon { due, .. } | DueState::Later { due }, DueWhat::Opinion { .. }) => by(*due),
        (DueState::DueSoon { days_left: 0, .. }, _) => i18n.tr("due-today"),
        (DueState::DueSoon { days_left, .. }, _) => days("due-in-days", *days_left),
        (DueState::Later { due }, _) => by(*due),
    }
}

/// The class of an item by how urgent it is.
fn due_class(state: &DueState) -> &'static str {
    match state {
        DueState::Overdue { .. } => "due-overdue",
        DueState::DueSoon { .. } => "due-soon",
        DueState::Later { .. } => "due-later",
    }
}

fn alert_family(alert: &Alert) -> (EntityId, &str) {
    match alert {
        Alert::NoVisit { family_id, family_name, .. } | Alert::ActionOverdue { family_id, family_name, .. } => {
            (*family_id, family_name)
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct HomePanelProps {
    /// Opens a family's case (where its draft is offered again).
    pub on_open: Callback<EntityId>,
    pub on_locked: Callback<()>,
    /// Today, for "today" and "overdue" on planned contacts.
    pub today: NaiveDate,
}

/// Fetches the three parts and shows them.
#[component]
pub fn HomePanel(props: &HomePanelProps) -> Html {
    let state = use_state(HomeState::default);
    {
        let state = state.clone();
        let on_locked = props.on_locked.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let next = HomeState {
                    drafts: Part::from_reply(ipc::drafts().await),
                    alerts: Part::from_reply(ipc::alerts().await),
                    due: Part::from_reply(ipc::due().await),
                    planned: Part::from_reply(ipc::planned_visits().await),
                    scheduled: Part::from_reply(ipc::scheduled_visits(None).await),
                    decisions: Part::from_reply(ipc::plan_decisions().await),
                };
                let locked = next.drafts.is_locked() || next.alerts.is_locked();
                let locked = locked || next.scheduled.is_locked();
                if locked || next.due.is_locked() || next.planned.is_locked() || next.decisions.is_locked() {
                    on_locked.emit(());
                } else {
                    state.set(next);
                }
            });
        });
    }
    html! { <HomeView state={(*state).clone()} on_open={props.on_open.clone()} today={props.today} /> }
}

#[derive(Properties, PartialEq)]
pub struct HomeViewProps {
    pub state: HomeState,
    pub on_open: Callback<EntityId>,
    pub today: NaiveDate,
}

/// The panel for a given state (rendered in host tests).
#[component]
pub fn HomeView(props: &HomeViewProps) -> Html {
    let i18n = use_i18n();
    let open = |family_id: EntityId, name: &str, class: &'static str| {
        let on_open = props.on_open.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_open.emit(family_id));
        html! { <button type="button" class={classes!("link", class)} {onclick}>{ name.to_owned() }</button> }
    };
    let failed = |id: &'static str, kind: ErrorKind| {
        html! { <p id={id} class="form-error" role="alert">{ i18n.error(kind) }</p> }
    };

    let drafts = match &props.state.drafts {
        Part::Loaded(drafts) if !drafts.is_empty() => {
            let items = drafts.iter().map(|d| {
                let saved = crate::format::local_timestamp(d.draft.saved_at_ms);
                html! {
                    <li class="draft" key={d.draft.family_id.to_string()}>
                        { open(d.draft.family_id, &d.family_name, "draft-family") }
                        <span class="draft-saved">
                            { i18n.tr_args("home-draft-saved", &[("when", Arg::Str(&saved))]) }
                        </span>
                    </li>
                }
            });
            html! {
                <section id="drafts" class="home-part attention" aria-labelledby="drafts-title">
                    <h3 id="drafts-title">{ i18n.tr("home-drafts-title") }</h3>
                    <p class="hint">{ i18n.tr("home-drafts-hint") }</p>
                    <ul class="plain-list">{ for items }</ul>
                </section>
            }
        }
        Part::Failed(kind) => failed("drafts-error", *kind),
        _ => Html::default(),
    };

    let alerts = match &props.state.alerts {
        Part::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        Part::Failed(kind) => failed("alerts-error", *kind),
        Part::Loaded(alerts) if alerts.is_empty() => {
            html! { <p id="alerts-none" class="empty">{ i18n.tr("alert-none") }</p> }
        }
        Part::Loaded(alerts) => {
            let items = alerts.iter().map(|alert| {
                let (family_id, name) = alert_family(alert);
                let kind = match alert {
                    Alert::NoVisit { .. } => "alert-no-visit",
                    Alert::ActionOverdue { .. } => "alert-overdue",
                };
                html! {
                    <li class={classes!("alert", kind)}>
                        { open(family_id, name, "alert-family") }
                        <span class="alert-text">{ alert_text(&i18n, alert) }</span>
                    </li>
                }
            });
            html! { <ul class="plain-list">{ for items }</ul> }
        }
    };

    let due = match &props.state.due {
        Part::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        Part::Failed(kind) => failed("due-error", *kind),
        Part::Loaded(items) if items.is_empty() => {
            html! { <p id="due-none" class="empty">{ i18n.tr("due-none") }</p> }
        }
        Part::Loaded(items) => {
            let items = items.iter().map(|item| {
                html! {
                    <li class={classes!("due-item", due_class(&item.state))}>
                        <span class="due-what">{ due_what(&i18n, &item.what) }</span>
                        { " — " }
                        { open(item.family_id, &item.family_name, "due-family") }
                        { " — " }
                        <span class="due-when">{ due_when(&i18n, &item.what, &item.state) }</span>
                    </li>
                }
            });
            html! { <ul class="plain-list">{ for items }</ul> }
        }
    };

    let planned = match &props.state.planned {
        Part::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        Part::Failed(kind) => failed("planned-error", *kind),
        Part::Loaded(planned) if planned.is_empty() => {
            html! { <p id="planned-none" class="empty">{ i18n.tr("home-planned-none") }</p> }
        }
        Part::Loaded(planned) => {
            let items = planned.iter().map(|p| {
                let when = planned_when(p.date, props.today);
                let mark = match when {
                    PlannedWhen::Overdue => Some(("planned-overdue", "home-planned-overdue")),
                    PlannedWhen::Today => Some(("planned-today", "home-planned-today")),
                    PlannedWhen::Later => None,
                };
                html! {
                    <li class={classes!("planned", mark.map(|(class, _)| class))} key={p.family_id.to_string()}>
                        <time class="planned-date" datetime={p.date.to_string()}>{ i18n.date(p.date) }</time>
                        { open(p.family_id, &p.family_name, "planned-family") }
                        if let Some((_, message)) = mark {
                            <span class="badge">{ i18n.tr(message) }</span>
                        }
                    </li>
                }
            });
            html! { <ol class="plain-list">{ for items }</ol> }
        }
    };

    let scheduled = match &props.state.scheduled {
        Part::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        Part::Failed(kind) => failed("schedule-error", *kind),
        Part::Loaded(visits) => {
            let groups = schedule(visits, props.today);
            let item = |visit: &ScheduledVisit, with_date: bool| {
                let when =
                    if with_date { format!("{} {}", i18n.date(visit.date), visit.time) } else { visit.time.clone() };
                let place = match &visit.place {
                    asysta_core::visit::Place::Other { text } => text.clone(),
                    place => i18n.tr(place.message_id()),
                };
                html! {
                    <li class="scheduled" key={visit.id.to_string()}>
                        <time class="scheduled-when" datetime={visit.date.to_string()}>{ when }</time>
                        { " — " }
                        { open(visit.family_id, &visit.family_name, "scheduled-family") }
                        { " — " }
                        <span class="scheduled-place">{ place }</span>
                        if !visit.purpose.is_empty() {
                            { " — " }
                            <span class="scheduled-purpose">{ visit.purpose.clone() }</span>
                        }
                    </li>
                }
            };
            let group = |id: &'static str, title: String, visits: &[&ScheduledVisit], with_date: bool| {
                if visits.is_empty() {
                    return Html::default();
                }
                html! {
                    <div id={id} class="schedule-group">
                        <h4 id={format!("{id}-title")}>{ title }</h4>
                        <ol class="plain-list" aria-labelledby={format!("{id}-title")}>
                            { for visits.iter().map(|v| item(v, with_date)) }
                        </ol>
                    </div>
                }
            };
            let week_title =
                i18n.tr_args("home-schedule-week", &[("date", Arg::Str(&i18n.date(week_end(props.today))))]);
            let nothing = groups.today.is_empty() && groups.week.is_empty();
            html! {
                <>
                    { group("schedule-missed", i18n.tr("home-schedule-missed"), &groups.missed, true) }
                    { group("schedule-today", i18n.tr("home-schedule-today"), &groups.today, false) }
                    { group("schedule-week", week_title, &groups.week, true) }
                    if nothing {
                        <p id="schedule-none" class="empty">{ i18n.tr("home-schedule-none") }</p>
                    }
                    if groups.later > 0 {
                        <p id="schedule-later" class="hint">
                            { i18n.tr_args("home-schedule-later", &[("count", Arg::Num(groups.later as f64))]) }
                        </p>
                    }
                </>
            }
        }
    };

    let decisions = match &props.state.decisions {
        Part::Loaded(notices) => html! {
            <decisions::PlanDecisions notices={notices.clone()} on_open={props.on_open.clone()} today={props.today} />
        },
        Part::Failed(kind) => failed("plan-decisions-error", *kind),
        Part::Loading => Html::default(),
    };

    html! {
        <section id="home" class="panel home-panel">
            { decisions }
            { drafts }
            <section id="schedule" class="home-part" aria-labelledby="schedule-title">
                <h3 id="schedule-title">{ i18n.tr("home-schedule-title") }</h3>
                { scheduled }
            </section>
            <section id="alerts" class="home-part" aria-labelledby="alerts-title">
                <h3 id="alerts-title">{ i18n.tr("alert-title") }</h3>
                { alerts }
            </section>
            <section id="due-list" class="home-part" aria-labelledby="due-title">
                <h3 id="due-title">{ i18n.tr("due-title") }</h3>
                { due }
            </section>
            <section id="planned-visits" class="home-part" aria-labelledby="planned-title">
                <h3 id="planned-title">{ i18n.tr("home-planned-title") }</h3>
                { planned }
            </section>
            <section id="monthly-report" class="home-part" aria-labelledby="monthly-title">
                <h3 id="monthly-title">{ i18n.tr("print-monthly") }</h3>
                { for report_months(crate::clock::today()).into_iter().map(|(year, month)| {
                    let label = format!("{} {year}", i18n.tr(&format!("month-{month}")));
                    html! {
                        <p>
                            <crate::screens::print::PrintButton
                                job={asysta_core::api::PrintJob::Monthly { year, month, assistant: None }}
                                label={label}
                            />
                        </p>
                    }
                }) }
            </section>
        </section>
    }
}

/// The months a report is offered for: the last one (reports are made
/// after a month ends) and this one so far.
pub fn report_months(today: chrono::NaiveDate) -> [(i32, u32); 2] {
    use chrono::Datelike;
    let previous = if today.month() == 1 { (today.year() - 1, 12) } else { (today.year(), today.month() - 1) };
    [previous, (today.year(), today.month())]
}

#[cfg(test)]
mod tests;
