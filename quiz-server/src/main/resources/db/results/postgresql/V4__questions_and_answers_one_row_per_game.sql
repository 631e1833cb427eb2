-- Version 4 (PostgreSQL only): a game's questions and answers are one row, game_rounds, whose columns
-- are arrays (one element per question, one per answer), instead of a row per question and a row per
-- answer. PostgreSQL pays for every row it inserts (the executor, a WAL record, a heap tuple, an index
-- entry), and a solo game of 10 questions wrote 20 such rows. Measured by writing solo games of 10
-- questions in groups of 14 (one commit a group), version 3's writer and schema alternated round by
-- round with version 4's: 100 us of the backend's CPU a game before, 70 us after (medians of 10 rounds
-- of 2,000 games; lower in every round).
--
-- questions and answers remain, as views with the same columns, so every query reads them as before
-- and so can anyone who queries the database by hand. An answer's position is its place in the arrays,
-- counted from 0, which is the order it was recorded in. Choices keep their table: only
-- multiple-choice questions have them.
--
-- The SQLite twin (../sqlite/V4__questions_and_answers_one_row_per_game.sql) keeps the same row as
-- two JSON arrays, having no arrays of its own. The statements that read are the same for both.

CREATE TABLE game_rounds (
    game               BIGINT   PRIMARY KEY,
    -- the questions asked, in the order asked
    question_numbers   INTEGER[] NOT NULL,
    question_texts     TEXT[]    NOT NULL,
    question_formats   TEXT[]    NOT NULL,
    accepted_answers   TEXT[]    NOT NULL,
    -- every answer received or timed out, in the order recorded; answer_texts is NULL for a timeout
    answer_players     INTEGER[] NOT NULL,
    answer_questions   INTEGER[] NOT NULL,
    answer_texts       TEXT[]    NOT NULL,
    answer_outcomes    TEXT[]    NOT NULL,
    answer_points      BIGINT[]  NOT NULL,
    answer_millis      BIGINT[]  NOT NULL,
    CHECK (cardinality(question_texts) = cardinality(question_numbers)
           AND cardinality(question_formats) = cardinality(question_numbers)
           AND cardinality(accepted_answers) = cardinality(question_numbers)),
    CHECK (cardinality(answer_questions) = cardinality(answer_players)
           AND cardinality(answer_texts) = cardinality(answer_players)
           AND cardinality(answer_outcomes) = cardinality(answer_players)
           AND cardinality(answer_points) = cardinality(answer_players)
           AND cardinality(answer_millis) = cardinality(answer_players)),
    CHECK (array_position(question_numbers, NULL) IS NULL AND array_position(question_texts, NULL) IS NULL
           AND array_position(question_formats, NULL) IS NULL AND array_position(accepted_answers, NULL) IS NULL),
    CHECK (array_position(answer_players, NULL) IS NULL AND array_position(answer_questions, NULL) IS NULL
           AND array_position(answer_points, NULL) IS NULL AND array_position(answer_millis, NULL) IS NULL),
    CHECK (answer_outcomes <@ ARRAY['correct', 'wrong', 'timeout'])
);

INSERT INTO game_rounds
SELECT g.id,
       COALESCE(q.numbers, '{}'), COALESCE(q.texts, '{}'), COALESCE(q.formats, '{}'), COALESCE(q.accepted, '{}'),
       COALESCE(a.players, '{}'), COALESCE(a.questions, '{}'), COALESCE(a.texts, '{}'), COALESCE(a.outcomes, '{}'),
       COALESCE(a.points, '{}'), COALESCE(a.millis, '{}')
FROM games g
LEFT JOIN (SELECT game, array_agg(number ORDER BY number) AS numbers, array_agg(text ORDER BY number) AS texts,
                  array_agg(format ORDER BY number) AS formats, array_agg(accepted_answer ORDER BY number) AS accepted
           FROM questions GROUP BY game) q ON q.game = g.id
LEFT JOIN (SELECT game, array_agg(player ORDER BY position) AS players,
                  array_agg(question ORDER BY position) AS questions, array_agg(text ORDER BY position) AS texts,
                  array_agg(outcome ORDER BY position) AS outcomes, array_agg(points ORDER BY position) AS points,
                  array_agg(millis ORDER BY position) AS millis
           FROM answers GROUP BY game) a ON a.game = g.id;

DROP TABLE answers;
DROP TABLE questions;

CREATE VIEW questions AS
SELECT r.game, q.number, q.text, q.format, q.accepted_answer
FROM game_rounds r
CROSS JOIN LATERAL unnest(r.question_numbers, r.question_texts, r.question_formats, r.accepted_answers)
    AS q (number, text, format, accepted_answer);

CREATE VIEW answers AS
SELECT r.game, (a.ordinal - 1)::INTEGER AS position, a.player, a.question, a.text, a.outcome, a.points, a.millis
FROM game_rounds r
CROSS JOIN LATERAL unnest(r.answer_players, r.answer_questions, r.answer_texts, r.answer_outcomes,
                          r.answer_points, r.answer_millis)
    WITH ORDINALITY AS a (player, question, text, outcome, points, millis, ordinal);
