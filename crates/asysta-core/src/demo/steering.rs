//! The centre's side of the demo, as the forms people would have typed:
//! the register completed for the assistants (and one who has left), the
//! cases referred to the centre (some still waiting, some assigned weeks
//! ago and worked on since), the first plans of the assigned families
//! (one returned for its missing deadlines and corrected), their contacts,
//! the notes of the centre's decisions, and the comments both ways.
//!
//! Pure: the caller runs each form through the one door (`Store::run`)
//! on the workspace it belongs to, on the dates given here; the same seed
//! and "today" give the same forms.

use super::contacts::{self, working_day, Occasion, OpenAction};
use super::{DemoCase, DemoRng};
use crate::centre::{AssistantForm, ReferralForm};
use crate::ids::EntityId;
use crate::member::{MemberDetails, MemberForm};
use crate::plan::{ActionStatus, PlanVersion, PlanVersionForm};
use crate::visit::VisitForm;
use chrono::{Datelike, Duration, Months, NaiveDate};

/// Days from agreeing a plan version with the family to consulting it
/// with the social worker, when it is saved (as in the stories).
pub const CONSULTATION_DAYS: i64 = 3;

/// The register entry of the `index`-th enrolled assistant (their name as
/// their laptop knows it): employed on an employment contract full time
/// or part time, or (every third) on a contract for services for a fixed
/// term, with no working time (a civil contract has none).
pub fn register_form(name: &str, index: usize, today: NaiveDate) -> AssistantForm {
    let years_ago = |years: u32, months: u32| {
        today.checked_sub_months(Months::new(12 * years + months)).unwrap_or(today).with_day0(0).unwrap_or(today)
    };
    let (employment, from, to, fte) = match index % 3 {
        0 => ("umowa-o-prace", years_ago(6 + index as u32 / 3, 2), None, "1"),
        1 => ("umowa-o-prace", years_ago(3, 7), None, "0,75"),
        _ => (
            "umowa-o-swiadczenie-uslug",
            years_ago(1, 2),
            Some(years_ago(1, 2).checked_add_months(Months::new(24)).unwrap_or(today) - Duration::days(1)),
            "",
        ),
    };
    AssistantForm {
        name: name.to_owned(),
        employment: employment.to_owned(),
        from: from.to_string(),
        to: to.map(|d| d.to_string()).unwrap_or_default(),
        fte: fte.to_owned(),
    }
}

/// An assistant who worked for the centre on a contract for services and
/// left seven months ago (no laptop of hers is enrolled any more).
pub fn former_assistant(today: NaiveDate) -> AssistantForm {
    let month_start =
        |months: u32| today.checked_sub_months(Months::new(months)).unwrap_or(today).with_day0(0).unwrap_or(today);
    AssistantForm {
        name: "Teresa Wróbel".to_owned(),
        employment: "umowa-o-swiadczenie-uslug".to_owned(),
        from: month_start(38).to_string(),
        to: (month_start(7) - Duration::days(1)).to_string(),
        fte: String::new(),
    }
}

/// What became of a case assigned from the waiting list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    /// The assistant is still getting to know the family; no plan yet.
    GettingToKnow,
    /// A first plan agreed with the family, saved after the consultation,
    /// submitted and waiting for the centre's decision.
    PlanSubmitted { agreed: NaiveDate, submitted: NaiveDate },
    /// A first plan submitted without deadlines for its first goal,
    /// returned with a note, agreed again with deadlines, submitted again
    /// and approved.
    PlanReturnedAndCorrected {
        agreed: NaiveDate,
        submitted: NaiveDate,
        returned: NaiveDate,
        corrected: NaiveDate,
        resubmitted: NaiveDate,
        approved: NaiveDate,
    },
}

/// A case assigned on `on` and worked on since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assigned {
    pub on: NaiveDate,
    pub work: Work,
}

/// One case referred to the centre.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Referred {
    /// The household the assistant meets (the centre knows only the name
    /// and the address; the members are added on the laptop).
    pub case: DemoCase,
    pub form: ReferralForm,
    /// `None`: still on the waiting list.
    pub assigned: Option<Assigned>,
}

