package dev.tlsquiz.server;

/**
 * The rules for a player name, whether it came from HELLO or from a client certificate: trimmed,
 * 1 to {@value #MAX_CODE_POINTS} characters (Unicode code points), no control characters (they
 * could forge lines in logs and in other players' terminals).
 *
 * <p>A name from a client certificate is taken as it stands, never trimmed, and may not start with
 * {@value #UNVERIFIED_MARKER}: that prefix marks every name no certificate verified (under
 * {@code --client-auth optional}), so an unverified name can never equal a verified one.
 */
final class PlayerNames {

    /** The longest name accepted, in code points. */
    static final int MAX_CODE_POINTS = 64;

    /** The prefix of a name from HELLO on a server that verifies names from client certificates. */
    static final String UNVERIFIED_MARKER = "~";

    private PlayerNames() {
    }

    /**
     * The name from HELLO as the server will use it.
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
        if (hasControl(name)) {
            throw new IllegalArgumentException("player name contains control characters; use letters, digits,"
                    + " spaces and punctuation only");
        }
        return name;
    }

    /**
     * The common name of a verified client certificate as the name the player is known by.
     *
     * @param commonName the certificate's CN, or {@code null} when it has none
     * @throws IllegalArgumentException when the CN is not usable, with a message for the player saying
     *                                  how to get a certificate that is
     */
    static String validateCertificateName(String commonName) {
        String problem = certificateNameProblem(commonName);
        if (problem != null) {
            throw new IllegalArgumentException("your client certificate has no usable common name (CN): " + problem
                    + "; ask the server's operator for a certificate issued with: quiz-server certs client NAME");
        }
        return commonName;
    }

    private static String certificateNameProblem(String commonName) {
        if (commonName == null) {
            return "it has none";
        }
        if (commonName.isEmpty()) {
            return "it is empty";
        }
        int length = commonName.codePointCount(0, commonName.length());
        if (length > MAX_CODE_POINTS) {
            return "it has " + length + " characters (expected: at most " + MAX_CODE_POINTS + ")";
        }
        if (hasControl(commonName)) {
            return "it contains control characters";
        }
        if (!commonName.strip().equals(commonName)) {
            // Trimming it would make it equal to another certificate's name.
            return "it starts or ends with a space";
        }
        if (commonName.startsWith(UNVERIFIED_MARKER)) {
            return "it starts with '" + UNVERIFIED_MARKER + "', which marks names no certificate verified";
        }
        return null;
    }

    private static boolean hasControl(String name) {
        return name.codePoints().anyMatch(PlayerNames::isControl);
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
