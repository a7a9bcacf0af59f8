//! A believable course of work for each demo family, as the events an
//! assistant's laptop would have written: a plan agreed with the family and
//! consulted with the social worker, revised after each periodic evaluation
//! (about every six months), actions done, some abandoned, a few overdue by
//! days or weeks; contacts every one to two weeks on working days (see
//! [`super::contacts`]); evaluations on time (one overdue, one due soon
//! across the caseload); a family closed with a reason, one in monitoring,
//! one archived; a court opinion request pending and an earlier one
//! answered.
//!
//! In the order a person works: the first visits get to know the family;
//! nothing is noted on an action, in a progress note or a visit, before
//! the plan version that brought it in was agreed with the family and
//! saved; each action is carried out by someone who fits it
//! ([`super::plans`]).
//!
//! Pure: the caller supplies the ids of the family's records, fresh ids,
//! and "today"; the same seed gives the same story.

use super::contacts::{self, working_day, Occasion, OpenAction};
use super::plans::{self, GOALS};
use super::DemoRng;
use crate::evaluation::prefill::suggested_outcome;
use crate::evaluation::{add_months, AreaRating, Cooperation, Evaluation, GoalReview, Recommendation};
use crate::ids::EntityId;
use crate::opinion::OpinionRequest;
use crate::plan::{plan_id_for, ActionStatus, Consultation, PlanAction, PlanGoal, PlanVersion, ProgressNote};
use crate::record::{CaseDetails, FamilyStatus, WorkBasis};
use crate::visit::{ContactForm, Place, Visit};
use crate::Change;
use chrono::{Duration, NaiveDate, NaiveTime};

/// Days from agreeing a plan version with the family to consulting it with
/// the social worker, when the version is saved.
const CONSULTATION_DAYS: i64 = 3;

/// Where a demo family stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// Worked with now. `next_due_in`: days until the next evaluation is
    /// due (negative: overdue); `stale`: no visit for two and a half weeks;
    /// `court`: the work is by a court's order and the court asked for an
    /// opinion that is pending.
    Active { next_due_in: i64, stale: bool, court: bool },
    /// Closed `days_ago` with a final evaluation.
    Closed { days_ago: i64 },
    /// Closed `days_ago`, monitored since the next day.
    Monitoring { days_ago: i64 },
    /// Closed `days_ago`, monitored, then archived.
    Archived { days_ago: i64 },
}

impl Profile {
    pub fn is_active(self) -> bool {
        matches!(self, Profile::Active { .. })
    }
}

/// The profiles of `count` demo families when `room` more active families
/// fit under the caseload cap: a closed, a monitored and an archived
/// family (more past cases beyond the cap), the rest active, one of them
/// with an overdue evaluation, one due soon, one not visited lately, one
/// with a pending court opinion.
pub fn profiles(count: usize, room: usize, rng: &mut DemoRng) -> Vec<Profile> {
    let past = if count >= 4 { count.saturating_sub(room).max(3) } else { 0 };
    let active = count - past;
    let mut out = Vec::with_capacity(count);
    for i in 0..past {
        out.push(match i % 3 {
            0 => Profile::Closed { days_ago: 12 + 30 * (i / 3) as i64 + rng.below(10) as i64 },
            1 => Profile::Monitoring { days_ago: 45 + rng.below(20) as i64 },
            _ => Profile::Archived { days_ago: 300 + 60 * (i / 3) as i64 + rng.below(60) as i64 },
        });
    }
    for i in 0..active {
        let next_due_in = match i {
            0 => -(8 + rng.below(10) as i64),
            1 => 10 + rng.below(15) as i64,
            _ => 40 + rng.below(140) as i64,
        };
        out.push(Profile::Active { next_due_in, stale: i == 2, court: i == 3 });
    }
    out
}

/// When the work with a family of this profile started.
pub fn start_date(profile: Profile, today: NaiveDate, rng: &mut DemoRng) -> NaiveDate {
    let days = match profile {
        Profile::Active { next_due_in, .. } if next_due_in < 30 => 400 + rng.below(300) as i64,
        Profile::Active { .. } => 60 + rng.below(640) as i64,
        Profile::Closed { days_ago } | Profile::Monitoring { days_ago } => days_ago + 300 + rng.below(200) as i64,
        Profile::Archived { days_ago } => days_ago + 350 + rng.below(250) as i64,
    };
    today - Duration::days(days)
}

