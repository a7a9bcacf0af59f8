# The course of a case: periodic evaluations, closing the work and
# monitoring, opinions for the family court, and the due dates of all three.

## Periodic evaluations of the family's situation.
evaluations-title = Periodic evaluation of the family's situation
evaluations-empty = No evaluation yet.
evaluation-new = New evaluation
evaluation-next-due = Next evaluation due by { $date }
evaluation-kind-periodic = Periodic evaluation
evaluation-kind-final = Final evaluation
evaluation-version = version { $version }
evaluation-period = { $from } – { $to }
evaluation-status-draft = draft
evaluation-status-submitted = submitted
evaluation-status-accepted = accepted
evaluation-status-returned = returned
evaluation-decision-note = Note from the head of the centre: { $note }
evaluation-corrected-by = corrected by version { $version }
evaluation-corrects = corrects version { $version }
evaluation-submitted-on = submitted { $date }
evaluation-open = Open
evaluation-form-new = New evaluation of the family's situation
# $version: the evaluation's version; $status: its status (draft, submitted…).
evaluation-form-saved = Evaluation, version { $version } ({ $status })
evaluation-prefill-hint = The form was filled in from the work plan and the visit diary of the period. Check it and complete it.
evaluation-read-only = A submitted evaluation cannot change; a correction is a new version of it.
evaluation-field-period-from = Period from
evaluation-field-period-to = Period to
evaluation-field-areas = Areas of the work with the family
evaluation-field-rating = Rating
evaluation-field-area-comment = Comment
evaluation-choose-rating = — choose a rating —
evaluation-add-area = Add an area
evaluation-choose-area = — choose an area to add —
evaluation-remove-area = Remove the area
evaluation-field-goals = Goals of the work plan
evaluation-no-goals = The work plan has no goals yet.
evaluation-field-outcome = How far the goal was reached
evaluation-field-goal-comment = Comment
evaluation-choose = — choose —
evaluation-field-family-view = The family's own view of its situation
evaluation-field-child-risks = Risks to the children
evaluation-field-cooperation = The family's cooperation with the assistant
evaluation-field-cooperation-comment = Comment on the cooperation
evaluation-field-recommendation = Recommendation
evaluation-field-recommendation-note = Grounds for the recommendation
evaluation-field-final = Final evaluation (before the work with the family ends)
evaluation-save = Save draft
evaluation-submit = Submit to the head of the centre
evaluation-close = Close
evaluation-saved = The draft evaluation was saved.
evaluation-submitted = The evaluation was submitted to the head of the centre.
evaluation-correct = Correct (new version)
evaluation-correcting = A new version of the evaluation was opened for correction.
evaluation-decision-note-label = Note to the assistant (required when returning)
evaluation-accept = Accept
evaluation-return = Return with a note
evaluation-accepted = The evaluation was accepted.
evaluation-returned = The evaluation was returned with a note.
# "Contacts in the period: 6 (9 h 30 min)".
evaluation-prefill-contacts = Contacts in the period: { $count } ({ $hours } h { $minutes } min)
case-vocabulary-failed = The centre's lists (rating scale, reasons for closing) could not be read.

## How far a goal of the plan was reached.
goal-outcome-achieved = achieved
goal-outcome-partly = partly achieved
goal-outcome-not-achieved = not achieved

## How the family cooperated.
cooperation-good = good
cooperation-partial = partial
cooperation-poor = poor

## What the assistant recommends.
recommendation-continue = continue the work
recommendation-change-plan = change the plan
recommendation-end-work = end the work
recommendation-inform-court = inform the court

## Closing the work, monitoring, the archive.
closing-title = Closing the work with the family
closing-field-on = Date the work ended
closing-field-reason = Reason for closing
closing-choose-reason = — choose a reason —
closing-field-reason-text = Description of the reason
closing-field-summary = Summary of the work with the family
closing-submit = Close the work
closing-needs-final = Submit a final evaluation before closing the work.
closing-write-final = Write the final evaluation
closing-shown-on = Work closed: { $date }
closing-shown-reason = Reason: { $reason }
closing-shown-summary = Summary of the work
case-monitoring-until = Monitored until { $date }
case-archived = Archived case — read-only

