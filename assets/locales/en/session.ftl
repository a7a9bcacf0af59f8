# The session: dates and times typed the Polish way, and the app locking
# itself when it is not used.

## Date and time fields (always day first and on a 24-hour clock).
field-date-placeholder = dd.mm.yyyy
field-time-placeholder = hh:mm

## Why the unlock form is shown over the open screen.
# $minutes: the centre's setting.
lock-reason-idle = { $minutes ->
    [one] Locked after { $minutes } minute without use.
   *[other] Locked after { $minutes } minutes without use.
}
lock-reason-suspended = Locked after the computer slept.
lock-kept-hint = What was open and typed comes back once you unlock.