/// The basis of the work (a court's order for the `court` profile, else a
/// social worker's request after a community interview).
pub fn basis(profile: Profile, start: NaiveDate) -> WorkBasis {
    match profile {
        Profile::Active { court: true, .. } => WorkBasis::CourtOrder {
            court: COURT.to_owned(),
            case_signature: format!(
                "III Nsm {}/{}",
                100 + start.format("%j").to_string().parse::<u32>().unwrap_or(1),
                start.format("%y")
            ),
            order_date: start - Duration::days(21),
        },
        _ => WorkBasis::SocialWorkerRequest {
            interview_date: start - Duration::days(30),
            request_date: start - Duration::days(21),
            decision_date: Some(start - Duration::days(7)),
        },
    }
}

const COURT: &str = "Sąd Rejonowy dla Łodzi-Śródmieścia w Łodzi, III Wydział Rodzinny i Nieletnich";

/// One change of the story, for the record `entity_id`, in the order the
/// assistant would have made them.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryChange {
    pub entity_id: EntityId,
    pub change: Change,
}

/// What the story of one family is told with.
pub struct StoryInput<'a> {
    pub family_id: EntityId,
    /// The family's members (the parents first).
    pub members: &'a [EntityId],
    pub details: &'a CaseDetails,
    pub profile: Profile,
    pub today: NaiveDate,
}

/// An action of the plan over time.
struct ActionLife {
    goal: usize,
    action: PlanAction,
    /// When the family agreed to the plan version that brought it in.
    agreed: NaiveDate,
    /// When that version was saved (after the consultation); nothing is
    /// noted on the action before.
    saved: NaiveDate,
    /// A week or more after it was agreed, so after it was saved.
    started: Option<NaiveDate>,
    /// Done or abandoned, and when.
    ended: Option<(ActionStatus, NaiveDate)>,
}

impl ActionLife {
    fn status_on(&self, day: NaiveDate) -> ActionStatus {
        match (self.ended, self.started) {
            (Some((status, on)), _) if on <= day => status,
            (_, Some(on)) if on <= day => ActionStatus::InProgress,
            _ => ActionStatus::Planned,
        }
    }
}

const FAMILY_VIEWS: &[&str] = &[
    "Rodzina dostrzega poprawę w organizacji dnia i chce kontynuować współpracę.",
    "Rodzic uważa, że najtrudniejsze są sprawy finansowe; docenia pomoc w kontaktach z urzędami.",
    "Rodzina widzi, że codzienne sprawy idą sprawniej; chce jeszcze popracować nad relacjami.",
];

