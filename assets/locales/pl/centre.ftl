# The centre steers: the register, intake, assignments and transfers,
# decisions on plan versions, comments, duplicates, the dashboard and the
# half-year figures.

error-case-handed-over = Rodzina została przekazana innemu asystentowi: na tym komputerze można ją tylko przeglądać.
error-transfer-pending = Przekazanie tej rodziny ({ $name }) czeka jeszcze na potwierdzenie z laptopa poprzedniego asystenta. Kolejne przekazanie będzie możliwe po jego zakończeniu.
error-assignee-caseload-full = { $name } ma na dzień { $on } aktywnych rodzin: { $active } (limit: { $cap }). Wybierz innego asystenta albo zakończ pracę z jedną z rodzin.
error-already-assigned = Rodzina ma już asystenta ({ $name }). Aby ją zmienić, przekaż rodzinę.
error-plan-not-submitted = Wersja { $version } planu nie czeka na decyzję ośrodka.

change-assistant-registered = Wpisano asystenta do rejestru
change-assistant-updated = Zmieniono wpis w rejestrze asystentów
change-family-referred = Przyjęto zgłoszenie rodziny
change-family-assigned = Przydzielono rodzinę asystentowi
change-family-handed-over = Potwierdzono przekazanie rodziny
change-plan-submitted = Przekazano plan do zatwierdzenia
change-plan-decided = Ośrodek podjął decyzję w sprawie planu
change-comment-added = Dodano komentarz
change-duplicates-decided = Rozstrzygnięto możliwy duplikat rodziny

employment-umowa-o-prace = umowa o pracę
employment-umowa-o-swiadczenie-uslug = umowa o świadczenie usług
employment-none = nie podano

referral-basis-social-worker-request = wniosek pracownika socjalnego
referral-basis-court-order = postanowienie sądu

approval-draft = nieprzekazany
approval-submitted = czeka na decyzję
approval-approved = zatwierdzony
approval-returned = zwrócony do poprawy
approval-stale = decyzja nieaktualna (plan zmieniono w międzyczasie)

duplicate-merge = połączono
duplicate-keep-apart = to różne rodziny

conflict-record-assistant = Wpis w rejestrze asystentów
conflict-record-comment = Komentarz
conflict-record-duplicate = Możliwy duplikat rodziny
conflict-field-family-assignment = Przydział asystenta
conflict-field-family-referral = Zgłoszenie

## The command line: asysta assistant|intake|assign|transfer|plan submit|comment|duplicates.

cli-assistant-incomplete = wpis do uzupełnienia
cli-headcount = Asystenci zatrudnieni { $date }:
cli-headcount-total = razem: { $count }
cli-waiting-days = { $days ->
    [one] czeka { $days } dzień
   *[other] czeka { $days } dni
}
cli-transfer-from = przekazana przez: { $name }
cli-transfer-pending = czeka na potwierdzenie z laptopa poprzedniego asystenta
cli-transfer-acknowledged = przekazanie potwierdzone { $date }
cli-transfer-done = przekazanie zakończone
cli-late-edit = zmiana z { $date }, po dacie przekazania
cli-plan-submitted = przekazany { $date } ({ $name })
cli-comment-unread = [nowy]
cli-side-centre = ośrodek
cli-side-assistant = asystent
cli-case-referral = Zgłoszenie: { $basis } z { $date }
cli-case-assistants = Asystenci rodziny:
cli-case-plan-approvals = Zatwierdzanie planu:
cli-case-comments = Komentarze: { $count }, nowe: { $unread }
cli-case-merged-into = Połączona z rodziną { $family }
cli-notice-transfer = Przekazanie rodziny: { $name } od { $date }
cli-notice-read-only = potwierdzone { $date }, na tym komputerze można ją tylko przeglądać
cli-notice-drafts = niezapisane szkice: { $count } (zapisz je przed wysłaniem paczki)

## The centre's screens in the window: navigation, dashboard, charts,
## register, intake, transfers, duplicates, half-year report.

centre-nav-label = Ekrany ośrodka
centre-nav-dashboard = Pulpit
centre-nav-families = Rodziny
centre-nav-register = Rejestr asystentów
centre-nav-intake = Przyjęcia
centre-nav-transfers = Przekazania
centre-nav-duplicates = Duplikaty
centre-nav-report = Sprawozdanie półroczne

centre-cancel = Anuluj
centre-choose = — wybierz —
centre-no-assistant = bez asystenta
centre-family-unknown = rodzina spoza listy (np. połączona z inną)
centre-whole-centre = cały ośrodek
centre-no-data = brak danych
centre-behind-close = Zamknij listę
centre-behind-none = Za tą liczbą nie stoi żadna rodzina.
# $name: the family's assistant.
centre-alert-assistant = ({ $name })

