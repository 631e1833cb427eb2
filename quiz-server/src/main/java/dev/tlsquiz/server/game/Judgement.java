package dev.tlsquiz.server.game;

/** How a problem ended for the player. */
public enum Judgement {
    /** Answered right, within the time limit. */
    CORRECT,
    /** Answered wrong, within the time limit. */
    WRONG,
    /** Not answered within the time limit. */
    TIMEOUT
}
