//! The centre's home screen: per assistant, as of the last bundle from
//! their laptop, active families against the cap (and a past breach),
//! days since each family's last visit and every figure of
//! [`AssistantFigures`]; the waiting list, pending transfers and open
//! duplicates; alerts and due dates naming each family's assistant; and
//! three charts. Every figure opens the list of the families behind it.

use super::charts::{Bar, BarsAcross, BarsUpwards};
use super::families::{load_index, FamiliesBehind, FamilyIndex};
use super::{CentrePlace, CentreView, Load};
use crate::components::lazy_details::LazyDetails;
use crate::i18n::{use_i18n, I18n};
use crate::ipc;
use crate::screens::families::home::{alert_text, due_what, due_when, report_months};
use asysta_core::alerts::Alert;
use asysta_core::api::{DueItem, PrintJob};
use asysta_core::centre::dashboard::{AssistantFigures, Closings, Dashboard, Figure, MonthActivity};
use asysta_core::closing::{reason_name, ClosingReason};
use asysta_core::EntityId;
use asysta_i18n::{Arg, Locale};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A figure of one assistant's column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FigureKind {
    Active,
    NoRecentVisit,
    OverdueActions,
    EvaluationsDue,
    EvaluationsOverdue,
    PlansMissing,
    PlansIncomplete,
    PlansUnconsulted,
    AwaitingDecision,
    CommentsAwaitingCentre,
    CommentsAwaitingAssistant,
    Conflicts,
    LateEdits,
    CourtOrdered,
}

impl FigureKind {
    /// The figures listed under the caseload, in the column's order.
    pub const LISTED: [FigureKind; 13] = [
        FigureKind::NoRecentVisit,
        FigureKind::OverdueActions,
        FigureKind::EvaluationsDue,
        FigureKind::EvaluationsOverdue,
        FigureKind::PlansMissing,
        FigureKind::PlansIncomplete,
        FigureKind::PlansUnconsulted,
        FigureKind::AwaitingDecision,
        FigureKind::CommentsAwaitingCentre,
        FigureKind::CommentsAwaitingAssistant,
        FigureKind::Conflicts,
        FigureKind::LateEdits,
        FigureKind::CourtOrdered,
    ];

    /// The figure's name in ids and `data-figure`.
    pub fn slug(self) -> &'static str {
        match self {
            FigureKind::Active => "active",
            FigureKind::NoRecentVisit => "no-recent-visit",
            FigureKind::OverdueActions => "overdue-actions",
            FigureKind::EvaluationsDue => "evaluations-due",
            FigureKind::EvaluationsOverdue => "evaluations-overdue",
            FigureKind::PlansMissing => "plans-missing",
            FigureKind::PlansIncomplete => "plans-incomplete",
            FigureKind::PlansUnconsulted => "plans-unconsulted",
            FigureKind::AwaitingDecision => "awaiting-decision",
            FigureKind::CommentsAwaitingCentre => "comments-awaiting-centre",
            FigureKind::CommentsAwaitingAssistant => "comments-awaiting-assistant",
            FigureKind::Conflicts => "conflicts",
            FigureKind::LateEdits => "late-edits",
            FigureKind::CourtOrdered => "court-ordered",
        }
    }

    pub fn label_id(self) -> String {
        format!("centre-figure-{}", self.slug())
    }

    /// The figure in an assistant's column.
    pub fn of(self, a: &AssistantFigures) -> &Figure {
        match self {
            FigureKind::Active => &a.active,
            FigureKind::NoRecentVisit => &a.no_recent_visit,
            FigureKind::OverdueActions => &a.overdue_actions,
            FigureKind::EvaluationsDue => &a.evaluations_due,
            FigureKind::EvaluationsOverdue => &a.evaluations_overdue,
            FigureKind::PlansMissing => &a.plans_missing,
            FigureKind::PlansIncomplete => &a.plans_incomplete,
            FigureKind::PlansUnconsulted => &a.plans_unconsulted,
            FigureKind::AwaitingDecision => &a.awaiting_decision,
            FigureKind::CommentsAwaitingCentre => &a.comments_awaiting_centre,
            FigureKind::CommentsAwaitingAssistant => &a.comments_awaiting_assistant,
            FigureKind::Conflicts => &a.conflicts,
            FigureKind::LateEdits => &a.late_edits,
            FigureKind::CourtOrdered => &a.court_ordered,
        }
    }
}

/// A figure of the dashboard whose families can be listed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FigureKey {
    Assistant {
        assistant: EntityId,
        kind: FigureKind,
    },
    /// Closings for a reason, of one assistant or of the whole centre.
    Closings {
        assistant: Option<EntityId>,
        reason: String,
    },
    Waiting,
    PendingTransfers,
}

