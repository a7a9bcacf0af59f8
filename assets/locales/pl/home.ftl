# The home screen: alerts, planned visits, drafts to return to.

## Visit entries begun and not recorded yet.
home-drafts-title = Niedokończone wpisy w dzienniku
home-drafts-hint = Otwórz rodzinę, aby dokończyć wpis. Nic z tego, co wpisano, nie zginęło.
# $when: the date and time the draft was last saved.
home-draft-saved = zapisano { $when }

## The next planned contact with each family.
home-planned-title = Zaplanowane kontakty
home-planned-none = Brak zaplanowanych kontaktów.
home-planned-today = dziś
home-planned-overdue = termin minął

## Days since the last visit, in the family list.
column-last-visit = Ostatnia wizyta
last-visit-never = brak wizyt
last-visit-today = dziś
# $days: whole days since the visit (1 reads "wczoraj", yesterday).
last-visit-days-ago = { $days ->
    [one] wczoraj
   *[other] { $days } dni temu
}

## The visits planned ahead: missed, today and the coming week.
home-schedule-title = Plan wizyt
home-schedule-missed = Termin minął, brak wpisu
home-schedule-today = Dziś
# $date: the last day of the week shown.
home-schedule-week = Najbliższy tydzień (do { $date })
home-schedule-none = Na najbliższy tydzień nie zaplanowano wizyt.
# $count: visits planned beyond the coming week.
home-schedule-later = { $count ->
    [one] Później jeszcze { $count } wizyta.
    [few] Później jeszcze { $count } wizyty.
   *[many] Później jeszcze { $count } wizyt.
}
