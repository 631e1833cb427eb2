package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.server.quiz.Operation;

/** Reads and lists the entries of {@code --ops}: {@code add}, {@code sub}, {@code mul} or {@code div}. */
public final class OperationConverter extends EnumOption<Operation> {

    public OperationConverter() {
        super(Operation.class);
    }

    @Override
    protected String nameOf(Operation operation) {
        return operation.optionName();
    }
}
