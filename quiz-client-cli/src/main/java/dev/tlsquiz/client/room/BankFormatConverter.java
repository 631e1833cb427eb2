package dev.tlsquiz.client.room;

import dev.tlsquiz.bank.BankFormat;
import dev.tlsquiz.cli.EnumOption;

/** Reads and lists {@code quiz host --bank-format}: {@code gift} or {@code csv}, in any case. */
public final class BankFormatConverter extends EnumOption<BankFormat> {

    public BankFormatConverter() {
        super(BankFormat.class);
    }
}
