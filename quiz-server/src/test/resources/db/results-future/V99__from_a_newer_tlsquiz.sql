-- Test only: a migration this tlsquiz does not ship, as a newer version would have applied it.
CREATE TABLE from_a_newer_tlsquiz (id INTEGER PRIMARY KEY);
