package dev.tlsquiz.client.play;

/** Where the answers of a session come from. */
public enum AnswerMode {
    /** A person at a terminal: input is checked locally, {@code quit} ends the session. */
    INTERACTIVE,
    /** Lines from a file or piped stdin, one answer per line, each sent exactly as written. */
    SCRIPTED,
    /** The client solves every problem itself ({@code --auto}). */
    AUTO
}
