package dev.tlsquiz.server.game;

/** How a problem ended for the player. */
public enum Judgement {
    /** Answered right, within the time limit. */
    CORRECT,
    /**
     * Answered wrong, within the time limit; also an answer that is not of the question's form (a letter
     * past the last choice, a word for a number), whose feedback then says how to answer.
     */
    WRONG,
    /** Not answered within the time limit. */
    TIMEOUT
}
