-- The results store's first schema, SQLite dialect (the PostgreSQL twin is ../postgresql/V1__games.sql;
-- keep the two in step). Times are epoch milliseconds (UTC); enums are lower-case words.

-- One finished game. (instance, game_id) is the game's identity: save() is idempotent on it.
CREATE TABLE games (
    id          INTEGER PRIMARY KEY,
    instance    TEXT    NOT NULL,
    game_id     BIGINT  NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('solo', 'room')),
    room_code   TEXT,
    settings    TEXT    NOT NULL,
    started_ms  BIGINT  NOT NULL,
    ended_ms    BIGINT  NOT NULL,
    end_reason  TEXT    NOT NULL,
    UNIQUE (instance, game_id)
);
CREATE INDEX games_by_end ON games (ended_ms);
CREATE INDEX games_by_room ON games (room_code);

-- A player of a game; position is the index answers point at (GameRecord.players, rank order).
CREATE TABLE players (
    game           INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
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
);
CREATE INDEX players_by_name ON players (name);

CREATE TABLE questions (
    game             INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    number           INTEGER NOT NULL,
    text             TEXT    NOT NULL,
    format           TEXT    NOT NULL,
    accepted_answer  TEXT    NOT NULL,
    PRIMARY KEY (game, number)
);

CREATE TABLE choices (
    game      INTEGER NOT NULL,
    question  INTEGER NOT NULL,
    position  INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    PRIMARY KEY (game, question, position),
    FOREIGN KEY (game, question) REFERENCES questions (game, number) ON DELETE CASCADE
);

-- Every answer received or timed out; position keeps the order they were recorded in.
CREATE TABLE answers (
    game      INTEGER NOT NULL,
    position  INTEGER NOT NULL,
    player    INTEGER NOT NULL,
    question  INTEGER NOT NULL,
    text      TEXT,
    outcome   TEXT    NOT NULL CHECK (outcome IN ('correct', 'wrong', 'timeout')),
    points    BIGINT  NOT NULL,
    millis    BIGINT  NOT NULL,
    PRIMARY KEY (game, position),
    FOREIGN KEY (game, player) REFERENCES players (game, position) ON DELETE CASCADE,
    FOREIGN KEY (game, question) REFERENCES questions (game, number) ON DELETE CASCADE
);
CREATE INDEX answers_by_player ON answers (game, player);
