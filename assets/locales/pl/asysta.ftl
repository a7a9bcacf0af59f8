# Asysta: Polish (the default locale).

app-title = Asysta
app-subtitle = Dokumentacja pracy asystenta rodziny
language-switch = English
lock-button = Zablokuj
loading = Wczytywanie…
retry = Spróbuj ponownie

## First start: create the workspace.
setup-title = Nowy obszar roboczy
setup-intro = Dane są szyfrowane na tym komputerze. Hasła nie da się odzyskać — zapamiętaj je lub przechowuj bezpiecznie.
field-assistant-name = Imię i nazwisko asystenta
field-centre-name = Nazwa ośrodka (OPS/GOPS/MOPS)
field-passphrase = Hasło
field-passphrase-repeat = Powtórz hasło
setup-submit = Utwórz obszar roboczy
passphrase-strength-too-short = Siła hasła: za krótkie
passphrase-strength-weak = Siła hasła: słabe
passphrase-strength-fair = Siła hasła: średnie
passphrase-strength-strong = Siła hasła: silne

## Later starts: unlock.
unlock-title = Odblokuj obszar roboczy
unlock-intro = Podaj hasło, aby otworzyć zaszyfrowane dane.
unlock-submit = Odblokuj

## Families.
families-title = Rodziny
family-count = { $count ->
    [one] { $count } rodzina
    [few] { $count } rodziny
   *[many] { $count } rodzin
}
member-count = { $count ->
    [one] { $count } osoba
    [few] { $count } osoby
   *[many] { $count } osób
}
families-empty = Nie ma jeszcze żadnej rodziny.
family-add-title = Dodaj rodzinę
field-family-name = Nazwa rodziny (nazwisko)
field-family-address = Adres
field-first-member-first-name = Imię pierwszej osoby
field-first-member-last-name = Nazwisko pierwszej osoby (jeśli inne)
family-add-submit = Dodaj rodzinę
family-added = Dodano rodzinę { $name }.
family-history-button = Historia
column-family = Rodzina
column-address = Adres
column-members = Osoby

## History (the audit trail of one record).
history-title = Historia zmian: { $name }
history-close = Zamknij
history-entry = { $time } · { $author } · urządzenie { $device } · #{ $seq }
change-workspace-created = Utworzono obszar roboczy
change-family-created = Założono kartę rodziny
change-family-updated = Zmieniono dane rodziny
change-family-deleted = Usunięto kartę rodziny
change-member-added = Dodano osobę
change-member-updated = Poprawiono dane osoby
change-member-deleted = Usunięto osobę
change-workspace-settings-set = Zmieniono ustawienia ośrodka
change-workspace-plan-areas-set = Zmieniono listę obszarów planu pracy
change-family-details-set = Zmieniono dane sprawy
change-family-status-changed = Zmieniono status rodziny
change-note-added = Dodano notatkę
change-plan-version-saved = Sporządzono wersję planu pracy
change-plan-progress-noted = Odnotowano postęp działania
change-visit-recorded = Zapisano wizytę
change-visit-updated = Poprawiono wpis w dzienniku wizyt
change-visit-deleted = Usunięto wpis z dziennika wizyt
change-conflict-resolved = Rozstrzygnięto konflikt zmian
change-event-withheld = Zmiana niedostępna na tym urządzeniu (pominięta w paczce)

## Field errors, shown next to the field.
field-error-required = To pole jest wymagane.
field-error-too-long = Za długie: najwyżej { $limit } znaków.
field-error-passphrase-too-short = Hasło musi mieć co najmniej { $limit } znaków.
field-error-passphrase-mismatch = Hasła nie są takie same.
field-error-invalid-date = Nieprawidłowa data (RRRR-MM-DD).
field-error-invalid-time = Nieprawidłowa godzina (GG:MM).
field-error-end-before-start = Koniec musi być później niż początek.
field-error-date-in-future = Data nie może być z przyszłości.
field-error-not-in-list = Wybierz jedną z dostępnych wartości.
field-error-pesel = Nieprawidłowy numer PESEL.
field-error-out-of-range = Wartość spoza dozwolonego zakresu.
settings-error-caseload-cap = Limit rodzin to od 1 do 15 (art. 15 ust. 4 ustawy o wspieraniu rodziny).
settings-error-no-visit-days = Liczba dni bez wizyty to od 0 (bez alertu) do 365.

