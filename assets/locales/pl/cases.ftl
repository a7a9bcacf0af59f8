# The course of a case: periodic evaluations, closing the work and
# monitoring, opinions for the family court, and the due dates of all three.

## Periodic evaluations of the family's situation.
evaluations-title = Okresowa ocena sytuacji rodziny
evaluations-empty = Nie ma jeszcze żadnej oceny.
evaluation-new = Nowa ocena
evaluation-next-due = Następna ocena do { $date }
evaluation-kind-periodic = Ocena okresowa
evaluation-kind-final = Ocena końcowa
evaluation-version = wersja { $version }
evaluation-period = { $from }–{ $to }
evaluation-status-draft = szkic
evaluation-status-submitted = złożona
evaluation-status-accepted = przyjęta
evaluation-status-returned = zwrócona
evaluation-decision-note = Uwaga kierownika: { $note }
evaluation-corrected-by = poprawiona wersją { $version }
evaluation-corrects = poprawia wersję { $version }
evaluation-submitted-on = złożona { $date }
evaluation-open = Otwórz
evaluation-form-new = Nowa ocena sytuacji rodziny
# $version: the evaluation's version; $status: its status (szkic, złożona…).
evaluation-form-saved = Ocena, wersja { $version } ({ $status })
evaluation-prefill-hint = Formularz wypełniono na podstawie planu pracy i dziennika wizyt z tego okresu. Sprawdź i uzupełnij.
evaluation-read-only = Złożonej oceny nie można już zmienić; poprawka to jej nowa wersja.
evaluation-field-period-from = Okres od
evaluation-field-period-to = Okres do
evaluation-field-areas = Obszary pracy z rodziną
evaluation-field-rating = Ocena
evaluation-field-area-comment = Komentarz
evaluation-choose-rating = — wybierz ocenę —
evaluation-add-area = Dodaj obszar
evaluation-choose-area = — wybierz obszar do dodania —
evaluation-remove-area = Usuń obszar
evaluation-field-goals = Cele planu pracy
evaluation-no-goals = Plan pracy nie ma jeszcze celów.
evaluation-field-outcome = Stopień osiągnięcia celu
evaluation-field-goal-comment = Komentarz
evaluation-choose = — wybierz —
evaluation-field-family-view = Zdanie rodziny o swojej sytuacji
evaluation-field-child-risks = Zagrożenia dla dzieci
evaluation-field-cooperation = Współpraca rodziny z asystentem
evaluation-field-cooperation-comment = Komentarz do współpracy
evaluation-field-recommendation = Rekomendacja
evaluation-field-recommendation-note = Uzasadnienie rekomendacji
evaluation-field-final = Ocena końcowa (przed zakończeniem pracy z rodziną)
evaluation-save = Zapisz szkic
evaluation-submit = Złóż do kierownika
evaluation-close = Zamknij
evaluation-saved = Zapisano szkic oceny.
evaluation-submitted = Złożono ocenę do kierownika.
evaluation-correct = Popraw (nowa wersja)
evaluation-correcting = Otwarto nową wersję oceny do poprawienia.
evaluation-decision-note-label = Uwaga dla asystenta (wymagana przy zwrocie)
evaluation-accept = Przyjmij
evaluation-return = Zwróć z uwagą
evaluation-accepted = Przyjęto ocenę.
evaluation-returned = Zwrócono ocenę z uwagą.
# "Kontakty w okresie: 6 (9 h 30 min)".
evaluation-prefill-contacts = Kontakty w okresie: { $count } ({ $hours } h { $minutes } min)
case-vocabulary-failed = Nie udało się wczytać list ośrodka (skala ocen, powody zakończenia pracy).

## How far a goal of the plan was reached.
goal-outcome-achieved = osiągnięty
goal-outcome-partly = częściowo osiągnięty
goal-outcome-not-achieved = nieosiągnięty

## How the family cooperated.
cooperation-good = dobra
cooperation-partial = częściowa
cooperation-poor = słaba

## What the assistant recommends.
recommendation-continue = kontynuować pracę
recommendation-change-plan = zmienić plan
recommendation-end-work = zakończyć pracę
recommendation-inform-court = poinformować sąd

## Closing the work, monitoring, the archive.
closing-title = Zakończenie pracy z rodziną
closing-field-on = Data zakończenia pracy
closing-field-reason = Powód zakończenia
closing-choose-reason = — wybierz powód —
closing-field-reason-text = Opis powodu
closing-field-summary = Podsumowanie pracy z rodziną
closing-submit = Zakończ pracę
closing-needs-final = Przed zakończeniem pracy złóż ocenę końcową.
closing-write-final = Napisz ocenę końcową
closing-shown-on = Zakończono pracę: { $date }
closing-shown-reason = Powód: { $reason }
closing-shown-summary = Podsumowanie pracy
case-monitoring-until = Monitoring do { $date }
case-archived = Sprawa zarchiwizowana — tylko do odczytu

