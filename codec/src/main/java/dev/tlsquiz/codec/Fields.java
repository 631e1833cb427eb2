package dev.tlsquiz.codec;

import java.util.Objects;

/**
 * Range checks shared by the message records, so that a record that exists can always be encoded.
 * Violations throw {@link IllegalArgumentException}: building an out-of-range message is a bug in
 * the caller, not a protocol error (the decoder checks ranges itself and raises
 * {@link QuizProtocolException}).
 */
final class Fields {

    static final long MAX_U8 = 0xFF;
    static final long MAX_U16 = 0xFFFF;
    static final long MAX_U32 = 0xFFFF_FFFFL;

    private Fields() {
    }

    static int u8(String name, int value) {
        return (int) check(name, value, MAX_U8);
    }

    static int u16(String name, int value) {
        return (int) check(name, value, MAX_U16);
    }

    static long u32(String name, long value) {
        return check(name, value, MAX_U32);
    }

    static long nonNegative(String name, long value) {
        return check(name, value, Long.MAX_VALUE);
    }

    static String string(String name, String value) {
        Objects.requireNonNull(value, name);
        // UTF-8 never takes more than 3 bytes per UTF-16 char, so only long strings need counting.
        if (value.length() > MAX_U16 / 3 && WireStrings.utf8Length(value) > MAX_U16) {
            throw new IllegalArgumentException(name + ": " + WireStrings.utf8Length(value)
                    + " UTF-8 bytes (expected: <= " + MAX_U16 + ")");
        }
        return value;
    }

    private static long check(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: 0.." + max + ")");
        }
        return value;
    }
}
