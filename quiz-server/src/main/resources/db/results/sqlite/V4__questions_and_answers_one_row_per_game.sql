-- Version 4 (SQLite): a game's questions and answers are one row of game_rounds, two JSON arrays with
-- an element per question ([number, text, format, accepted answer]) and per answer ([player, question,
-- text, outcome, points, milliseconds], the text null for a timeout), instead of a row per question
-- and a row per answer. Each row cost the server's writer thread a statement step, a B-tree insert
-- and its share of the WAL, and a solo game of 10 questions wrote 20 of them. The PostgreSQL twin
-- (../postgresql/V4__questions_and_answers_one_row_per_game.sql) keeps the same row as array columns;
-- SQLite has no arrays, and JSON read with json_each is its way to the same thing.
--
-- questions and answers remain, as views with the same columns, so every query reads them as before
-- and so can anyone who queries the file by hand. An answer's position is its index in the array,
-- from 0, which is the order it was recorded in. Choices keep their table: only multiple-choice
-- questions have them.

CREATE TABLE game_rounds (
    game       INTEGER PRIMARY KEY,
    -- json_type raises an error on text that is not JSON; the CASE makes that a refused check instead.
    questions  TEXT    NOT NULL CHECK (CASE WHEN json_valid(questions) THEN json_type(questions) = 'array' ELSE 0 END),
    answers    TEXT    NOT NULL CHECK (CASE WHEN json_valid(answers) THEN json_type(answers) = 'array' ELSE 0 END)
);

INSERT INTO game_rounds (game, questions, answers)
SELECT g.id,
       (SELECT json_group_array(json_array(number, text, format, accepted_answer) ORDER BY number)
        FROM questions q WHERE q.game = g.id),
       (SELECT json_group_array(json_array(player, question, text, outcome, points, millis) ORDER BY position)
        FROM answers a WHERE a.game = g.id)
FROM games g;

DROP TABLE answers;
DROP TABLE questions;

CREATE VIEW questions AS
SELECT r.game, q.value ->> 0 AS number, q.value ->> 1 AS text, q.value ->> 2 AS format,
       q.value ->> 3 AS accepted_answer
FROM game_rounds r, json_each(r.questions) AS q;

CREATE VIEW answers AS
SELECT r.game, a.key AS position, a.value ->> 0 AS player, a.value ->> 1 AS question, a.value ->> 2 AS text,
       a.value ->> 3 AS outcome, a.value ->> 4 AS points, a.value ->> 5 AS millis
FROM game_rounds r, json_each(r.answers) AS a;
