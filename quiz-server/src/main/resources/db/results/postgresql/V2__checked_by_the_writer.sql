-- Version 2 (PostgreSQL): the tables under games keep no foreign keys. PostgreSQL checks a foreign key
-- with a trigger that runs a query for every row inserted; a game writes some twenty rows, and those
-- checks were more than half of the database's CPU time per game kept (measured: 210 us a game with
-- them, 88 us without, in groups of 32). What they guarded is guaranteed where the rows are made:
-- the results writer checks that every answer points at a player and a question of its own game
-- (GameRecordCheck) and writes a game with all its rows in one statement, or nothing of it; prune
-- deletes a game's rows table by table, in one transaction. The SQLite twin is
-- ../sqlite/V2__checked_by_the_writer.sql.
ALTER TABLE answers DROP CONSTRAINT answers_game_player_fkey;
ALTER TABLE answers DROP CONSTRAINT answers_game_question_fkey;
ALTER TABLE choices DROP CONSTRAINT choices_game_question_fkey;
ALTER TABLE questions DROP CONSTRAINT questions_game_fkey;
ALTER TABLE players DROP CONSTRAINT players_game_fkey;