/// The family's story as changes to apply after the family and its
/// members were added (with the profile's start date in `details`).
pub fn story(input: &StoryInput<'_>, rng: &mut DemoRng, new_id: &mut dyn FnMut() -> EntityId) -> Vec<StoryChange> {
    let today = input.today;
    let start = input.details.start_date.unwrap_or(today - Duration::days(365));
    let closed_on = match input.profile {
        Profile::Active { .. } => None,
        Profile::Closed { days_ago } | Profile::Monitoring { days_ago } | Profile::Archived { days_ago } => {
            Some(working_day(today - Duration::days(days_ago)).min(today))
        }
    };
    let work_end = closed_on.unwrap_or(today);
    let evaluations = evaluation_dates(input.profile, start, work_end, today);
    // A revision is agreed a week or so after an evaluation and saved after
    // the consultation, before the work ends.
    let revisions: Vec<NaiveDate> = evaluations
        .iter()
        .map(|e| working_day(*e + Duration::days(5 + rng.below(8) as i64)))
        .filter(|r| *r + Duration::days(CONSULTATION_DAYS) <= work_end)
        .collect();
    let mut version_dates = vec![working_day(start + Duration::days(7 + rng.below(7) as i64))];
    version_dates.extend(revisions.iter().copied());

    let (templates, mut actions) = plan_actions(rng, input.members, &version_dates, work_end, today, new_id);
    let goals = goal_skeletons(&templates, new_id);
    let social_worker =
        input.details.social_worker.as_ref().map_or("pracownik socjalny".to_owned(), |c| c.name.clone());

    // Everything dated, sorted at the end (a stable sort keeps the order
    // of what happens on one day: a plan version before the notes on it).
    let mut dated: Vec<(NaiveDate, StoryChange)> = Vec::new();
    let plan_id = plan_id_for(input.family_id);
    for (n, agreed) in version_dates.iter().enumerate() {
        let saved = *agreed + Duration::days(CONSULTATION_DAYS);
        let version = PlanVersion {
            number: n as u32 + 1,
            agreed_with_family_on: Some(*agreed),
            consultation: Some(Consultation { date: saved, social_worker: social_worker.clone() }),
            goals: plan_goals(&goals, &actions, *agreed),
        };
        let change = Change::PlanVersionSaved { family_id: input.family_id, version };
        dated.push((saved, StoryChange { entity_id: plan_id, change }));
    }
    for life in &mut actions {
        for (status, on, note) in [
            life.started.map(|s| (ActionStatus::InProgress, s, "Rozpoczęto realizację.")),
            life.ended.map(|(s, on)| {
                (
                    s,
                    on,
                    if s == ActionStatus::Done {
                        "Działanie zrealizowane."
                    } else {
                        "Rodzina zrezygnowała; działanie zaniechane."
                    },
                )
            }),
        ]
        .into_iter()
        .flatten()
        {
            let note =
                ProgressNote { action_id: life.action.id, date: on, note: note.to_owned(), status: Some(status) };
            dated.push((on, StoryChange { entity_id: plan_id, change: Change::PlanProgressNoted { note } }));
        }
    }

    let last_visit = match input.profile {
        Profile::Active { stale: true, .. } => today - Duration::days(18),
        _ => work_end - Duration::days(rng.below(5) as i64),
    };
    let diary = Diary { members: input.members, actions: &actions, goals: &goals, version_dates: &version_dates };
    for visit in diary.visits(rng, working_day(start + Duration::days(3)), last_visit) {
        dated.push((
            visit.date,
            StoryChange {
                entity_id: new_id(),
                change: Change::VisitRecorded { family_id: input.family_id, visit: Box::new(visit) },
            },
        ));
    }

    let mut previous = start;
    for (j, on) in evaluations.iter().enumerate() {
        let is_final = closed_on.is_some() && j + 1 == evaluations.len();
        let evaluation = evaluation(rng, &goals, &actions, previous, *on, is_final, j);
        previous = *on + Duration::days(1);
        let id = new_id();
        let created = Change::EvaluationCreated {
            family_id: input.family_id,
            version: 1,
            corrects: None,
            evaluation: Box::new(evaluation),
            decision_seen: None,
        };
        dated.push((*on, StoryChange { entity_id: id, change: created }));
        dated.push((*on, StoryChange { entity_id: id, change: Change::EvaluationSubmitted { on: *on } }));
    }

    if let Some(closed) = closed_on {
        let status = |status, on: NaiveDate, reason_key: Option<&str>, summary: &str| Change::FamilyStatusChanged {
            status,
            reason: String::new(),
            on: Some(on),
            reason_key: reason_key.map(str::to_owned),
            summary: summary.to_owned(),
        };
        // Monitoring follows work that reached its goals.
        let reason = match input.profile {
            Profile::Closed { .. } => {
                ["goals_achieved", "goals_achieved", "family_refused", "moved"][rng.below(4) as usize]
            }
            _ => "goals_achieved",
        };
        let summary = closing_summary(reason);
        dated.push((
            closed,
            StoryChange {
                entity_id: input.family_id,
                change: status(FamilyStatus::Closed, closed, Some(reason), summary),
            },
        ));
        if matches!(input.profile, Profile::Monitoring { .. } | Profile::Archived { .. }) {
            let from = closed + Duration::days(1);
            dated.push((
                from,
                StoryChange { entity_id: input.family_id, change: status(FamilyStatus::Monitoring, from, None, "") },
            ));
            let end = add_months(from, crate::closing::DEFAULT_MONITORING_MONTHS);
            let mut day = from + Duration::days(25);
            while day < end.min(today) {
                dated.push((
                    day,
                    StoryChange {
                        entity_id: new_id(),
                        change: Change::VisitRecorded {
                            family_id: input.family_id,
                            visit: Box::new(monitoring_visit(working_day(day), input.members)),
                        },
                    },
                ));
                day += Duration::days(30);
            }
            if matches!(input.profile, Profile::Archived { .. }) {
                dated.push((
                    end,
                    StoryChange { entity_id: input.family_id, change: status(FamilyStatus::Archived, end, None, "") },
                ));
            }
        }
    }

    if let (Profile::Active { court: true, .. }, Some(WorkBasis::CourtOrder { case_signature, .. })) =
        (input.profile, &input.details.basis)
    {
        // An opinion answered months ago, and a new request pending.
        let answered = today - Duration::days(170);
        let old = new_id();
        let request = OpinionRequest {
            court: COURT.to_owned(),
            case_signature: case_signature.clone(),
            received_on: answered - Duration::days(20),
            due_on: answered + Duration::days(5),
        };
        dated.push((
            request.received_on,
            StoryChange { entity_id: old, change: Change::OpinionRequested { family_id: input.family_id, request } },
        ));
        let text = "Rodzina współpracuje z asystentem rodziny. Plan pracy jest realizowany zgodnie z ustaleniami, a rodzice coraz samodzielniej załatwiają swoje sprawy. Dzieci mają zapewnioną opiekę. Wnoszę o kontynuowanie wsparcia w obecnej formie.";
        dated.push((
            answered,
            StoryChange { entity_id: old, change: Change::OpinionFinalized { text: text.to_owned(), on: answered } },
        ));
        let pending = OpinionRequest {
            court: COURT.to_owned(),
            case_signature: case_signature.clone(),
            received_on: today - Duration::days(9),
            due_on: today + Duration::days(12),
        };
        dated.push((
            pending.received_on,
            StoryChange {
                entity_id: new_id(),
                change: Change::OpinionRequested { family_id: input.family_id, request: pending },
            },
        ));
    }

    dated.sort_by_key(|(day, _)| *day);
    dated.into_iter().map(|(_, c)| c).collect()
}