const COURT: &str = "Sąd Rejonowy dla Łodzi-Widzewa w Łodzi, VIII Wydział Rodzinny i Nieletnich";

/// Seven cases referred to the centre: three assigned weeks ago (a first
/// plan returned and corrected, a first plan waiting for a decision, a
/// family still being got to know), four waiting (two social workers'
/// requests and two courts' orders, requested on different days).
pub fn referrals(seed: u64, today: NaiveDate) -> Vec<Referred> {
    let mut rng = DemoRng::new(seed ^ 0x1A7A_4E5C);
    let day = |days: i64| working_day(today - Duration::days(days));
    // (days since the request, by a court, assigned how many days ago)
    let plan: [(i64, bool, Option<i64>); 7] = [
        (75, false, Some(61)),
        (68, true, Some(54)),
        (49, false, Some(33)),
        (38, false, None),
        (24, true, None),
        (11, false, None),
        (4, true, None),
    ];
    let cases = super::cases(seed ^ 0x00C3_47E5, plan.len(), today);
    plan.iter()
        .zip(cases)
        .enumerate()
        .map(|(k, ((requested, court, assigned), case))| {
            let requested_on = day(*requested);
            let social_worker = case.details.social_worker.as_ref().map(|c| c.name.clone()).unwrap_or_default();
            let form = ReferralForm {
                name: case.family.name.clone(),
                address: case.family.address.clone(),
                basis: if *court { "court" } else { "social-worker" }.to_owned(),
                requested_on: requested_on.to_string(),
                court: if *court { COURT.to_owned() } else { String::new() },
                signature: if *court {
                    format!("VIII Nsm {}/{}", 200 + rng.below(600), requested_on.format("%y"))
                } else {
                    String::new()
                },
                social_worker: if *court { String::new() } else { social_worker },
                note: (*rng.pick(REFERRAL_NOTES)).to_owned(),
            };
            let assigned = assigned.map(|days| {
                let on = day(days);
                let agreed = working_day(on + Duration::days(16));
                let submitted = working_day(agreed + Duration::days(CONSULTATION_DAYS + 1));
                let work = match k {
                    0 => {
                        let returned = working_day(submitted + Duration::days(4));
                        let corrected = working_day(returned + Duration::days(5));
                        let resubmitted = working_day(corrected + Duration::days(CONSULTATION_DAYS + 1));
                        let approved = working_day(resubmitted + Duration::days(4));
                        Work::PlanReturnedAndCorrected { agreed, submitted, returned, corrected, resubmitted, approved }
                    }
                    1 => Work::PlanSubmitted {
                        agreed: working_day(today - Duration::days(20)),
                        submitted: working_day(today - Duration::days(9)),
                    },
                    _ => Work::GettingToKnow,
                };
                Assigned { on, work }
            });
            Referred { case, form, assigned }
        })
        .collect()
}

const REFERRAL_NOTES: &[&str] = &[
    "Rodzina wielodzietna; zaległości czynszowe, trudności opiekuńczo-wychowawcze.",
    "Matka samotnie wychowuje dzieci; szkoła zgłasza absencje starszego dziecka.",
    "Po interwencji Niebieskiej Karty; rodzina wyraziła zgodę na współpracę z asystentem.",
    "Rodzina zgłosiła się sama po pomoc w sprawach urzędowych i wychowawczych.",
];

/// The member form of a person, as an assistant types it from their
/// documents.
pub fn member_form(person: &MemberDetails) -> MemberForm {
    MemberForm {
        first_name: person.first_name.clone(),
        last_name: person.last_name.clone(),
        birth_date: person.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        sex: person.sex.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        relation: person.relation.as_str().to_owned(),
        pesel: person.pesel.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default(),
    }
}

