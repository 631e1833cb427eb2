package dev.tlsquiz.client.room;

import java.util.Locale;
import java.util.Optional;

/**
 * A room's code as a player types it and as this client keeps it: six characters of an alphabet that
 * reads aloud without doubt (no 0/O, 1/I/L or U), shown {@code K7Q-2MF}. Typed in any case, with or
 * without the dash. The canonical form also names the file a seat token is kept in, so only codes of
 * this alphabet are ever accepted: nothing typed can reach outside the rooms folder.
 */
public final class RoomCode {

    /** The characters of a code (PROTOCOL.md, Rooms). */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** Characters in a code, without the dash. */
    static final int LENGTH = 6;

    private RoomCode() {
    }

    /**
     * The code {@code typed} means, as {@code K7Q-2MF}; empty when it is not one (wrong length, or a
     * character that no code holds). {@code k7q2mf}, {@code K7Q-2MF} and {@code k7q-2mf} are the same code.
     */
    public static Optional<String> parse(String typed) {
        String compact = typed.strip().toUpperCase(Locale.ROOT);
        if (compact.length() == LENGTH + 1 && compact.charAt(3) == '-') {
            compact = compact.substring(0, 3) + compact.substring(4);
        }
        if (compact.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < compact.length(); i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(compact.substring(0, 3) + "-" + compact.substring(3));
    }

    /** Why {@code typed} is not a code, for a usage error. */
    static String whyNot(String typed) {
        return "'" + typed.strip() + "' is not a room code: a code has 6 letters and digits, such as K7Q-2MF"
                + " (the dash may be left out; 0, O, 1, I, L and U never occur) — check it with the host";
    }
}