impl FigureKey {
    /// The assistant whose column it is in (`None`: the centre's).
    pub fn assistant(&self) -> Option<EntityId> {
        match self {
            FigureKey::Assistant { assistant, .. } => Some(*assistant),
            FigureKey::Closings { assistant, .. } => *assistant,
            FigureKey::Waiting | FigureKey::PendingTransfers => None,
        }
    }

    /// `data-figure` of its button.
    pub fn slug(&self) -> String {
        match self {
            FigureKey::Assistant { kind, .. } => kind.slug().to_owned(),
            FigureKey::Closings { reason, .. } => format!("closed-{}", reason.replace('_', "-")),
            FigureKey::Waiting => "waiting".into(),
            FigureKey::PendingTransfers => "pending-transfers".into(),
        }
    }
}

/// The figure a key names on this dashboard (`None` when it is not there
/// any more: the assistant left the register, say).
pub fn figure<'a>(board: &'a Dashboard, key: &FigureKey) -> Option<&'a Figure> {
    let column = |id: EntityId| board.assistants.iter().find(|a| a.assistant_id == id);
    match key {
        FigureKey::Assistant { assistant, kind } => column(*assistant).map(|a| kind.of(a)),
        FigureKey::Closings { assistant: Some(id), reason } => column(*id)?.closings.by_reason.get(reason),
        FigureKey::Closings { assistant: None, reason } => board.closings.by_reason.get(reason),
        FigureKey::Waiting => Some(&board.waiting),
        FigureKey::PendingTransfers => Some(&board.pending_transfers),
    }
}

/// Every assistant's months added up, oldest first.
pub fn months_total(board: &Dashboard) -> Vec<MonthActivity> {
    let mut by_month: BTreeMap<String, MonthActivity> = BTreeMap::new();
    for month in board.assistants.iter().flat_map(|a| &a.months) {
        let total = by_month
            .entry(month.month.clone())
            .or_insert_with(|| MonthActivity { month: month.month.clone(), ..MonthActivity::default() });
        total.contacts += month.contacts;
        total.minutes += month.minutes;
        for (form, n) in &month.by_form {
            *total.by_form.entry(form.clone()).or_insert(0) += n;
        }
    }
    by_month.into_values().collect()
}

/// A number with at most one decimal, in the language's way ("7,5", "7.5";
/// "8" for 8.0).
pub fn decimal(value: f64, locale: Locale) -> String {
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text).to_owned();
    match locale {
        Locale::Pl => text.replace('.', ","),
        Locale::En => text,
    }
}

/// Minutes as hours with one decimal.
pub fn hours(minutes: u32, locale: Locale) -> String {
    decimal(f64::from(minutes) / 60.0, locale)
}

/// A share (0–1) as a whole percentage.
pub fn percent(share: f64) -> String {
    format!("{}", (share * 100.0).round() as i64)
}

/// `2026-11` as (2026, 11).
pub fn year_month(month: &str) -> Option<(i32, u32)> {
    let (year, month) = month.split_once('-')?;
    Some((year.parse().ok()?, month.parse().ok().filter(|m| (1..=12).contains(m))?))
}

/// "listopad 2026".
fn month_name(i18n: &I18n, month: &str) -> String {
    match year_month(month) {
        Some((year, m)) => format!("{} {year}", i18n.tr(&format!("month-{m}"))),
        None => month.to_owned(),
    }
}

/// The closing reasons' names in `locale`, the centre's list first.
pub fn reason_label(reasons: &[ClosingReason], key: &str, i18n: &I18n) -> String {
    reason_name(reasons, key, i18n.locale() == Locale::Pl).map(str::to_owned).unwrap_or_else(|| {
        if key == "other" {
            i18n.tr("centre-reason-other")
        } else {
            key.to_owned()
        }
    })
}

/// The closings' reasons in the centre's order, then any others.
pub fn ordered_reasons<'a>(closings: &'a Closings, reasons: &[ClosingReason]) -> Vec<(&'a String, &'a Figure)> {
    let rank = |key: &str| reasons.iter().position(|r| r.key == key).unwrap_or(usize::MAX);
    let mut out: Vec<(&String, &Figure)> = closings.by_reason.iter().collect();
    out.sort_by_key(|(key, _)| (rank(key), (*key).clone()));
    out
}

/// What the dashboard reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DashboardData {
    pub board: Load<Dashboard>,
    pub index: Load<FamilyIndex>,
    pub alerts: Load<Vec<Alert>>,
    pub due: Load<Vec<DueItem>>,
    pub reasons: Rc<Vec<ClosingReason>>,
    /// Days without a visit before the centre's alert.
    pub no_visit_days: Option<u32>,
    /// How many assistants' cards are drawn (`None`: all): the first
    /// screenful is painted before the rest are built.
    pub cards_shown: Option<usize>,
}

/// The cards drawn in the first paint (a screenful at 1366 × 768).
pub const FIRST_CARDS: usize = 6;

