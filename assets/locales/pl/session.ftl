# The session: dates and times typed the Polish way, and the app locking
# itself when it is not used.

## Date and time fields (always day first and on a 24-hour clock).
field-date-placeholder = dd.mm.rrrr
field-time-placeholder = gg:mm

## Why the unlock form is shown over the open screen.
# $minutes: the centre's setting (1 reads "po 1 minucie", 2 and more
# "po 2 minutach", "po 5 minutach": the locative plural).
lock-reason-idle = { $minutes ->
    [one] Zablokowano po { $minutes } minucie bez używania.
   *[other] Zablokowano po { $minutes } minutach bez używania.
}
lock-reason-suspended = Zablokowano po uśpieniu komputera.
lock-kept-hint = To, co było otwarte i wpisane, wróci po odblokowaniu.
