# The work plan and the visit diary.

## The work plan with the family.
plan-title = Plan pracy z rodziną
plan-version = Wersja { $number }
plan-field-agreed-with-family-on = Data uzgodnienia z rodziną
plan-field-consultation-date = Data konsultacji z pracownikiem socjalnym
plan-field-consultation-social-worker = Pracownik socjalny
plan-field-goals = Cele
plan-field-area = Obszar
plan-field-goal = Cel
plan-field-actions = Działania
plan-field-what = Działanie
plan-field-who = Kto realizuje
plan-field-who-member-id = Członek rodziny
plan-field-who-institution = Nazwa instytucji
plan-field-deadline = Termin
plan-field-expected-effect = Oczekiwany efekt
plan-field-status = Stan realizacji
plan-error-no-goals = Plan musi mieć co najmniej jeden cel.
plan-error-goal-without-actions = Każdy cel musi mieć co najmniej jedno działanie.

## What changed between two versions of a plan.
plan-diff-goal-added = Dodano cel
plan-diff-goal-removed = Usunięto cel
plan-diff-goal-changed = Zmieniono cel
plan-diff-action-added = Dodano działanie
plan-diff-action-removed = Usunięto działanie
plan-diff-action-changed = Zmieniono działanie
plan-diff-action-moved = Przeniesiono do innego celu
plan-diff-none = Bez zmian względem poprzedniej wersji.

## Areas of the family's life (the default list; the centre can add more).
area-care-upbringing = Opieka i wychowanie dzieci
area-household = Prowadzenie gospodarstwa domowego
area-budget-debts = Budżet i zadłużenie
area-employment-education = Zatrudnienie i edukacja
area-health-addictions = Zdrowie i uzależnienia
area-housing = Sytuacja mieszkaniowa
area-school-development = Szkoła i rozwój dzieci
area-family-relations = Relacje rodzinne
area-safety = Bezpieczeństwo
area-official-matters = Sprawy urzędowe
area-free-time = Czas wolny

## How far an action has got.
action-status-planned = zaplanowane
action-status-in-progress = w trakcie
action-status-done = zrealizowane
action-status-abandoned = zaniechane

## Who carries out an action.
action-actor-member = członek rodziny
action-actor-assistant = asystent rodziny
action-actor-institution = instytucja

## The visit diary.
visit-title = Dziennik wizyt
visit-add-title = Nowy wpis w dzienniku
visit-field-date = Data
visit-field-start = Początek
visit-field-end = Koniec
visit-field-place = Miejsce
visit-field-place-other = Jakie miejsce
visit-field-form = Forma kontaktu
visit-field-participants = Obecni członkowie rodziny
visit-field-other-participants = Inne obecne osoby
visit-field-areas = Obszary pracy
visit-field-actions-worked = Działania z planu
visit-field-action-note = Notatka do działania
visit-field-action-status = Nowy stan działania
visit-field-notes = Przebieg spotkania
visit-field-next-planned = Następny planowany kontakt
visit-field-safety-concern = Zagrożenie bezpieczeństwa dziecka lub innej osoby
visit-field-intervention-observed = Co zaobserwowano
visit-field-intervention-steps = Podjęte kroki
visit-field-intervention-time = Godzina interwencji
visit-duration = { $minutes } min
visit-error-next-planned-not-after = Następny kontakt musi być zaplanowany na dzień po tej wizycie.
visit-draft-restored = Przywrócono niezapisany szkic wpisu.

## Where a contact took place.
place-home = dom rodziny
place-school = szkoła
place-court = sąd
place-office = urząd
place-clinic = przychodnia lub poradnia
place-other = inne miejsce

## The form of a contact.
contact-form-home-visit = wizyta domowa
contact-form-accompanying = towarzyszenie w instytucji
contact-form-phone-call = rozmowa telefoniczna
contact-form-consultation = konsultacja
contact-form-group-session = zajęcia grupowe

## An intervention when someone's safety is threatened.
intervention-title = Interwencja
intervention-step-police-called = wezwano policję
intervention-step-social-worker-informed = poinformowano pracownika socjalnego
intervention-step-court-informed = poinformowano sąd rodzinny
intervention-step-niebieska-karta-started = wszczęto procedurę „Niebieskie Karty”
intervention-step-child-placed = dziecko umieszczono w pieczy zastępczej
intervention-error-no-steps = Zaznacz co najmniej jeden podjęty krok.

## Alerts on the home screen. $days is a number of days.
alert-title = Wymaga uwagi
alert-none = Nic nie wymaga teraz uwagi.
# "od 1 dnia", "od 2 dni", "od 5 dni": the genitive after "od".
alert-no-visit = Brak wizyty od { $days ->
    [one] { $days } dnia
   *[other] { $days } dni
}
alert-never-visited = Jeszcze żadnej wizyty
# $what: the action; $deadline: its deadline, as formatted by the UI.
alert-action-overdue = { $what }: { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
} po terminie ({ $deadline })

## The plan section of the case screen.
plan-empty = Nie ma jeszcze planu pracy z tą rodziną.
plan-create = Sporządź plan
plan-new-version = Nowa wersja planu
plan-editor-title = Wersja { $number } planu
plan-editor-hint = Zmiany zapisują się jako nowa wersja; wcześniejsze wersje pozostają do wglądu.
plan-save = Zapisz wersję { $number }
plan-saved = Zapisano wersję { $number } planu.
plan-goal-legend = Cel { $number }
plan-action-legend = Działanie { $number }
plan-add-goal = Dodaj cel
plan-remove-goal = Usuń cel
plan-add-action = Dodaj działanie
plan-remove-action = Usuń działanie
plan-choose-area = — wybierz obszar —
plan-choose-who = — wybierz —
plan-choose-member = — wybierz osobę —
plan-version-select = Pokaż wersję
plan-agreed-on = Uzgodniono z rodziną: { $date }
plan-not-agreed = Jeszcze nie uzgodniono z rodziną.
plan-consulted = Konsultacja z pracownikiem socjalnym: { $date }, { $name }
plan-not-consulted = Jeszcze nie konsultowano z pracownikiem socjalnym.
plan-deadline-none = bez terminu
plan-overdue = po terminie
plan-earlier-version = To wcześniejsza wersja planu; obowiązuje wersja { $number }.
plan-compare = Porównaj wersje
plan-compare-from = Wersja wcześniejsza
plan-compare-to = Wersja późniejsza
plan-compare-close = Zamknij porównanie
plan-diff-title = Zmiany od wersji { $old } do wersji { $new }
plan-areas-failed = Nie udało się wczytać obszarów planu.

## The rest of an action's progress notes, on request. $count: how many.
plan-notes-more = Pokaż wcześniejsze notatki ({ $count })
plan-notes-fewer = Pokaż tylko ostatnią notatkę