#[derive(Properties, PartialEq)]
pub struct DashboardViewProps {
    pub place: CentrePlace,
    pub on_place: Callback<CentrePlace>,
    pub on_open: Callback<EntityId>,
    pub on_locked: Callback<()>,
    pub on_view: Callback<CentreView>,
}

/// Reads everything once and shows it.
#[component]
pub fn DashboardView(props: &DashboardViewProps) -> Html {
    let data = use_state(DashboardData::default);
    {
        let (data, on_locked) = (data.clone(), props.on_locked.clone());
        use_effect_with((), move |_| {
            // Left before everything came: the rest is not asked for (it
            // would hold the store while the next screen asks).
            let alive = Rc::new(std::cell::Cell::new(true));
            let here = alive.clone();
            spawn_local(async move {
                // The figures, the first cards and the charts first; the
                // other cards once that is on screen; then the families'
                // names (behind each figure) and the alerts and due dates of
                // every family (hundreds at a centre).
                let (board, vocabulary, settings) =
                    futures::future::join3(ipc::dashboard(None), ipc::case_vocabulary(), ipc::settings()).await;
                let first = DashboardData {
                    board: Load::from_reply(board),
                    index: Load::Loading,
                    alerts: Load::Loading,
                    due: Load::Loading,
                    reasons: Rc::new(vocabulary.map(|v| v.closing_reasons).unwrap_or_default()),
                    no_visit_days: settings.ok().map(|s| s.no_visit_days),
                    cards_shown: Some(FIRST_CARDS),
                };
                if first.board.is_locked() {
                    on_locked.emit(());
                    return;
                }
                data.set(first.clone());
                crate::dom::after_paint().await;
                if !here.get() {
                    return;
                }
                let all = DashboardData { cards_shown: None, ..first };
                data.set(all.clone());
                let index = Load::from_reply(load_index().await);
                if index.is_locked() {
                    on_locked.emit(());
                    return;
                }
                let named = DashboardData { index, ..all };
                data.set(named.clone());
                if !here.get() {
                    return;
                }
                let alerts = Load::from_reply(ipc::alerts().await);
                let due = Load::from_reply(ipc::due().await);
                if alerts.is_locked() || due.is_locked() {
                    on_locked.emit(());
                } else {
                    data.set(DashboardData { alerts, due, ..named });
                }
            });
            move || alive.set(false)
        });
    }
    html! {
        <DashboardContent
            data={(*data).clone()}
            place={props.place.clone()}
            on_place={props.on_place.clone()}
            on_open={props.on_open.clone()}
            on_view={props.on_view.clone()}
        />
    }
}

#[derive(Properties, PartialEq)]
pub struct DashboardContentProps {
    pub data: DashboardData,
    pub place: CentrePlace,
    pub on_place: Callback<CentrePlace>,
    pub on_open: Callback<EntityId>,
    pub on_view: Callback<CentreView>,
}

/// The dashboard for what was read (rendered in host tests).
#[component]
pub fn DashboardContent(props: &DashboardContentProps) -> Html {
    let i18n = use_i18n();
    let board = match &props.data.board {
        Load::Loading => {
            return html! {
                <>
                    <h2 id="dashboard-title">{ i18n.tr("centre-dashboard-title") }</h2>
                    <p class="loading">{ i18n.tr("loading") }</p>
                </>
            }
        }
        Load::Failed(kind) => {
            return html! {
                <>
                    <h2 id="dashboard-title">{ i18n.tr("centre-dashboard-title") }</h2>
                    <p id="dashboard-error" class="form-error" role="alert">{ i18n.error(*kind) }</p>
                </>
            }
        }
        Load::Ready(board) => board.clone(),
    };
    let index = props.data.index.ready().cloned();
    let ctx = Ctx {
        i18n: i18n.clone(),
        open: props.place.figure.clone(),
        on_figure: {
            let (place, on_place) = (props.place.clone(), props.on_place.clone());
            Callback::from(move |key: Option<FigureKey>| {
                on_place.emit(CentrePlace { figure: key, ..place.clone() });
            })
        },
        on_open: props.on_open.clone(),
        index_ready: index.is_some(),
        index: index.unwrap_or_default(),
        reasons: props.data.reasons.clone(),
        no_visit_days: props.data.no_visit_days,
        labels: FigureLabels::new(&i18n),
    };
    let shown = props.data.cards_shown.unwrap_or(usize::MAX);
    let cards = board.assistants.iter().take(shown).enumerate().map(|(i, a)| ctx.card(i, a, &board));
    let centre_open = ctx.open.as_ref().filter(|k| k.assistant().is_none()).map(|key| ctx.behind(key, &board));
    html! {
        <>
            <div class="dashboard-head">
                <h2 id="dashboard-title">{ i18n.tr("centre-dashboard-title") }</h2>
                <p id="dashboard-on" class="hint">
                    { i18n.tr_args("centre-dashboard-on", &[("date", Arg::Str(&i18n.date(board.on)))]) }
                </p>
            </div>
            { ctx.summary(&board, &props.on_view) }
            { for centre_open }
            <section id="assistant-cards" class="assistant-cards" aria-labelledby="assistant-cards-title">
                <h2 id="assistant-cards-title" class="visually-hidden">{ i18n.tr("centre-cards-title") }</h2>
                if board.assistants.is_empty() {
                    <p id="assistant-cards-empty" class="empty">{ i18n.tr("centre-cards-empty") }</p>
                }
                { for cards }
            </section>
            <CentreAlerts alerts={props.data.alerts.clone()} due={props.data.due.clone()} index={ctx.index.clone()} on_open={props.on_open.clone()} />
            { ctx.charts(&board) }
            <section id="centre-monthly" class="panel" aria-labelledby="centre-monthly-title">
                <h2 id="centre-monthly-title">{ i18n.tr("print-monthly") }</h2>
                <p class="centre-monthly-buttons">
                    { for report_months(crate::clock::today()).into_iter().map(|(year, month)| {
                        let label = format!("{} {year}", i18n.tr(&format!("month-{month}")));
                        html! { <crate::screens::print::PrintButton job={PrintJob::Monthly { year, month, assistant: None }} {label} /> }
                    }) }
                </p>
            </section>
        </>
    }
}

