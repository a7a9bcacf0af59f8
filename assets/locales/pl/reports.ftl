# The half-year figures on the family assistants (docs/REPORTS.md): the
# rows as the window, the CLI, the CSV and the PDF name them.

report-title = Informacja półroczna o pracy asystentów rodziny
report-period = Okres: { $from } – { $to }
report-row-families-served = Rodziny objęte pracą asystenta rodziny
report-row-families-court-ordered = w tym rodziny zobowiązane przez sąd do pracy z asystentem
report-row-children = Dzieci w rodzinach objętych pracą asystenta
report-row-families-ended = Rodziny, z którymi zakończono pracę
report-row-ended-reason = w tym z powodu: { $reason }
report-row-length-up-to-1y = w tym pracujące z asystentem do 1 roku
report-row-length-1y-to-2y = w tym pracujące z asystentem od 1 roku do 2 lat
report-row-length-over-2y = w tym pracujące z asystentem powyżej 2 lat
report-row-families-waiting = Rodziny oczekujące na przydzielenie asystenta (na koniec okresu)
report-row-assistants = Asystenci rodziny (na koniec okresu)
report-row-assistants-employment-contract = w tym zatrudnieni na umowę o pracę
report-row-assistants-service-contract = w tym zatrudnieni na umowę o świadczenie usług
report-row-assistants-not-stated = w tym bez podanej formy zatrudnienia
report-monthly-all-assistants = Wszyscy asystenci rodziny

import-duplicates = { $count ->
        [one] { $count } para rodzin różnych asystentów może być tą samą rodziną: rozstrzygnij na liście możliwych duplikatów.
        [few] { $count } pary rodzin różnych asystentów mogą być tą samą rodziną: rozstrzygnij na liście możliwych duplikatów.
       *[other] { $count } par rodzin różnych asystentów może być tą samą rodziną: rozstrzygnij na liście możliwych duplikatów.
    }

# The dashboard as the CLI prints it.
report-dashboard-highest-caseload = najwięcej aktywnych rodzin naraz (ponad limit)
report-dashboard-no-recent-visit = rodziny bez niedawnej wizyty
report-dashboard-overdue-actions = rodziny z zaległymi działaniami
report-dashboard-evaluations-due = oceny do zrobienia wkrótce
report-dashboard-evaluations-overdue = oceny po terminie
report-dashboard-plans-missing = rodziny bez planu pracy
report-dashboard-plans-incomplete = plany bez terminów lub oczekiwanych efektów
report-dashboard-plans-unconsulted = plany niekonsultowane z pracownikiem socjalnym
report-dashboard-awaiting-decision = dokumenty czekające na decyzję
report-dashboard-comments-awaiting-centre = komentarze czekające na odpowiedź ośrodka
report-dashboard-comments-awaiting-assistant = komentarze czekające na odpowiedź asystenta
report-dashboard-conflicts = rodziny z konfliktami do rozstrzygnięcia
report-dashboard-late-edits = rodziny ze zmianami po przekazaniu
report-dashboard-court-ordered = rodziny zobowiązane przez sąd
report-dashboard-held-back = zdarzenia wstrzymane (luka w numeracji)
report-dashboard-month = kontakty i godziny w miesiącu
report-dashboard-waiting = Rodziny oczekujące na asystenta
report-dashboard-pending-transfers = Przekazania w toku
report-dashboard-open-duplicates = Możliwe duplikaty do rozstrzygnięcia
report-dashboard-goals-achieved-share = Odsetek rodzin, z którymi zakończono pracę po osiągnięciu celów
