# The half-year figures on the family assistants (docs/REPORTS.md): the
# rows as the window, the CLI, the CSV and the PDF name them.

report-title = Half-year information on the family assistants' work
report-period = Period: { $from } – { $to }
report-row-families-served = Families served by a family assistant
report-row-families-court-ordered = of them obliged by a court to work with an assistant
report-row-children = Children in the families served
report-row-families-ended = Families whose work ended
report-row-ended-reason = of them because of: { $reason }
report-row-length-up-to-1y = of them supported up to 1 year
report-row-length-1y-to-2y = of them supported from 1 to 2 years
report-row-length-over-2y = of them supported over 2 years
report-row-families-waiting = Families waiting for an assistant (at the end of the period)
report-row-assistants = Family assistants (at the end of the period)
report-row-assistants-employment-contract = of them on an employment contract
report-row-assistants-service-contract = of them on a contract for services
report-row-assistants-not-stated = of them with no form of employment stated
report-monthly-all-assistants = All family assistants

import-duplicates = { $count ->
        [one] { $count } pair of families of different assistants may be one family: decide on the list of possible duplicates.
       *[other] { $count } pairs of families of different assistants may be one family each: decide on the list of possible duplicates.
    }

# The dashboard as the CLI prints it.
report-dashboard-highest-caseload = most active families at once (over the cap)
report-dashboard-no-recent-visit = families without a recent visit
report-dashboard-overdue-actions = families with overdue actions
report-dashboard-evaluations-due = evaluations due soon
report-dashboard-evaluations-overdue = evaluations overdue
report-dashboard-plans-missing = families without a work plan
report-dashboard-plans-incomplete = plans without deadlines or expected effects
report-dashboard-plans-unconsulted = plans not consulted with the social worker
report-dashboard-awaiting-decision = documents waiting for a decision
report-dashboard-comments-awaiting-centre = comments waiting for the centre's answer
report-dashboard-comments-awaiting-assistant = comments waiting for the assistant's answer
report-dashboard-conflicts = families with conflicts to resolve
report-dashboard-late-edits = families with edits after their transfer
report-dashboard-court-ordered = families obliged by a court
report-dashboard-held-back = events held back (a gap in the numbering)
report-dashboard-month = contacts and hours this month
report-dashboard-waiting = Families waiting for an assistant
report-dashboard-pending-transfers = Transfers in progress
report-dashboard-open-duplicates = Possible duplicates to decide
report-dashboard-goals-achieved-share = Share of families whose work ended with the goals achieved
