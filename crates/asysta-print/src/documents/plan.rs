use super::{ordinal, HeaderView};
use crate::engine::{render_pdf, Template};
use crate::format;
use crate::model::PlanDocument;
use crate::typeset::Typeset;
use crate::PrintError;
use serde::Serialize;

/// The PDF of one version of a work plan: the goals with their actions, and
/// signature lines for each family member, the assistant and the social
/// worker's consultation.
pub fn plan_pdf(doc: &PlanDocument, typesetter: &dyn Typeset) -> Result<Vec<u8>, PrintError> {
    render_pdf(Template::Plan, &view(doc), typesetter)
}

#[derive(Serialize)]
pub(super) struct PlanView<'a> {
    header: HeaderView<'a>,
    version: String,
    agreed_with_family_on: String,
    /// The date and the social worker, or a note that there was none yet.
    consultation: String,
    /// Empty when there was no consultation yet.
    social_worker: &'a str,
    goals: Vec<GoalView>,
    family_members_signing: &'a [String],
}

#[derive(Serialize)]
struct GoalView {
    number: String,
    area: String,
    goal: String,
    /// Lp., action, who, deadline, expected effect, status.
    actions: Vec<[String; 6]>,
}

pub(super) fn view(doc: &PlanDocument) -> PlanView<'_> {
    PlanView {
        header: HeaderView::new(&doc.header),
        version: doc.version_number.to_string(),
        agreed_with_family_on: doc
            .agreed_with_family_on
            .map_or_else(|| "jeszcze nie uzgodniono".to_owned(), format::date),
        consultation: doc.consultation.as_ref().map_or_else(
            || "jeszcze nie konsultowano".to_owned(),
            |c| format!("{}, {}", format::date(c.date), format::or_empty(&c.social_worker)),
        ),
        social_worker: doc.consultation.as_ref().map_or("", |c| c.social_worker.as_str()),
        goals: doc
            .goals
            .iter()
            .enumerate()
            .map(|(i, goal)| GoalView {
                number: (i + 1).to_string(),
                area: format::or_empty(&goal.area),
                goal: format::or_empty(&goal.goal),
                actions: goal
                    .actions
                    .iter()
                    .enumerate()
                    .map(|(j, a)| {
                        [
                            ordinal(j),
                            format::or_empty(&a.what),
                            format::or_empty(&a.who),
                            a.deadline.map_or_else(|| "bez terminu".to_owned(), format::date),
                            format::or_empty(&a.expected_effect),
                            format::or_empty(&a.status),
                        ]
                    })
                    .collect(),
            })
            .collect(),
        family_members_signing: &doc.family_members_signing,
    }
}
