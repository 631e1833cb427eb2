package dev.tlsquiz.bank;

import static dev.tlsquiz.bank.BankFixtures.csv;
import static dev.tlsquiz.bank.BankFixtures.gift;
import static dev.tlsquiz.bank.BankFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files built to hurt the reader: each gets a clear error (or is read) within a time bound that holds
 * on a loaded 2-core machine, and never a stack overflow, an out-of-memory error or a hang.
 */
class HostileBankTest {

    /** Generous for a loaded machine; each case takes well under a second on an idle one. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    private static ParsedBank within(Supplier<ParsedBank> read) {
        return assertTimeoutPreemptively(BOUND, read::get);
    }

    private static ParsedBank giftBytes(byte[] bytes) {
        return new BankReader(BankLimits.defaults()).parse(bytes, BankFormat.GIFT);
    }

    @Test
    void controlCharacters_areRefusedWithTheirPosition() {
        ParsedBank bank = gift("Q1 {=a}\n\nRed \u001b[31mtext {=a ~b\u009b}\n\nNul\u0000 {T}\tok");

        assertEquals(List.of(
                "f:3:5: control character U+001B; remove it (only tab and line breaks are allowed)",
                "f:3:21: control character U+009B; remove it (only tab and line breaks are allowed)",
                "f:5:4: control character U+0000; remove it (only tab and line breaks are allowed)"), lines(bank));
        assertEquals(List.of(), bank.questions());
    }

    @Test
    void controlCharacters_inCsvToo() {
        assertEquals(List.of("f:1:3: control character U+007F; remove it (only tab and line breaks are allowed)"),
                lines(csv("Q,\u007f,b,,,,1")));
    }

    @Test
    void invalidUtf8_isOneErrorWithByteOffsetLineAndColumn() {
        byte[] bytes = "Q1 {=a}\n\nQ2 \u00e9? {=b}".getBytes(StandardCharsets.UTF_8);
        bytes[12] = (byte) 0xE9; // Latin-1 é: a lead byte followed by '?' is malformed
        bytes[13] = '?';

        assertEquals(List.of("f:3:4: invalid UTF-8 at byte offset 12 (0xE9); save the file as UTF-8"),
                lines(giftBytes(bytes)));
    }

    @Test
    void invalidUtf8_truncatedAtTheEndOrSurrogateOrOverlong() {
        assertEquals(List.of("f:1:3: invalid UTF-8 at byte offset 2 (0xE2); save the file as UTF-8"),
                lines(giftBytes(new byte[] {'Q', ' ', (byte) 0xE2, (byte) 0x82})));
        assertEquals(List.of("f:1:1: invalid UTF-8 at byte offset 0 (0xED); save the file as UTF-8"),
                lines(giftBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        assertEquals(List.of("f:1:1: invalid UTF-8 at byte offset 0 (0xC0); save the file as UTF-8"),
                lines(giftBytes(new byte[] {(byte) 0xC0, (byte) 0xAF})));
    }

    @Test
    void byteOrderMark_isAcceptedInCsv() {
        byte[] csv = "\uFEFFQuestion,A1,A2,A3,A4,Time limit (sec),Correct answer(s)\nQ,a,b,,,,2\n".getBytes(StandardCharsets.UTF_8);

        ParsedBank bank = new BankReader(BankLimits.defaults()).parse(csv, BankFormat.CSV);

        assertTrue(bank.valid(), () -> lines(bank).toString());
        assertEquals(1, bank.questions().size());
    }

    @Test
    void deeplyNestedBraces_areOneErrorNotADeepStack() {
        String text = "Q " + "{".repeat(1_000_000) + "}".repeat(1_000_000);

        ParsedBank bank = within(() -> gift(text));

        assertEquals(List.of("f:1:4: '{' inside an answer block; close the block with '}' first, or write \\{ for a "
                + "literal brace"), lines(bank));
    }

    @Test
    void enormousLine_isATextLengthError() {
        String text = "x".repeat(4 * 1024 * 1024 - 100) + " {=a}";

        ParsedBank bank = within(() -> gift(text));

        assertEquals(List.of("f:1:1: question text is 4194204 bytes (expected: <= 4096); shorten it"), lines(bank));
    }

    @Test
    void enormousLineOfAnswers_stopsAtTheAnswerLimit() {
        String text = "Q {" + "=a ".repeat(1_000_000) + "}";

        ParsedBank bank = within(() -> gift(text));

        assertEquals(List.of("f:1:82: more than 26 answers in one block; a question has at most 26"), lines(bank));
    }

    @Test
    void longAcceptedAnswers_areAVerdictFrameError() {
        String text = "Q {" + ("=" + "a".repeat(1000) + " ").repeat(20) + "}";

        assertEquals(List.of("f:1:1: accepted answers and feedback take 20094 bytes on the wire (expected: <= 16320 in "
                + "a 16384-byte frame); accept fewer answers"), lines(gift(text)));
    }

    @Test
    void fileOverTheSizeLimit_isRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.gift");
        Files.write(file, new byte[4 * 1024 * 1024 + 1]);

        ParsedBank bank = new BankReader(BankLimits.defaults()).read(file, BankFormat.GIFT);

        assertEquals(List.of("f:1:1: file is 4194305 bytes (expected: <= 4194304); split the bank into several files"),
                lines(bank));
    }

    @Test
    void millionLinesOfEmptyQuestions_areCountedWarningsKeptBounded() {
        String text = "{}\n\n".repeat(500_000);

        ParsedBank bank = within(() -> gift(text));

        assertTrue(bank.valid());
        assertEquals(500_000, bank.warningCount());
        assertEquals(Diagnostics.MAX_KEPT, bank.warnings().size());
        assertEquals("f:999999:1: warning: skipped an essay question ({}); a quiz can only ask questions it can judge",
                gift("{}\n\n".repeat(10) + "\n".repeat(999_978) + "{}").warnings().get(10).format("f"));
    }

    @Test
    void millionBrokenQuestions_areCountedErrorsKeptBounded() {
        String text = "Q {\n\n".repeat(500_000);

        ParsedBank bank = within(() -> gift(text));

        assertEquals(500_000, bank.errorCount());
        assertEquals(Diagnostics.MAX_KEPT, bank.errors().size());
        assertEquals("f:3:3: unclosed '{': the answer block needs a '}' before the next blank line",
                bank.errors().get(1).format("f"));
    }

    @Test
    void tooManyQuestions_isOneErrorAndTheReadingStops() {
        String text = "Q {T}\n\n".repeat(100_001);

        ParsedBank bank = within(() -> gift(text));

        assertEquals(List.of("f:200001:1: more than 100000 questions; split the bank into several files"), lines(bank));
    }

    @Test
    void csvWithAMillionColumns_isOneError() {
        String text = "Q,a,b,,,,1" + ",x".repeat(1_000_000) + "\n";

        ParsedBank bank = within(() -> csv(text));

        assertEquals(List.of("f:1:8: unexpected text in column 8; a row has 7 columns: Question, Answer 1..4, "
                + "Time limit (sec), Correct answer(s)"), lines(bank));
    }

    @Test
    void csvWithAMillionEmptyColumns_isReadAsTheSevenItHas() {
        ParsedBank bank = within(() -> csv("Q,a,b,,,,1" + ",".repeat(1_000_000) + "\n"));

        assertTrue(bank.valid(), () -> lines(bank).toString());
    }

    @Test
    void choiceLimits_countLengthAndFrame() {
        StringBuilder many = new StringBuilder("Q {=a");
        for (int i = 0; i < 26; i++) {
            many.append(" ~w").append(i);
        }
        assertEquals(List.of("f:1:122: more than 26 answers in one block; a question has at most 26"),
                lines(gift(many + "}")));
        BankLimits threeChoices = new BankLimits(1 << 20, 10, 100, 3, 100, 100, 1024);
        assertEquals(List.of("f:1:1: 4 choices (expected: <= 3); remove some"), lines(new BankReader(threeChoices)
                .parse("Q,a,b,c,d,,1".getBytes(StandardCharsets.UTF_8), BankFormat.CSV)));
        assertEquals(List.of("f:1:1: choice 2 is 1025 bytes (expected: <= 1024); shorten it"),
                lines(gift("Q {=a ~" + "é".repeat(512) + "b}")));
        StringBuilder wide = new StringBuilder("x".repeat(4000) + " {=a");
        for (int i = 0; i < 12; i++) {
            wide.append(" ~").append(String.valueOf((char) ('b' + i)).repeat(1000));
        }
        assertTrue(gift(wide + "}").valid(), "4000 + 12 × 1002 bytes fit a default frame");
        ParsedBank tight = new BankReader(BankLimits.defaults().withMaxFrameBytes(8192))
                .parse((wide + "}").getBytes(StandardCharsets.UTF_8), BankFormat.GIFT);
        assertFalse(tight.valid());
        assertTrue(lines(tight).get(0).startsWith("f:1:1: question and choices take "), lines(tight).toString());
        assertEquals(List.of("f:1:1: a feedback is 1025 bytes (expected: <= 1024); shorten it"),
                lines(gift("Q {T#" + "y".repeat(1025) + "}")));
    }
}
