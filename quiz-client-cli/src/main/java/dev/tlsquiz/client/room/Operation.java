package dev.tlsquiz.client.room;

/** An arithmetic operation a host asks for ({@code --ops}), with the symbol HOST carries for it. */
public enum Operation {
    ADD('+'),
    SUB('-'),
    MUL('*'),
    DIV('/');

    private final char symbol;

    Operation(char symbol) {
        this.symbol = symbol;
    }

    /** The symbol in HOST's {@code operations}. */
    public char symbol() {
        return symbol;
    }
}
