# The visit diary screens: the list of visits, the visit form and its drafts.

## The list of visits.
visits-empty = The diary has no entries yet.
visit-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
visit-author = Entry by { $author }
visit-member-gone = person removed from the family
visit-action-gone = action not in the plan
visit-intervention-at = at { $time }

## The visit form.
visit-when-where = When and where
visit-no-plan = The family has no work plan yet, so there are no actions to tick.
visit-action-current = Now: { $status }
visit-action-status-unchanged = unchanged
visit-submit = Save entry
visit-discard = Discard draft
visit-recorded = The entry was saved in the diary.
diary-load-failed = The diary could not be loaded.

## Drafts, saved as the assistant types. $time is like "14:05".
visit-draft-saved = Draft saved at { $time }
visit-draft-failed = The draft could not be saved; the text typed is not kept yet.

## Correcting a recorded entry.
visit-correct = Correct the entry
visit-correct-title = Correcting a diary entry

## Older entries, a month at a time. $month: the month's name; $count: entries.
diary-older = Earlier entries
diary-more-months = { $count ->
    [one] Show { $count } earlier month
   *[other] Show { $count } earlier months
}
diary-fewer-months = Show only the latest months
diary-month = { $month } { $year } — { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
print-button = Print / save PDF
print-printing = Printing…
# $path: where the file was saved.
print-saved = Saved: { $path }
print-docx = Save as DOCX
print-monthly = Monthly report (PDF)

## Visits planned ahead, under the family's diary.
plan-visit-list-title = Planned visits
plan-visit-title = Plan a visit
plan-visit-time = Time
plan-visit-purpose = Purpose of the visit
plan-visit-submit = Plan
plan-visit-none = No visits planned.
plan-visit-planned = Visit planned.
plan-visit-cancelled = Visit cancelled.
plan-visit-record = Write the entry
plan-visit-cancel = Cancel visit
plan-visit-cancel-ask = Cancel this visit?
plan-visit-cancel-yes = Yes, cancel it
plan-visit-cancel-no = No
plan-visit-missed = past, no entry
visit-from-plan-title = Entry of a planned visit
# $purpose: what the visit was planned for.
visit-from-plan-purpose = Purpose: { $purpose }