## Errors.
error-wrong-passphrase = Nieprawidłowe hasło
error-key-file-missing = Brak pliku klucza obok bazy danych. Bez niego danych nie da się odszyfrować; przywróć plik klucza z kopii.
error-key-file-damaged = Plik klucza jest uszkodzony. Nic nie zostało zmienione; przywróć plik klucza z kopii.
error-database-missing = Brak pliku bazy danych obok pliku klucza. Przywróć bazę z kopii; nic nie zostało zmienione.
error-database-too-new = Bazę danych zapisała nowsza wersja Asysty. Zaktualizuj aplikację; baza nie została zmieniona.
error-database-damaged = Baza danych jest uszkodzona lub nie pasuje do pliku klucza. Nic nie zostało zmienione.
error-workspace-exists = Obszar roboczy już istnieje w tym katalogu; nie został nadpisany.
error-not-a-backup = To nie jest kopia zapasowa Asysty (albo jej początek jest uszkodzony). Nic nie zostało zmienione.
error-backup-damaged = Ta kopia zapasowa jest uszkodzona: jej zawartość nie zgadza się z zapisaną sumą kontrolną. Wybierz inną kopię; nic nie zostało zmienione.
error-workspace-missing = W tym katalogu nie ma obszaru roboczego. Najpierw go utwórz (asysta init).
error-locked = Obszar roboczy jest zablokowany.
error-no-viewer = Na tym komputerze nie ma programu, który otworzy ten plik (przeglądarki PDF).
error-printer-missing = Nie można przygotować wydruku: brakuje programu drukującego Asysty (asysta-typeset) albo jest uszkodzony. Zainstaluj Asystę ponownie; dane są bezpieczne.
error-not-found = Nie znaleziono rekordu.
error-invalid = Popraw zaznaczone pola.
error-storage = Nie udało się odczytać lub zapisać danych na dysku.
error-internal = Wystąpił nieoczekiwany błąd.
error-events-tampered = Zdarzenia z innego urządzenia różnią się od otrzymanych wcześniej pod tymi samymi numerami (możliwa manipulacja). Nic nie zostało zapisane.
error-events-too-new = Zdarzenia zapisała nowsza wersja Asysty. Zaktualizuj aplikację; nic nie zostało zapisane.
error-event-invalid = Zdarzenie z innego urządzenia jest uszkodzone. Nic nie zostało zapisane.
error-bundle-not-a-bundle = Plik { $file } nie jest paczką Asysty. Nic nie zostało zaimportowane.
error-bundle-wrong-recipient = Paczka { $file } jest zaadresowana do innego obszaru roboczego i nie da się jej tu odczytać. Nic nie zostało zaimportowane.
error-bundle-too-new = Paczkę { $file } zapisała nowsza wersja Asysty. Zaktualizuj aplikację; nic nie zostało zaimportowane.
error-bundle-truncated = Paczka { $file } jest niekompletna (przerwane kopiowanie?). Skopiuj ją jeszcze raz; nic nie zostało zaimportowane.
error-bundle-damaged = Paczka { $file } jest uszkodzona, niekompletna albo została zmieniona. Skopiuj ją jeszcze raz z urządzenia, które ją wysłało; nic nie zostało zaimportowane.
error-bundle-bad-signature = Podpis paczki { $file } się nie zgadza. Nic nie zostało zaimportowane.
error-device-unknown = Paczka { $file } pochodzi z urządzenia, które nie jest zarejestrowane w ośrodku ({ $name }). Porównaj odcisk { $fingerprint } z odciskiem na ekranie tego urządzenia i dopiero wtedy je zaakceptuj. Nic nie zostało zaimportowane.
error-device-keys-changed = Urządzenie, z którego pochodzi paczka { $file }, podpisało ją innym kluczem niż zaufany. Nic nie zostało zaimportowane; skontaktuj się z administratorem.
error-fingerprint-mismatch = Podany odcisk ({ $given }) nie jest odciskiem urządzenia, z którego pochodzi paczka { $file } ({ $fingerprint }). Nic nie zostało zaimportowane.
error-bundle-own = Paczka { $file } została wysłana z tego obszaru roboczego; własnych paczek się nie importuje.
error-bundle-policy = Paczka { $file } narusza zasady ośrodka: { $what ->
        [role] nadawca podaje inną rolę niż ta, z którą urządzenie zostało zarejestrowane
        [kind] zawiera zmianę, której rola urządzenia ({ $device }) nie może wprowadzać
        [family] zawiera zmianę w rodzinie, która nie jest rodziną tego asystenta ({ $device })
       *[author] zawiera zmianę zapisaną w imieniu innej osoby niż zarejestrowany użytkownik urządzenia ({ $device })
    }. Nic nie zostało zaimportowane.
