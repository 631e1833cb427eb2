package dev.tlsquiz.server.rooms;

import java.util.Optional;
import java.util.function.Function;

/**
 * The open rooms, by code. Behind an interface so that several server instances may one day share
 * a directory; {@link LocalRoomRegistry} keeps one server's rooms in memory. Thread-safe: sessions on
 * every event loop use it.
 */
public interface RoomRegistry {

    /**
     * Opens a room: picks a code no open room has, and registers the room {@code factory} builds for
     * it (the canonical code, such as {@code K7Q2MF}). Empty when as many rooms are open as allowed.
     */
    Optional<LiveRoom> open(Function<String, LiveRoom> factory);

    /** The open room with this canonical code. */
    Optional<LiveRoom> find(String code);

    /** The room is closed: its code is free again. */
    void closed(LiveRoom room);

    /** Rooms open now. */
    int size();
}
