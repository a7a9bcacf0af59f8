# The centre steers: the register, intake, assignments and transfers,
# decisions on plan versions, comments, duplicates, the dashboard and the
# half-year figures.

error-case-handed-over = Rodzina została przekazana innemu asystentowi: na tym komputerze można ją tylko przeglądać.
error-transfer-pending = Przekazanie tej rodziny ({ $name }) czeka jeszcze na potwierdzenie z laptopa poprzedniego asystenta. Kolejne przekazanie będzie możliwe po jego zakończeniu.
error-assignee-caseload-full = { $name } ma na dzień { $on } aktywnych rodzin: { $active } (limit: { $cap }). Wybierz innego asystenta albo zakończ pracę z jedną z rodzin.
error-already-assigned = Rodzina ma już asystenta ({ $name }). Aby ją zmienić, przekaż rodzinę.
error-plan-not-submitted = Wersja { $version } planu nie czeka na decyzję ośrodka.

change-assistant-registered = Wpisano asystenta do rejestru
change-assistant-updated = Zmieniono wpis w rejestrze asystentów
change-family-referred = Przyjęto zgłoszenie rodziny
change-family-assigned = Przydzielono rodzinę asystentowi
change-family-handed-over = Potwierdzono przekazanie rodziny
change-plan-submitted = Przekazano plan do zatwierdzenia
change-plan-decided = Ośrodek podjął decyzję w sprawie planu
change-comment-added = Dodano komentarz
change-duplicates-decided = Rozstrzygnięto możliwy duplikat rodziny

employment-umowa-o-prace = umowa o pracę
employment-umowa-o-swiadczenie-uslug = umowa o świadczenie usług
employment-none = nie podano

referral-basis-social-worker-request = wniosek pracownika socjalnego
referral-basis-court-order = postanowienie sądu

approval-draft = nieprzekazany
approval-submitted = czeka na decyzję
approval-approved = zatwierdzony
approval-returned = zwrócony do poprawy
approval-stale = decyzja nieaktualna (plan zmieniono w międzyczasie)

duplicate-merge = połączono
duplicate-keep-apart = to różne rodziny

conflict-record-assistant = Wpis w rejestrze asystentów
conflict-record-comment = Komentarz
conflict-record-duplicate = Możliwy duplikat rodziny
conflict-field-family-assignment = Przydział asystenta
conflict-field-family-referral = Zgłoszenie

## The command line: asysta assistant|intake|assign|transfer|plan submit|comment|duplicates.

cli-assistant-incomplete = wpis do uzupełnienia
cli-headcount = Asystenci zatrudnieni { $date }:
cli-headcount-total = razem: { $count }
cli-waiting-days = { $days ->
    [one] czeka { $days } dzień
   *[other] czeka { $days } dni
}
cli-transfer-from = przekazana przez: { $name }
cli-transfer-pending = czeka na potwierdzenie z laptopa poprzedniego asystenta
cli-transfer-acknowledged = przekazanie potwierdzone { $date }
cli-transfer-done = przekazanie zakończone
cli-late-edit = zmiana z { $date }, po dacie przekazania
cli-plan-submitted = przekazany { $date } ({ $name })
cli-comment-unread = [nowy]
cli-side-centre = ośrodek
cli-side-assistant = asystent
cli-case-referral = Zgłoszenie: { $basis } z { $date }
cli-case-assistants = Asystenci rodziny:
cli-case-plan-approvals = Zatwierdzanie planu:
cli-case-comments = Komentarze: { $count }, nowe: { $unread }
cli-case-merged-into = Połączona z rodziną { $family }
cli-notice-transfer = Przekazanie rodziny: { $name } od { $date }
cli-notice-read-only = potwierdzone { $date }, na tym komputerze można ją tylko przeglądać
cli-notice-drafts = niezapisane szkice: { $count } (zapisz je przed wysłaniem paczki)