error-bundle-foreign-events = Paczka { $file } zawiera nowe zdarzenia innego urządzenia niż nadawca albo zapisane w imieniu innej osoby. Nic nie zostało zaimportowane.
error-bundle-not-from-centre = Paczka { $file } nie pochodzi z ośrodka, w którym zarejestrowano ten laptop. Nic nie zostało zaimportowane.
error-not-enrolled = Ten laptop nie jest jeszcze zarejestrowany w ośrodku. Wczytaj plik rejestracji otrzymany z ośrodka.
error-wrong-role = Tej operacji nie wykonuje się w tym rodzaju obszaru roboczego (laptop asystenta albo ośrodek).
error-enrolment-invalid = To nie jest poprawny plik rejestracji ośrodka (albo jego odcisk nie zgadza się z kluczami). Nic nie zostało zmienione.
error-enrolled-elsewhere = Ten laptop jest już zarejestrowany w innym ośrodku ({ $centre }). Nic nie zostało zmienione.
error-recovery-unavailable = Tego obszaru roboczego nie można odzyskać w tym ośrodku: nie był w nim zarejestrowany. Nic nie zostało zmienione.

## The case record.
family-status-active = aktywna
family-status-closed = zakończona
family-status-monitoring = monitorowana
family-status-archived = w archiwum
phone-format = Numer telefonu może zawierać tylko cyfry, spacje, +, - i nawiasy.
case-signature-format = Sygnatura w postaci „III Nsm 123/25”.
caseload-warning = Masz { $active } z { $cap } dozwolonych aktywnych rodzin.
error-caseload-full = Osiągnięto limit aktywnych rodzin na asystenta. Zakończ pracę z inną rodziną albo poproś ośrodek o zmianę limitu.
error-status-change = Tej zmiany statusu nie można wykonać.

## Finding families by status.
status-filter-label = Status
status-filter-all = wszystkie
column-status = Status

## The case screen.
case-back = ← Lista rodzin
case-sections = Części sprawy
case-status-reason = Powód zmiany statusu: { $reason }
cancel = Anuluj
case-basis-none = Podstawa pracy nie została jeszcze wpisana.
case-basis-social-worker-request = Wniosek pracownika socjalnego z dnia { $date }
case-basis-court-order = Postanowienie sądu ({ $court }), sygn. { $signature }, z dnia { $date }

## The people of a family on the case screen.
members-title = Osoby w rodzinie
members-empty = Nie dodano jeszcze żadnej osoby.
member-column-name = Imię i nazwisko
member-edit = Popraw
member-edit-label = Popraw dane: { $name }
member-saved = Zapisano: { $name }.
duplicate-save-anyway = Zapisz mimo to

