package dev.tlsquiz.server.cli;

import dev.tlsquiz.server.quiz.Operation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads one entry of {@code --ops}: {@code add}, {@code sub}, {@code mul} or {@code div}. */
public final class OperationConverter implements ITypeConverter<Operation> {

    @Override
    public Operation convert(String value) {
        try {
            return Operation.fromOptionName(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
