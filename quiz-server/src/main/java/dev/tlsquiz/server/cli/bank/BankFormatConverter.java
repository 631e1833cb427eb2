package dev.tlsquiz.server.cli.bank;

import dev.tlsquiz.bank.BankFormat;
import dev.tlsquiz.cli.EnumOption;

/** Reads and lists {@code --bank-format}: {@code gift} or {@code csv}, in any case. */
public final class BankFormatConverter extends EnumOption<BankFormat> {

    public BankFormatConverter() {
        super(BankFormat.class);
    }
}
