package dev.tlsquiz.server.services;

import java.util.concurrent.ThreadLocalRandom;

/** Where a session's id (sent in WELCOME, written in the log) comes from. Called on event loops: must not block. */
@FunctionalInterface
public interface SessionIds {

    /** The id of a new session. */
    long next();

    /** Random ids, as players can neither guess nor count them. */
    static SessionIds random() {
        return () -> ThreadLocalRandom.current().nextLong();
    }
}
