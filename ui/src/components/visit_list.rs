//! The visit diary, newest first: when and how each contact took place,
//! who was there, what was worked on, and any intervention, marked so that
//! it cannot be missed.

use crate::components::member_list::full_name;
use crate::i18n::{use_i18n, I18n};
use asysta_core::api::{FamilyCase, PrintJob, VisitView};
use asysta_core::centre::CommentTarget;
use asysta_core::plan::{PlanArea, PlanVersion};
use asysta_core::visit::{Intervention, Place, Visit};
use asysta_core::EntityId;
use asysta_i18n::{Arg, Locale};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VisitListProps {
    /// The case whose diary this is (its visits newest first), shared, not
    /// copied: its members name the participants and its plan's versions
    /// the actions worked on.
    pub case: Rc<FamilyCase>,
    /// The plan's areas, to name them.
    pub areas: Vec<PlanArea>,
    /// Opens an entry for correction; no button when `None` (a form is open).
    #[prop_or_default]
    pub on_correct: Option<Callback<EntityId>>,
    /// The family, and how to render a print button for a job: with both,
    /// each entry prints its visit record and each month its diary.
    #[prop_or_default]
    pub print: Option<(EntityId, Callback<PrintJob, Html>)>,
    /// Renders the comments beside each entry (the case screen's threads),
    /// when given.
    #[prop_or_default]
    pub comments: Option<Callback<(CommentTarget, String), Html>>,
}

/// How many of the newest entries are shown at once; older ones are shown
/// a month at a time (a case with 500 visits paints fast).
pub const RECENT_ENTRIES: usize = 10;

/// How many months of older entries are listed at once; the months before
/// them wait behind one button (years of work are a hundred months, each
/// a row with its print button).
pub const RECENT_MONTHS: usize = 12;

/// The entries after the recent ones, by month (newest month first):
/// `((year, month), entries)`.
pub fn older_by_month(visits: &[VisitView]) -> Vec<((i32, u32), Vec<&VisitView>)> {
    use chrono::Datelike;
    let mut months: Vec<((i32, u32), Vec<&VisitView>)> = Vec::new();
    for view in visits.iter().skip(RECENT_ENTRIES) {
        let key = (view.visit.date.year(), view.visit.date.month());
        match months.last_mut() {
            Some((last, entries)) if *last == key => entries.push(view),
            _ => months.push((key, vec![view])),
        }
    }
    months
}

/// An area's name in `locale`.
pub fn area_name(area: &PlanArea, locale: Locale) -> &str {
    match locale {
        Locale::Pl => &area.name_pl,
        Locale::En => &area.name_en,
    }
}

/// What an action of any version of the plan was to do; the newest
/// version's wording wins.
pub fn action_what(versions: &[PlanVersion], action_id: EntityId) -> Option<&str> {
    versions.iter().rev().flat_map(|v| v.actions()).find(|a| a.id == action_id).map(|a| a.what.as_str())
}

/// "16:00–17:30".
pub fn time_range(visit: &Visit) -> String {
    format!("{}–{}", visit.start.format("%H:%M"), visit.end.format("%H:%M"))
}

#[component]
pub fn VisitList(props: &VisitListProps) -> Html {
    let i18n = use_i18n();
    let open_months = use_state(Vec::<(i32, u32)>::new);
    let all_months = use_state(|| false);
    let visits = &props.case.visits;
    if visits.is_empty() {
        return html! { <p id="visits-empty" class="empty">{ i18n.tr("visits-empty") }</p> };
    }
    let recent = visits.iter().take(RECENT_ENTRIES).map(|view| visit_entry(&i18n, props, view));
    let older = older_by_month(visits);
    let month_count = older.len();
    let listed = if *all_months { month_count } else { month_count.min(RECENT_MONTHS) };
    let toggle_all = {
        let all_months = all_months.clone();
        Callback::from(move |_: MouseEvent| all_months.set(!*all_months))
    };
    let months = older.into_iter().take(listed).map(|((year, month), entries)| {
        let open = open_months.contains(&(year, month));
        let toggle = {
            let open_months = open_months.clone();
            Callback::from(move |_: MouseEvent| {
                let mut now = (*open_months).clone();
                if let Some(i) = now.iter().position(|m| *m == (year, month)) {
                    now.remove(i);
                } else {
                    now.push((year, month));
                }
                open_months.set(now);
            })
        };
        let label = i18n.tr_args(
            "diary-month",
            &[("month", Arg::Str(&i18n.tr(&format!("month-{month}")))), ("year", Arg::Str(&year.to_string())), ("count", Arg::Num(entries.len() as f64))],
        );
        let id = format!("diary-month-{year}-{month:02}");
        html! {
            <li class="diary-month" key={id.clone()}>
                <p class="diary-month-head">
                    <button type="button" id={id.clone()} class="link diary-month-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                        { label }
                    </button>
                    if let Some((family_id, button)) = &props.print {
                        { " " }
                        { button.emit(PrintJob::Diary { family_id: *family_id, year, month }) }
                    }
                </p>
                if open {
                    <ol class="visits">{ for entries.into_iter().map(|view| visit_entry(&i18n, props, view)) }</ol>
                }
            </li>
        }
    });
    html! {
        <>
            <p id="visit-count" class="count">{ i18n.count("visit-count", visits.len()) }</p>
            <ol id="visits" class="visits">{ for recent }</ol>
            if visits.len() > RECENT_ENTRIES {
                <h4 class="diary-older">{ i18n.tr("diary-older") }</h4>
                <ul id="diary-months" class="diary-months">{ for months }</ul>
                if month_count > RECENT_MONTHS {
                    <p class="diary-more-months">
                        <button
                            type="button"
                            id="diary-more-months"
                            class="link"
                            aria-controls="diary-months"
                            aria-expanded={all_months.to_string()}
                            onclick={toggle_all}
                        >
                            if *all_months {
                                { i18n.tr("diary-fewer-months") }
                            } else {
                                { i18n.count("diary-more-months", month_count - RECENT_MONTHS) }
                            }
                        </button>
                    </p>
                }
            }
        </>
    }
}

