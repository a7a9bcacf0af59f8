# The home screen: alerts, planned visits, drafts to return to.

## Visit entries begun and not recorded yet.
home-drafts-title = Unfinished diary entries
home-drafts-hint = Open the family to finish the entry. Nothing that was typed has been lost.
# $when: the date and time the draft was last saved.
home-draft-saved = saved { $when }

## The next planned contact with each family.
home-planned-title = Planned contacts
home-planned-none = No contacts planned.
home-planned-today = today
home-planned-overdue = overdue

## Days since the last visit, in the family list.
column-last-visit = Last visit
last-visit-never = no visits
last-visit-today = today
# $days: whole days since the visit (1 reads "yesterday").
last-visit-days-ago = { $days ->
    [one] yesterday
   *[other] { $days } days ago
}

## The visits planned ahead: missed, today and the coming week.
home-schedule-title = Visit schedule
home-schedule-missed = Past, no entry
home-schedule-today = Today
# $date: the last day of the week shown.
home-schedule-week = The coming week (to { $date })
home-schedule-none = No visits planned for the coming week.
# $count: visits planned beyond the coming week.
home-schedule-later = { $count ->
    [one] One more visit later.
   *[other] { $count } more visits later.
}
