//! The demo's stories as a centre's supervisor would read them, for many
//! seeds: no note on an action before its plan version was agreed, a
//! contact's form, place and note that agree, every action carried out by
//! someone who fits it.

use super::*;
use crate::demo::contacts::BY_PHONE;
use crate::demo::plans::{self, Doer};
use crate::member::Relation;
use crate::plan::Actor;
use crate::visit::Visit;
use chrono::{Datelike, Weekday};

const SEEDS: std::ops::RangeInclusive<u64> = 1..=20;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// One family's story, told as `asysta demo` tells it.
#[derive(Debug, PartialEq)]
struct Told {
    profile: Profile,
    /// A parent first, the children last.
    members: Vec<EntityId>,
    changes: Vec<StoryChange>,
}

/// The stories of `families` demo families (an empty workspace with room
/// for `room` active ones), with ids from a counter.
fn told(seed: u64, families: usize, room: usize) -> Vec<Told> {
    let today = today();
    let mut n = 0u128;
    let mut new_id = || {
        n += 1;
        EntityId(uuid::Uuid::from_u128(n))
    };
    let mut rng = DemoRng::new(seed ^ 0x0D1A_2B3C);
    let mut cases: Vec<(Profile, crate::demo::DemoCase)> =
        profiles(families, room, &mut rng).into_iter().zip(crate::demo::cases(seed, families, today)).collect();
    cases.sort_by_key(|(profile, _)| profile.is_active());
    let mut out = Vec::new();
    for (profile, mut case) in cases {
        let start = start_date(profile, today, &mut rng);
        case.details.start_date = Some(start);
        case.details.basis = Some(basis(profile, start));
        let family_id = new_id();
        let mut members: Vec<(bool, EntityId)> =
            case.members.iter().map(|m| (m.relation == Relation::Child, new_id())).collect();
        members.sort_by_key(|(child, _)| *child);
        let members: Vec<EntityId> = members.into_iter().map(|(_, id)| id).collect();
        let input = StoryInput { family_id, members: &members, details: &case.details, profile, today };
        let changes = story(&input, &mut rng, &mut new_id);
        out.push(Told { profile, members, changes });
    }
    out
}

/// Every story of every seed, with a small and a larger caseload.
fn every_story() -> Vec<(u64, Told)> {
    SEEDS
        .flat_map(|seed| [told(seed, 6, 15), told(seed, 12, 8)].into_iter().flatten().map(move |t| (seed, t)))
        .collect()
}

fn plan_versions(told: &Told) -> Vec<&PlanVersion> {
    told.changes
        .iter()
        .filter_map(|c| match &c.change {
            Change::PlanVersionSaved { version, .. } => Some(version),
            _ => None,
        })
        .collect()
}

fn visits_of(told: &Told) -> Vec<&Visit> {
    told.changes
        .iter()
        .filter_map(|c| match &c.change {
            Change::VisitRecorded { visit, .. } => Some(&**visit),
            _ => None,
        })
        .collect()
}

fn agreed(version: &PlanVersion) -> NaiveDate {
    version.agreed_with_family_on.expect("a demo plan version is agreed with the family")
}

/// A note on `action` dated `date`, when the versions in `saved` were
/// saved before it: there is a plan, it has the action, and both the
/// version that brought the action in and the current one were agreed
/// with the family by then.
#[track_caller]
fn check_note(saved: &[&PlanVersion], action: EntityId, date: NaiveDate, what: &str) {
    let current = saved.last().unwrap_or_else(|| panic!("{what} on {date} before the first plan version was saved"));
    assert!(current.actions().any(|a| a.id == action), "{what} on {date} on an action the saved plan does not have");
    let introduced = saved.iter().find(|v| v.actions().any(|a| a.id == action)).unwrap();
    assert!(
        agreed(introduced) <= date && agreed(current) <= date,
        "{what} on {date}, before its plan version was agreed with the family ({}, current {})",
        agreed(introduced),
        agreed(current)
    );
}

#[test]
fn the_same_seed_tells_the_same_stories() {
    for seed in [1, 7, 20] {
        assert_eq!(told(seed, 8, 15), told(seed, 8, 15));
        assert_ne!(told(seed, 8, 15), told(seed + 1, 8, 15));
    }
}

