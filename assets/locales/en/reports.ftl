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