centre-dashboard-title = Pulpit ośrodka
centre-dashboard-on = Stan na { $date }
centre-summary-title = Ośrodek w liczbach
centre-cards-title = Asystenci rodziny
centre-cards-empty = Nie ma jeszcze asystentów: przyjmij paczkę z laptopa asystenta albo dodaj go w rejestrze.
centre-summary-go-intake = Przejdź do przyjęć
centre-summary-go-transfers = Przejdź do przekazań
centre-summary-go-duplicates = Przejdź do duplikatów
centre-closings-by-reason = Zakończenia pracy według powodu
centre-attention-title = Wymaga uwagi w całym ośrodku
# $when: when the last bundle from the assistant's laptop arrived.
centre-data-as-of = dane z dnia { $when }
centre-data-none = brak danych z laptopa asystenta
centre-of-cap = z { $cap } (limit)
centre-over-cap = ponad limit
# $count: the highest caseload; $date: the first day it was reached.
centre-breach-past = Limit przekroczony w przeszłości: { $count ->
    [one] { $count } rodzina
    [few] { $count } rodziny
   *[many] { $count } rodzin
} naraz od { $date }
centre-highest = Najwięcej naraz: { $count ->
    [one] { $count } rodzina
    [few] { $count } rodziny
   *[many] { $count } rodzin
} (od { $date })
centre-since-visits = Dni od ostatniej wizyty w każdej rodzinie
centre-no-active-families = Brak aktywnych rodzin.
centre-days-since = { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
}
# $text: the number as written (it may have a decimal part).
centre-days = { $days ->
    [one] { $text } dzień
    [few] { $text } dni
    [many] { $text } dni
   *[other] { $text } dnia
}
# $hours: hours with one decimal, as written.
centre-this-month = W tym miesiącu: { $contacts ->
    [one] { $contacts } kontakt
    [few] { $contacts } kontakty
   *[many] { $contacts } kontaktów
}, { $hours } godz.
centre-months-caption = Kontakty i godziny w miesiącach: { $name }
centre-closed-count = Zakończona praca: { $count ->
    [one] { $count } rodzina
    [few] { $count } rodziny
   *[many] { $count } rodzin
}
centre-goals-share = z osiągnięciem celów: { $percent }%
centre-reason-other = inny powód

centre-figure-active = Aktywne rodziny
centre-figure-no-recent-visit = Bez wizyty dłużej, niż przewiduje ośrodek
centre-figure-overdue-actions = Działania planu po terminie
centre-figure-evaluations-due = Ocena okresowa wkrótce
centre-figure-evaluations-overdue = Ocena okresowa po terminie
centre-figure-plans-missing = Bez planu pracy
centre-figure-plans-incomplete = Plan bez terminów lub oczekiwanych efektów
centre-figure-plans-unconsulted = Plan bez konsultacji z pracownikiem socjalnym
centre-figure-awaiting-decision = Dokumenty czekające na decyzję ośrodka
centre-figure-comments-awaiting-centre = Komentarze czekające na odpowiedź ośrodka
centre-figure-comments-awaiting-assistant = Komentarze czekające na odpowiedź asystenta
centre-figure-conflicts = Otwarte konflikty zmian
centre-figure-late-edits = Zmiany po dacie przekazania
centre-figure-court-ordered = Rodziny zobowiązane przez sąd
centre-figure-held-back = Wstrzymane zdarzenia (luka w paczkach)
centre-figure-decision-days = Mediana dni od przekazania do decyzji
centre-figure-waiting = Rodziny czekające na asystenta
centre-figure-pending-transfers = Przekazania w toku
centre-figure-open-duplicates = Możliwe duplikaty do rozstrzygnięcia
centre-figure-closed = Zakończona praca (ogółem)
# $reason: the closing reason's name.
centre-figure-closed-reason = Zakończona praca: { $reason }

centre-charts-title = Wykresy
centre-chart-caseload = Aktywne rodziny każdego asystenta wobec limitu
centre-chart-visits = Kontakty z rodzinami w ostatnich 12 miesiącach (wszyscy asystenci)
centre-chart-closings = Zakończenia pracy według powodu (cały ośrodek)
centre-chart-closings-none = Żadna rodzina nie zakończyła jeszcze pracy z asystentem.
centre-chart-cap = limit { $cap }
centre-chart-of-cap = { $active } z { $cap }
centre-month-short-1 = sty
centre-month-short-2 = lut
centre-month-short-3 = mar
centre-month-short-4 = kwi
centre-month-short-5 = maj
centre-month-short-6 = cze
centre-month-short-7 = lip
centre-month-short-8 = sie
centre-month-short-9 = wrz
centre-month-short-10 = paź
centre-month-short-11 = lis
centre-month-short-12 = gru

