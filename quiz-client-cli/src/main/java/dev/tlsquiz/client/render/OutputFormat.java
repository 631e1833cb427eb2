package dev.tlsquiz.client.render;

/** How {@code quiz play} reports a session on stdout. */
public enum OutputFormat {
    /** Lines for people, with the verdict symbols and a summary table. */
    TEXT,
    /** One JSON object per line and per event, for scripts; nothing else on stdout. */
    JSON
}
