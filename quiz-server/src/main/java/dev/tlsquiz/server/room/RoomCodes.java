package dev.tlsquiz.server.room;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Room codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), shown as
 * {@code XXX-XXX}, drawn from a {@link SecureRandom}. 30^6 (729 million) codes against a few
 * thousand open rooms and a join-attempt limit per address make scanning for a room futile.
 */
public final class RoomCodes {

    /** The characters a code is made of. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Characters in a code, without the dash. */
    public static final int LENGTH = 6;

    private final SecureRandom random;

    public RoomCodes(SecureRandom random) {
        this.random = random;
    }

    /** A new random code, in its canonical form ({@code K7Q2MF}); {@link #display} adds the dash. */
    public String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The code as people read it: {@code K7Q-2MF}. */
    public static String display(String canonical) {
        return canonical.substring(0, LENGTH / 2) + "-" + canonical.substring(LENGTH / 2);
    }

    /**
     * The canonical form of a code as typed (any case, with or without the dash); empty when it
     * cannot be a code at all.
     */
    public static Optional<String> canonical(String typed) {
        if (typed.length() > 2 * LENGTH) {
            return Optional.empty();
        }
        String code = typed.replace("-", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}