## Opinions for the family court.
opinions-title = Opinions for the court
opinions-empty = No court has asked for an opinion about this family.
opinion-new = New request from a court
opinion-request-title = A court's request for an opinion
opinion-field-court = Court
opinion-field-case-signature = Case signature
opinion-field-received-on = Date the request was received
opinion-field-due-on = Date the opinion is due
opinion-request-submit = Save the request
opinion-requested = The court's request was saved.
opinion-signature = ref. { $signature }
opinion-received = received { $date }
opinion-due = due { $date }
opinion-status-draft = in preparation
opinion-status-final = final { $date }
opinion-open = Open
opinion-text = Text of the opinion
opinion-draft-hint = The draft was written from the case, without notes. Fill in the places marked [uzupełnij].
opinion-save = Save
opinion-saved = The opinion was saved.
opinion-finalize = Approve the final version
opinion-finalize-question = The final version cannot be changed afterwards. Approve the opinion?
opinion-finalize-confirm = Yes, approve
opinion-finalized = The opinion is final (approved { $date }) and can no longer change.
opinion-close = Close
# The line of a draft opinion about one evaluation (the app writes drafts in
# Polish: opinions go to Polish courts).
opinion-evaluation-line = evaluation of { $from } – { $to } ({ $status })
opinion-evaluation-recommendation = recommendation: { $recommendation }

## Due dates on the home screen. $days is a whole number of days.
due-title = Due dates
due-none = Nothing due soon.
due-evaluation = Periodic evaluation
due-opinion = Opinion for the court ({ $signature })
due-monitoring-end = End of monitoring
due-overdue = { $days ->
    [one] { $days } day
   *[other] { $days } days
} overdue
due-in-days = in { $days ->
    [one] { $days } day
   *[other] { $days } days
}
due-today = today
due-by = by { $date }

## Refusals of the store.
error-evaluation-frozen = A submitted evaluation cannot change. To correct it, make a new version of it.
error-evaluation-not-submitted = This evaluation is not waiting for a decision.
error-final-evaluation-missing = Submit a final evaluation before closing the work.
error-opinion-locked = The opinion is final and can no longer change.
error-case-archived = The case is archived: it can only be read.
field-error-case-signature = A signature such as “III Nsm 123/25”.
settings-error-evaluation-months = Evaluations every 1 to 6 months (at least every half year).
settings-error-monitoring-months = Monitoring after closing lasts 1 to 24 months.
settings-error-lock-minutes = Lock after 1 to 240 minutes without use.

## The history of a case.
change-workspace-rating-scale-set = Rating scale changed
change-workspace-closing-reasons-set = Reasons for closing the work changed
change-evaluation-created = Evaluation of the family's situation begun
change-evaluation-updated = Draft evaluation changed
change-evaluation-submitted = Evaluation submitted to the head of the centre
change-evaluation-decided = The head of the centre decided on the evaluation
change-opinion-requested = Court's request for an opinion recorded
change-opinion-drafted = Draft opinion changed
change-opinion-finalized = Opinion for the court approved
conflict-record-evaluation = Evaluation of the family's situation
conflict-record-opinion = Opinion for the court

