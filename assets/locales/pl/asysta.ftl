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

## Errors.
error-wrong-passphrase = Nieprawidłowe hasło
error-key-file-missing = Brak pliku klucza obok bazy danych. Bez niego danych nie da się odszyfrować; przywróć plik klucza z kopii.
error-key-file-damaged = Plik klucza jest uszkodzony. Nic nie zostało zmienione; przywróć plik klucza z kopii.
error-database-missing = Brak pliku bazy danych obok pliku klucza. Przywróć bazę z kopii; nic nie zostało zmienione.
error-database-too-new = Bazę danych zapisała nowsza wersja Asysty. Zaktualizuj aplikację; baza nie została zmieniona.
error-database-damaged = Baza danych jest uszkodzona lub nie pasuje do pliku klucza. Nic nie zostało zmienione.
error-workspace-exists = Obszar roboczy już istnieje w tym katalogu; nie został nadpisany.
error-workspace-missing = W tym katalogu nie ma obszaru roboczego. Najpierw go utwórz (asysta init).
error-locked = Obszar roboczy jest zablokowany.
error-not-found = Nie znaleziono rekordu.
error-invalid = Popraw zaznaczone pola.
error-storage = Nie udało się odczytać lub zapisać danych na dysku.
error-internal = Wystąpił nieoczekiwany błąd.

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
