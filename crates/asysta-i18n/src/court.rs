//! The words of a draft court opinion, and the draft written from a case:
//! always Polish, whatever the screen's or the command line's language,
//! because an opinion goes to a Polish court. The window and the CLI both
//! draft through here, so they write the same text.

use crate::{Arg, Locale, Translator};
use asysta_core::api::FamilyCase;
use asysta_core::evaluation::EvaluationView;
use asysta_core::member::MemberDetails;
use asysta_core::opinion::{draft_opinion, OpinionFacts, OpinionView, OpinionWords};
use asysta_core::plan::ActionStatus;
use asysta_core::visit::Visit;
use chrono::NaiveDate;

/// The app's vocabulary in Polish, for opinions.
pub struct CourtWords {
    polish: Translator,
}

impl Default for CourtWords {
    fn default() -> Self {
        CourtWords { polish: Translator::new(Locale::Pl) }
    }
}

impl OpinionWords for CourtWords {
    fn relation(&self, member: &MemberDetails) -> String {
        self.polish.tr(member.relation.message_id())
    }

    fn action_status(&self, status: ActionStatus) -> String {
        self.polish.tr(status.message_id())
    }

    /// "ocena za okres 01.06.2026–30.11.2026 (złożona); rekomendacja:
    /// kontynuować pracę".
    fn evaluation(&self, evaluation: &EvaluationView) -> String {
        let e = &evaluation.evaluation;
        let line = self.polish.tr_args(
            "opinion-evaluation-line",
            &[
                ("from", Arg::Str(&self.date(e.period_from))),
                ("to", Arg::Str(&self.date(e.period_to))),
                ("status", Arg::Str(&self.polish.tr(&evaluation.status.message_id()))),
            ],
        );
        match e.recommendation {
            Some(r) => {
                let recommendation = self.polish.tr(&r.message_id());
                let said = self
                    .polish
                    .tr_args("opinion-evaluation-recommendation", &[("recommendation", Arg::Str(&recommendation))]);
                format!("{line}; {said}")
            }
            None => line,
        }
    }

    /// dd.mm.rrrr, as a Polish court reads a date.
    fn date(&self, date: NaiveDate) -> String {
        date.format("%d.%m.%Y").to_string()
    }
}

/// The draft of `opinion` written from the case (never from its notes).
pub fn draft_from_case(case: &FamilyCase, opinion: &OpinionView, today: NaiveDate) -> String {
    let members: Vec<MemberDetails> = case.members.iter().map(|m| m.details.clone()).collect();
    let visits: Vec<Visit> = case.visits.iter().map(|v| v.visit.clone()).collect();
    let facts = OpinionFacts {
        family_name: &case.family.name,
        address: &case.family.address,
        members: &members,
        basis: case.details.basis.as_ref(),
        start_date: case.details.start_date,
        plan_versions: &case.plan_versions,
        progress_notes: &case.progress_notes,
        evaluations: &case.evaluations,
        visits: &visits,
        request: &opinion.request,
        today,
    };
    draft_opinion(&facts, &CourtWords::default())
}
