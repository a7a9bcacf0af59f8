//! One entry of the visit diary as the case shows it.

use crate::ids::EntityId;
use crate::visit::{ActionWorked, ContactForm, Intervention, Place, Travel, Visit};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// One entry of the visit diary: the visit's fields side by side with its
/// id, revision and author (`asysta visit list --json` prints it so).
///
/// Read through [`VisitViewFields`], not with `#[serde(flatten)]`: a
/// flattened struct is decoded by first buffering every field of the
/// entry, then decoding the visit from the buffer, which made the
/// 500-visit case's reply decode several times slower in the window, and
/// gave every type inside a visit a second decoder in the UI's wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "VisitViewFields")]
pub struct VisitView {
    pub id: EntityId,
    pub rev: u64,
    pub author_name: String,
    #[serde(flatten)]
    pub visit: Visit,
}

/// A [`VisitView`]'s fields as they are written, all at one level. A field
/// added to [`Visit`] and missing here is a compile error in the `From`
/// below; its serde attributes must match `Visit`'s (a test round-trips
/// every field).
#[derive(Deserialize)]
struct VisitViewFields {
    id: EntityId,
    rev: u64,
    author_name: String,
    date: NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
    place: Place,
    form: ContactForm,
    participants: Vec<EntityId>,
    other_participants: String,
    areas: Vec<String>,
    actions_worked: Vec<ActionWorked>,
    notes: String,
    next_planned: Option<NaiveDate>,
    intervention: Option<Intervention>,
    #[serde(default)]
    planned: Option<bool>,
    #[serde(default)]
    purpose: Option<String>,
    #[serde(default)]
    travel: Option<Travel>,
}

impl From<VisitViewFields> for VisitView {
    fn from(f: VisitViewFields) -> VisitView {
        VisitView {
            id: f.id,
            rev: f.rev,
            author_name: f.author_name,
            visit: Visit {
                date: f.date,
                start: f.start,
                end: f.end,
                place: f.place,
                form: f.form,
                participants: f.participants,
                other_participants: f.other_participants,
                areas: f.areas,
                actions_worked: f.actions_worked,
                notes: f.notes,
                next_planned: f.next_planned,
                intervention: f.intervention,
                planned: f.planned,
                purpose: f.purpose,
                travel: f.travel,
            },
        }
    }
}

#[cfg(test)]
mod tests;