## Opinions for the family court.
opinions-title = Opinie dla sądu
opinions-empty = Sąd nie prosił dotąd o opinię o tej rodzinie.
opinion-new = Nowe zapytanie sądu
opinion-request-title = Zapytanie sądu o opinię
opinion-field-court = Sąd
opinion-field-case-signature = Sygnatura akt
opinion-field-received-on = Data wpływu zapytania
opinion-field-due-on = Termin przekazania opinii
opinion-request-submit = Zapisz zapytanie
opinion-requested = Zapisano zapytanie sądu.
opinion-signature = sygn. { $signature }
opinion-received = wpłynęło { $date }
opinion-due = termin { $date }
opinion-status-draft = w przygotowaniu
opinion-status-final = ostateczna { $date }
opinion-open = Otwórz
opinion-text = Treść opinii
opinion-draft-hint = Projekt opinii przygotowano z danych sprawy, bez notatek. Uzupełnij miejsca oznaczone [uzupełnij].
opinion-save = Zapisz
opinion-saved = Zapisano opinię.
opinion-finalize = Zatwierdź wersję ostateczną
opinion-finalize-question = Wersji ostatecznej nie można już zmienić. Zatwierdzić opinię?
opinion-finalize-confirm = Tak, zatwierdź
opinion-finalized = Opinia jest ostateczna (zatwierdzona { $date }) i nie można jej już zmienić.
opinion-close = Zamknij
# The line of a draft opinion about one evaluation (always Polish: the
# opinion goes to a Polish court).
opinion-evaluation-line = ocena za okres { $from }–{ $to } ({ $status })
opinion-evaluation-recommendation = rekomendacja: { $recommendation }

## Due dates on the home screen. $days is a whole number of days.
due-title = Terminy
due-none = Brak zbliżających się terminów.
due-evaluation = Ocena okresowa
due-opinion = Opinia dla sądu ({ $signature })
due-monitoring-end = Koniec monitoringu
due-overdue = po terminie { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
}
due-in-days = za { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
}
due-today = dziś
due-by = do { $date }

## Refusals of the store.
error-evaluation-frozen = Złożonej oceny nie można zmienić. Aby ją poprawić, utwórz jej nową wersję.
error-evaluation-not-submitted = Ta ocena nie czeka na decyzję kierownika.
error-final-evaluation-missing = Przed zakończeniem pracy złóż ocenę końcową.
error-opinion-locked = Opinia jest ostateczna i nie można jej już zmienić.
error-case-archived = Sprawa jest w archiwum: można ją tylko przeglądać.
field-error-case-signature = Sygnatura w postaci „III Nsm 123/25”.
settings-error-evaluation-months = Okres między ocenami to od 1 do 6 miesięcy (ocena co najmniej co pół roku).
settings-error-monitoring-months = Monitoring po zakończeniu pracy trwa od 1 do 24 miesięcy.
settings-error-lock-minutes = Blokada po bezczynności: od 1 do 240 minut.

## The history of a case.
change-workspace-rating-scale-set = Zmieniono skalę ocen
change-workspace-closing-reasons-set = Zmieniono listę powodów zakończenia pracy
change-evaluation-created = Rozpoczęto ocenę sytuacji rodziny
change-evaluation-updated = Zmieniono szkic oceny
change-evaluation-submitted = Złożono ocenę do kierownika
change-evaluation-decided = Kierownik rozpatrzył ocenę
change-opinion-requested = Zapisano zapytanie sądu o opinię
change-opinion-drafted = Zmieniono projekt opinii
change-opinion-finalized = Zatwierdzono opinię dla sądu
conflict-record-evaluation = Ocena sytuacji rodziny
conflict-record-opinion = Opinia dla sądu