/// What every part of the dashboard draws with.
struct Ctx {
    i18n: I18n,
    open: Option<FigureKey>,
    on_figure: Callback<Option<FigureKey>>,
    on_open: Callback<EntityId>,
    index: Rc<FamilyIndex>,
    /// Whether the families' names have come (they follow the figures).
    index_ready: bool,
    reasons: Rc<Vec<ClosingReason>>,
    no_visit_days: Option<u32>,
    labels: FigureLabels,
}

/// What every card repeats, translated once for all of them.
struct FigureLabels {
    figures: BTreeMap<FigureKind, String>,
    held_back: String,
    decision_days: String,
    since_visits: String,
    no_data: String,
}

impl FigureLabels {
    fn new(i18n: &I18n) -> FigureLabels {
        let figures = std::iter::once(FigureKind::Active)
            .chain(FigureKind::LISTED)
            .map(|kind| (kind, i18n.tr(&kind.label_id())))
            .collect();
        FigureLabels {
            figures,
            held_back: i18n.tr("centre-figure-held-back"),
            decision_days: i18n.tr("centre-figure-decision-days"),
            since_visits: i18n.tr("centre-since-visits"),
            no_data: i18n.tr("centre-no-data"),
        }
    }

    fn figure(&self, kind: FigureKind) -> &str {
        self.figures.get(&kind).map_or("", String::as_str)
    }
}

impl Ctx {
    /// A figure's count: a button opening its families, or a plain 0.
    fn button(&self, key: FigureKey, count: u32, label: &str, owner: &str) -> Html {
        if count == 0 {
            return html! { <span class="figure-value figure-zero" data-figure={key.slug()}>{ "0" }</span> };
        }
        let open = self.open.as_ref() == Some(&key);
        let slug = key.slug();
        let next = if open { None } else { Some(key) };
        let onclick = self.on_figure.reform(move |_: MouseEvent| next.clone());
        html! {
            <button
                type="button"
                class={classes!("figure-button", open.then_some("open"))}
                data-figure={slug}
                aria-expanded={if open { "true" } else { "false" }}
                {onclick}
            >
                { count }
                <span class="visually-hidden">{ format!(" — {label} ({owner})") }</span>
            </button>
        }
    }

    /// The list of the families behind the open figure.
    fn behind(&self, key: &FigureKey, board: &Dashboard) -> Html {
        let Some(figure) = figure(board, key) else { return Html::default() };
        let owner = key
            .assistant()
            .and_then(|id| board.assistants.iter().find(|a| a.assistant_id == id))
            .map_or_else(|| self.i18n.tr("centre-whole-centre"), |a| a.name.clone());
        let title = format!("{} — {owner}", self.label(key));
        if !self.index_ready {
            return html! {
                <section id="figure-families" class="panel families-behind" aria-labelledby="figure-families-title" aria-busy="true">
                    <h3 id="figure-families-title" tabindex="-1">{ title }</h3>
                    <p class="loading">{ self.i18n.tr("loading") }</p>
                </section>
            };
        }
        html! {
            <FamiliesBehind
                id="figure-families"
                {title}
                entries={self.index.entries(&figure.families)}
                on_open={self.on_open.clone()}
                on_close={self.on_figure.reform(|()| None)}
            />
        }
    }

