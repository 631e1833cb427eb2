package dev.tlsquiz.client.render;

import dev.tlsquiz.text.TerminalText;

/**
 * A player's name as the room views show it: sanitised for the terminal, and cut to a table's width.
 * The host's {@code kick} reads a name typed in this form back to the player's own.
 */
public final class ShownName {

    /** The most code points of a name shown, the cut's ellipsis included. */
    public static final int MAX_CHARS = 24;

    private ShownName() {
    }

    /** {@code name} as the lobby and the standings show it. */
    public static String of(String name) {
        String safe = TerminalText.sanitize(name);
        if (safe.codePointCount(0, safe.length()) <= MAX_CHARS) {
            return safe;
        }
        return safe.substring(0, safe.offsetByCodePoints(0, MAX_CHARS - 1)) + "\u2026";
    }
}