## Case details.
details-title = Dane sprawy
details-contact = Kontakt
details-phones = Telefony rodziny
details-phones-hint = Kilka numerów oddziel przecinkami.
details-social-worker-name = Pracownik socjalny
details-social-worker-phone = Telefon pracownika socjalnego
details-social-worker-email = E-mail pracownika socjalnego
details-basis = Podstawa pracy z rodziną
basis-kind = Podstawa
basis-kind-none = jeszcze nie ustalono
basis-kind-social-worker-request = wniosek pracownika socjalnego
basis-kind-court-order = postanowienie sądu
basis-interview-date = Data wywiadu środowiskowego
basis-request-date = Data wniosku pracownika socjalnego
basis-decision-date = Data decyzji kierownika ośrodka
basis-court = Sąd
basis-case-signature = Sygnatura akt
basis-order-date = Data postanowienia
details-start-date = Data rozpoczęcia pracy
details-consent-date = Data pisemnej zgody rodziny
za-zyciem = Wsparcie „Za życiem”
za-zyciem-applies = Rodzina korzysta ze wsparcia „Za życiem”
za-zyciem-request-date = Data wniosku
za-zyciem-certificate-type = Rodzaj zaświadczenia
za-zyciem-certificate-date = Data zaświadczenia
za-zyciem-support-catalogue = Katalog wsparcia
niebieska-karta = Procedura „Niebieskie Karty”
niebieska-karta-applies = Wszczęto procedurę „Niebieskie Karty”
niebieska-karta-started-on = Data wszczęcia procedury
niebieska-karta-team-contact = Zespół interdyscyplinarny lub grupa robocza (kontakt)
foster-care = Piecza zastępcza
foster-placement = Umieszczenie { $number }
foster-child = Dziecko
foster-child-none = wybierz dziecko
foster-kind = Forma pieczy
foster-kind-family = rodzinna
foster-kind-institutional = instytucjonalna
foster-place = Miejsce umieszczenia
foster-coordinator-name = Koordynator pieczy
foster-coordinator-phone = Telefon koordynatora
foster-pcpr = PCPR
foster-assistance-plan-date = Data planu pomocy dziecku
foster-no-children = Dziecko umieszczone w pieczy wybiera się spośród dzieci dodanych do rodziny.
foster-add = Dodaj umieszczenie w pieczy
foster-remove = Usuń umieszczenie
details-submit = Zapisz dane sprawy
details-saved = Zapisano dane sprawy.

## The status of the work with a family.
status-title = Zmiana statusu
status-to-active = Wznów pracę z rodziną
status-to-closed = Zakończ pracę z rodziną
status-to-monitoring = Przejdź do monitorowania
status-to-archived = Przenieś do archiwum
status-final = Karta jest w archiwum; jej status już się nie zmienia.

## Notes on a family.
notes-title = Notatki
notes-empty = Nie ma jeszcze notatek.
note-text = Treść notatki
note-restricted = Notatka poufna (nie trafia do eksportów ani wydruków)
note-restricted-label = poufna
note-meta = { $time } · { $author }
note-submit = Dodaj notatkę

## Conflicts between changes made on two devices
conflicts-none = Brak konfliktów.
conflicts-shown = (pokazywana)
conflicts-resolved = Konflikt rozstrzygnięty (zdarzenie { $event }).
conflicts-title = { $count ->
    [one] Jedno pole zmieniono na dwóch urządzeniach
    [few] { $count } pola zmieniono na dwóch urządzeniach
   *[many] { $count } pól zmieniono na dwóch urządzeniach
}
conflicts-help = Obie wersje są zachowane w historii. Wybierz, która ma obowiązywać; wybór trafi też na pozostałe urządzenia.
conflict-keep = Zachowaj tę wersję
conflict-device = urządzenie
conflict-record-settings = Ustawienia ośrodka
conflict-record-family = Rodzina
conflict-record-member = Osoba
conflict-record-note = Notatka
conflict-record-plan = Plan pracy (wersje)
conflict-record-visit = Wpis w dzienniku