/// A first plan for a family whose members are `members` (a parent
/// first), agreed on `agreed` and consulted with `social_worker`
/// [`CONSULTATION_DAYS`] later. Without deadlines for the first goal's
/// actions unless `with_deadlines` (what the centre returns it for).
pub fn first_plan(
    rng: &mut DemoRng,
    members: &[EntityId],
    agreed: NaiveDate,
    social_worker: &str,
    with_deadlines: bool,
) -> PlanVersionForm {
    // The goals' and actions' ids are the store's to give: new rows.
    let mut n = 0u128;
    let mut placeholder = || {
        n += 1;
        EntityId(uuid::Uuid::from_u128(n))
    };
    let plan = super::plan(rng, members, agreed, &mut placeholder).into_version(1);
    let mut form = PlanVersionForm::from_version(&plan);
    for (k, goal) in form.goals.iter_mut().enumerate() {
        goal.id = None;
        for action in &mut goal.actions {
            action.id = None;
            if k == 0 && !with_deadlines {
                action.deadline = String::new();
            }
        }
    }
    form.consultation_date = (agreed + Duration::days(CONSULTATION_DAYS)).to_string();
    form.consultation_social_worker = social_worker.to_owned();
    form
}

/// The version correcting `returned`: every action given a deadline
/// (its goal's others', or two months after the new agreement), agreed
/// again with the family on `agreed` and consulted again.
pub fn corrected_plan(returned: &PlanVersion, agreed: NaiveDate, social_worker: &str) -> PlanVersionForm {
    let mut form = PlanVersionForm::next_from(returned);
    let fallback = (agreed + Duration::days(60)).to_string();
    for goal in &mut form.goals {
        for action in &mut goal.actions {
            if action.deadline.is_empty() {
                action.deadline = fallback.clone();
            }
        }
    }
    form.agreed_with_family_on = agreed.to_string();
    form.consultation_date = (agreed + Duration::days(CONSULTATION_DAYS)).to_string();
    form.consultation_social_worker = social_worker.to_owned();
    form
}

