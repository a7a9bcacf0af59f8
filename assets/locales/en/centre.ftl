# The centre steers: the register, intake, assignments and transfers,
# decisions on plan versions, comments, duplicates, the dashboard and the
# half-year figures.

error-case-handed-over = The family was handed over to another assistant: on this computer it can only be read.
error-transfer-pending = This family's transfer ({ $name }) still waits for the previous assistant's laptop to confirm it. Another transfer is possible once it is complete.
error-assignee-caseload-full = { $name } has { $active } active families on { $on } (the cap is { $cap }). Choose another assistant or close the work with one of the families.
error-already-assigned = The family already has an assistant ({ $name }). To change it, transfer the family.
error-plan-not-submitted = Version { $version } of the plan is not waiting for the centre's decision.

change-assistant-registered = Assistant entered in the register
change-assistant-updated = Register entry changed
change-family-referred = Family referred to the centre
change-family-assigned = Family assigned to an assistant
change-family-handed-over = Family's transfer acknowledged
change-plan-submitted = Plan submitted for approval
change-plan-decided = The centre decided on the plan
change-comment-added = Comment added
change-duplicates-decided = Possible duplicate family decided

employment-umowa-o-prace = employment contract
employment-umowa-o-swiadczenie-uslug = contract for services
employment-none = not stated

referral-basis-social-worker-request = social worker's request
referral-basis-court-order = court order

approval-draft = not submitted
approval-submitted = waiting for a decision
approval-approved = approved
approval-returned = returned for correction
approval-stale = decision out of date (the plan changed meanwhile)

duplicate-merge = merged
duplicate-keep-apart = different families

conflict-record-assistant = Register entry
conflict-record-comment = Comment
conflict-record-duplicate = Possible duplicate family
conflict-field-family-assignment = Assigned assistant
conflict-field-family-referral = Referral

## The command line: asysta assistant|intake|assign|transfer|plan submit|comment|duplicates.

cli-assistant-incomplete = entry to complete
cli-headcount = Assistants employed on { $date }:
cli-headcount-total = total: { $count }
cli-waiting-days = { $days ->
    [one] waiting { $days } day
   *[other] waiting { $days } days
}
cli-transfer-from = transferred from: { $name }
cli-transfer-pending = waiting for the previous assistant's laptop to confirm
cli-transfer-acknowledged = transfer confirmed { $date }
cli-transfer-done = transfer complete
cli-late-edit = change of { $date }, after the transfer's date
cli-plan-submitted = submitted { $date } ({ $name })
cli-comment-unread = [new]
cli-side-centre = centre
cli-side-assistant = assistant
cli-case-referral = Referral: { $basis } of { $date }
cli-case-assistants = The family's assistants:
cli-case-plan-approvals = Plan approvals:
cli-case-comments = Comments: { $count }, new: { $unread }
cli-case-merged-into = Merged into family { $family }
cli-notice-transfer = Family transferred: { $name } from { $date }
cli-notice-read-only = confirmed { $date }, on this computer it can only be read
cli-notice-drafts = unsaved drafts: { $count } (save them before sending a bundle)

## The centre's screens in the window: navigation, dashboard, charts,
## register, intake, transfers, duplicates, half-year report.

centre-nav-label = Centre's screens
centre-nav-dashboard = Dashboard
centre-nav-families = Families
centre-nav-register = Register of assistants
centre-nav-intake = Intake
centre-nav-transfers = Transfers
centre-nav-duplicates = Duplicates
centre-nav-report = Half-year report

centre-cancel = Cancel
centre-choose = — choose —
centre-no-assistant = no assistant
centre-family-unknown = a family not on the list (merged into another, say)
centre-whole-centre = the whole centre
centre-no-data = no data
centre-behind-close = Close the list
centre-behind-none = No family is behind this figure.
centre-alert-assistant = ({ $name })

centre-dashboard-title = Centre's dashboard
centre-dashboard-on = As of { $date }
centre-summary-title = The centre in figures
centre-cards-title = Family assistants
centre-cards-empty = No assistants yet: import a bundle from an assistant's laptop or add them to the register.
centre-summary-go-intake = Go to intake
centre-summary-go-transfers = Go to transfers
centre-summary-go-duplicates = Go to duplicates
centre-closings-by-reason = Work ended by reason
centre-attention-title = Needs attention across the centre
centre-data-as-of = data as of { $when }
centre-data-none = no data from the assistant's laptop yet
centre-of-cap = of { $cap } (cap)
centre-over-cap = over the cap
centre-breach-past = Cap exceeded in the past: { $count ->
    [one] { $count } family
   *[other] { $count } families
} at once from { $date }
centre-highest = Most at once: { $count ->
    [one] { $count } family
   *[other] { $count } families
} (from { $date })
centre-since-visits = Days since the last visit to each family
centre-no-active-families = No active families.
centre-days-since = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
centre-days = { $days ->
    [one] { $text } day
   *[other] { $text } days
}
centre-this-month = This month: { $contacts ->
    [one] { $contacts } contact
   *[other] { $contacts } contacts
}, { $hours } h
centre-months-caption = Contacts and hours by month: { $name }
centre-closed-count = Work ended: { $count ->
    [one] { $count } family
   *[other] { $count } families
}
centre-goals-share = goals achieved: { $percent }%
centre-reason-other = other reason