fn visit_entry(i18n: &I18n, props: &VisitListProps, view: &VisitView) -> Html {
    let visit = &view.visit;
    let place = match &visit.place {
        Place::Other { text } if !text.is_empty() => text.clone(),
        place => i18n.tr(place.message_id()),
    };
    let duration = i18n.tr_args("visit-duration", &[("minutes", Arg::Num(f64::from(visit.duration_minutes())))]);
    let participants: Vec<String> = visit
        .participants
        .iter()
        .map(|id| {
            props
                .case
                .members
                .iter()
                .find(|m| m.id == *id)
                .map(full_name)
                .unwrap_or_else(|| i18n.tr("visit-member-gone"))
        })
        .collect();
    let areas: Vec<String> = visit
        .areas
        .iter()
        .map(|key| {
            props
                .areas
                .iter()
                .find(|a| a.key == *key)
                .map_or_else(|| key.clone(), |a| area_name(a, i18n.locale()).to_owned())
        })
        .collect();
    let actions = visit.actions_worked.iter().map(|work| {
        let what = action_what(&props.case.plan_versions, work.action_id)
            .map_or_else(|| i18n.tr("visit-action-gone"), str::to_owned);
        html! {
            <li class="visit-action-worked">
                <span class="visit-action-what">{ what }</span>
                if let Some(status) = work.status {
                    <span class="badge visit-action-status">{ i18n.tr(status.message_id()) }</span>
                }
                if !work.note.is_empty() {
                    <p class="visit-action-note">{ work.note.clone() }</p>
                }
            </li>
        }
    });
    let fact = |class: &'static str, label: &str, value: String| -> Html {
        html! {
            <div class={classes!("visit-fact", class)}>
                <dt>{ i18n.tr(label) }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    html! {
        <li
            id={format!("visit-{}", view.id)}
            class={classes!("visit-entry", visit.intervention.is_some().then_some("with-intervention"))}
            key={view.id.to_string()}
        >
            <p class="visit-head">
                <span class="visit-date">{ i18n.date(visit.date) }</span>
                <span class="visit-time">{ time_range(visit) }</span>
                <span class="visit-duration">{ duration }</span>
                <span class="visit-form">{ i18n.tr(visit.form.message_id()) }</span>
                <span class="visit-place">{ place }</span>
            </p>
            if let Some(intervention) = &visit.intervention {
                { intervention_view(i18n, intervention) }
            }
            <dl class="visit-facts">
                if !participants.is_empty() {
                    { fact("visit-participants", "visit-field-participants", participants.join(", ")) }
                }
                if !visit.other_participants.is_empty() {
                    { fact("visit-other-participants", "visit-field-other-participants", visit.other_participants.clone()) }
                }
                if !areas.is_empty() {
                    { fact("visit-areas", "visit-field-areas", areas.join(", ")) }
                }
                if let Some(next) = visit.next_planned {
                    { fact("visit-next", "visit-field-next-planned", i18n.date(next)) }
                }
            </dl>
            if !visit.actions_worked.is_empty() {
                <h4 class="visit-subtitle">{ i18n.tr("visit-field-actions-worked") }</h4>
                <ul class="visit-actions">{ for actions }</ul>
            }
            if !visit.notes.is_empty() {
                <p class="visit-notes">{ visit.notes.clone() }</p>
            }
            <p class="visit-meta">
                { i18n.tr_args("visit-author", &[("author", Arg::Str(&view.author_name))]) }
                if let Some(on_correct) = &props.on_correct {
                    { " " }
                    <button
                        type="button"
                        id={format!("visit-correct-{}", view.id)}
                        class="link visit-correct"
                        onclick={on_correct.reform({ let id = view.id; move |_: MouseEvent| id })}
                    >
                        { i18n.tr("visit-correct") }
                    </button>
                }
                if let Some((_, button)) = &props.print {
                    { " " }
                    { button.emit(PrintJob::Visit { visit_id: view.id }) }
                }
            </p>
            if let Some(comments) = &props.comments {
                { comments.emit((CommentTarget { record: "visit".into(), id: view.id.to_string() }, i18n.date(visit.date))) }
            }
        </li>
    }
}

fn intervention_view(i18n: &I18n, intervention: &Intervention) -> Html {
    let steps = intervention.steps.iter().map(|step| html! { <li>{ i18n.tr(step.message_id()) }</li> });
    let at = intervention.at.format("%H:%M").to_string();
    html! {
        <div class="visit-intervention" role="note">
            <p class="visit-intervention-title">
                <strong>{ i18n.tr("intervention-title") }</strong>
                <span class="visit-intervention-time">{ i18n.tr_args("visit-intervention-at", &[("time", Arg::Str(&at))]) }</span>
            </p>
            <p class="visit-intervention-observed">{ intervention.observed.clone() }</p>
            <ul class="visit-intervention-steps">{ for steps }</ul>
        </div>
    }
}
