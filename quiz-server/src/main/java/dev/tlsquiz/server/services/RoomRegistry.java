package dev.tlsquiz.server.services;

import java.util.Set;

/**
 * The live rooms a player may join, by name. Must be thread-safe: sessions on every event loop
 * read it.
 */
@FunctionalInterface
public interface RoomRegistry {

    /** The names of the rooms open now. */
    Set<String> openRooms();

    /** No rooms: the server's default, where every player plays a game of their own. */
    static RoomRegistry none() {
        return Set::of;
    }
}