    fn label(&self, key: &FigureKey) -> String {
        match key {
            FigureKey::Assistant { kind, .. } => self.i18n.tr(&kind.label_id()),
            FigureKey::Closings { reason, .. } => self.i18n.tr_args(
                "centre-figure-closed-reason",
                &[("reason", Arg::Str(&reason_label(&self.reasons, reason, &self.i18n)))],
            ),
            FigureKey::Waiting => self.i18n.tr("centre-figure-waiting"),
            FigureKey::PendingTransfers => self.i18n.tr("centre-figure-pending-transfers"),
        }
    }

    /// The centre's figures: waiting, transfers, duplicates, closings.
    fn summary(&self, board: &Dashboard, on_view: &Callback<CentreView>) -> Html {
        let i18n = &self.i18n;
        let centre = i18n.tr("centre-whole-centre");
        let go = |view: CentreView, id: &'static str, label: &str| {
            let onclick = on_view.reform(move |_: MouseEvent| view);
            html! { <button type="button" {id} class="link summary-go" {onclick}>{ i18n.tr(label) }</button> }
        };
        let closings = ordered_reasons(&board.closings, &self.reasons).into_iter().map(|(reason, figure)| {
            let key = FigureKey::Closings { assistant: None, reason: reason.clone() };
            let label = reason_label(&self.reasons, reason, i18n);
            html! {
                <div class="figure-row">
                    <dt>{ label.clone() }</dt>
                    <dd>{ self.button(key, figure.count, &label, &centre) }</dd>
                </div>
            }
        });
        html! {
            <section id="centre-summary" class="panel centre-summary" aria-labelledby="centre-summary-title">
                <h2 id="centre-summary-title" class="visually-hidden">{ i18n.tr("centre-summary-title") }</h2>
                <dl class="summary-tiles">
                    <div class="summary-tile" id="summary-waiting">
                        <dt>{ i18n.tr("centre-figure-waiting") }</dt>
                        <dd>
                            { self.button(FigureKey::Waiting, board.waiting.count, &i18n.tr("centre-figure-waiting"), &centre) }
                            { go(CentreView::Intake, "summary-go-intake", "centre-summary-go-intake") }
                        </dd>
                    </div>
                    <div class="summary-tile" id="summary-transfers">
                        <dt>{ i18n.tr("centre-figure-pending-transfers") }</dt>
                        <dd>
                            { self.button(
                                FigureKey::PendingTransfers,
                                board.pending_transfers.count,
                                &i18n.tr("centre-figure-pending-transfers"),
                                &centre,
                            ) }
                            { go(CentreView::Transfers, "summary-go-transfers", "centre-summary-go-transfers") }
                        </dd>
                    </div>
                    <div class="summary-tile" id="summary-duplicates">
                        <dt>{ i18n.tr("centre-figure-open-duplicates") }</dt>
                        <dd>
                            <span class="figure-value" id="open-duplicates">{ board.open_duplicates }</span>
                            { go(CentreView::Duplicates, "summary-go-duplicates", "centre-summary-go-duplicates") }
                        </dd>
                    </div>
                    <div class="summary-tile" id="summary-closings">
                        <dt>{ i18n.tr("centre-figure-closed") }</dt>
                        <dd>
                            <span class="figure-value">{ board.closings.total }</span>
                            if let Some(share) = board.closings.goals_achieved_share {
                                <span class="figure-note">
                                    { i18n.tr_args("centre-goals-share", &[("percent", Arg::Str(&percent(share)))]) }
                                </span>
                            }
                        </dd>
                    </div>
                    <div class="summary-tile" id="summary-decisions">
                        <dt>{ i18n.tr("centre-figure-decision-days") }</dt>
                        <dd>{ self.median(board.decision_days_median) }</dd>
                    </div>
                </dl>
                if !board.closings.by_reason.is_empty() {
                    <details class="summary-closings">
                        <summary>{ i18n.tr("centre-closings-by-reason") }</summary>
                        <dl class="figures">{ for closings }</dl>
                    </details>
                }
            </section>
        }
    }

    fn median(&self, days: Option<f64>) -> Html {
        match days {
            Some(days) => html! {
                <span class="figure-value">
                    { self.i18n.tr_args("centre-days", &[("days", Arg::Num(days)), ("text", Arg::Str(&decimal(days, self.i18n.locale())))]) }
                </span>
            },
            None => html! { <span class="figure-value figure-none">{ self.labels.no_data.clone() }</span> },
        }
    }

    /// One assistant's column.
    fn card(&self, i: usize, a: &AssistantFigures, board: &Dashboard) -> Html {
        let i18n = &self.i18n;
        let name_id = format!("card-{i}-name");
        let owner = a.name.as_str();
        let row = |kind: FigureKind| {
            let figure = kind.of(a);
            let label = self.labels.figure(kind);
            let key = FigureKey::Assistant { assistant: a.assistant_id, kind };
            html! {
                <div class={classes!("figure-row", (figure.count > 0).then_some("nonzero"))}>
                    <dt>{ label }</dt>
                    <dd>{ self.button(key, figure.count, label, owner) }</dd>
                </div>
            }
        };
        let as_of = match a.data_as_of_ms {
            Some(ms) => i18n.tr_args("centre-data-as-of", &[("when", Arg::Str(&crate::format::local_timestamp(ms)))]),
            None => i18n.tr("centre-data-none"),
        };
        let over = a.active.count > a.cap;
        let active_label = self.labels.figure(FigureKind::Active);
        let active = self.button(
            FigureKey::Assistant { assistant: a.assistant_id, kind: FigureKind::Active },
            a.active.count,
            active_label,
            owner,
        );
        let highest_on = a.highest_on.map(|d| i18n.date(d)).unwrap_or_default();
        let highest_args = [("count", Arg::Num(f64::from(a.highest_caseload))), ("date", Arg::Str(&highest_on))];
        let since_visits = {
            let (i18n, on_open, no_visit_days) = (i18n.clone(), self.on_open.clone(), self.no_visit_days);
            let since = a.since_last_visit.clone();
            Callback::from(move |()| {
                if since.is_empty() {
                    return html! { <p class="empty">{ i18n.tr("centre-no-active-families") }</p> };
                }
                let items = since.iter().map(|s| {
                    let late = no_visit_days.is_some_and(|limit| s.days.is_none_or(|d| d > i64::from(limit)));
                    let id = s.family_id;
                    let onclick = on_open.reform(move |_: MouseEvent| id);
                    let text = match s.days {
                        Some(days) => i18n.tr_args("centre-days-since", &[("days", Arg::Num(days as f64))]),
                        None => i18n.tr("last-visit-never"),
                    };
                    html! {
                        <li class={classes!("since-visit", late.then_some("late"))} data-id={id.to_string()}>
                            <button type="button" class="link since-family" {onclick}>{ s.name.clone() }</button>
                            <span class="since-days">{ text }</span>
                        </li>
                    }
                });
                html! { <ul class="plain-list">{ for items }</ul> }
            })
        };
        let this_month = a.months.last().cloned().unwrap_or_default();
        let months = {
            let (i18n, months, owner, assistant) = (i18n.clone(), a.months.clone(), a.name.clone(), a.assistant_id);
            Callback::from(move |()| {
                let rows = months.iter().rev().map(|m| {
                    html! {
                        <tr>
                            <th scope="row">{ month_name(&i18n, &m.month) }</th>
                            <td>{ m.contacts }</td>
                            <td>{ hours(m.minutes, i18n.locale()) }</td>
                        </tr>
                    }
                });
                html! {
                    <>
                        <table class="months-table">
                            <caption class="visually-hidden">{ i18n.tr_args("centre-months-caption", &[("name", Arg::Str(&owner))]) }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ i18n.tr("centre-column-month") }</th>
                                    <th scope="col">{ i18n.tr("centre-column-contacts") }</th>
                                    <th scope="col">{ i18n.tr("centre-column-hours") }</th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                        <p class="card-monthly">
                            { for report_months(crate::clock::today()).into_iter().map(|(year, month)| {
                                let label = i18n.tr_args("centre-monthly-of", &[
                                    ("month", Arg::Str(&format!("{} {year}", i18n.tr(&format!("month-{month}"))))),
                                    ("name", Arg::Str(&owner)),
                                ]);
                                let job = PrintJob::Monthly { year, month, assistant: Some(assistant) };
                                html! { <crate::screens::print::PrintButton {job} {label} /> }
                            }) }
                        </p>
                    </>
                }
            })
        };
        let closings = ordered_reasons(&a.closings, &self.reasons).into_iter().map(|(reason, figure)| {
            let key = FigureKey::Closings { assistant: Some(a.assistant_id), reason: reason.clone() };
            let label = reason_label(&self.reasons, reason, i18n);
            html! {
                <div class="figure-row">
                    <dt>{ label.clone() }</dt>
                    <dd>{ self.button(key, figure.count, &label, owner) }</dd>
                </div>
            }
        });
        let open_here =
            self.open.as_ref().filter(|k| k.assistant() == Some(a.assistant_id)).map(|k| self.behind(k, board));
        html! {
            <article
                class={classes!("panel", "assistant-card", over.then_some("over-cap"))}
                data-assistant={a.name.clone()}
                aria-labelledby={name_id.clone()}
            >
                <h3 id={name_id} class="card-name">{ a.name.clone() }</h3>
                <p class="as-of">{ as_of }</p>
                <p class={classes!("caseload-line", over.then_some("over"))}>
                    <span class="caseload-label">{ active_label }</span>
                    { " " }
                    { active }
                    { " " }
                    <span class="caseload-cap">{ i18n.tr_args("centre-of-cap", &[("cap", Arg::Num(f64::from(a.cap)))]) }</span>
                    if over {
                        { " " }
                        <span class="badge badge-over">{ i18n.tr("centre-over-cap") }</span>
                    }
                </p>
                if a.breach_in_past {
                    <p class="breach">{ i18n.tr_args("centre-breach-past", &highest_args) }</p>
                } else if a.highest_caseload > 0 {
                    <p class="highest hint">{ i18n.tr_args("centre-highest", &highest_args) }</p>
                }
                <dl class="figures">
                    { for FigureKind::LISTED.into_iter().map(row) }
                    <div class={classes!("figure-row", (a.held_back_events > 0).then_some("nonzero"))}>
                        <dt>{ self.labels.held_back.clone() }</dt>
                        <dd><span class="figure-value" data-figure="held-back">{ a.held_back_events }</span></dd>
                    </div>
                    <div class="figure-row">
                        <dt>{ self.labels.decision_days.clone() }</dt>
                        <dd>{ self.median(a.decision_days_median) }</dd>
                    </div>
                </dl>
                <LazyDetails
                    class="card-part since-visits"
                    summary={html! { self.labels.since_visits.clone() }}
                    content={since_visits}
                />
                <LazyDetails
                    class="card-part card-months"
                    summary={html! {
                        i18n.tr_args("centre-this-month", &[
                            ("contacts", Arg::Num(f64::from(this_month.contacts))),
                            ("hours", Arg::Str(&hours(this_month.minutes, i18n.locale()))),
                        ])
                    }}
                    content={months}
                />
                <div class="card-part card-closings">
                    <p>
                        { i18n.tr_args("centre-closed-count", &[("count", Arg::Num(f64::from(a.closings.total)))]) }
                        if let Some(share) = a.closings.goals_achieved_share {
                            { " · " }
                            { i18n.tr_args("centre-goals-share", &[("percent", Arg::Str(&percent(share)))]) }
                        }
                    </p>
                    if a.closings.total > 0 {
                        <dl class="figures">{ for closings }</dl>
                    }
                </div>
                { for open_here }
            </article>
        }
    }

    fn charts(&self, board: &Dashboard) -> Html {
        let i18n = &self.i18n;
        let locale = i18n.locale();
        let cap = board.assistants.iter().map(|a| a.cap).max().unwrap_or(0);
        let caseload: Vec<Bar> = board
            .assistants
            .iter()
            .map(|a| {
                let text = i18n.tr_args(
                    "centre-chart-of-cap",
                    &[("active", Arg::Num(f64::from(a.active.count))), ("cap", Arg::Num(f64::from(a.cap)))],
                );
                Bar {
                    label: a.name.clone(),
                    full_label: a.name.clone(),
                    value: a.active.count,
                    flagged: a.active.count > a.cap,
                    value_text: text.clone(),
                    cells: vec![a.active.count.to_string(), a.cap.to_string()],
                }
            })
            .collect();
        let caseload_summary =
            caseload.iter().map(|b| format!("{}: {}", b.full_label, b.value_text)).collect::<Vec<_>>().join("; ");
        let months: Vec<Bar> = months_total(board)
            .iter()
            .map(|m| {
                let (label, full) = match year_month(&m.month) {
                    Some((year, month)) => (
                        i18n.tr(&format!("centre-month-short-{month}")),
                        format!("{} {year}", i18n.tr(&format!("month-{month}"))),
                    ),
                    None => (m.month.clone(), m.month.clone()),
                };
                Bar {
                    label,
                    full_label: full,
                    value: m.contacts,
                    flagged: false,
                    value_text: m.contacts.to_string(),
                    cells: vec![m.contacts.to_string(), hours(m.minutes, locale)],
                }
            })
            .collect();
        let months_summary =
            months.iter().map(|b| format!("{}: {}", b.full_label, b.value)).collect::<Vec<_>>().join("; ");
        let closings: Vec<Bar> = ordered_reasons(&board.closings, &self.reasons)
            .into_iter()
            .map(|(reason, figure)| {
                let name = reason_label(&self.reasons, reason, i18n);
                Bar {
                    label: name.clone(),
                    full_label: name,
                    value: figure.count,
                    flagged: false,
                    value_text: figure.count.to_string(),
                    cells: vec![figure.count.to_string()],
                }
            })
            .collect();
        let closings_summary = if closings.is_empty() {
            i18n.tr("centre-chart-closings-none")
        } else {
            closings.iter().map(|b| format!("{}: {}", b.full_label, b.value)).collect::<Vec<_>>().join("; ")
        };
        html! {
            <section id="centre-charts" class="panel centre-charts" aria-labelledby="centre-charts-title">
                <h2 id="centre-charts-title">{ i18n.tr("centre-charts-title") }</h2>
                <div class="charts-grid">
                    <BarsAcross
                        id="chart-caseload"
                        title={i18n.tr("centre-chart-caseload")}
                        summary={caseload_summary}
                        headers={vec![i18n.tr("centre-column-assistant"), i18n.tr("centre-column-active"), i18n.tr("centre-column-cap")]}
                        bars={caseload}
                        cap={(cap > 0).then(|| (cap, i18n.tr_args("centre-chart-cap", &[("cap", Arg::Num(f64::from(cap)))])))}
                    />
                    <BarsUpwards
                        id="chart-visits"
                        title={i18n.tr("centre-chart-visits")}
                        summary={months_summary}
                        headers={vec![i18n.tr("centre-column-month"), i18n.tr("centre-column-contacts"), i18n.tr("centre-column-hours")]}
                        bars={months}
                    />
                    <BarsAcross
                        id="chart-closings"
                        title={i18n.tr("centre-chart-closings")}
                        summary={closings_summary}
                        headers={vec![i18n.tr("centre-column-reason"), i18n.tr("centre-column-families")]}
                        bars={closings}
                    />
                </div>
            </section>
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CentreAlertsProps {
    pub alerts: Load<Vec<Alert>>,
    pub due: Load<Vec<DueItem>>,
    pub index: Rc<FamilyIndex>,
    pub on_open: Callback<EntityId>,
}

/// The alerts and due dates of every family, each naming its assistant.
#[component]
pub fn CentreAlerts(props: &CentreAlertsProps) -> Html {
    let i18n = use_i18n();
    let whose = |family_id: EntityId| {
        let name = props.index.assistant_of(family_id).map_or_else(|| i18n.tr("centre-no-assistant"), str::to_owned);
        i18n.tr_args("centre-alert-assistant", &[("name", Arg::Str(&name))])
    };
    let open = |family_id: EntityId, name: &str, class: &'static str| {
        let onclick = props.on_open.reform(move |_: MouseEvent| family_id);
        html! { <button type="button" class={classes!("link", class)} {onclick}>{ name.to_owned() }</button> }
    };
    let alerts = match &props.alerts {
        Load::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        Load::Failed(kind) => html! { <p id="alerts-error" class="form-error" role="alert">{ i18n.error(*kind) }</p> },
        Load::Ready(alerts) if alerts.is_empty() => {
            html! { <p id="alerts-none" class="empty">{ i18n.tr("alert-none") }</p> }
        }
        Load::Ready(alerts) => html! {
            <ul class="plain-list">
                { for alerts.iter().map(|alert| {
                    let (family_id, name, kind) = match alert {
                        Alert::NoVisit { family_id, family_name, .. } => (*family_id, family_name, "alert-no-visit"),
                        Alert::ActionOverdue { family_id, family_name, .. } => (*family_id, family_name, "alert-overdue"),
                    };
                    html! {
                        <li class={classes!("alert", kind)} data-assistant={props.index.assistant_of(family_id).unwrap_or_default().to_owned()}>
                            { open(family_id, name, "alert-family") }
                            { " " }
                            <span class="alert-assistant">{ whose(family_id) }</span>
                            { " " }
                            <span class="alert-text">{ alert_text(&i18n, alert) }</span>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    let due = match &props.due {
        Load::Loading => html! { <p class="loading">{ i18n.tr("loading") }</p> },
        Load::Failed(kind) => html! { <p id="due-error" class="form-error" role="alert">{ i18n.error(*kind) }</p> },
        Load::Ready(items) if items.is_empty() => html! { <p id="due-none" class="empty">{ i18n.tr("due-none") }</p> },
        Load::Ready(items) => html! {
            <ul class="plain-list">
                { for items.iter().map(|item| html! {
                    <li class="due-item" data-assistant={props.index.assistant_of(item.family_id).unwrap_or_default().to_owned()}>
                        <span class="due-what">{ due_what(&i18n, &item.what) }</span>
                        { " — " }
                        { open(item.family_id, &item.family_name, "due-family") }
                        { " " }
                        <span class="alert-assistant">{ whose(item.family_id) }</span>
                        { " — " }
                        <span class="due-when">{ due_when(&i18n, &item.what, &item.state) }</span>
                    </li>
                }) }
            </ul>
        },
    };
    html! {
        <section id="centre-attention" class="panel centre-attention" aria-labelledby="centre-attention-title">
            <h2 id="centre-attention-title">{ i18n.tr("centre-attention-title") }</h2>
            <div class="attention-grid">
                <section id="alerts" class="home-part" aria-labelledby="alerts-title">
                    <h3 id="alerts-title">{ i18n.tr("alert-title") }</h3>
                    { alerts }
                </section>
                <section id="due-list" class="home-part" aria-labelledby="due-title">
                    <h3 id="due-title">{ i18n.tr("due-title") }</h3>
                    { due }
                </section>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests;
