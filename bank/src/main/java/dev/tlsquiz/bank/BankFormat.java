package dev.tlsquiz.bank;

import java.util.Locale;
import java.util.Optional;

/** The file formats a bank comes in; the name from the extension unless the user says otherwise. */
public enum BankFormat {
    /** Moodle's GIFT, {@code .gift} or {@code .txt}. */
    GIFT,
    /** The Kahoot-style spreadsheet saved as CSV, {@code .csv}. */
    CSV;

    /** The format a file name's extension implies, case ignored; empty for any other extension. */
    public static Optional<BankFormat> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gift") || name.endsWith(".txt")) {
            return Optional.of(GIFT);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    /** The format named {@code gift} or {@code csv}, in any case, as {@code --bank-format} takes it. */
    public static BankFormat parse(String name) {
        for (BankFormat format : values()) {
            if (format.optionName().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + Quoted.shorten(name) + "' (expected: gift or csv)");
    }

    /** {@code gift} or {@code csv}, as {@code --bank-format} spells it. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
