package dev.tlsquiz.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: fixtures from the classpath, parsing strings, and diagnostics as {@code LINE:COL: message}. */
final class BankFixtures {

    private BankFixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = BankFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedBank gift(String text) {
        return new BankReader(BankLimits.defaults()).parse(text.getBytes(StandardCharsets.UTF_8), BankFormat.GIFT);
    }

    static ParsedBank csv(String text) {
        return new BankReader(BankLimits.defaults()).parse(text.getBytes(StandardCharsets.UTF_8), BankFormat.CSV);
    }

    /** Every diagnostic kept, as {@code f:LINE:COLUMN: message} lines. */
    static List<String> lines(ParsedBank bank) {
        return bank.diagnostics().stream().map(d -> d.format("f")).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    static <T extends Question> T only(ParsedBank bank, Class<T> kind) {
        if (!bank.valid() || bank.questions().size() != 1) {
            throw new AssertionError("expected one question, got " + bank.questions() + " " + lines(bank));
        }
        return kind.cast(bank.questions().get(0));
    }
}
