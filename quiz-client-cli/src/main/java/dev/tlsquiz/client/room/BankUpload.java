package dev.tlsquiz.client.room;

import dev.tlsquiz.codec.BankPart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bank's text cut into BANK_PART pieces: each at most {@link #MAX_PIECE_BYTES} of UTF-8, cut between
 * characters (never inside a surrogate pair), so every piece is valid UTF-8 and the pieces put together
 * are the text.
 */
final class BankUpload {

    /** Well under the default frame limit (16 KiB) with the frame's own bytes. */
    static final int MAX_PIECE_BYTES = 8 * 1024;

    private BankUpload() {
    }

    /** The pieces of {@code text}, in order, each at most {@code maxPieceBytes} of UTF-8 (at least 4). */
    static List<BankPart> pieces(String text, int maxPieceBytes) {
        if (maxPieceBytes < 4) {
            throw new IllegalArgumentException("maxPieceBytes: " + maxPieceBytes + " (expected: >= 4)");
        }
        List<BankPart> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = utf8Bytes(codePoint);
            if (bytes + size > maxPieceBytes) {
                pieces.add(new BankPart(text.substring(start, i)));
                start = i;
                bytes = 0;
            }
            bytes += size;
            i += chars;
        }
        if (start < text.length()) {
            pieces.add(new BankPart(text.substring(start)));
        }
        return pieces;
    }

    /** The pieces of {@code text} at {@link #MAX_PIECE_BYTES}. */
    static List<BankPart> pieces(String text) {
        return pieces(text, MAX_PIECE_BYTES);
    }

    /** The UTF-8 length of {@code text}, as HOST's {@code bankBytes} announces it. */
    static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int utf8Bytes(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
