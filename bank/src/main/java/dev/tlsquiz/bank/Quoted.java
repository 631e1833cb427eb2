package dev.tlsquiz.bank;

/**
 * File or player text quoted in a message: its first line only, cut short, so that every message stays
 * one short line (a number or a weight in a file may run over several lines).
 */
final class Quoted {

    private static final int MAX_CHARS = 24;

    private Quoted() {
    }

    static String shorten(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        return end <= MAX_CHARS && end == text.length() ? text : text.substring(0, Math.min(end, MAX_CHARS)) + "…";
    }
}
