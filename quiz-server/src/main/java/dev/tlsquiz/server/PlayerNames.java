package dev.tlsquiz.server;

/**
 * The rules for a player name, whether it came from HELLO or from a client certificate: trimmed,
 * 1 to {@value #MAX_CODE_POINTS} characters (Unicode code points), no control characters (they
 * could forge lines in logs and in other players' terminals).
 */
final class PlayerNames {

    /** The longest name accepted, in code points. */
    static final int MAX_CODE_POINTS = 64;

    private PlayerNames() {
    }

    /**
     * The name as the server will use it.
     *
     * @throws IllegalArgumentException with a message for the player saying what to change
     */
    static String validate(String raw) {
        String name = raw.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("player name is empty; choose a name of 1 to "
                    + MAX_CODE_POINTS + " characters");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_CODE_POINTS) {
            throw new IllegalArgumentException("player name has " + length + " characters (expected: at most "
                    + MAX_CODE_POINTS + "); choose a shorter name");
        }
        if (name.codePoints().anyMatch(PlayerNames::isControl)) {
            throw new IllegalArgumentException("player name contains control characters; use letters, digits,"
                    + " spaces and punctuation only");
        }
        return name;
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                // Bidi overrides and similar invisible formatting characters can disguise a name.
                || type == Character.FORMAT;
    }
}
