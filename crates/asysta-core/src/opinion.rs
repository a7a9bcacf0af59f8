//! Opinions about a family written when a court asks: the request (court,
//! case signature, date received, due date), a draft the app writes from
//! the case and the assistant edits, and the final version, locked and kept
//! with the request. Restricted notes are never read for a draft.

use crate::evaluation::{EvaluationView, Stamp};
use crate::ids::EntityId;
use crate::member::MemberDetails;
use crate::plan::{current_status, ActionStatus, PlanVersion, ProgressNote};
use crate::record::{is_case_signature, WorkBasis};
use crate::validation::{Checker, FieldError, FieldErrorCode};
use crate::visit::Visit;
use crate::workspace::MAX_NAME_CHARS;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest opinion text, in characters.
pub const MAX_OPINION_CHARS: u32 = 100_000;
/// Days before its due date an opinion shows as due soon.
pub const OPINION_REMINDER_DAYS: i64 = 14;

/// A court's request for an opinion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpinionRequest {
    pub court: String,
    pub case_signature: String,
    pub received_on: NaiveDate,
    pub due_on: NaiveDate,
}

/// The request form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpinionRequestForm {
    pub court: String,
    pub case_signature: String,
    /// `YYYY-MM-DD`.
    pub received_on: String,
    /// `YYYY-MM-DD`, on or after `received_on`.
    pub due_on: String,
}

/// Checks a request: the court, a signature such as "III Nsm 123/25", a
/// receipt date not after `today`, a due date not before it.
pub fn validate_opinion_request(
    form: &OpinionRequestForm,
    today: NaiveDate,
) -> Result<OpinionRequest, Vec<FieldError>> {
    let mut c = Checker::default();
    let court = c.required_text("court", &form.court, MAX_NAME_CHARS);
    let case_signature = c.required_text("case_signature", &form.case_signature, MAX_NAME_CHARS);
    if !case_signature.is_empty() && !is_case_signature(&case_signature) {
        c.push(FieldError::with_detail("case_signature", FieldErrorCode::NotInList, "field-error-case-signature"));
    }
    let received_on = c.required_date("received_on", &form.received_on, today, false);
    let due_on = c.required_date("due_on", &form.due_on, today, true);
    if let (Some(r), Some(d)) = (received_on, due_on) {
        if d < r {
            c.push(FieldError::new("due_on", FieldErrorCode::EndBeforeStart));
        }
    }
    c.finish(OpinionRequest {
        court,
        case_signature,
        received_on: received_on.unwrap_or_default(),
        due_on: due_on.unwrap_or_default(),
    })
}

/// Checks an opinion's text (a draft may be empty; a final one may not).
pub fn validate_opinion_text(text: &str, final_version: bool) -> Result<String, Vec<FieldError>> {
    let mut c = Checker::default();
    let text = c.long_text("text", text, MAX_OPINION_CHARS);
    if final_version && text.is_empty() {
        c.push(FieldError::new("text", FieldErrorCode::Required));
    }
    c.finish(text)
}

/// An opinion as the case screen, the CLI and the printouts show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpinionView {
    pub id: EntityId,
    pub family_id: EntityId,
    pub request: OpinionRequest,
    pub text: String,
    /// Set once the final version is locked.
    pub finalized: Option<Stamp>,
    pub author_name: String,
    pub rev: u64,
}

/// What a draft opinion is written from. Notes are not among them:
/// restricted ones must never reach a court by default.
pub struct OpinionFacts<'a> {
    pub family_name: &'a str,
    pub address: &'a str,
    pub members: &'a [MemberDetails],
    pub basis: Option<&'a WorkBasis>,
    pub start_date: Option<NaiveDate>,
    pub plan_versions: &'a [PlanVersion],
    pub progress_notes: &'a [ProgressNote],
    pub evaluations: &'a [EvaluationView],
    pub visits: &'a [Visit],
    pub request: &'a OpinionRequest,
    pub today: NaiveDate,
}

/// The words a draft needs that are the app's vocabulary (relations,
/// statuses...). Opinions go to Polish courts, so callers pass Polish.
pub trait OpinionWords {
    fn relation(&self, member: &MemberDetails) -> String;
    fn action_status(&self, status: ActionStatus) -> String;
    fn evaluation(&self, evaluation: &EvaluationView) -> String;
    fn date(&self, date: NaiveDate) -> String;
}

