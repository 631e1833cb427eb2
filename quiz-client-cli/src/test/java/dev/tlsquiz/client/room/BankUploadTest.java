package dev.tlsquiz.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.BankPart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankUploadTest {

    @Test
    void pieces_whenTextHasMultiByteCharacters_thenNoneIsCutAndTheyMakeTheText() {
        String text = "a\u00e9\u20ac\uD83E\uDD8A".repeat(1_000);

        for (int max : List.of(4, 5, 7, 8_192)) {
            List<BankPart> pieces = BankUpload.pieces(text, max);
            StringBuilder joined = new StringBuilder();
            for (BankPart piece : pieces) {
                byte[] bytes = piece.text().getBytes(StandardCharsets.UTF_8);
                assertTrue(bytes.length <= max, "piece of " + bytes.length + " bytes at max " + max);
                assertFalse(Character.isHighSurrogate(piece.text().charAt(piece.text().length() - 1)), "split pair");
                joined.append(piece.text());
            }
            assertEquals(text, joined.toString());
        }
        assertEquals(10 * 1_000, BankUpload.utf8Length(text));
    }

    @Test
    void pieces_whenEmpty_thenNone() {
        assertEquals(List.of(), BankUpload.pieces(""));
    }
}
