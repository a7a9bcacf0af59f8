//! `asysta visit planned`: the visits planned ahead and the next contacts
//! the diary names, as one list, and the coming weeks as an iCalendar file
//! for a phone's calendar. A phone's calendar leaves the encrypted store,
//! so the file names each family by a short code and says where, not who
//! or why, unless the person asks (`--with-names`).

use asysta_core::api::{PlannedVisit, ScheduledVisit};
use asysta_core::visit::Place;
use asysta_core::EntityId;
use asysta_i18n::{Arg, Translator};
use chrono::NaiveDate;
use icalendar::{Calendar, Component, EventLike};
use serde::Serialize;
use std::collections::BTreeSet;

/// One line of `asysta visit planned` (`--json`: the same fields). The
/// first three are those of the next contacts listed before planned
/// visits existed; a visit planned ahead has the others too.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlannedEntry {
    pub family_id: EntityId,
    pub family_name: String,
    pub date: NaiveDate,
    /// The planned visit (`None`: a next contact a diary entry names).
    pub id: Option<EntityId>,
    pub time: Option<String>,
    pub place: Option<Place>,
    pub purpose: Option<String>,
    pub missed: bool,
}

/// The planned visits (missed first, then by date), then each family's
/// next contact from its diary when no visit is planned for that day.
pub fn planned_entries(scheduled: &[ScheduledVisit], next: &[PlannedVisit]) -> Vec<PlannedEntry> {
    let covered: BTreeSet<(EntityId, NaiveDate)> = scheduled.iter().map(|v| (v.family_id, v.date)).collect();
    let planned = scheduled.iter().map(|v| PlannedEntry {
        family_id: v.family_id,
        family_name: v.family_name.clone(),
        date: v.date,
        id: Some(v.id),
        time: Some(v.time.clone()),
        place: Some(v.place.clone()),
        purpose: (!v.purpose.is_empty()).then(|| v.purpose.clone()),
        missed: v.missed,
    });
    let named = next.iter().filter(|p| !covered.contains(&(p.family_id, p.date))).map(|p| PlannedEntry {
        family_id: p.family_id,
        family_name: p.family_name.clone(),
        date: p.date,
        id: None,
        time: None,
        place: None,
        purpose: None,
        missed: false,
    });
    planned.chain(named).collect()
}

/// Where, in the person's language ("w domu rodziny", or the text typed).
pub fn place_text(place: &Place, t: &Translator) -> String {
    match place {
        Place::Other { text } => text.clone(),
        other => t.tr(other.message_id()),
    }
}

/// A family's code in the calendar: the last eight characters of its id.
pub fn family_code(id: EntityId) -> String {
    let text = id.0.simple().to_string();
    text[text.len() - 8..].to_uppercase()
}

/// The planned visits as an iCalendar file: each an hour long at its
/// local time (floating: the phone's own time zone), named by the
/// family's code, with the place; the family's name and the purpose only
/// `with_names`.
pub fn ics(visits: &[&ScheduledVisit], with_names: bool, t: &Translator) -> String {
    let mut calendar = Calendar::new();
    calendar.name("Asysta");
    for v in visits {
        let Ok(time) = chrono::NaiveTime::parse_from_str(&v.time, "%H:%M") else { continue };
        let start = v.date.and_time(time);
        let who = if with_names { v.family_name.clone() } else { family_code(v.family_id) };
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{}@asysta", v.id))
            .summary(&t.tr_args("cli-calendar-summary", &[("family", Arg::Str(&who))]))
            .location(&place_text(&v.place, t))
            .starts(start)
            .ends(start + chrono::Duration::hours(1));
        if with_names && !v.purpose.is_empty() {
            event.description(&v.purpose);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheduled(name: &str, date: &str, purpose: &str) -> ScheduledVisit {
        ScheduledVisit {
            id: uuid_of(name),
            family_id: uuid_of(&format!("f-{name}")),
            family_name: name.into(),
            date: date.parse().unwrap(),
            time: "09:30".into(),
            place: Place::School,
            purpose: purpose.into(),
            missed: false,
        }
    }

    /// A fixed id per name (its letters' sum in the last digits).
    fn uuid_of(text: &str) -> EntityId {
        let n: u32 = text.bytes().map(u32::from).sum();
        format!("0190f3a2-0000-7000-8000-{n:012}").parse().unwrap()
    }

    #[test]
    fn the_calendar_names_a_family_by_its_code_unless_asked() {
        let t = Translator::new(asysta_i18n::Locale::Pl);
        let visit = scheduled("Kowalscy", "2026-12-14", "Rozmowa z pedagogiem o Niebieskiej Karcie");
        let text = ics(&[&visit], false, &t);
        assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
        assert!(text.contains("DTSTART:20261214T093000"), "floating local time: {text}");
        assert!(text.contains("DTEND:20261214T103000"), "{text}");
        assert!(text.contains(&family_code(visit.family_id)), "{text}");
        assert!(!text.contains("Kowalscy") && !text.contains("Niebieskiej"), "no name, no purpose: {text}");
        let named = ics(&[&visit], true, &t);
        assert!(named.contains("Kowalscy") && named.contains("Niebieskiej"), "{named}");
    }

    #[test]
    fn a_next_contact_of_a_day_with_a_planned_visit_is_listed_once() {
        let visit = scheduled("Kowalscy", "2026-12-14", "");
        let same_day = PlannedVisit { family_id: visit.family_id, family_name: "Kowalscy".into(), date: visit.date };
        let other = PlannedVisit {
            family_id: uuid_of("f-Lisowie"),
            family_name: "Lisowie".into(),
            date: "2026-12-20".parse().unwrap(),
        };
        let entries = planned_entries(std::slice::from_ref(&visit), &[same_day, other]);
        assert_eq!(
            entries.iter().map(|e| (e.family_name.as_str(), e.id.is_some())).collect::<Vec<_>>(),
            [("Kowalscy", true), ("Lisowie", false)]
        );
    }
}