#[test]
fn nothing_is_noted_on_an_action_before_its_plan_was_agreed_and_saved() {
    let mut notes = 0;
    let mut worked = 0;
    for (seed, told) in every_story() {
        let mut saved: Vec<&PlanVersion> = Vec::new();
        for c in &told.changes {
            match &c.change {
                Change::PlanVersionSaved { version, .. } => {
                    assert_eq!(version.number as usize, saved.len() + 1, "seed {seed}: versions in order");
                    if let Some(previous) = saved.last() {
                        assert!(agreed(previous) < agreed(version), "seed {seed}");
                    }
                    let consulted = version.consultation.as_ref().map(|c| c.date).unwrap();
                    assert!(agreed(version) <= consulted && consulted <= today(), "seed {seed}: saved by today");
                    assert!(!matches!(agreed(version).weekday(), Weekday::Sat | Weekday::Sun), "seed {seed}");
                    saved.push(version);
                }
                Change::PlanProgressNoted { note } => {
                    check_note(&saved, note.action_id, note.date, &format!("seed {seed}: a progress note"));
                    assert!(note.date <= today(), "seed {seed}");
                    notes += 1;
                }
                Change::VisitRecorded { visit, .. } => {
                    for a in &visit.actions_worked {
                        check_note(
                            &saved,
                            a.action_id,
                            visit.date,
                            &format!("seed {seed}: a visit working on an action"),
                        );
                        worked += 1;
                    }
                    assert!(visit.date <= today(), "seed {seed}");
                }
                _ => {}
            }
        }
        // The first contacts come before the plan: they work on no action.
        let visits = visits_of(&told);
        let first_plan = agreed(plan_versions(&told)[0]);
        assert!(visits[0].date < first_plan, "seed {seed}: the assistant meets the family before the plan");
        assert!(visits
            .iter()
            .filter(|v| v.date < first_plan)
            .all(|v| v.actions_worked.is_empty() && v.areas.is_empty()));
    }
    assert!(notes > 1000 && worked > 1000, "{notes} notes, {worked} actions worked on");
}

#[test]
fn a_contacts_form_place_and_note_agree() {
    let mut forms = std::collections::BTreeMap::new();
    for (seed, told) in every_story() {
        let versions = plan_versions(&told);
        for visit in visits_of(&told) {
            let says = |word: &str| visit.notes.to_lowercase().contains(&word.to_lowercase());
            let context =
                format!("seed {seed}, {}: {:?} at {:?}: {}", visit.date, visit.form, visit.place, visit.notes);
            *forms.entry(visit.form.as_str()).or_insert(0) += 1;
            assert!(!matches!(visit.date.weekday(), Weekday::Sat | Weekday::Sun), "on a working day: {context}");
            // A home visit is at the family's home, and what is at home is a home visit.
            assert_eq!(visit.form == ContactForm::HomeVisit, visit.place == Place::Home, "{context}");
            match visit.form {
                ContactForm::HomeVisit => {
                    assert!(says("wizyt") || says("w domu"), "{context}");
                    for word in ["telefon", "towarzysz", "siedzibie ośrodka", "urzędzie", "pedagogiem"] {
                        assert!(!says(word), "{context}");
                    }
                }
                ContactForm::PhoneCall => {
                    assert_eq!(visit.place, Place::Other { text: BY_PHONE.to_owned() }, "{context}");
                    assert!(says("telefon"), "{context}");
                    assert!(visit.duration_minutes() <= 30, "{context}");
                    assert!(visit.actions_worked.is_empty(), "{context}");
                }
                ContactForm::Accompanying => assert!(visit.notes.starts_with("Towarzyszenie"), "{context}"),
                ContactForm::Consultation => match visit.place {
                    Place::Office => assert!(says("w siedzibie ośrodka"), "{context}"),
                    Place::School => assert!(says("pedagog") || says("wychowaw"), "{context}"),
                    _ => panic!("a consultation at the centre or at school: {context}"),
                },
                ContactForm::GroupSession => panic!("no group sessions in the demo: {context}"),
            }
            if visit.form != ContactForm::HomeVisit {
                assert!(!says("w domu") && !says("wizyta domowa"), "{context}");
            }
            if visit.form != ContactForm::PhoneCall {
                assert!(!says("telefon"), "{context}");
            }
            // What a contact is about is in the plan agreed by then.
            let plan = versions.iter().rev().find(|v| agreed(v) <= visit.date);
            let plan_areas: Vec<&str> =
                plan.map(|v| v.goals.iter().map(|g| g.area.as_str()).collect()).unwrap_or_default();
            assert!(visit.areas.iter().all(|a| plan_areas.contains(&a.as_str())), "{context}: {:?}", visit.areas);
            if says("urzędzie pracy") || says("ogłoszenia o pracy") {
                assert!(visit.areas.iter().any(|a| a == "employment_education"), "{context}");
            }
            if says("szkoln") || says("wychowawczyni") {
                assert!(visit.areas.iter().any(|a| a == "school_development"), "{context}");
            }
            // A parent takes part in every contact, monitoring visits too.
            assert_eq!(visit.participants.first(), told.members.first(), "{context}");
        }
    }
    for form in ["home_visit", "phone_call", "accompanying", "consultation"] {
        assert!(forms.get(form).is_some_and(|n| *n >= 20), "{form}: {forms:?}");
    }
    assert!(forms["home_visit"] > forms.values().sum::<i32>() / 2, "mostly home visits: {forms:?}");
}

