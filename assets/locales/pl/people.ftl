# People: members, PESEL, duplicates (owned by the people domain).

## The member form.
member-add-title = Dodaj osobę
member-edit-title = Zmień dane osoby
member-first-name = Imię
member-last-name = Nazwisko
member-birth-date = Data urodzenia
member-sex = Płeć
member-relation = Kim jest w rodzinie
member-pesel = PESEL
member-pesel-hint = Jeśli podasz PESEL, data urodzenia i płeć zostaną z niego uzupełnione.
member-add-submit = Dodaj osobę
member-save-submit = Zapisz zmiany

## Sex (as a PESEL records it).
sex-female = kobieta
sex-male = mężczyzna
sex-unspecified = nie podano

## Who a person is in the family.
relation-parent = rodzic
relation-child = dziecko
relation-grandparent = dziadek/babcia
relation-partner = partner/partnerka
relation-other = inna osoba

## Why a PESEL was refused.
pesel-error-wrong-length = PESEL: musi mieć 11 cyfr
pesel-error-not-digits = PESEL: może zawierać tylko cyfry
pesel-error-bad-checksum = PESEL: błędna suma kontrolna
pesel-error-bad-date = PESEL: zakodowana data urodzenia nie istnieje
pesel-error-birth-date-mismatch = PESEL: nie zgadza się z datą urodzenia
pesel-error-sex-mismatch = PESEL: nie zgadza się z płcią

## Possible duplicates of a person being added.
duplicate-title = Ta osoba może być już zapisana
duplicate-same-pesel = Ten sam numer PESEL
duplicate-same-name-and-birth-date = To samo imię, nazwisko i data urodzenia
duplicate-in-family = w rodzinie { $family }
duplicate-add-anyway = Dodaj mimo to

## Finding families.
search-label = Szukaj
search-placeholder = Nazwisko, imię, PESEL lub adres
search-no-results = Nie znaleziono żadnej rodziny.
search-result-count = { $count ->
    [one] Znaleziono { $count } rodzinę
    [few] Znaleziono { $count } rodziny
   *[many] Znaleziono { $count } rodzin
}
