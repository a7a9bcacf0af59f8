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