## Bundles between a laptop and its centre (CLI and the sync screen).
import-summary = { $file }: nowe rekordy: { $new }, zmienione: { $updated }, zdarzenia bez zmian: { $unchanged }, wstrzymane: { $held }, konflikty: { $conflicts }
import-already = { $file }: ta paczka była już zaimportowana; nic się nie zmieniło.
import-missing = Brakuje paczki z urządzenia { $name }: zdarzenia { $first }–{ $last }. Późniejsze zdarzenia czekają na nią.
import-trusted = Urządzenie { $name } (odcisk { $fingerprint }) zostało dodane do zaufanych.
import-over-cap = { $name } ma { $active } aktywnych rodzin przy limicie { $cap }.
export-done = { $count ->
    [one] Zapisano { $file }: jedno zdarzenie.
    [few] Zapisano { $file }: { $count } zdarzenia.
   *[many] Zapisano { $file }: { $count } zdarzeń.
}
export-withheld = Pominięte treści (zastąpione znacznikami): { $count }.
enrol-done = Laptop zarejestrowany w ośrodku { $centre }. Odcisk ośrodka: { $fingerprint } — porównaj go z ekranem ośrodka.
recover-done = Obszar roboczy w { $dir } został odzyskany; otwórz go nowym hasłem.
trust-hint = Aby zaakceptować to urządzenie: asysta import --trust-device { $fingerprint } PLIK

## The app's sync screen, roles and the centre's view (issue 12).
setup-role = Rodzaj obszaru roboczego
role-assistant = Laptop asystenta rodziny
role-centre = Ośrodek (kierownik lub koordynator)
field-centre-user-name = Osoba korzystająca
sync-open = Wymiana danych
sync-back = ← Wróć do listy rodzin
sync-title = Wymiana danych z ośrodkiem
sync-this-device = To urządzenie
sync-fingerprint = Odcisk
sync-device-id = Identyfikator urządzenia
sync-pending = Niedostarczone zmiany
sync-last-export = Ostatni eksport
sync-last-import = Ostatni import
sync-held = Wstrzymane zdarzenia
sync-conflicts = Otwarte konflikty
sync-never = jeszcze nie było
sync-bundle = { $time }, { $file } ({ $count ->
    [one] jedno zdarzenie
    [few] { $count } zdarzenia
   *[many] { $count } zdarzeń
})
sync-events = { $count ->
    [one] { $count } zdarzenie
    [few] { $count } zdarzenia
   *[many] { $count } zdarzeń
}
sync-peer-last-import = Ostatnia paczka od niego
sync-peer-last-export = Ostatnia paczka dla niego
sync-export-title = Eksport paczki
sync-export-help = Paczka dla ośrodka zawiera zmiany, których ośrodek jeszcze nie ma. Zapisz ją na przykład na pendrive.
sync-export-help-centre = Każde urządzenie dostaje własną paczkę: tylko rodziny, z którymi pracuje jego asystent.
sync-export-folder = Folder, w którym zapisać paczkę
sync-export-full = Pełna paczka (wszystko, nie tylko to, czego odbiorca jeszcze nie ma)
sync-export-include-restricted = Dołącz notatki zastrzeżone (bez tego trafiają do ośrodka tylko jako znaczniki)
sync-export-submit = Eksportuj paczkę dla ośrodka
sync-export-for = Eksportuj paczkę dla: { $name }
sync-exporting = Zapisywanie paczki…
sync-progress-reading = { $count ->
    [one] Odczytano jedno zdarzenie
    [few] Odczytano { $count } zdarzenia
   *[many] Odczytano { $count } zdarzeń
}
sync-progress-sealing = { $count ->
    [one] Szyfrowanie i podpisywanie jednego zdarzenia
   *[other] Szyfrowanie i podpisywanie: { $count }
}
sync-progress-writing = Zapisywanie pliku ({ $count } B)
sync-import-title = Import paczki
sync-import-help = Wskaż plik paczki albo przeciągnij go na to okno.
sync-import-file = Plik paczki
sync-import-submit = Importuj paczkę
sync-importing = Importowanie paczki…
sync-choose = Wybierz…
sync-imported = Zaimportowano { $file } od: { $name }.
sync-report-new = Nowe rekordy
sync-report-updated = Zmienione rekordy
sync-report-unchanged = Zdarzenia bez zmian
sync-report-held = Wstrzymane (czekają na brakującą paczkę)
sync-report-conflicts = Konflikty do rozstrzygnięcia
sync-untrusted = Paczka pochodzi z urządzenia, którego ośrodek jeszcze nie zna ({ $name }). Porównaj ten odcisk z odciskiem na ekranie „Wymiana danych” tego laptopa:
sync-trust = Porównałem odcisk — zaufaj temu urządzeniu
sync-no-devices = Żadne urządzenie nie przysłało jeszcze paczki. Pierwszą paczkę z laptopa zaimportuj powyżej i potwierdź jego odcisk.
enrolment-title = Rejestracja laptopa w ośrodku
enrolment-help = Wczytaj plik rejestracji otrzymany z ośrodka. Potem porównaj odcisk ośrodka z jego ekranem.
enrolment-help-centre = Zapisz plik rejestracji i przekaż go asystentom; każdy laptop wczytuje go raz.
enrolment-centre-fingerprint = Odcisk ośrodka (asystent porównuje go na swoim laptopie):
enrolment-enrolled-with = Zarejestrowany w ośrodku:
enrolment-file-out = Folder lub plik, w którym zapisać plik rejestracji
enrolment-file-in = Plik rejestracji ośrodka
enrolment-write = Zapisz plik rejestracji
enrolment-read = Wczytaj plik rejestracji
enrolment-written = Plik rejestracji zapisany.
settings-title = Ustawienia ośrodka
settings-help = Zmiany trafią na laptopy z następną paczką.
settings-from-centre = Ustawienia przychodzą z ośrodka wraz z paczkami.
settings-caseload-cap = Limit aktywnych rodzin na asystenta
settings-no-visit-days = Dni bez wizyty, po których pojawia się ostrzeżenie
settings-save = Zapisz ustawienia
settings-saved = Zapisano: limit { $cap } rodzin, { $days } dni bez wizyty.
conflict-own-label = Albo wpisz własną wartość
conflict-own-save = Zapisz tę wartość
case-read-only = W ośrodku kartę rodziny można przeglądać i komentować, decydować o planie i ocenach oraz przydzielać asystenta; zmiany w karcie wprowadza asystent na swoim laptopie.
assistant-group = { $name } — { $active } z { $cap } aktywnych rodzin
assistant-unknown = Bez przypisanego asystenta
caseloads-title = Obciążenie asystentów
caseloads-empty = Nie ma jeszcze rodzin żadnego asystenta.

