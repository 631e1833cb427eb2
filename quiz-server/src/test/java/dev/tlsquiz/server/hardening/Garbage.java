package dev.tlsquiz.server.hardening;

import java.util.Random;

/**
 * Random bytes that a server must reject at once with a decoding error: each kind ends in an
 * ERROR without waiting for more input (a random length that happens to be small and valid would
 * only make the server wait for the rest of the frame, which is right but proves nothing).
 */
final class Garbage {

    private Garbage() {
    }

    /**
     * Garbage of kind {@code n % 3}: 0, random bytes whose length prefix is far above any limit
     * (FRAME_TOO_LARGE); 1, a complete frame with an unassigned type byte and a random payload
     * (UNKNOWN_TYPE); 2, a complete ANSWER frame whose random payload is too short (TRUNCATED).
     */
    static byte[] frame(Random random, int n) {
        return switch (n % 3) {
            case 0 -> {
                byte[] bytes = new byte[4 + random.nextInt(200)];
                random.nextBytes(bytes);
                bytes[0] = (byte) (1 + random.nextInt(255));
                yield bytes;
            }
            case 1 -> withLength(0x0B + random.nextInt(0xFF - 0x0B + 1), random, random.nextInt(100));
            default -> withLength(0x04, random, random.nextInt(4));
        };
    }

    /** Oversize: a frame declaring {@code length} bytes, above the default limit, with a few of them. */
    static byte[] oversize(Random random) {
        byte[] bytes = new byte[4 + 64];
        random.nextBytes(bytes);
        int length = 16 * 1024 + 1 + random.nextInt(1 << 20);
        bytes[0] = (byte) (length >>> 24);
        bytes[1] = (byte) (length >>> 16);
        bytes[2] = (byte) (length >>> 8);
        bytes[3] = (byte) length;
        return bytes;
    }

    private static byte[] withLength(int type, Random random, int payloadBytes) {
        byte[] frame = new byte[5 + payloadBytes];
        int length = 1 + payloadBytes;
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
        frame[4] = (byte) type;
        for (int i = 5; i < frame.length; i++) {
            frame[i] = (byte) random.nextInt(256);
        }
        return frame;
    }
}
