package dev.tlsquiz.codec;

import java.util.List;
import java.util.Objects;

/**
 * LOBBY, server to client: who is in the room. Sent when players join or leave, at most once per
 * the server's lobby interval, so a crowd joining costs each player a few frames, not one per joiner.
 *
 * @param state   where the game is
 * @param players players in the room (u32), which may be more than {@code names} lists
 * @param names   the newest joiners first (u16 count), as many as fit a frame; players' own words,
 *                so a client sanitises them before showing them
 */
public record Lobby(RoomState state, long players, List<String> names) implements QuizMessage {

    public Lobby {
        Objects.requireNonNull(state, "state");
        Fields.u32("players", players);
        names = List.copyOf(names);
        Fields.u16("names", names.size());
        for (String name : names) {
            Fields.string("names[]", name);
        }
    }

    @Override
    public MessageType type() {
        return MessageType.LOBBY;
    }
}