# asysta check (and the sync screen's button)
check-title = Sprawdzenie obszaru roboczego
check-help = Sprawdza plik bazy, dziennik zdarzeń i czy każda tabela jest równa odbudowie ze zdarzeń. Niczego nie zmienia.
check-run = Sprawdź obszar roboczy
check-running = Sprawdzanie…
check-ok = Wszystko się zgadza: plik bazy, dziennik zdarzeń ({ $events } { $events ->
        [one] zdarzenie
        [few] zdarzenia
       *[many] zdarzeń
    }) i każda tabela równa odbudowie ze zdarzeń.
check-table-differs = Tabela { $table } różni się od odbudowy ze zdarzeń: { $here } tylko tutaj, { $rebuilt } tylko w odbudowie.
check-failed = Sprawdzenie wykryło niezgodności (wymienione wyżej); nic nie zostało zmienione.

## Wiersz poleceń: formularze z plików JSON, identyfikatory i statusy podane jako argumenty.
cli-form-not-json = { $file } nie jest plikiem JSON ({ $error }). Nic nie zostało zmienione.
cli-form-not-object = { $file }: formularz to obiekt JSON z polami i ich wartościami. Nic nie zostało zmienione.
cli-form-unknown-field = { $file }: formularz nie ma pola „{ $field }”. Nic nie zostało zmienione.
cli-form-invalid = { $file }: pole formularza ma wartość niewłaściwego rodzaju ({ $error }). Nic nie zostało zmienione.
cli-file-unreadable = Nie można odczytać { $file } ({ $error }).
cli-file-unwritable = Nie można zapisać { $file } ({ $error }).
cli-attachment-exists = Plik { $file } już istnieje; podaj inną nazwę (Asysta nie nadpisuje plików).
cli-not-an-id = To nie jest identyfikator rekordu: { $id }
cli-unknown-status = Nieznany status „{ $status }”: użyj active, monitoring lub archived.
cli-close-needs-form = Zamknięcie pracy ma własny formularz: asysta family close ID_RODZINY --form zamkniecie.json