# A conflicting field, named as the person reads it.
conflict-field-workspace-caseload-cap = Limit aktywnych rodzin
conflict-field-workspace-no-visit-days = Dni bez wizyty do alertu
conflict-field-workspace-evaluation-months = Miesiące między ocenami
conflict-field-workspace-monitoring-months = Miesiące monitorowania
conflict-field-workspace-lock-minutes = Minuty do blokady
conflict-field-workspace-plan-areas = Obszary planu pracy
conflict-field-workspace-rating-scale = Skala ocen
conflict-field-workspace-closing-reasons = Powody zakończenia pracy
conflict-field-family-name = Nazwa rodziny
conflict-field-family-address = Adres
conflict-field-family-status = Status
conflict-field-family-closing = Zakończenie pracy
conflict-field-family-deleted = Usunięcie
conflict-field-member-first-name = Imię
conflict-field-member-last-name = Nazwisko
conflict-field-member-birth-date = Data urodzenia
conflict-field-member-sex = Płeć
conflict-field-member-relation = Rola w rodzinie
conflict-field-member-pesel = PESEL
conflict-field-member-deleted = Usunięcie
conflict-field-note-text = Treść notatki
conflict-field-note-restricted = Notatka poufna
conflict-field-visit-date = Data
conflict-field-visit-start = Początek
conflict-field-visit-end = Koniec
conflict-field-visit-place = Miejsce
conflict-field-visit-form = Forma kontaktu
conflict-field-visit-participants = Uczestnicy
conflict-field-visit-other-participants = Inni uczestnicy
conflict-field-visit-areas = Obszary
conflict-field-visit-actions-worked = Praca nad działaniami
conflict-field-visit-notes = Przebieg wizyty
conflict-field-visit-next-planned = Następny kontakt
conflict-field-visit-intervention = Interwencja
conflict-field-visit-deleted = Usunięcie
conflict-field-evaluation-submitted = Złożenie oceny
conflict-field-evaluation-decision = Decyzja kierownika
conflict-field-opinion-text = Treść opinii
conflict-field-opinion-request = Wniosek sądu
conflict-field-opinion-finalized = Zatwierdzenie opinii
conflict-field-details = Dane sprawy (podstawa, zgoda, piecza, „Za życiem”, Niebieska Karta)
conflict-field-evaluation = Treść oceny
conflict-field-other = Inne pole
opinion-draft-restored = Przywrócono tekst opinii, który nie został zapisany (szkic z tego komputera).
evaluation-draft-restored = Przywrócono niezapisany formularz oceny (szkic z tego komputera).
plan-draft-restored = Przywrócono niezapisaną wersję planu (szkic z tego komputera).
conflict-deleted = usunięto
conflict-kept = zachowano ze zmianami wprowadzonymi w tym czasie

## Attachments: scans and photos kept with a case.
conflict-record-attachment = Załącznik
change-attachment-added = Dołączono plik
change-attachment-removed = Usunięto załącznik
settings-error-attachment-limit = Limit wielkości załącznika: od 1 do 100 MB.
attachment-refused-empty = Plik jest pusty.
attachment-refused-type = Można dołączyć tylko plik PDF, JPEG lub PNG.
attachment-refused-wrong-type = Zawartość pliku nie zgadza się z jego rozszerzeniem (to nie jest plik tego typu).
# $limit: the centre's limit per file, in MB.
attachment-refused-too-large = Plik jest większy niż { $limit } MB.
attachment-refused-truncated = Plik jest niekompletny (ucięty); zeskanuj lub skopiuj go ponownie.
attachment-refused-name = Nazwa pliku jest pusta, za długa lub zawiera niedozwolone znaki.
attachment-refused-unreadable = Nie można odczytać pliku; sprawdź, czy istnieje.
attachments-title = Załączniki
attachment-none = Brak załączników.
attachment-add-title = Dołącz plik
attachment-hint = Skan lub zdjęcie: PDF, JPEG lub PNG. Plik jest przechowywany zaszyfrowany razem ze sprawą.
attachment-path = Plik (ścieżka)
attachment-choose = Wybierz…
attachment-target = Dotyczy
attachment-target-family = Rodzina
# $date: the visit's date.
attachment-target-visit = Wizyta z { $date }
# $date: when the evaluation was written.
attachment-target-evaluation = Ocena okresowa z { $date }
# $signature: the court case's signature.
attachment-target-opinion = Wniosek sądu { $signature }
attachment-target-gone = Usunięty wpis
attachment-restricted = Zastrzeżony (do centrum tylko razem z zastrzeżonymi notatkami)
attachment-restricted-badge = zastrzeżony
attachment-submit = Dołącz
attachment-added = Plik dołączony.
attachment-removed = Załącznik usunięty.
attachment-open = Otwórz
# $name: the file's name.
attachment-open-named = Otwórz { $name }
attachment-remove = Usuń
# $name: the file's name.
attachment-remove-named = Usuń { $name }
attachment-remove-ask = Usunąć ten załącznik?
attachment-remove-yes = Tak, usuń
attachment-remove-no = Nie
