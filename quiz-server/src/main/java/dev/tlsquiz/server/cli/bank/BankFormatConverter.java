package dev.tlsquiz.server.cli.bank;

import dev.tlsquiz.bank.BankFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --bank-format}: {@code gift} or {@code csv}, in any case. */
public final class BankFormatConverter implements ITypeConverter<BankFormat> {

    @Override
    public BankFormat convert(String value) {
        try {
            return BankFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