## Backups
backup-title = Kopie zapasowe
backup-help = Zaszyfrowana kopia obszaru roboczego powstaje po pierwszym odblokowaniu każdego dnia oraz przed każdym importem, aktualizacją i odzyskaniem. Bez hasła (albo odzyskania przez ośrodek) nikt jej nie odczyta.
backup-now = Zrób kopię teraz
backup-running = Zapisywanie kopii…
backup-made = Zapisano i sprawdzono kopię: { $path }
backup-second-folder-failed = Nie udało się skopiować do drugiego folderu: { $error }. Kopia w katalogu danych jest zapisana.
backup-none = Nie ma jeszcze żadnej kopii.
backup-list-caption = Kopie zapasowe, od najnowszej
backup-column-when = Kiedy
backup-column-reason = Powód
backup-column-size = Rozmiar
backup-column-state = Stan
backup-column-where = Gdzie
backup-reason-daily = codzienna
backup-reason-manual = na żądanie
backup-reason-import = przed importem
backup-reason-upgrade = przed aktualizacją
backup-reason-recovery = przed odzyskaniem
backup-verified = sprawdzona
backup-damaged = uszkodzona
backup-in-data-dir = katalog danych
backup-in-second-folder = drugi folder
backup-megabytes = { $size } MB
backup-second-folder = Drugi folder na kopie (pendrive, udział sieciowy; puste: brak)
backup-rotation = Ile kopii zachować
backup-daily = z ostatnich dni
backup-weekly = z ostatnich tygodni
backup-monthly = z ostatnich miesięcy
backup-settings-save = Zapisz ustawienia kopii
backup-settings-saved = Zapisano ustawienia kopii zapasowych.
restore-title = Przywróć z kopii zapasowej
restore-help = Nowy komputer po utracie poprzedniego: wskaż plik kopii (.asysta-kopia). Po przywróceniu otwórz obszar roboczy jego dotychczasowym hasłem; będzie zapisywać jako nowe urządzenie, któremu ośrodek zaufa raz, po odcisku.
restore-file = Plik kopii zapasowej
restore-submit = Przywróć
backup-folder-missing = Nie ma takiego folderu (czy nośnik jest podłączony?).
cli-backup-none = Nie ma jeszcze żadnej kopii zapasowej.
cli-backup-verified = sprawdzona
cli-backup-damaged = USZKODZONA
cli-backup-second-folder = Drugi folder
cli-backup-rotation = Zachowywane: dzienne / tygodniowe / miesięczne
cli-backup-second-folder-failed = Nie udało się skopiować do drugiego folderu: { $error } (kopia w katalogu danych jest zapisana).
cli-backup-removed = { $count ->
    [one] Usunięto { $count } starszą kopię (rotacja).
    [few] Usunięto { $count } starsze kopie (rotacja).
   *[many] Usunięto { $count } starszych kopii (rotacja).
}
cli-backup-failed = nie udało się zapisać dzisiejszej kopii zapasowej: { $error }
cli-restore-done = Przywrócono kopię z { $when } ({ $events } zdarzeń) do { $dir }. Otwórz obszar roboczy jego hasłem; od pierwszego otwarcia zapisuje jako nowe urządzenie (ośrodek zaufa mu raz, po odcisku).
cli-calendar-summary = Wizyta: { $family }
cli-visit-missed = nie odbyła się
planned-visit-past = Wizytę można zaplanować na dziś lub później.
visit-travel = Dojazd (do rozliczenia)
visit-field-travel-km = Kilometry
visit-field-travel-means = Środek transportu
travel-means-none = — brak dojazdu —
travel-means-own-car = własny samochód
travel-means-centre-car = samochód ośrodka
travel-means-public-transport = komunikacja publiczna
travel-means-bicycle = rower
travel-means-on-foot = pieszo