/// A draft of the opinion, in Polish, for the assistant to edit.
pub fn draft_opinion(facts: &OpinionFacts<'_>, words: &dyn OpinionWords) -> String {
    let d = |date: NaiveDate| words.date(date);
    let mut out = Vec::new();
    out.push(format!(
        "Opinia asystenta rodziny o rodzinie {} dla {} (sygn. akt {}).",
        facts.family_name, facts.request.court, facts.request.case_signature
    ));
    let mut members = vec![format!("Skład rodziny (adres: {}):", facts.address)];
    for m in facts.members {
        let born = m.birth_date.map(|b| format!(", ur. {}", d(b))).unwrap_or_default();
        members.push(format!("– {} {} ({}{born})", m.first_name, m.last_name, words.relation(m)));
    }
    out.push(members.join("\n"));
    let basis = match facts.basis {
        Some(WorkBasis::CourtOrder { court, case_signature, order_date }) => {
            format!("Praca z rodziną prowadzona jest na podstawie postanowienia {court} z dnia {} (sygn. akt {case_signature}).", d(*order_date))
        }
        Some(WorkBasis::SocialWorkerRequest { interview_date, request_date, .. }) => format!(
            "Praca z rodziną prowadzona jest na wniosek pracownika socjalnego z dnia {} po przeprowadzeniu wywiadu środowiskowego w dniu {}.",
            d(*request_date),
            d(*interview_date)
        ),
        None => "Podstawa pracy z rodziną: [uzupełnij].".into(),
    };
    let start = facts.start_date.map(|s| format!(" Asystent pracuje z rodziną od {}.", d(s))).unwrap_or_default();
    out.push(format!("{basis}{start}"));
    if let Some(plan) = facts.plan_versions.last() {
        let status = current_status(plan, facts.progress_notes);
        let mut lines = vec![format!(
            "Plan pracy z rodziną (wersja {}{}) obejmuje następujące cele:",
            plan.number,
            plan.agreed_with_family_on.map(|a| format!(", uzgodniona z rodziną {}", d(a))).unwrap_or_default()
        )];
        for goal in &plan.goals {
            lines.push(format!("– {}", goal.goal));
            for a in &goal.actions {
                let s = status.get(&a.id).copied().unwrap_or(a.status);
                lines.push(format!("   • {} — {}", a.what, words.action_status(s)));
            }
        }
        out.push(lines.join("\n"));
    } else {
        out.push("Z rodziną nie uzgodniono dotąd planu pracy.".into());
    }
    let made: Vec<&EvaluationView> = facts.evaluations.iter().filter(|e| e.status.counts()).collect();
    if !made.is_empty() {
        let mut lines = vec!["Okresowe oceny sytuacji rodziny:".to_owned()];
        lines.extend(made.iter().map(|e| format!("– {}", words.evaluation(e))));
        out.push(lines.join("\n"));
    }
    let year_ago = facts.today - chrono::Duration::days(365);
    let recent: Vec<&Visit> = facts.visits.iter().filter(|v| v.date > year_ago && v.date <= facts.today).collect();
    let minutes: u32 = recent.iter().map(|v| v.duration_minutes()).sum();
    let last = facts.visits.iter().map(|v| v.date).max();
    out.push(format!(
        "Liczba kontaktów z rodziną w ciągu ostatnich 12 miesięcy: {} (łącznie {} h {} min){}.",
        recent.len(),
        minutes / 60,
        minutes % 60,
        last.map(|l| format!("; ostatni w dniu {}", d(l))).unwrap_or_default()
    ));
    out.push("Ocena funkcjonowania rodziny i opiekuńczo-wychowawczej sytuacji dzieci: [uzupełnij].".into());
    out.push("Wnioski: [uzupełnij].".into());
    out.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn form() -> OpinionRequestForm {
        OpinionRequestForm {
            court: "Sąd Rejonowy dla Łodzi-Śródmieścia, III Wydział Rodzinny i Nieletnich".into(),
            case_signature: "III Nsm 123/26".into(),
            received_on: "2026-11-20".into(),
            due_on: "2026-12-20".into(),
        }
    }

    #[test]
    fn a_request_needs_a_court_a_signature_and_ordered_dates() {
        assert!(validate_opinion_request(&form(), d("2026-12-01")).is_ok());
        let bad = OpinionRequestForm { case_signature: "123".into(), due_on: "2026-11-01".into(), ..form() };
        let fields: Vec<String> =
            validate_opinion_request(&bad, d("2026-12-01")).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["case_signature", "due_on"]);
    }

    #[test]
    fn a_final_opinion_is_not_empty() {
        assert_eq!(validate_opinion_text("  ", false).unwrap(), "");
        assert!(validate_opinion_text("  ", true).is_err());
    }

    struct Pl;
    impl OpinionWords for Pl {
        fn relation(&self, _: &MemberDetails) -> String {
            "rodzic".into()
        }
        fn action_status(&self, _: ActionStatus) -> String {
            "zrealizowane".into()
        }
        fn evaluation(&self, e: &EvaluationView) -> String {
            format!("ocena {}", e.version)
        }
        fn date(&self, date: NaiveDate) -> String {
            date.format("%d.%m.%Y").to_string()
        }
    }

    #[test]
    fn the_draft_names_the_family_the_court_and_the_visits() {
        let request = validate_opinion_request(&form(), d("2026-12-01")).unwrap();
        let members = [MemberDetails::named("Łucja", "Żółć")];
        let visit: Visit = serde_json::from_value(serde_json::json!({
            "date": "2026-11-10", "start": "10:00:00", "end": "11:30:00", "place": {"kind": "home"},
            "form": "home_visit", "participants": [], "other_participants": "", "areas": [], "actions_worked": [],
            "notes": "tajne", "next_planned": null, "intervention": null
        }))
        .unwrap();
        let text = draft_opinion(
            &OpinionFacts {
                family_name: "Żółć",
                address: "ul. Długa 1, Łódź",
                members: &members,
                basis: None,
                start_date: Some(d("2026-01-05")),
                plan_versions: &[],
                progress_notes: &[],
                evaluations: &[],
                visits: &[visit],
                request: &request,
                today: d("2026-12-01"),
            },
            &Pl,
        );
        assert!(text.contains("rodzinie Żółć"), "{text}");
        assert!(text.contains("III Nsm 123/26"));
        assert!(text.contains("– Łucja Żółć (rodzic)"));
        assert!(text.contains("od 05.01.2026"));
        assert!(text.contains("ostatnich 12 miesięcy: 1 (łącznie 1 h 30 min); ostatni w dniu 10.11.2026"));
        assert!(!text.contains("tajne"), "visit notes are not copied into an opinion");
    }
}