/// The evaluations' dates, on working days: on time (a few days before each due date),
/// every six months from the start; for an active family arranged so that
/// the next is due in `next_due_in` days; a closed family's last one is
/// its final evaluation, just before closing.
fn evaluation_dates(profile: Profile, start: NaiveDate, work_end: NaiveDate, today: NaiveDate) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    match profile {
        Profile::Active { next_due_in, .. } => {
            // The last evaluation is six months before the next due date;
            // the earlier ones every six months before it.
            let due = today + Duration::days(next_due_in);
            let mut last = due.checked_sub_months(chrono::Months::new(6)).unwrap_or(due);
            while last > start + Duration::days(120) {
                dates.push(last);
                last = last.checked_sub_months(chrono::Months::new(6)).unwrap_or(start);
            }
            dates.reverse();
        }
        _ => {
            let mut due = add_months(start, 6);
            while due < work_end - Duration::days(30) {
                dates.push(due - Duration::days(4));
                due = add_months(due - Duration::days(4), 6);
            }
            dates.push(work_end - Duration::days(5));
        }
    }
    dates.into_iter().map(working_day).collect()
}

/// Every action the plan ever has: two or three goals when the first
/// version is agreed (`version_dates[0]`), one more action of a goal at
/// each revision while the goals have any left; each carried out by
/// someone who fits it; what became of each by `today`. Also each goal's
/// template (an index into [`GOALS`]).
fn plan_actions(
    rng: &mut DemoRng,
    members: &[EntityId],
    version_dates: &[NaiveDate],
    work_end: NaiveDate,
    today: NaiveDate,
    new_id: &mut dyn FnMut() -> EntityId,
) -> (Vec<usize>, Vec<ActionLife>) {
    let mut out = Vec::new();
    let first = rng.below(GOALS.len() as u64) as usize;
    let goal_count = 2 + rng.below(2) as usize;
    let templates: Vec<usize> = (0..goal_count).map(|k| (first + k) % GOALS.len()).collect();
    let mut add = |rng: &mut DemoRng, goal: usize, template: &plans::ActionTemplate, agreed: NaiveDate| {
        let saved = agreed + Duration::days(CONSULTATION_DAYS);
        let deadline = agreed + Duration::days(30 + rng.below(140) as i64);
        let who = plans::actor_for(rng, template, members);
        let started = agreed + Duration::days(7 + rng.below(14) as i64);
        let roll = rng.below(100);
        let ended = if deadline < today - Duration::days(21) || deadline < work_end - Duration::days(21) {
            let on = (deadline - Duration::days(rng.below(25) as i64)).max(started + Duration::days(1));
            Some(if roll < 85 { (ActionStatus::Done, on) } else { (ActionStatus::Abandoned, on) })
        } else if deadline < today {
            // Overdue by days or weeks now and then; usually done on time.
            (roll >= 35).then(|| {
                (ActionStatus::Done, (deadline - Duration::days(rng.below(10) as i64)).max(started + Duration::days(1)))
            })
        } else {
            None
        };
        let ended = ended.filter(|(_, on)| *on <= work_end.min(today));
        out.push(ActionLife {
            goal,
            action: PlanAction {
                id: new_id(),
                what: template.what.to_owned(),
                who,
                deadline: Some(deadline),
                expected_effect: template.effect.to_owned(),
                status: ActionStatus::Planned,
            },
            agreed,
            saved,
            started: Some(started).filter(|s| *s <= work_end.min(today)),
            ended,
        });
    };
    let Some((&agreed, revisions)) = version_dates.split_first() else { return (templates, out) };
    for (k, t) in templates.iter().enumerate() {
        for template in GOALS[*t].actions {
            add(rng, k, template, agreed);
        }
    }
    for (j, revised) in revisions.iter().enumerate() {
        let k = j % goal_count;
        if let Some(template) = GOALS[templates[k]].later.get(j / goal_count) {
            add(rng, k, template, *revised);
        }
    }
    (templates, out)
}