# A conflicting field, named as the person reads it.
conflict-field-workspace-caseload-cap = Cap of active families
conflict-field-workspace-no-visit-days = Days without a visit before an alert
conflict-field-workspace-evaluation-months = Months between evaluations
conflict-field-workspace-monitoring-months = Months of monitoring
conflict-field-workspace-lock-minutes = Minutes before the lock
conflict-field-workspace-plan-areas = Work-plan areas
conflict-field-workspace-rating-scale = Rating scale
conflict-field-workspace-closing-reasons = Reasons for closing the work
conflict-field-family-name = Family name
conflict-field-family-address = Address
conflict-field-family-status = Status
conflict-field-family-closing = Closing of the work
conflict-field-family-deleted = Deletion
conflict-field-member-first-name = First name
conflict-field-member-last-name = Surname
conflict-field-member-birth-date = Date of birth
conflict-field-member-sex = Sex
conflict-field-member-relation = Role in the family
conflict-field-member-pesel = PESEL
conflict-field-member-deleted = Deletion
conflict-field-note-text = Text of the note
conflict-field-note-restricted = Restricted note
conflict-field-visit-date = Date
conflict-field-visit-start = Start
conflict-field-visit-end = End
conflict-field-visit-place = Place
conflict-field-visit-form = Form of contact
conflict-field-visit-participants = Participants
conflict-field-visit-other-participants = Other participants
conflict-field-visit-areas = Areas
conflict-field-visit-actions-worked = Work on actions
conflict-field-visit-notes = Course of the visit
conflict-field-visit-next-planned = Next contact
conflict-field-visit-intervention = Intervention
conflict-field-visit-deleted = Deletion
conflict-field-evaluation-submitted = Submission of the evaluation
conflict-field-evaluation-decision = The head of the centre's decision
conflict-field-opinion-text = Text of the opinion
conflict-field-opinion-request = The court's request
conflict-field-opinion-finalized = Approval of the opinion
conflict-field-details = Case details (basis, consent, foster care, Za życiem, Niebieska Karta)
conflict-field-evaluation = Content of the evaluation
conflict-field-other = Another field
opinion-draft-restored = The opinion's text that was not saved came back (a draft from this computer).
evaluation-draft-restored = The evaluation form that was not saved came back (a draft from this computer).
plan-draft-restored = The plan version that was not saved came back (a draft from this computer).
conflict-deleted = deleted
conflict-kept = kept, with the changes made meanwhile

## Attachments: scans and photos kept with a case.
conflict-record-attachment = Attachment
change-attachment-added = File attached
change-attachment-removed = Attachment removed
settings-error-attachment-limit = Attachment size limit: 1 to 100 MB.
attachment-refused-empty = The file is empty.
attachment-refused-type = Only a PDF, JPEG or PNG file can be attached.
attachment-refused-wrong-type = The file's content does not match its extension (it is not a file of that type).
# $limit: the centre's limit per file, in MB.
attachment-refused-too-large = The file is larger than { $limit } MB.
attachment-refused-truncated = The file is incomplete (cut short); scan or copy it again.
attachment-refused-name = The file name is empty, too long or has characters that are not allowed.
attachment-refused-unreadable = The file cannot be read; check that it exists.
attachments-title = Attachments
attachment-none = No attachments.
attachment-add-title = Attach a file
attachment-hint = A scan or photo: PDF, JPEG or PNG. The file is kept encrypted with the case.
attachment-path = File (path)
attachment-choose = Choose…
attachment-target = Concerns
attachment-target-family = The family
# $date: the visit's date.
attachment-target-visit = Visit of { $date }
# $date: when the evaluation was written.
attachment-target-evaluation = Evaluation of { $date }
# $signature: the court case's signature.
attachment-target-opinion = Court request { $signature }
attachment-target-gone = A removed entry
attachment-restricted = Restricted (sent to the centre only with restricted notes)
attachment-restricted-badge = restricted
attachment-submit = Attach
attachment-added = File attached.
attachment-removed = Attachment removed.
attachment-open = Open
# $name: the file's name.
attachment-open-named = Open { $name }
attachment-remove = Remove
# $name: the file's name.
attachment-remove-named = Remove { $name }
attachment-remove-ask = Remove this attachment?
attachment-remove-yes = Yes, remove it
attachment-remove-no = No
