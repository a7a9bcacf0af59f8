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
change-conflict-resolved = Conflict between changes resolved
change-event-withheld = A change not available on this device (left out of a bundle)

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
field-error-out-of-range = The value is out of the allowed range.
settings-error-caseload-cap = The caseload cap is 1 to 15 (art. 15 sec. 4 of the Act on supporting the family).
settings-error-no-visit-days = Days without a visit: 0 (no alert) to 365.

## Errors.
error-wrong-passphrase = Wrong passphrase
error-key-file-missing = The key file beside the database is missing. Without it the data cannot be decrypted; restore the key file from a backup.
error-key-file-damaged = The key file is damaged. Nothing was changed; restore the key file from a backup.
error-database-missing = The database file beside the key file is missing. Restore it from a backup; nothing was changed.
error-database-too-new = The database was written by a newer version of Asysta. Update the app; the database was not changed.
error-database-damaged = The database is damaged or does not match the key file. Nothing was changed.
error-workspace-exists = A workspace already exists in this directory; it was not overwritten.
error-not-a-backup = This is not an Asysta backup (or its beginning is damaged). Nothing was changed.
error-backup-damaged = This backup is damaged: its content does not match the digest it was written with. Choose another backup; nothing was changed.
error-workspace-missing = There is no workspace in this directory. Create one first (asysta init).
error-locked = The workspace is locked.
error-no-viewer = No program on this computer opens this file (a PDF viewer).
error-printer-missing = The document cannot be printed: Asysta's printer (asysta-typeset) is missing or broken. Install Asysta again; your data is safe.
error-not-found = Record not found.
error-invalid = Correct the marked fields.
error-storage = Reading or writing data on disk failed.
error-internal = An unexpected error occurred.
error-events-tampered = Events from another device differ from those received earlier under the same numbers (possible tampering). Nothing was saved.
error-events-too-new = The events were written by a newer version of Asysta. Update the app; nothing was saved.
error-event-invalid = An event from another device is damaged. Nothing was saved.
error-bundle-not-a-bundle = The file { $file } is not an Asysta bundle. Nothing was imported.
error-bundle-wrong-recipient = The bundle { $file } is addressed to another workspace and cannot be read here. Nothing was imported.
error-bundle-too-new = The bundle { $file } was written by a newer version of Asysta. Update the app; nothing was imported.
error-bundle-truncated = The bundle { $file } is incomplete (an interrupted copy?). Copy it again; nothing was imported.
error-bundle-damaged = The bundle { $file } is damaged, incomplete or was changed. Copy it again from the device that sent it; nothing was imported.
error-bundle-bad-signature = The signature of the bundle { $file } does not match. Nothing was imported.
error-device-unknown = The bundle { $file } comes from a device not enrolled at the centre ({ $name }). Compare the fingerprint { $fingerprint } with the one on that device's screen before you accept it. Nothing was imported.
error-device-keys-changed = The device the bundle { $file } comes from signed it with another key than the trusted one. Nothing was imported; contact your administrator.
error-fingerprint-mismatch = The fingerprint given ({ $given }) is not that of the device the bundle { $file } comes from ({ $fingerprint }). Nothing was imported.
error-bundle-own = The bundle { $file } was sent from this workspace; a workspace does not import its own bundles.
error-bundle-policy = The bundle { $file } breaks the centre's rules: { $what ->
        [role] its sender claims another role than the one its device was enrolled with
        [kind] it carries a change that its device's role ({ $device }) may not make
        [family] it carries a change to a family that is not this assistant's ({ $device })
       *[author] it carries a change written in the name of someone other than the device's enrolled user ({ $device })
    }. Nothing was imported.
