package dev.tlsquiz.tls;

/** The check on an ALPN protocol id that the configs are given (RFC 7301: 1 to 255 bytes). */
final class AlpnIds {

    private static final int MAX_BYTES = 255;

    private AlpnIds() {
    }

    /** Fails unless {@code alpnId} is a printable ASCII id of 1 to 255 bytes. */
    static void require(String alpnId) {
        // Printable ASCII only, so that one char is one byte on the wire.
        if (alpnId == null || alpnId.isEmpty() || alpnId.length() > MAX_BYTES
                || alpnId.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("alpnId: " + alpnId + " (expected: 1 to " + MAX_BYTES
                    + " printable ASCII characters)");
        }
    }
}
