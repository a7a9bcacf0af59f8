# People: members, PESEL, duplicates (owned by the people domain).

## The member form.
member-add-title = Add a person
member-edit-title = Edit person
member-first-name = First name
member-last-name = Surname
member-birth-date = Date of birth
member-sex = Sex
member-relation = Role in the family
member-pesel = PESEL
member-pesel-hint = If you enter a PESEL, the date of birth and sex are filled in from it.
member-add-submit = Add person
member-save-submit = Save changes

## Sex (as a PESEL records it).
sex-female = female
sex-male = male
sex-unspecified = not given

## Who a person is in the family.
relation-parent = parent
relation-child = child
relation-grandparent = grandparent
relation-partner = partner
relation-other = other person

## Why a PESEL was refused.
pesel-error-wrong-length = PESEL: must have 11 digits
pesel-error-not-digits = PESEL: may contain digits only
pesel-error-bad-checksum = PESEL: wrong check digit
pesel-error-bad-date = PESEL: the encoded date of birth does not exist
pesel-error-birth-date-mismatch = PESEL: does not match the date of birth
pesel-error-sex-mismatch = PESEL: does not match the sex

## Possible duplicates of a person being added.
duplicate-title = This person may already be recorded
duplicate-same-pesel = The same PESEL number
duplicate-same-name-and-birth-date = The same first name, surname and date of birth
duplicate-in-family = in the { $family } family
duplicate-add-anyway = Add anyway

## Finding families.
search-label = Search
search-placeholder = Surname, first name, PESEL or address
search-no-results = No family found.
search-result-count = { $count ->
    [one] { $count } family found
   *[other] { $count } families found
}
