package dev.tlsquiz.server.quiz;

/** In which order a session asks a bank's questions ({@code --order}). */
public enum QuestionOrder {
    /** A new random order for every session (every session the same one with {@code --seed}). */
    SHUFFLE,
    /** The order of the files, the first {@code --bank} first. */
    FILE
}
