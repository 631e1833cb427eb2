package dev.tlsquiz.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a bank file: size checked before reading (and again while reading, should the file grow),
 * strict UTF-8 and no control characters ({@link BankText}), then the format's reader
 * ({@link GiftParser}, {@link KahootCsvReader}) and the limits ({@link BankLimits}).
 *
 * <p>Blocking and CPU-bound: call it off the event loop. Never throws for anything the file holds:
 * every problem is a {@link Diagnostic}. Only a file that cannot be read at all is an
 * {@link IOException}.
 */
public final class BankReader {

    private final BankLimits limits;

    public BankReader(BankLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Reads {@code file} as {@code format}. */
    public ParsedBank read(Path file, BankFormat format) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            return tooLarge(size);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) limits.maxFileBytes() + 1);
        }
        if (bytes.length > limits.maxFileBytes()) {
            return tooLarge(bytes.length);
        }
        return parse(bytes, format);
    }

    /** Reads a bank's bytes as {@code format}. */
    public ParsedBank parse(byte[] bytes, BankFormat format) {
        if (bytes.length > limits.maxFileBytes()) {
            return tooLarge(bytes.length);
        }
        Diagnostics diagnostics = new Diagnostics();
        return BankText.decode(bytes, diagnostics)
                .map(text -> switch (format) {
                    case GIFT -> GiftParser.parse(text, limits);
                    case CSV -> KahootCsvReader.parse(text, limits);
                })
                .orElseGet(() -> ParsedBank.of(List.of(), diagnostics));
    }

    private ParsedBank tooLarge(long size) {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.error(new SourcePosition(1, 1), "file is " + size + " bytes (expected: <= " + limits.maxFileBytes()
                + "); split the bank into several files");
        return ParsedBank.of(List.of(), diagnostics);
    }
}
