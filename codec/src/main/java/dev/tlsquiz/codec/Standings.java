package dev.tlsquiz.codec;

import java.util.List;

/**
 * STANDINGS, server to client: the room's ranking after a question closed (after the VERDICTs),
 * or the final one.
 *
 * @param problemId     the question just closed (u32); 0 when none was (a game ended in its lobby)
 * @param round         that question's round (u16)
 * @param rounds        the rounds of the game (u16)
 * @param finalStandings whether the game is over
 * @param players       ranked players (u32)
 * @param entries       the top of the ranking (u8 count), as many as the server shows and a frame holds
 * @param ownRank       the receiving player's rank (u32); 0 for the host
 * @param ownScore      the receiving player's score (u32); 0 for the host
 */
public record Standings(long problemId, int round, int rounds, boolean finalStandings, long players,
                        List<Entry> entries, long ownRank, long ownScore) implements QuizMessage {

    public Standings {
        Fields.u32("problemId", problemId);
        Fields.u16("round", round);
        Fields.u16("rounds", rounds);
        Fields.u32("players", players);
        entries = List.copyOf(entries);
        Fields.u8("entries", entries.size());
        Fields.u32("ownRank", ownRank);
        Fields.u32("ownScore", ownScore);
    }

    /**
     * One line of the ranking. Equal scores share a rank (1, 1, 3).
     *
     * @param rank  the rank (u32), from 1
     * @param name  the player's name; their own words, so a client sanitises it
     * @param score the score (u32)
     */
    public record Entry(long rank, String name, long score) {
        public Entry {
            Fields.u32("rank", rank);
            Fields.string("name", name);
            Fields.u32("score", score);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.STANDINGS;
    }
}
