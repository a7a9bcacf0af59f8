# The centre's steering as a case shows it: a plan version submitted,
# approved or returned; comments beside the records; who works with the
# family, its referral, assigning and transferring it; a family in
# transfer or handed over. (The centre's own screens: centre.ftl.)

## The plan version in force and the centre's decision

plan-approval-label = Approval by the centre:
plan-approval-submitted-on = Submitted for approval on { $date } ({ $name }).
plan-approval-decided-by = Decided by { $name } on { $date }.
plan-approval-note = The centre's note: { $note }
plan-approval-stale-detail = { $decision } ({ $name }, { $date }) was not applied.
plan-approval-decision-accepted = The approval
plan-approval-decision-returned = The return for correction
plan-approval-returned-hint = Correct the plan: save a new version of it ("New plan version"), then submit it for approval again.
plan-approval-previous-returned = The centre returned version { $number } for correction: { $note }
plan-approval-travels = The plan reaches the centre with the next data bundle.
plan-submit-approval = Submit for approval
plan-submitted-status = Version { $number } of the plan submitted for approval.
plan-decision-title = The centre's decision on version { $number }
plan-decision-note = Note on the plan (required when returning it)
plan-decision-note-required = Say what must be corrected: a return for correction needs a note.
plan-approve = Approve
plan-return = Return for correction
plan-approved-status = Version { $number } of the plan approved.
plan-returned-status = Version { $number } of the plan returned for correction.
plan-submit-not-latest = Only the plan version in force (the latest) can be submitted for approval.
plan-submit-already = This plan version has already been submitted for approval.

## The laptop's home screen

home-decisions-title = The centre's decisions on plans
home-decision-returned = plan (version { $version }) returned for correction on { $date }: { $note }
home-decision-approved = plan (version { $version }) approved on { $date }

## Comments beside the records

comments-toggle = { $count ->
    [0] Comment
   *[other] Comments ({ $count })
}
comments-about-family = Comments on the family
comments-about-goal = Comments on the plan's goal
comments-about-action = Comments on the action
comments-about-visit = Comments on the diary entry
comments-about-evaluation = Comments on the evaluation
comments-about-plan = Comments on the plan
comments-about-record = Comments
comments-unread = { $count } new
comments-new-announcement = { $count ->
    [one] There is { $count } new comment in this case.
   *[other] There are { $count } new comments in this case.
}
comments-go-to = Go to:
comment-side-centre = centre
comment-side-assistant = family assistant
comment-new = new
comment-reply = Reply
comment-reply-to = In reply to a comment by { $author }
comment-replying = Replying to a comment by { $author }
comment-reply-cancel = Cancel the reply
comment-text = Your comment
comment-reply-text = Your reply
comment-submit = Add the comment
comment-added = Comment added. It reaches the other side with the next data bundle.

## Who works with the family

assignment-title = Family assistant
assignment-waiting = The family is waiting for an assistant.
assignment-current = Now: { $name } (since { $date })
assignment-history = Assignment history
assignment-column-assistant = Assistant
assignment-column-from = From
assignment-column-until = Until
assignment-column-how = Assignment
assignment-until-now = still
assignment-own = taken on by the assistant
assignment-assigned = assigned by the centre
assignment-transfer-from = transferred from { $name }
assignment-handed-over = transfer acknowledged on { $date }
assignment-pending = transfer waiting for the laptop's acknowledgement
referral-title = Referral
referral-line = { $basis } of { $date }
referral-social-worker = Social worker: { $name }
referral-court = { $court }, case { $signature }
referral-note = Note: { $note }
assign-open = Assign an assistant
transfer-open = Transfer to another assistant
assign-form-title = Assigning an assistant
transfer-form-title = Transferring the family to another assistant
assign-assistant = Assistant
assign-choose = — choose an assistant —
assign-assistant-option = { $name } (active families: { $active } of { $cap })
assign-on = From
assign-on-hint = Left empty: from today.
assign-submit = Assign
transfer-submit = Record the transfer
assign-cancel = Cancel
assistants-loading = Reading the register of assistants…
assistants-failed = The register of assistants could not be read.
assistants-none = There is no other assistant in the register.
assigned-status = The family was assigned to { $name }.
transferred-status = The transfer to { $name } was recorded. The previous assistant's laptop acknowledges it in its next data bundle.
transfer-on-before-current = A transfer cannot take effect before the current assignment began.

## A family in transfer, on the old laptop

transfer-banner-leaving = The family is being transferred to { $name } from { $date }.
transfer-banner-next-bundle = The next data bundle for the centre acknowledges the transfer. From then on the family can only be viewed on this computer.
transfer-banner-drafts = { $count ->
    [one] This computer holds { $count } unsent draft of this family. Finish and save it before writing the data bundle: it cannot be saved afterwards.
   *[other] This computer holds { $count } unsent drafts of this family. Finish and save them before writing the data bundle: they cannot be saved afterwards.
}
transfer-handed-over = The family was handed over to { $name } ({ $date }). It can only be viewed on this computer; the new assistant makes the changes.
