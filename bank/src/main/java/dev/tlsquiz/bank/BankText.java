package dev.tlsquiz.bank;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A bank file's bytes as text, or why they are not: strict UTF-8 (no replacement characters: a
 * Windows-1252 file must be re-saved, not served with mangled letters), a leading byte-order mark
 * dropped, and no control characters but tab, newline and carriage return.
 *
 * <p>Why refuse controls at load time: a question's text reaches players' terminals. The client's
 * sanitiser would show them escaped, but a bank has no business holding ESC or NUL, and an author is
 * better told where they are than shown {@code \x1b} in the middle of a question.
 */
final class BankText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private BankText() {
    }

    /** The text, or empty after reporting to {@code diagnostics}. */
    static Optional<String> decode(byte[] bytes, Diagnostics diagnostics) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            int offset = in.position();
            diagnostics.error(new LineIndex(out).position(out.length()),
                    "invalid UTF-8 at byte offset " + offset + " (0x" + hex(bytes[offset])
                            + "); save the file as UTF-8");
            return Optional.empty();
        }
        out.flip();
        String text = out.toString();
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        return refuseControls(text, diagnostics) ? Optional.empty() : Optional.of(text);
    }

    private static boolean refuseControls(String text, Diagnostics diagnostics) {
        LineIndex lines = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRefusedControl(c)) {
                if (lines == null) {
                    lines = new LineIndex(text);
                }
                diagnostics.error(lines.position(i), String.format(
                        "control character U+%04X; remove it (only tab and line breaks are allowed)", (int) c));
            }
        }
        return lines != null;
    }

    static boolean isRefusedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
