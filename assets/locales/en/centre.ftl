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
