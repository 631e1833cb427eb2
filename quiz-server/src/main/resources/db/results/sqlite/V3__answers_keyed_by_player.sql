-- Version 3 (SQLite): one index fewer for the answers, one entry fewer for a solo game. Every answer
-- went into two B-trees, the table (keyed by game and position) and answers_by_player (game, player),
-- which the export and the leaderboard look answers up by. The table is now keyed by
-- (game, player, question, position), so those lookups use the table itself and the second index goes.
-- A game's answers in the order they were recorded are still its rows sorted by position (a few
-- dozen to a few thousand rows). games_by_room now holds only the games played in a room: a solo game
-- has no room code, and every query by room names one. Measured with Python's sqlite3 writing solo
-- games of 22 rows in groups of 14, one commit a group: 92 us of CPU a game before, 80 us after. The
-- PostgreSQL twin is ../postgresql/V3__answers_keyed_by_player.sql.

CREATE TABLE answers_v3 (
    game      INTEGER NOT NULL,
    position  INTEGER NOT NULL,
    player    INTEGER NOT NULL,
    question  INTEGER NOT NULL,
    text      TEXT,
    outcome   TEXT    NOT NULL CHECK (outcome IN ('correct', 'wrong', 'timeout')),
    points    BIGINT  NOT NULL,
    millis    BIGINT  NOT NULL,
    PRIMARY KEY (game, player, question, position)
) WITHOUT ROWID;
INSERT INTO answers_v3 SELECT game, position, player, question, text, outcome, points, millis FROM answers;
DROP TABLE answers;
ALTER TABLE answers_v3 RENAME TO answers;

DROP INDEX games_by_room;
CREATE INDEX games_by_room ON games (room_code) WHERE room_code IS NOT NULL;