/// The goals (id, area, wording) of the plan, from their templates.
fn goal_skeletons(templates: &[usize], new_id: &mut dyn FnMut() -> EntityId) -> Vec<PlanGoal> {
    templates
        .iter()
        .map(|t| PlanGoal {
            id: new_id(),
            area: GOALS[*t].area.to_owned(),
            goal: GOALS[*t].goal.to_owned(),
            actions: Vec::new(),
        })
        .collect()
}

/// What a family's closing says, for its reason.
fn closing_summary(reason: &str) -> &'static str {
    match reason {
        "family_refused" => {
            "Rodzina zrezygnowała z dalszej współpracy z asystentem rodziny; część celów planu pracy pozostała niezrealizowana. Poinformowano pracownika socjalnego."
        }
        "moved" => {
            "Rodzina przeprowadziła się poza teren działania ośrodka. Przekazano informację o możliwości dalszego wsparcia w miejscu nowego zamieszkania."
        }
        _ => "Rodzina osiągnęła większość celów planu pracy i radzi sobie samodzielnie. Rekomendowano zakończenie pracy.",
    }
}

/// The plan as it stood when a version was agreed on `day`.
fn plan_goals(goals: &[PlanGoal], actions: &[ActionLife], day: NaiveDate) -> Vec<PlanGoal> {
    goals
        .iter()
        .enumerate()
        .map(|(k, g)| PlanGoal {
            actions: actions
                .iter()
                .filter(|a| a.goal == k && a.agreed <= day)
                .map(|a| PlanAction { status: a.status_on(day), ..a.action.clone() })
                .collect(),
            ..g.clone()
        })
        .collect()
}

/// What the diary of a family is written from.
struct Diary<'a> {
    members: &'a [EntityId],
    actions: &'a [ActionLife],
    goals: &'a [PlanGoal],
    /// When each plan version was agreed with the family, the first first.
    version_dates: &'a [NaiveDate],
}

