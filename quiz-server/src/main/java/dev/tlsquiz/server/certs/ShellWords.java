package dev.tlsquiz.server.certs;

/** Words of a command line printed for the operator to copy: quoted for a POSIX shell when they need it. */
public final class ShellWords {

    private ShellWords() {
    }

    /** {@code word} as is when it holds only safe characters, else in single quotes. */
    public static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
