# People: members, PESEL, duplicates (owned by the people domain).
