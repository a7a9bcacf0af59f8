# Asysta: English (the second locale).

app-title = Asysta
app-subtitle = Family assistant's case records
language-switch = Polski
lock-button = Lock
loading = Loading…
retry = Try again

## First start: create the workspace.
setup-title = New workspace
setup-intro = Data is encrypted on this computer. The passphrase cannot be recovered — remember it or keep it safe.
field-assistant-name = Assistant's full name
field-centre-name = Centre name (OPS/GOPS/MOPS)
field-passphrase = Passphrase
field-passphrase-repeat = Repeat passphrase
setup-submit = Create workspace
passphrase-strength-too-short = Passphrase strength: too short
passphrase-strength-weak = Passphrase strength: weak
passphrase-strength-fair = Passphrase strength: fair
passphrase-strength-strong = Passphrase strength: strong

## Later starts: unlock.
unlock-title = Unlock workspace
unlock-intro = Enter the passphrase to open the encrypted data.
unlock-submit = Unlock

## Families.
families-title = Families
family-count = { $count ->
    [one] { $count } family
   *[other] { $count } families
}
member-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
families-empty = No families yet.
family-add-title = Add a family
field-family-name = Family name (surname)
field-family-address = Address
field-first-member-first-name = First person's first name
field-first-member-last-name = First person's surname (if different)
family-add-submit = Add family
family-added = Family { $name } added.
family-history-button = History
column-family = Family
column-address = Address
column-members = People

## History (the audit trail of one record).
history-title = History of changes: { $name }
history-close = Close
history-entry = { $time } · { $author } · device { $device } · #{ $seq }
change-workspace-created = Workspace created
change-family-created = Family record opened
change-family-updated = Family details changed
change-family-deleted = Family record deleted
change-member-added = Person added
change-member-updated = Person's details corrected
change-member-deleted = Person removed
change-workspace-settings-set = Centre settings changed
change-workspace-plan-areas-set = Work plan areas changed
change-family-details-set = Case details changed
change-family-status-changed = Family status changed
change-note-added = Note added
change-plan-version-saved = Work plan version drawn up
change-plan-progress-noted = Progress on an action noted
change-visit-recorded = Visit recorded
change-visit-updated = Visit diary entry corrected
change-visit-deleted = Visit diary entry deleted

## Field errors, shown next to the field.
field-error-required = This field is required.
field-error-too-long = Too long: at most { $limit } characters.
field-error-passphrase-too-short = The passphrase must have at least { $limit } characters.
field-error-passphrase-mismatch = The passphrases differ.
field-error-invalid-date = Invalid date (YYYY-MM-DD).
field-error-invalid-time = Invalid time (HH:MM).
field-error-end-before-start = The end must be after the start.
field-error-date-in-future = The date cannot be in the future.
field-error-not-in-list = Choose one of the available values.
field-error-pesel = Invalid PESEL number.

## Errors.
error-wrong-passphrase = Wrong passphrase
error-key-file-missing = The key file beside the database is missing. Without it the data cannot be decrypted; restore the key file from a backup.
error-key-file-damaged = The key file is damaged. Nothing was changed; restore the key file from a backup.
error-database-missing = The database file beside the key file is missing. Restore it from a backup; nothing was changed.
error-database-too-new = The database was written by a newer version of Asysta. Update the app; the database was not changed.
error-database-damaged = The database is damaged or does not match the key file. Nothing was changed.
error-workspace-exists = A workspace already exists in this directory; it was not overwritten.
error-workspace-missing = There is no workspace in this directory. Create one first (asysta init).
error-locked = The workspace is locked.
error-not-found = Record not found.
error-invalid = Correct the marked fields.
error-storage = Reading or writing data on disk failed.
error-internal = An unexpected error occurred.

## The case record.
family-status-active = active
family-status-closed = closed
family-status-monitoring = monitoring
family-status-archived = archived
phone-format = A phone number may contain only digits, spaces, +, - and brackets.
case-signature-format = A case signature such as “III Nsm 123/25”.
caseload-warning = You have { $active } of { $cap } allowed active families.
error-caseload-full = The cap on active families per assistant is reached. Close the work with another family or ask the centre to change the cap.
error-status-change = This status change is not allowed.
