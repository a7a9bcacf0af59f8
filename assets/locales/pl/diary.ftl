# The visit diary screens: the list of visits, the visit form and its drafts.

## The list of visits.
visits-empty = W dzienniku nie ma jeszcze wpisów.
visit-count = { $count ->
    [one] { $count } wpis
    [few] { $count } wpisy
   *[many] { $count } wpisów
}
visit-author = Wpis: { $author }
visit-member-gone = osoba usunięta z rodziny
visit-action-gone = działanie spoza planu
visit-intervention-at = o godz. { $time }

## The visit form.
visit-when-where = Kiedy i gdzie
visit-no-plan = Rodzina nie ma jeszcze planu pracy, więc nie ma działań do zaznaczenia.
visit-action-current = Obecnie: { $status }
visit-action-status-unchanged = bez zmian
visit-submit = Zapisz wpis
visit-discard = Odrzuć szkic
visit-recorded = Zapisano wpis w dzienniku.
diary-load-failed = Nie udało się wczytać dziennika.

## Drafts, saved as the assistant types. $time is like "14:05".
visit-draft-saved = Szkic zapisany o { $time }
visit-draft-failed = Nie udało się zapisać szkicu, a wpisany tekst nie jest jeszcze zachowany.

## Correcting a recorded entry.
visit-correct = Popraw wpis
visit-correct-title = Poprawa wpisu w dzienniku

## Older entries, a month at a time. $month: the month's name; $count: entries.
diary-older = Wcześniejsze wpisy
diary-more-months = { $count ->
    [one] Pokaż jeszcze { $count } wcześniejszy miesiąc
    [few] Pokaż jeszcze { $count } wcześniejsze miesiące
   *[many] Pokaż jeszcze { $count } wcześniejszych miesięcy
}
diary-fewer-months = Pokaż tylko ostatnie miesiące
diary-month = { $month } { $year } — { $count ->
    [one] { $count } wpis
    [few] { $count } wpisy
   *[many] { $count } wpisów
}
month-1 = styczeń
month-2 = luty
month-3 = marzec
month-4 = kwiecień
month-5 = maj
month-6 = czerwiec
month-7 = lipiec
month-8 = sierpień
month-9 = wrzesień
month-10 = październik
month-11 = listopad
month-12 = grudzień
print-button = Drukuj / zapisz PDF
print-printing = Drukowanie…
# $path: where the file was saved.
print-saved = Zapisano: { $path }
print-docx = Zapisz jako DOCX
print-monthly = Sprawozdanie miesięczne (PDF)

## Visits planned ahead, under the family's diary.
plan-visit-list-title = Zaplanowane wizyty
plan-visit-title = Zaplanuj wizytę
plan-visit-time = Godzina
plan-visit-purpose = Cel wizyty
plan-visit-submit = Zaplanuj
plan-visit-none = Brak zaplanowanych wizyt.
plan-visit-planned = Wizyta zaplanowana.
plan-visit-cancelled = Wizyta odwołana.
plan-visit-record = Wpisz przebieg
plan-visit-cancel = Odwołaj
plan-visit-cancel-ask = Odwołać tę wizytę?
plan-visit-cancel-yes = Tak, odwołaj
plan-visit-cancel-no = Nie
plan-visit-missed = termin minął, brak wpisu
visit-from-plan-title = Wpis z zaplanowanej wizyty
# $purpose: what the visit was planned for.
visit-from-plan-purpose = Cel wizyty: { $purpose }
