package dev.tlsquiz.bank;

/** File or player text quoted in a message: cut so that the message stays one short line. */
final class Quoted {

    private static final int MAX_CHARS = 24;

    private Quoted() {
    }

    static String shorten(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
    }
}