/// Contacts with a family every five to fourteen days on working days,
/// from `from` to `until`: getting to know it until `plan` is agreed, on
/// the day it is agreed a visit about it, and once it is saved (after the
/// consultation) work on its open actions.
pub fn contacts(
    rng: &mut DemoRng,
    members: &[EntityId],
    plan: Option<&PlanVersion>,
    from: NaiveDate,
    until: NaiveDate,
) -> Vec<VisitForm> {
    let agreed = plan.and_then(|p| p.agreed_with_family_on).unwrap_or(NaiveDate::MAX);
    let saved = plan.and_then(|p| p.consultation.as_ref()).map_or(NaiveDate::MAX, |c| c.date);
    let areas: Vec<&str> = plan.map(|p| p.goals.iter().map(|g| g.area.as_str()).collect()).unwrap_or_default();
    let open: Vec<OpenAction<'_>> = plan
        .map(|p| {
            p.goals
                .iter()
                .flat_map(|g| {
                    g.actions.iter().filter(|a| !a.status.is_closed()).map(|a| OpenAction {
                        id: a.id,
                        area: &g.area,
                        started: a.status == ActionStatus::InProgress,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut date = working_day(from);
    while date <= until {
        let occasion = match date.cmp(&agreed) {
            std::cmp::Ordering::Less => Occasion::BeforePlan,
            std::cmp::Ordering::Equal => Occasion::PlanAgreed,
            std::cmp::Ordering::Greater => Occasion::Work,
        };
        let (areas, open) = match occasion {
            Occasion::BeforePlan => (&[][..], &[][..]),
            _ if date <= saved => (&areas[..], &[][..]),
            _ => (&areas[..], &open[..]),
        };
        let mut visit = contacts::contact(rng, date, occasion, members, areas, open);
        let mut next = working_day(date + Duration::days(5 + rng.below(10) as i64));
        // The visit on the day the plan is agreed, when it comes first.
        if date < agreed && next > agreed && agreed <= until {
            next = agreed;
        }
        visit.next_planned = Some(next);
        out.push(VisitForm::from_visit(&visit));
        date = next;
    }
    out
}

/// The day the centre decides on a document submitted on `submitted`:
/// three to ten days later, on a working day; `None` while it waits (a
/// decision would fall within the last three days before `today`).
pub fn decision_day(rng: &mut DemoRng, submitted: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    let day = working_day(submitted + Duration::days(3 + rng.below(8) as i64));
    (day <= today - Duration::days(3)).then_some(day)
}

/// Why the centre returns a first plan without deadlines.
pub const PLAN_RETURNED_FOR_DEADLINES: &str =
    "Proszę uzupełnić terminy realizacji działań w pierwszym celu; bez nich nie ocenimy postępów rodziny.";

/// Why the centre returns a revised plan (not corrected yet).
pub const PLAN_RETURNED_FOR_EFFECTS: &str = "Proszę doprecyzować oczekiwane efekty działań tak, by dało się \
     sprawdzić ich osiągnięcie, i omówić je z rodziną na najbliższej wizycie.";

/// Why the centre returns an evaluation, and what the correction adds.
pub const EVALUATION_RETURNED: &str =
    "Proszę uzupełnić ocenę współpracy z rodziną o wnioski z ostatnich wizyt i kontakt ze szkołą.";
pub const EVALUATION_CORRECTED: &str = "Rodzina dotrzymuje ustaleń z wizyt; po rozmowie z wychowawczynią \
     frekwencja dziecka w szkole poprawiła się. Współpraca dobra.";

/// The comments of the demo: the centre asks about a family and the
/// assistant answers; the centre asks about an overdue action (no answer
/// yet); an assistant asks about a visit (no answer yet); an assistant
/// asks about a court's order and the centre answers.
pub const CENTRE_ASKS_ABOUT_FAMILY: &str =
    "Kurator pyta o aktualny telefon do szkoły dzieci. Proszę o numer przy najbliższej wymianie danych.";
pub const ASSISTANT_ANSWERS_FAMILY: &str =
    "Sekretariat Szkoły Podstawowej nr 12: 42 630 12 45; wychowawczyni wie o współpracy z asystentem.";
pub const CENTRE_ASKS_ABOUT_ACTION: &str =
    "Termin tego działania minął. Czy jest nadal aktualne, czy trzeba zmienić plan?";
pub const ASSISTANT_ASKS_ABOUT_VISIT: &str = "Rodzina prosi o szybszy termin w poradni psychologicznej dla \
     starszego dziecka. Czy ośrodek może w tym pomóc?";
pub const ASSISTANT_ASKS_ABOUT_ORDER: &str = "Czy do akt wpłynął odpis postanowienia sądu? Rodzina o niego pyta.";
pub const CENTRE_ANSWERS_ORDER: &str = "Odpis jest w aktach sprawy; kopię przekażę na najbliższym spotkaniu zespołu.";

/// What the old laptop notes after a transfer's effective date (a late
/// edit the supervisor sees flagged).
pub const NOTE_AFTER_TRANSFER: &str = "Przekazano rodzinie informację o zmianie asystentki; ostatnie \
     ustalenia z rodziną przekazane nowej asystentce telefonicznie.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::centre::intake::validate_referral;
    use crate::centre::register::validate_assistant;
    use crate::member::validate_member;
    use crate::plan::{default_areas, validate_plan_version};
    use crate::visit::validate_visit;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn ids(from: u128, n: usize) -> Vec<EntityId> {
        (0..n as u128).map(|k| EntityId(uuid::Uuid::from_u128(from + k))).collect()
    }

    #[test]
    fn the_register_has_both_forms_of_employment_and_validates() {
        let forms: Vec<AssistantForm> =
            (0..5).map(|i| register_form(&format!("A {i}"), i, today())).chain([former_assistant(today())]).collect();
        for form in &forms {
            let entry = validate_assistant(form, today()).unwrap();
            assert!(entry.from.is_some() && entry.employment.is_some(), "{form:?}");
        }
        let services: Vec<&AssistantForm> =
            forms.iter().filter(|f| f.employment == "umowa-o-swiadczenie-uslug").collect();
        assert!(services.len() >= 2 && services.iter().all(|f| !f.to.is_empty() && f.fte.is_empty()), "{forms:?}");
        let former = validate_assistant(&former_assistant(today()), today()).unwrap();
        assert!(!former.employed_on(today()), "the former assistant has left");
        let third = validate_assistant(&forms[2], today()).unwrap();
        assert!(third.employed_on(today()), "a fixed term running today");
    }

    /// The referrals, their first plans and their contacts pass the
    /// checks the one door applies, for many seeds, in the order the
    /// laptop runs them.
    #[test]
    fn the_referred_cases_and_their_work_pass_the_forms_checks() {
        let areas = default_areas();
        for seed in 1..=20 {
            let referred = referrals(seed, today());
            assert_eq!(referred, referrals(seed, today()), "deterministic");
            assert_eq!(referred.iter().filter(|r| r.assigned.is_none()).count(), 4);
            let mut requested: Vec<NaiveDate> = Vec::new();
            for r in &referred {
                let new = validate_referral(&r.form, today()).unwrap_or_else(|e| panic!("{e:?}: {:?}", r.form));
                assert!(!requested.contains(&new.referral.requested_on), "different days");
                requested.push(new.referral.requested_on);
                let Some(assigned) = &r.assigned else { continue };
                assert!(assigned.on > new.referral.requested_on && assigned.on < today());
                let members = ids(100, r.case.members.len());
                for person in &r.case.members {
                    assert_eq!(validate_member(&member_form(person), today()).as_ref(), Ok(person));
                }
                let mut rng = DemoRng::new(seed);
                let (agreed, complete) = match assigned.work {
                    Work::GettingToKnow => {
                        let visits = contacts(&mut rng, &members, None, assigned.on, today());
                        assert!(visits.len() >= 2);
                        for v in &visits {
                            validate_visit(v, &members, &[], &areas, today()).unwrap();
                            assert!(v.actions_worked.is_empty());
                        }
                        continue;
                    }
                    Work::PlanSubmitted { agreed, submitted } => {
                        assert!(agreed < submitted && submitted < today());
                        (agreed, true)
                    }
                    Work::PlanReturnedAndCorrected {
                        agreed,
                        submitted,
                        returned,
                        corrected,
                        resubmitted,
                        approved,
                    } => {
                        let days = [assigned.on, agreed, submitted, returned, corrected, resubmitted, approved];
                        assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
                        assert!(approved < today());
                        (agreed, false)
                    }
                };
                let form = first_plan(&mut rng, &members, agreed, "Jan Kos", complete);
                let mut n = 1000u128;
                let plan = validate_plan_version(&form, &members, &areas, agreed + Duration::days(3), || {
                    n += 1;
                    EntityId(uuid::Uuid::from_u128(n))
                })
                .unwrap()
                .into_version(1);
                assert_eq!(plan.actions().all(|a| a.deadline.is_some()), complete);
                let visits = contacts(&mut rng, &members, Some(&plan), assigned.on, today());
                let actions: Vec<EntityId> = plan.actions().map(|a| a.id).collect();
                for v in &visits {
                    validate_visit(v, &members, &actions, &areas, today()).unwrap();
                    if v.date.parse::<NaiveDate>().unwrap() <= agreed + Duration::days(CONSULTATION_DAYS) {
                        assert!(v.actions_worked.is_empty(), "nothing worked on before the plan is saved: {v:?}");
                    }
                }
                assert!(visits.iter().any(|v| v.date == agreed.to_string()), "a visit the day the plan is agreed");
                if !complete {
                    let corrected = corrected_plan(&plan, agreed + Duration::days(12), "Jan Kos");
                    let again = validate_plan_version(&corrected, &members, &areas, today(), || unreachable!())
                        .unwrap()
                        .into_version(2);
                    assert!(again.actions().all(|a| a.deadline.is_some()));
                    assert_eq!(
                        again.actions().map(|a| a.id).collect::<Vec<_>>(),
                        actions,
                        "the correction keeps the actions"
                    );
                }
            }
        }
    }

    #[test]
    fn a_decision_comes_days_after_the_submission_or_is_still_awaited() {
        let mut rng = DemoRng::new(3);
        let day = decision_day(&mut rng, today() - Duration::days(40), today()).unwrap();
        assert!((3..=12).contains(&(day - (today() - Duration::days(40))).num_days()));
        assert_eq!(decision_day(&mut rng, today() - Duration::days(1), today()), None);
    }
}