#[test]
fn every_action_is_carried_out_by_someone_who_fits_it() {
    let mut seen = std::collections::BTreeSet::new();
    for (seed, told) in every_story() {
        let versions = plan_versions(&told);
        for version in &versions {
            for goal in &version.goals {
                for action in &goal.actions {
                    let context = format!("seed {seed}: {:?} does {:?}", action.who, action.what);
                    let (template_goal, template) = plans::template_of(&action.what).expect(&context);
                    assert_eq!(template_goal.area, goal.area, "an action of its goal's area: {context}");
                    assert!(plans::fits(template.doers, &action.who, &told.members), "{context}");
                    let what = action.what.to_lowercase();
                    match &action.who {
                        // The family member does their own tasks: a parent.
                        Actor::Member { member_id } => assert_eq!(Some(member_id), told.members.first(), "{context}"),
                        Actor::Assistant => {
                            for own in [
                                "zeszytu wydatków",
                                "kontrola odrabiania",
                                "rejestracja w",
                                "u pediatry",
                                "oferty pracy",
                            ] {
                                assert!(!what.contains(own), "a parent's own task: {context}");
                            }
                        }
                        // The labour office does what is about work, the
                        // counselling centres and the PCPR therapy and
                        // workshops, the school its classes.
                        Actor::Institution { name } => {
                            let fitting: &[&str] = match name.as_str() {
                                plans::LABOUR_OFFICE => &["pracy", "zawodow", "cv"],
                                plans::COUNSELLING_CENTRE => &["poradni", "terapi", "psycholog"],
                                plans::ADDICTION_CLINIC => &["uzależnień"],
                                plans::FAMILY_SUPPORT_CENTRE => &["warsztat", "psycholog"],
                                plans::SCHOOL => &["zajęcia wyrównawcze"],
                                other => panic!("an institution the demo does not know, {other}: {context}"),
                            };
                            assert!(fitting.iter().any(|w| what.contains(w)), "{context}");
                        }
                    }
                    seen.insert((action.what.clone(), kind_of(&action.who)));
                }
            }
        }
    }
    // Every doer of the table turns up somewhere (the second action a
    // revision adds to a goal is rare: not checked).
    for goal in plans::GOALS {
        for action in goal.actions.iter().chain(goal.later.first()) {
            for doer in action.doers {
                let kind = match doer {
                    Doer::Parent => "member",
                    Doer::Assistant => "assistant",
                    Doer::Institution(_) => "institution",
                };
                assert!(seen.contains(&(action.what.to_owned(), kind)), "{} never by a {kind}", action.what);
            }
        }
    }
}

fn kind_of(actor: &Actor) -> &'static str {
    match actor {
        Actor::Member { .. } => "member",
        Actor::Assistant => "assistant",
        Actor::Institution { .. } => "institution",
    }
}

#[test]
fn a_closing_says_why_and_a_monitored_family_reached_its_goals() {
    for (seed, told) in every_story() {
        for c in &told.changes {
            if let Change::FamilyStatusChanged { status: FamilyStatus::Closed, reason_key, summary, .. } = &c.change {
                let reason = reason_key.as_deref().unwrap();
                assert_eq!(summary, closing_summary(reason), "seed {seed}");
                if !matches!(told.profile, Profile::Closed { .. }) {
                    assert_eq!(reason, "goals_achieved", "seed {seed}: {:?}", told.profile);
                }
            }
        }
    }
}

#[test]
fn the_plans_and_visits_pass_the_forms_own_checks() {
    let areas = crate::plan::default_areas();
    for (seed, told) in every_story().into_iter().filter(|(seed, _)| seed % 4 == 1) {
        let mut saved: Vec<&PlanVersion> = Vec::new();
        for c in &told.changes {
            match &c.change {
                Change::PlanVersionSaved { version, .. } => {
                    let form = crate::plan::PlanVersionForm::from_version(version);
                    let mut no_new_ids = || panic!("seed {seed}: every goal and action has its id");
                    let checked =
                        crate::plan::validate_plan_version(&form, &told.members, &areas, today(), &mut no_new_ids);
                    assert_eq!(checked.map(|v| v.into_version(version.number)).as_ref(), Ok(version), "seed {seed}");
                    saved.push(version);
                }
                Change::VisitRecorded { visit, .. } => {
                    let actions: Vec<EntityId> =
                        saved.last().map(|v| v.actions().map(|a| a.id).collect()).unwrap_or_default();
                    let form = crate::visit::VisitForm::from_visit(visit);
                    let checked = crate::visit::validate_visit(&form, &told.members, &actions, &areas, today());
                    assert_eq!(checked.as_ref(), Ok(&**visit), "seed {seed}");
                }
                _ => {}
            }
        }
    }
}