centre-column-assistant = Asystent
centre-column-active = Aktywne rodziny
centre-column-cap = Limit
centre-column-month = Miesiąc
centre-column-contacts = Kontakty
centre-column-hours = Godziny
centre-column-reason = Powód
centre-column-families = Rodziny
centre-column-employment = Forma zatrudnienia
centre-column-from = Od
centre-column-to = Do
centre-column-fte = Etat
centre-column-devices = Laptopy
centre-column-basis = Podstawa
centre-column-requested-on = Data wniosku
centre-column-waiting = Oczekuje
centre-column-from-assistant = Od asystenta
centre-column-to-assistant = Do asystenta
centre-column-effective-on = Od dnia
centre-column-transfer-state = Stan
centre-column-late-edits = Zmiany po dacie przekazania
centre-column-row = Wiersz
centre-column-value = Liczba

centre-register-title = Rejestr asystentów rodziny
centre-register-on = Licz na dzień (puste: dziś)
centre-headcount-today = Zatrudnieni dziś: { $count }
centre-headcount-on = Zatrudnieni na dzień { $date }: { $count }
centre-register-empty = Rejestr jest pusty.
centre-register-incomplete = wpis do uzupełnienia
centre-register-edit = Zmień
centre-register-edit-label = Zmień: { $name }
centre-register-add-title = Dodaj asystenta do rejestru
centre-register-edit-title = Zmień wpis: { $name }
centre-register-add = Dodaj do rejestru
centre-register-save = Zapisz zmiany
centre-register-saved = Zapisano w rejestrze: { $name }
centre-of-cap-short = { $active } z { $cap }
centre-field-assistant-name = Imię i nazwisko
centre-field-employment = Forma zatrudnienia
centre-field-from = Zatrudniony od
centre-field-to = Zatrudniony do
centre-field-fte = Wymiar etatu (np. 1 albo 0,5)
centre-field-devices = Laptopy asystenta

centre-waiting-title = Rodziny czekające na asystenta
centre-waiting-empty = Żadna rodzina nie czeka na przydzielenie asystenta.
centre-assign = Przydziel
centre-assign-label = Przydziel asystenta: { $name }
centre-assign-title = Przydziel asystenta rodzinie: { $name }
centre-field-assistant = Asystent rodziny
centre-assistant-option = { $name } ({ $active } z { $cap })
centre-field-effective-on = Od dnia
centre-effective-on-hint = Puste pole: od dziś.
centre-assigned = Rodzina { $family } ma asystenta: { $name }.
centre-referral-title = Nowe zgłoszenie rodziny
centre-field-surname = Nazwisko rodziny
centre-field-basis = Podstawa
centre-field-requested-on = Data wniosku lub postanowienia
centre-field-social-worker = Pracownik socjalny
centre-field-court = Sąd
centre-field-signature = Sygnatura akt
centre-field-note = Uwagi
centre-referral-submit = Przyjmij zgłoszenie
centre-referral-added = Przyjęto zgłoszenie: { $name }. Rodzina czeka na asystenta.

centre-transfers-title = Przekazania rodzin między asystentami
centre-transfers-empty = Nie było jeszcze przekazań.
centre-transfers-pending = W toku: { $count }
centre-transfer-pending = czeka na potwierdzenie z laptopa
centre-transfer-acknowledged = potwierdzone { $date }
centre-transfer-done = zakończone
centre-late-edits = { $count ->
    [one] { $count } zmiana po przekazaniu
    [few] { $count } zmiany po przekazaniu
   *[many] { $count } zmian po przekazaniu
}

centre-duplicates-title = Możliwe duplikaty rodzin
centre-duplicates-intro = Te same osoby wpisane przez dwóch asystentów. „Połącz”: druga rodzina zostanie pokazana jako część pierwszej. „To różne rodziny”: para zniknie z listy do rozstrzygnięcia.
centre-duplicates-empty = Nie znaleziono rodzin wpisanych dwa razy.
centre-duplicates-and = i
centre-duplicates-people = Te same osoby: { $names }
centre-duplicates-merge = Połącz
centre-duplicates-keep-apart = To różne rodziny
centre-duplicates-merge-label = Połącz: { $names }
centre-duplicates-apart-label = To różne rodziny: { $names }
centre-duplicates-decided = Rozstrzygnięto: { $decision }

centre-report-title = Sprawozdanie półroczne
centre-field-period = Okres
# $half: 1 or 2.
centre-period = { $half ->
    [1] I półrocze
   *[other] II półrocze
} { $year } ({ $from } – { $to })
centre-csv-export = Zapisz jako CSV
centre-csv-saving = Zapisywanie…
# A button: one assistant's monthly report as a PDF.
centre-monthly-of = Sprawozdanie: { $month } ({ $name })
