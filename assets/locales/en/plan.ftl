# The work plan and the visit diary.

## The work plan with the family.
plan-title = Work plan with the family
plan-version = Version { $number }
plan-field-agreed-with-family-on = Agreed with the family on
plan-field-consultation-date = Consulted with the social worker on
plan-field-consultation-social-worker = Social worker
plan-field-goals = Goals
plan-field-area = Area
plan-field-goal = Goal
plan-field-actions = Actions
plan-field-what = Action
plan-field-who = Carried out by
plan-field-who-member-id = Family member
plan-field-who-institution = Name of the institution
plan-field-deadline = Deadline
plan-field-expected-effect = Expected effect
plan-field-status = Status
plan-error-no-goals = The plan needs at least one goal.
plan-error-goal-without-actions = Every goal needs at least one action.

## What changed between two versions of a plan.
plan-diff-goal-added = Goal added
plan-diff-goal-removed = Goal removed
plan-diff-goal-changed = Goal changed
plan-diff-action-added = Action added
plan-diff-action-removed = Action removed
plan-diff-action-changed = Action changed
plan-diff-action-moved = Moved to another goal
plan-diff-none = No changes from the previous version.

## Areas of the family's life (the default list; the centre can add more).
area-care-upbringing = Care and upbringing of children
area-household = Running the household
area-budget-debts = Budget and debts
area-employment-education = Employment and education
area-health-addictions = Health and addictions
area-housing = Housing
area-school-development = School and children's development
area-family-relations = Family relations
area-safety = Safety
area-official-matters = Official matters
area-free-time = Free time

## How far an action has got.
action-status-planned = planned
action-status-in-progress = in progress
action-status-done = done
action-status-abandoned = abandoned

## Who carries out an action.
action-actor-member = family member
action-actor-assistant = family assistant
action-actor-institution = institution

## The visit diary.
visit-title = Visit diary
visit-add-title = New diary entry
visit-field-date = Date
visit-field-start = Start
visit-field-end = End
visit-field-place = Place
visit-field-place-other = Which place
visit-field-form = Form of contact
visit-field-participants = Family members present
visit-field-other-participants = Others present
visit-field-areas = Areas worked on
visit-field-actions-worked = Plan actions
visit-field-action-note = Note on the action
visit-field-action-status = New status of the action
visit-field-notes = Course of the meeting
visit-field-next-planned = Next planned contact
visit-field-safety-concern = A threat to the safety of a child or another person
visit-field-intervention-observed = What was observed
visit-field-intervention-steps = Steps taken
visit-field-intervention-time = Time of the intervention
visit-duration = { $minutes } min
visit-error-next-planned-not-after = The next contact must be planned for a day after this visit.
visit-draft-restored = An unsaved draft of this entry was restored.

## Where a contact took place.
place-home = the family's home
place-school = school
place-court = court
place-office = office
place-clinic = clinic or counselling centre
place-other = other place

## The form of a contact.
contact-form-home-visit = home visit
contact-form-accompanying = accompanying to an institution
contact-form-phone-call = phone call
contact-form-consultation = consultation
contact-form-group-session = group session

## An intervention when someone's safety is threatened.
intervention-title = Intervention
intervention-step-police-called = police called
intervention-step-social-worker-informed = social worker informed
intervention-step-court-informed = family court informed
intervention-step-niebieska-karta-started = “Niebieskie Karty” (domestic violence) procedure started
intervention-step-child-placed = child placed in foster care
intervention-error-no-steps = Tick at least one step taken.

## Alerts on the home screen. $days is a number of days.
alert-title = Needs attention
alert-none = Nothing needs attention now.
alert-no-visit = No visit for { $days ->
    [one] { $days } day
   *[other] { $days } days
}
alert-never-visited = Not visited yet
# $what: the action; $deadline: its deadline, as formatted by the UI.
alert-action-overdue = { $what }: { $days ->
    [one] { $days } day
   *[other] { $days } days
} overdue ({ $deadline })

## The plan section of the case screen.
plan-empty = There is no work plan with this family yet.
plan-create = Draw up the plan
plan-new-version = New version of the plan
plan-editor-title = Version { $number } of the plan
plan-editor-hint = Changes are saved as a new version; earlier versions stay readable.
plan-save = Save version { $number }
plan-saved = Version { $number } of the plan saved.
plan-goal-legend = Goal { $number }
plan-action-legend = Action { $number }
plan-add-goal = Add a goal
plan-remove-goal = Remove the goal
plan-add-action = Add an action
plan-remove-action = Remove the action
plan-choose-area = — choose an area —
plan-choose-who = — choose —
plan-choose-member = — choose a person —
plan-version-select = Show version
plan-agreed-on = Agreed with the family on { $date }
plan-not-agreed = Not agreed with the family yet.
plan-consulted = Consulted with the social worker on { $date }, { $name }
plan-not-consulted = Not consulted with the social worker yet.
plan-deadline-none = no deadline
plan-overdue = overdue
plan-earlier-version = This is an earlier version of the plan; version { $number } is in force.
plan-compare = Compare versions
plan-compare-from = Earlier version
plan-compare-to = Later version
plan-compare-close = Close the comparison
plan-diff-title = Changes from version { $old } to version { $new }
plan-areas-failed = The plan's areas could not be read.

## The rest of an action's progress notes, on request. $count: how many.
plan-notes-more = Show earlier notes ({ $count })
plan-notes-fewer = Show only the latest note