impl Diary<'_> {
    /// Contacts every five to fourteen days from `from` to `until`, one of
    /// them on each day a plan version is agreed; before the first plan,
    /// getting to know the family; then working on the actions of the
    /// versions saved by then that are still open.
    fn visits(&self, rng: &mut DemoRng, from: NaiveDate, until: NaiveDate) -> Vec<Visit> {
        let first_plan = self.version_dates.first().copied().unwrap_or(NaiveDate::MAX);
        let mut out = Vec::new();
        let mut date = from;
        while date <= until {
            let occasion = if date < first_plan {
                Occasion::BeforePlan
            } else if date == first_plan {
                Occasion::PlanAgreed
            } else if self.version_dates.contains(&date) {
                Occasion::PlanRevised
            } else {
                Occasion::Work
            };
            let saved: Vec<&ActionLife> = self.actions.iter().filter(|a| a.saved <= date).collect();
            // The areas of the plan as saved; on the day a version is
            // agreed, of that version.
            let agreed_today = matches!(occasion, Occasion::PlanAgreed | Occasion::PlanRevised);
            let mut areas: Vec<&str> = Vec::new();
            for a in self.actions.iter().filter(|a| a.saved <= date || (agreed_today && a.agreed <= date)) {
                let area = self.goals[a.goal].area.as_str();
                if !areas.contains(&area) {
                    areas.push(area);
                }
            }
            let open: Vec<OpenAction<'_>> = saved
                .iter()
                .filter(|a| !a.status_on(date).is_closed())
                .map(|a| OpenAction {
                    id: a.action.id,
                    area: &self.goals[a.goal].area,
                    started: a.status_on(date) == ActionStatus::InProgress,
                })
                .collect();
            let mut visit = contacts::contact(rng, date, occasion, self.members, &areas, &open);
            let mut next = working_day(date + Duration::days(5 + rng.below(10) as i64));
            // The next contact is on the day a version is agreed, when that
            // comes first and leaves a few days.
            if let Some(agreed) = self.version_dates.iter().find(|d| **d < next && **d >= date + Duration::days(3)) {
                next = *agreed;
            }
            visit.next_planned = Some(next);
            out.push(visit);
            date = next;
        }
        out
    }
}

fn monitoring_visit(date: NaiveDate, members: &[EntityId]) -> Visit {
    Visit {
        date,
        start: NaiveTime::from_hms_opt(11, 0, 0).unwrap_or_default(),
        end: NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
        place: Place::Home,
        form: ContactForm::HomeVisit,
        participants: members.first().copied().into_iter().collect(),
        other_participants: String::new(),
        areas: Vec::new(),
        actions_worked: Vec::new(),
        notes: "Wizyta monitorująca po zakończeniu pracy: rodzina radzi sobie samodzielnie.".to_owned(),
        next_planned: None,
        intervention: None,
        planned: None,
        purpose: None,
        travel: None,
    }
}

fn evaluation(
    rng: &mut DemoRng,
    goals: &[PlanGoal],
    actions: &[ActionLife],
    from: NaiveDate,
    to: NaiveDate,
    is_final: bool,
    nth: usize,
) -> Evaluation {
    // Ratings improve over the course of the work.
    let rating = |rng: &mut DemoRng| Some((2 + nth as u64 / 2 + rng.below(2)).min(5) as u8);
    Evaluation {
        period_from: from,
        period_to: to,
        is_final,
        areas: goals
            .iter()
            .map(|g| AreaRating {
                area: g.area.clone(),
                rating: rating(rng),
                comment: if is_final {
                    "Rodzina radzi sobie w tym obszarze samodzielnie.".to_owned()
                } else {
                    "Widoczna poprawa; rodzina wymaga dalszego wsparcia.".to_owned()
                },
            })
            .collect(),
        goals: goals
            .iter()
            .enumerate()
            .map(|(k, g)| {
                let states: Vec<ActionStatus> =
                    actions.iter().filter(|a| a.goal == k && a.agreed <= to).map(|a| a.status_on(to)).collect();
                GoalReview {
                    goal_id: g.id,
                    goal: g.goal.clone(),
                    outcome: suggested_outcome(&states).or(Some(crate::evaluation::GoalOutcome::NotAchieved)),
                    comment: String::new(),
                }
            })
            .collect(),
        family_view: (*rng.pick(FAMILY_VIEWS)).to_owned(),
        child_risks: "Nie stwierdzono bezpośredniego zagrożenia dla dzieci.".to_owned(),
        cooperation: Some(if rng.below(4) == 0 { Cooperation::Partial } else { Cooperation::Good }),
        cooperation_comment: String::new(),
        recommendation: Some(if is_final { Recommendation::EndWork } else { Recommendation::Continue }),
        recommendation_note: String::new(),
    }
}

#[cfg(test)]
mod tests;
