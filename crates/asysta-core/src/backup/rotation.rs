//! Which backups a rotation keeps: the newest of each of the last
//! `daily` days, `weekly` ISO weeks and `monthly` months that have a
//! backup, and always the [`KEEP_NEWEST`] newest of all (so that the
//! backup before this morning's import is still there after the next
//! import of the day). Pure: dates in, choices out.

use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The newest backups kept whatever their day.
pub const KEEP_NEWEST: usize = 3;

/// How many backups of each period are kept (a setting of the device).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rotation {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Default for Rotation {
    fn default() -> Rotation {
        Rotation { daily: 7, weekly: 4, monthly: 6 }
    }
}

impl Rotation {
    /// The indexes into `times` of the backups to keep. `times` are the
    /// backups' local times, in any order.
    pub fn keep(&self, times: &[NaiveDateTime]) -> BTreeSet<usize> {
        let mut newest_first: Vec<usize> = (0..times.len()).collect();
        newest_first.sort_by(|a, b| times[*b].cmp(&times[*a]).then(b.cmp(a)));
        let mut keep: BTreeSet<usize> = newest_first.iter().take(KEEP_NEWEST).copied().collect();
        let mut pick = |limit: u32, period: &dyn Fn(NaiveDateTime) -> (i32, u32)| {
            let mut seen = BTreeSet::new();
            for &i in &newest_first {
                let key = period(times[i]);
                if seen.contains(&key) {
                    continue;
                }
                if seen.len() as u32 >= limit {
                    break;
                }
                seen.insert(key);
                keep.insert(i);
            }
        };
        pick(self.daily, &|t| (t.year(), t.ordinal()));
        pick(self.weekly, &|t| {
            let week = t.iso_week();
            (week.year(), week.week())
        });
        pick(self.monthly, &|t| (t.year(), t.month()));
        keep
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn at(day: &str, hour: u32) -> NaiveDateTime {
        NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().and_hms_opt(hour, 0, 0).unwrap()
    }

    #[test]
    fn a_year_of_daily_backups_keeps_seven_days_four_weeks_and_six_months() {
        let first = at("2026-01-01", 8);
        let times: Vec<NaiveDateTime> = (0..365).map(|d| first + Duration::days(d)).collect();
        let kept = Rotation::default().keep(&times);
        let days: Vec<String> = kept.iter().map(|i| times[*i].date().to_string()).collect();
        // The last seven days (Dec 25–31), the newest day of the last four
        // ISO weeks (Dec 31, 27, 20, 13) and of the last six months (their
        // last days); the periods overlap, so 14 are kept, not 17.
        for day in ["2026-12-25", "2026-12-31", "2026-12-20", "2026-12-13", "2026-11-30", "2026-07-31"] {
            assert!(days.contains(&day.to_owned()), "{day} is kept: {days:?}");
        }
        assert!(!days.contains(&"2026-12-24".to_owned()), "the eighth day back is not: {days:?}");
        assert!(!days.contains(&"2026-06-30".to_owned()), "the seventh month back is not: {days:?}");
        assert_eq!(kept.len(), 7 + 2 + 5, "{days:?}");
    }

    #[test]
    fn several_backups_a_day_keep_the_three_newest_and_the_newest_of_each_day() {
        let times: Vec<NaiveDateTime> =
            [8, 12, 9, 10, 11].into_iter().map(|h| at("2026-12-07", h)).chain([at("2026-12-06", 20)]).collect();
        let kept = Rotation::default().keep(&times);
        assert_eq!(kept, BTreeSet::from([1, 3, 4, 5]), "12, 11 and 10 o'clock, and the day before");
        let none = Rotation { daily: 0, weekly: 0, monthly: 0 };
        assert_eq!(none.keep(&times), BTreeSet::from([1, 3, 4]), "the three newest are always kept");
        assert!(none.keep(&[]).is_empty());
    }
}