error-bundle-foreign-events = The bundle { $file } brings new events of a device other than its sender, or written in another person's name. Nothing was imported.
error-bundle-not-from-centre = The bundle { $file } does not come from the centre this laptop is enrolled with. Nothing was imported.
error-not-enrolled = This laptop is not enrolled with a centre yet. Read the enrolment file you got from the centre.
error-wrong-role = This is not done in this kind of workspace (an assistant's laptop or a centre).
error-enrolment-invalid = This is not a valid centre enrolment file (or its fingerprint does not match its keys). Nothing was changed.
error-enrolled-elsewhere = This laptop is already enrolled with another centre ({ $centre }). Nothing was changed.
error-recovery-unavailable = This workspace cannot be recovered at this centre: it was never enrolled with it. Nothing was changed.

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

## Finding families by status.
status-filter-label = Status
status-filter-all = all
column-status = Status

## The case screen.
case-back = ← Family list
case-sections = Parts of the case
case-status-reason = Reason for the status change: { $reason }
cancel = Cancel
case-basis-none = The basis of the work is not recorded yet.
case-basis-social-worker-request = Social worker's request of { $date }
case-basis-court-order = Court order ({ $court }), case { $signature }, of { $date }

## The people of a family on the case screen.
members-title = People in the family
members-empty = No one has been added yet.
member-column-name = Name
member-edit = Correct
member-edit-label = Correct the details of { $name }
member-saved = Saved: { $name }.
duplicate-save-anyway = Save anyway

## Case details.
details-title = Case details
details-contact = Contact
details-phones = Family's phone numbers
details-phones-hint = Separate several numbers with commas.
details-social-worker-name = Social worker
details-social-worker-phone = Social worker's phone
details-social-worker-email = Social worker's email
details-basis = Basis of the work with the family
basis-kind = Basis
basis-kind-none = not settled yet
basis-kind-social-worker-request = social worker's request
basis-kind-court-order = court order
basis-interview-date = Date of the community interview
basis-request-date = Date of the social worker's request
basis-decision-date = Date of the head of the centre's decision
basis-court = Court
basis-case-signature = Case signature
basis-order-date = Date of the order
details-start-date = Start of the work
details-consent-date = Date of the family's written consent
za-zyciem = “Za życiem” support
za-zyciem-applies = The family receives “Za życiem” support
za-zyciem-request-date = Date of the request
za-zyciem-certificate-type = Type of certificate
za-zyciem-certificate-date = Date of the certificate
za-zyciem-support-catalogue = Support catalogue
niebieska-karta = “Niebieskie Karty” procedure
niebieska-karta-applies = A “Niebieskie Karty” procedure was started
niebieska-karta-started-on = Date the procedure started
niebieska-karta-team-contact = Interdisciplinary team or working group (contact)
foster-care = Foster care
foster-placement = Placement { $number }
foster-child = Child
foster-child-none = choose a child
foster-kind = Kind of care
foster-kind-family = family
foster-kind-institutional = institutional
foster-place = Placed with
foster-coordinator-name = Foster care coordinator
foster-coordinator-phone = Coordinator's phone
foster-pcpr = County family support centre (PCPR)
foster-assistance-plan-date = Date of the child's assistance plan
foster-no-children = A child placed in foster care is chosen among the children added to the family.
foster-add = Add a foster care placement
foster-remove = Remove the placement
details-submit = Save case details
details-saved = Case details saved.

## The status of the work with a family.
status-title = Change of status
status-to-active = Resume the work with the family
status-to-closed = Close the work with the family
status-to-monitoring = Move to monitoring
status-to-archived = Move to the archive
status-final = The record is archived; its status no longer changes.

## Notes on a family.
notes-title = Notes
notes-empty = No notes yet.
note-text = Note
note-restricted = Restricted note (left out of exports and printouts)
note-restricted-label = restricted
note-meta = { $time } · { $author }
note-submit = Add note

## Conflicts between changes made on two devices
conflicts-none = No conflicts.
conflicts-shown = (shown)
conflicts-resolved = Conflict resolved (event { $event }).
conflicts-title = { $count ->
    [one] One field was changed on two devices
   *[other] { $count } fields were changed on two devices
}
conflicts-help = Both versions are kept in the history. Choose the one that applies; your choice reaches the other devices too.
conflict-keep = Keep this version
conflict-device = device
conflict-record-settings = Centre settings
conflict-record-family = Family
conflict-record-member = Person
conflict-record-note = Note
conflict-record-plan = Work plan (versions)
conflict-record-visit = Diary entry

## Bundles between a laptop and its centre (CLI and the sync screen).
import-summary = { $file }: new records: { $new }, updated: { $updated }, events unchanged: { $unchanged }, held back: { $held }, conflicts: { $conflicts }
import-already = { $file }: this bundle was imported before; nothing changed.
import-missing = A bundle from the device of { $name } is missing: events { $first }–{ $last }. Later events wait for it.
import-trusted = The device of { $name } (fingerprint { $fingerprint }) is now trusted.
import-over-cap = { $name } has { $active } active families with a cap of { $cap }.
export-done = { $count ->
    [one] Wrote { $file }: one event.
   *[other] Wrote { $file }: { $count } events.
}
export-withheld = Contents left out (replaced by placeholders): { $count }.
enrol-done = This laptop is enrolled with { $centre }. The centre's fingerprint: { $fingerprint } — compare it with the centre's screen.
recover-done = The workspace in { $dir } was recovered; open it with the new passphrase.
trust-hint = To accept this device: asysta import --trust-device { $fingerprint } FILE

## The app's sync screen, roles and the centre's view (issue 12).
setup-role = Kind of workspace
role-assistant = A family assistant's laptop
role-centre = The centre (head or coordinator)
field-centre-user-name = Person using it
sync-open = Data exchange
sync-back = ← Back to the family list
sync-title = Data exchange with the centre
sync-this-device = This device
sync-fingerprint = Fingerprint
sync-device-id = Device id
sync-pending = Changes not delivered yet
sync-last-export = Last export
sync-last-import = Last import
sync-held = Events held back
sync-conflicts = Open conflicts
sync-never = none yet
sync-bundle = { $time }, { $file } ({ $count ->
    [one] one event
   *[other] { $count } events
})
sync-events = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
sync-peer-last-import = Last bundle from it
sync-peer-last-export = Last bundle for it
sync-export-title = Export a bundle
sync-export-help = The bundle for the centre holds the changes the centre does not have yet. Save it, for example, to a USB stick.
sync-export-help-centre = Each device gets its own bundle: only the families its assistant works with.
sync-export-folder = Folder to save the bundle in
sync-export-full = Full bundle (everything, not only what the receiver lacks)
sync-export-include-restricted = Include restricted notes (otherwise the centre gets only placeholders)
sync-export-submit = Export a bundle for the centre
sync-export-for = Export a bundle for { $name }
sync-exporting = Writing the bundle…
sync-progress-reading = { $count ->
    [one] Read one event
   *[other] Read { $count } events
}
sync-progress-sealing = { $count ->
    [one] Encrypting and signing one event
   *[other] Encrypting and signing { $count } events
}
sync-progress-writing = Writing the file ({ $count } B)
sync-import-title = Import a bundle
sync-import-help = Choose the bundle file or drag it onto this window.
sync-import-file = Bundle file
sync-import-submit = Import the bundle
sync-importing = Importing the bundle…
sync-choose = Choose…
sync-imported = Imported { $file } from { $name }.
sync-report-new = New records
sync-report-updated = Changed records
sync-report-unchanged = Events already here
sync-report-held = Held back (waiting for a missing bundle)
sync-report-conflicts = Conflicts to resolve
sync-untrusted = The bundle comes from a device the centre does not know yet ({ $name }). Compare this fingerprint with the one on that laptop's "Data exchange" screen:
sync-trust = I compared the fingerprint — trust this device
sync-no-devices = No device has sent a bundle yet. Import a laptop's first bundle above and confirm its fingerprint.
enrolment-title = Enrolling the laptop with the centre
enrolment-help = Read the enrolment file from the centre. Then compare the centre's fingerprint with its screen.
enrolment-help-centre = Write the enrolment file and give it to the assistants; each laptop reads it once.
enrolment-centre-fingerprint = The centre's fingerprint (the assistant compares it on the laptop):
enrolment-enrolled-with = Enrolled with the centre:
enrolment-file-out = Folder or file to write the enrolment file to
enrolment-file-in = The centre's enrolment file
enrolment-write = Write the enrolment file
enrolment-read = Read the enrolment file
enrolment-written = Enrolment file written.
settings-title = The centre's settings
settings-help = Changes reach the laptops with the next bundle.
settings-from-centre = The settings come from the centre with its bundles.
settings-caseload-cap = Active families per assistant (cap)
settings-no-visit-days = Days without a visit before a warning
settings-save = Save the settings
settings-saved = Saved: a cap of { $cap } families, { $days } days without a visit.
conflict-own-label = Or type a value of your own
conflict-own-save = Save this value
case-read-only = At the centre the case record can be read and commented on, its plan and evaluations decided and its assistant assigned; the assistant makes changes to the record on the laptop.
assistant-group = { $name } — { $active } of { $cap } active families
assistant-unknown = No assistant assigned
caseloads-title = Assistants' caseloads
caseloads-empty = No assistant has families yet.

# asysta check (and the sync screen's button)
check-title = Workspace check
check-help = Checks the database file, the event log and that every table equals a rebuild from the events. Changes nothing.
check-run = Check the workspace
check-running = Checking…
check-ok = Everything holds: the database file, the event log ({ $events } { $events ->
        [one] event
       *[other] events
    }) and every table equal to a rebuild from the events.
check-table-differs = Table { $table } differs from a rebuild from the events: { $here } only here, { $rebuilt } only in the rebuild.
check-failed = The check found differences (above); nothing was changed.

## The command line: forms read from JSON files, ids and statuses typed as arguments.
cli-form-not-json = { $file } is not JSON ({ $error }). Nothing was changed.
cli-form-not-object = { $file }: a form is a JSON object of fields and their values. Nothing was changed.
cli-form-unknown-field = { $file }: the form has no field “{ $field }”. Nothing was changed.
cli-form-invalid = { $file }: a field of the form has a value of the wrong kind ({ $error }). Nothing was changed.
cli-file-unreadable = { $file } cannot be read ({ $error }).
cli-file-unwritable = { $file } cannot be written ({ $error }).
cli-attachment-exists = { $file } exists already; give another name (Asysta does not overwrite files).
cli-not-an-id = Not a record id: { $id }
cli-unknown-status = Unknown status “{ $status }”: use active, monitoring or archived.
cli-close-needs-form = Closing the work has its own form: asysta family close FAMILY_ID --form closing.json

## Backups
backup-title = Backups
backup-help = An encrypted backup of the workspace is written after the first unlock of each day and before every import, upgrade and recovery. Nobody reads it without the passphrase (or the centre's recovery).
backup-now = Back up now
backup-running = Writing the backup…
backup-made = Backup written and checked: { $path }
backup-second-folder-failed = The copy to the second folder failed: { $error }. The backup in the data directory is written.
backup-none = There are no backups yet.
backup-list-caption = Backups, newest first
backup-column-when = When
backup-column-reason = Reason
backup-column-size = Size
backup-column-state = State
backup-column-where = Where
backup-reason-daily = daily
backup-reason-manual = on request
backup-reason-import = before an import
backup-reason-upgrade = before an upgrade
backup-reason-recovery = before a recovery
backup-verified = verified
backup-damaged = damaged
backup-in-data-dir = data directory
backup-in-second-folder = second folder
backup-megabytes = { $size } MB
backup-second-folder = A second folder for backups (USB stick, network share; empty: none)
backup-rotation = How many backups to keep
backup-daily = of recent days
backup-weekly = of recent weeks
backup-monthly = of recent months
backup-settings-save = Save backup settings
backup-settings-saved = Backup settings saved.
restore-title = Restore from a backup
restore-help = A new computer after the old one was lost: choose the backup file (.asysta-kopia). After restoring, open the workspace with its passphrase; it writes as a new device, which the centre trusts once, by its fingerprint.
restore-file = Backup file
restore-submit = Restore
backup-folder-missing = There is no such folder (is the drive plugged in?).
cli-backup-none = There are no backups yet.
cli-backup-verified = verified
cli-backup-damaged = DAMAGED
cli-backup-second-folder = Second folder
cli-backup-rotation = Kept: daily / weekly / monthly
cli-backup-second-folder-failed = The copy to the second folder failed: { $error } (the backup in the data directory is written).
cli-backup-removed = { $count ->
    [one] Removed { $count } older backup (rotation).
   *[other] Removed { $count } older backups (rotation).
}
cli-backup-failed = today's backup could not be written: { $error }
cli-restore-done = Restored the backup of { $when } ({ $events } events) into { $dir }. Open the workspace with its passphrase; from its first opening it writes as a new device (the centre trusts it once, by its fingerprint).
cli-calendar-summary = Visit: { $family }
cli-visit-missed = missed
planned-visit-past = A visit can be planned for today or later.
visit-travel = Travel (reimbursed)
visit-field-travel-km = Kilometres
visit-field-travel-means = Means of transport
travel-means-none = — no travel —
travel-means-own-car = own car
travel-means-centre-car = the centre's car
travel-means-public-transport = public transport
travel-means-bicycle = bicycle
travel-means-on-foot = on foot
