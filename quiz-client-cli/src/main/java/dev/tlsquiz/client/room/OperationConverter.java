package dev.tlsquiz.client.room;

import dev.tlsquiz.cli.EnumOption;

/** Reads and lists the entries of {@code quiz host --ops}: {@code add}, {@code sub}, {@code mul} or {@code div}. */
public final class OperationConverter extends EnumOption<Operation> {

    public OperationConverter() {
        super(Operation.class);
    }
}