centre-figure-active = Active families
centre-figure-no-recent-visit = Not visited for longer than the centre allows
centre-figure-overdue-actions = Plan actions past their deadline
centre-figure-evaluations-due = Periodic evaluation due soon
centre-figure-evaluations-overdue = Periodic evaluation overdue
centre-figure-plans-missing = No work plan
centre-figure-plans-incomplete = Plan without deadlines or expected effects
centre-figure-plans-unconsulted = Plan not consulted with the social worker
centre-figure-awaiting-decision = Documents waiting for the centre's decision
centre-figure-comments-awaiting-centre = Comments waiting for the centre's answer
centre-figure-comments-awaiting-assistant = Comments waiting for the assistant's answer
centre-figure-conflicts = Open conflicts between changes
centre-figure-late-edits = Edits after the transfer date
centre-figure-court-ordered = Families obliged by a court
centre-figure-held-back = Events held back (a gap in the bundles)
centre-figure-decision-days = Median days from submission to decision
centre-figure-waiting = Families waiting for an assistant
centre-figure-pending-transfers = Transfers in progress
centre-figure-open-duplicates = Possible duplicates to decide
centre-figure-closed = Work ended (in total)
centre-figure-closed-reason = Work ended: { $reason }

centre-charts-title = Charts
centre-chart-caseload = Each assistant's active families against the cap
centre-chart-visits = Contacts with families in the last 12 months (all assistants)
centre-chart-closings = Work ended by reason (the whole centre)
centre-chart-closings-none = No family has ended its work with an assistant yet.
centre-chart-cap = cap { $cap }
centre-chart-of-cap = { $active } of { $cap }
centre-month-short-1 = Jan
centre-month-short-2 = Feb
centre-month-short-3 = Mar
centre-month-short-4 = Apr
centre-month-short-5 = May
centre-month-short-6 = Jun
centre-month-short-7 = Jul
centre-month-short-8 = Aug
centre-month-short-9 = Sep
centre-month-short-10 = Oct
centre-month-short-11 = Nov
centre-month-short-12 = Dec

centre-column-assistant = Assistant
centre-column-active = Active families
centre-column-cap = Cap
centre-column-month = Month
centre-column-contacts = Contacts
centre-column-hours = Hours
centre-column-reason = Reason
centre-column-families = Families
centre-column-employment = Form of employment
centre-column-from = From
centre-column-to = To
centre-column-fte = FTE
centre-column-devices = Laptops
centre-column-basis = Basis
centre-column-requested-on = Requested on
centre-column-waiting = Waiting
centre-column-from-assistant = From
centre-column-to-assistant = To
centre-column-effective-on = From the day
centre-column-transfer-state = State
centre-column-late-edits = Edits after the transfer date
centre-column-row = Row
centre-column-value = Figure

centre-register-title = Register of family assistants
centre-register-on = Count on the day (empty: today)
centre-headcount-today = Employed today: { $count }
centre-headcount-on = Employed on { $date }: { $count }
centre-register-empty = The register is empty.
centre-register-incomplete = entry to complete
centre-register-edit = Edit
centre-register-edit-label = Edit: { $name }
centre-register-add-title = Add an assistant to the register
centre-register-edit-title = Edit the entry: { $name }
centre-register-add = Add to the register
centre-register-save = Save the changes
centre-register-saved = Saved in the register: { $name }
centre-of-cap-short = { $active } of { $cap }
centre-field-assistant-name = Name and surname
centre-field-employment = Form of employment
centre-field-from = Employed from
centre-field-to = Employed until
centre-field-fte = Working time (e.g. 1 or 0.5)
centre-field-devices = The assistant's laptops

centre-waiting-title = Families waiting for an assistant
centre-waiting-empty = No family is waiting for an assistant.
centre-assign = Assign
centre-assign-label = Assign an assistant: { $name }
centre-assign-title = Assign an assistant to the family: { $name }
centre-field-assistant = Family assistant
centre-assistant-option = { $name } ({ $active } of { $cap })
centre-field-effective-on = From the day
centre-effective-on-hint = Empty: from today.
centre-assigned = The { $family } family has an assistant: { $name }.
centre-referral-title = A new referral
centre-field-surname = The family's surname
centre-field-basis = Basis
centre-field-requested-on = Date of the request or order
centre-field-social-worker = Social worker
centre-field-court = Court
centre-field-signature = Case signature
centre-field-note = Notes
centre-referral-submit = Take in the referral
centre-referral-added = Referral taken in: { $name }. The family waits for an assistant.

centre-transfers-title = Families transferred between assistants
centre-transfers-empty = No transfers yet.
centre-transfers-pending = In progress: { $count }
centre-transfer-pending = waiting for the laptop's acknowledgement
centre-transfer-acknowledged = acknowledged { $date }
centre-transfer-done = completed
centre-late-edits = { $count ->
    [one] { $count } edit after the transfer
   *[other] { $count } edits after the transfer
}

centre-duplicates-title = Possible duplicate families
centre-duplicates-intro = The same people entered by two assistants. “Merge”: the second family is shown as part of the first. “Different families”: the pair leaves the list to decide.
centre-duplicates-empty = No family entered twice was found.
centre-duplicates-and = and
centre-duplicates-people = The same people: { $names }
centre-duplicates-merge = Merge
centre-duplicates-keep-apart = Different families
centre-duplicates-merge-label = Merge: { $names }
centre-duplicates-apart-label = Different families: { $names }
centre-duplicates-decided = Decided: { $decision }

centre-report-title = Half-year report
centre-field-period = Period
centre-period = { $half ->
    [1] First half
   *[other] Second half
} of { $year } ({ $from } – { $to })
centre-csv-export = Save as CSV
centre-csv-saving = Saving…
centre-monthly-of = Report: { $month } ({ $name })
