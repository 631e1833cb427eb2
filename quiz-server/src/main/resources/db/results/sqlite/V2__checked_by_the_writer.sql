-- Version 2 (SQLite): the tables under games keep no foreign keys, as in the PostgreSQL twin
-- (../postgresql/V2__checked_by_the_writer.sql, which says why: there a foreign key costs a query per
-- row). SQLite's checks are cheap, but the two stores keep the same rules: the results writer checks
-- a game's references and writes it whole or not at all, and prune deletes a game's rows table by
-- table. SQLite cannot drop a constraint, so each table is made again without it and its rows copied,
-- children before parents; the names, columns, keys, checks and indexes stay as in version 1. The new
-- tables are WITHOUT ROWID, stored in the order of their primary key: a row then goes into one B-tree
-- instead of two (a rowid table and its key's index), and a game's rows lie together.

CREATE TABLE answers_v2 (
    game      INTEGER NOT NULL,
    position  INTEGER NOT NULL,
    player    INTEGER NOT NULL,
    question  INTEGER NOT NULL,
    text      TEXT,
    outcome   TEXT    NOT NULL CHECK (outcome IN ('correct', 'wrong', 'timeout')),
    points    BIGINT  NOT NULL,
    millis    BIGINT  NOT NULL,
    PRIMARY KEY (game, position)
) WITHOUT ROWID;
INSERT INTO answers_v2 SELECT game, position, player, question, text, outcome, points, millis FROM answers;
DROP TABLE answers;
ALTER TABLE answers_v2 RENAME TO answers;
CREATE INDEX answers_by_player ON answers (game, player);

CREATE TABLE choices_v2 (
    game      INTEGER NOT NULL,
    question  INTEGER NOT NULL,
    position  INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    PRIMARY KEY (game, question, position)
) WITHOUT ROWID;
INSERT INTO choices_v2 SELECT game, question, position, text FROM choices;
DROP TABLE choices;
ALTER TABLE choices_v2 RENAME TO choices;

CREATE TABLE questions_v2 (
    game             INTEGER NOT NULL,
    number           INTEGER NOT NULL,
    text             TEXT    NOT NULL,
    format           TEXT    NOT NULL,
    accepted_answer  TEXT    NOT NULL,
    PRIMARY KEY (game, number)
) WITHOUT ROWID;
INSERT INTO questions_v2 SELECT game, number, text, format, accepted_answer FROM questions;
DROP TABLE questions;
ALTER TABLE questions_v2 RENAME TO questions;

CREATE TABLE players_v2 (
    game           INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    name_verified  INTEGER NOT NULL CHECK (name_verified IN (0, 1)),
    fingerprint    TEXT,
    address        TEXT,
    score          BIGINT  NOT NULL,
    rank           INTEGER NOT NULL,
    correct        INTEGER NOT NULL,
    answered       INTEGER NOT NULL,
    PRIMARY KEY (game, position)
) WITHOUT ROWID;
INSERT INTO players_v2 SELECT game, position, name, name_verified, fingerprint, address, score, rank, correct,
    answered FROM players;
DROP TABLE players;
ALTER TABLE players_v2 RENAME TO players;
CREATE INDEX players_by_name ON players (name);
