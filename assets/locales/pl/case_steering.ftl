# The centre's steering as a case shows it: a plan version submitted,
# approved or returned; comments beside the records; who works with the
# family, its referral, assigning and transferring it; a family in
# transfer or handed over. (The centre's own screens: centre.ftl.)

## The plan version in force and the centre's decision

plan-approval-label = Zatwierdzenie w ośrodku:
plan-approval-submitted-on = Przekazano do zatwierdzenia { $date } ({ $name }).
plan-approval-decided-by = Decyzja: { $name }, { $date }.
plan-approval-note = Uwagi ośrodka: { $note }
plan-approval-stale-detail = { $decision } ({ $name }, { $date }) nie została zastosowana.
plan-approval-decision-accepted = Decyzja o zatwierdzeniu
plan-approval-decision-returned = Decyzja o zwrocie do poprawy
plan-approval-returned-hint = Popraw plan: zapisz jego nową wersję („Nowa wersja planu”), a potem przekaż ją ponownie do zatwierdzenia.
plan-approval-previous-returned = Ośrodek zwrócił wersję { $number } do poprawy: { $note }
plan-approval-travels = Plan trafi do ośrodka z najbliższą paczką danych.
plan-submit-approval = Przekaż do zatwierdzenia
plan-submitted-status = Przekazano wersję { $number } planu do zatwierdzenia.
plan-decision-title = Decyzja ośrodka w sprawie wersji { $number }
plan-decision-note = Uwagi do planu (wymagane przy zwrocie do poprawy)
plan-decision-note-required = Napisz, co trzeba poprawić: przy zwrocie do poprawy uwagi są wymagane.
plan-approve = Zatwierdź
plan-return = Zwróć do poprawy
plan-approved-status = Zatwierdzono wersję { $number } planu.
plan-returned-status = Zwrócono wersję { $number } planu do poprawy.
plan-submit-not-latest = Do zatwierdzenia można przekazać tylko obowiązującą (najnowszą) wersję planu.
plan-submit-already = Ta wersja planu została już przekazana do zatwierdzenia.

## The laptop's home screen

home-decisions-title = Decyzje ośrodka w sprawie planów
home-decision-returned = plan (wersja { $version }) zwrócony do poprawy { $date }: { $note }
home-decision-approved = plan (wersja { $version }) zatwierdzony { $date }

## Comments beside the records

comments-toggle = { $count ->
    [0] Skomentuj
   *[other] Komentarze ({ $count })
}
comments-about-family = Komentarze do rodziny
comments-about-goal = Komentarze do celu planu
comments-about-action = Komentarze do działania
comments-about-visit = Komentarze do wpisu w dzienniku
comments-about-evaluation = Komentarze do oceny
comments-about-plan = Komentarze do planu
comments-about-record = Komentarze
comments-unread = { $count ->
    [one] { $count } nowy
    [few] { $count } nowe
    [many] { $count } nowych
   *[other] { $count } nowego
}
comments-new-announcement = { $count ->
    [one] W tej sprawie jest { $count } nowy komentarz.
    [few] W tej sprawie są { $count } nowe komentarze.
    [many] W tej sprawie jest { $count } nowych komentarzy.
   *[other] W tej sprawie jest { $count } nowego komentarza.
}
comments-go-to = Przejdź do:
comment-side-centre = ośrodek
comment-side-assistant = asystent rodziny
comment-new = nowy
comment-reply = Odpowiedz
comment-reply-to = W odpowiedzi na komentarz: { $author }
comment-replying = Odpowiadasz na komentarz: { $author }
comment-reply-cancel = Anuluj odpowiedź
comment-text = Twój komentarz
comment-reply-text = Twoja odpowiedź
comment-submit = Dodaj komentarz
comment-added = Dodano komentarz. Trafi na drugą stronę z najbliższą paczką danych.

## Who works with the family

assignment-title = Asystent rodziny
assignment-waiting = Rodzina czeka na przydzielenie asystenta.
assignment-current = Obecnie: { $name } (od { $date })
assignment-history = Historia przydziałów
assignment-column-assistant = Asystent
assignment-column-from = Od
assignment-column-until = Do
assignment-column-how = Przydział
assignment-until-now = nadal
assignment-own = rodzina przyjęta przez asystenta
assignment-assigned = przydział z ośrodka
assignment-transfer-from = przekazana od: { $name }
assignment-handed-over = przekazanie potwierdzone { $date }
assignment-pending = przekazanie czeka na potwierdzenie z laptopa
referral-title = Zgłoszenie
referral-line = { $basis } z { $date }
referral-social-worker = Pracownik socjalny: { $name }
referral-court = { $court }, sygn. { $signature }
referral-note = Uwagi: { $note }
assign-open = Przydziel asystenta
transfer-open = Przekaż innemu asystentowi
assign-form-title = Przydział asystenta
transfer-form-title = Przekazanie rodziny innemu asystentowi
assign-assistant = Asystent
assign-choose = — wybierz asystenta —
assign-assistant-option = { $name } (aktywne rodziny: { $active } z { $cap })
assign-on = Od dnia
assign-on-hint = Puste pole: od dziś.
assign-submit = Przydziel
transfer-submit = Zapisz przekazanie
assign-cancel = Anuluj
assistants-loading = Wczytywanie rejestru asystentów…
assistants-failed = Nie udało się wczytać rejestru asystentów.
assistants-none = W rejestrze nie ma innego asystenta.
assigned-status = Przydzielono rodzinę: { $name }.
transferred-status = Zapisano przekazanie rodziny do { $name }. Laptop poprzedniego asystenta potwierdzi je w najbliższej paczce danych.
transfer-on-before-current = Data przekazania nie może być wcześniejsza niż początek obecnego przydziału.

## A family in transfer, on the old laptop

transfer-banner-leaving = Rodzina przekazywana do { $name } od { $date }.
transfer-banner-next-bundle = Najbliższa paczka danych dla ośrodka potwierdzi przekazanie. Od tej chwili rodzinę będzie można na tym komputerze tylko przeglądać.
transfer-banner-drafts = { $count ->
    [one] Na tym komputerze jest { $count } niewysłany szkic tej rodziny. Dokończ go i zapisz przed przygotowaniem paczki danych, bo potem nie będzie można go zapisać.
    [few] Na tym komputerze są { $count } niewysłane szkice tej rodziny. Dokończ je i zapisz przed przygotowaniem paczki danych, bo potem nie będzie można ich zapisać.
    [many] Na tym komputerze jest { $count } niewysłanych szkiców tej rodziny. Dokończ je i zapisz przed przygotowaniem paczki danych, bo potem nie będzie można ich zapisać.
   *[other] Na tym komputerze jest { $count } niewysłanego szkicu tej rodziny. Dokończ go i zapisz przed przygotowaniem paczki danych.
}
transfer-handed-over = Rodzina przekazana do { $name } ({ $date }). Na tym komputerze można ją tylko przeglądać; zmiany wprowadza nowy asystent.
