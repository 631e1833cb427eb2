-- Version 3 (PostgreSQL): one index fewer for the answers, one entry fewer for a solo game. Every answer
-- went into two indexes, the primary key (game, position) and answers_by_player (game, player), which
-- the export and the leaderboard look answers up by. The primary key is now
-- (game, player, question, position), so those lookups use it and the second index goes; a game's
-- answers in the order they were recorded are its rows sorted by position. games_by_room now holds
-- only the games played in a room: a solo game has no room code, and every query by room names one.
-- The SQLite twin is ../sqlite/V3__answers_keyed_by_player.sql.
ALTER TABLE answers DROP CONSTRAINT answers_pkey;
ALTER TABLE answers ADD PRIMARY KEY (game, player, question, position);
DROP INDEX answers_by_player;

DROP INDEX games_by_room;
CREATE INDEX games_by_room ON games (room_code) WHERE room_code IS NOT NULL;
