package dev.tlsquiz.server.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Seat tokens and host tokens: random bits as base64url without padding, compared in constant time. */
public final class Secrets {

    /** A seat token's random bits. */
    public static final int SEAT_TOKEN_BITS = 128;
    /** A host token's random bits. */
    public static final int HOST_TOKEN_BITS = 256;

    private Secrets() {
    }

    /** {@code bits} random bits from {@code random}, base64url without padding. */
    public static String random(SecureRandom random, int bits) {
        byte[] bytes = new byte[bits / 8];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether {@code given} is {@code expected}, in a time that does not depend on how much of it is
     * right. An empty {@code given} never matches.
     */
    public static boolean matches(String expected, String given) {
        return !given.isEmpty() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
