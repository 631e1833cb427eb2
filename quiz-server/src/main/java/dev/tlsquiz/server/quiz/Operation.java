package dev.tlsquiz.server.quiz;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The arithmetic operations a generated problem can use, with the name an operator types
 * ({@code --ops add,mul}) and the symbol shown in the problem text.
 */
public enum Operation {
    ADD("add", "+"),
    SUB("sub", "-"),
    /** Shown with U+00D7 MULTIPLICATION SIGN. */
    MUL("mul", "\u00D7"),
    /** Shown with U+00F7 DIVISION SIGN. */
    DIV("div", "\u00F7");

    private final String optionName;
    private final String symbol;

    Operation(String optionName, String symbol) {
        this.optionName = optionName;
        this.symbol = symbol;
    }

    /** The name used on the command line, such as {@code add}. */
    public String optionName() {
        return optionName;
    }

    /** The symbol in the problem text, such as {@code +} or {@code ×}. */
    public String symbol() {
        return symbol;
    }

    /**
     * The operation with this command-line name, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Operation fromOptionName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Operation operation : values()) {
            if (operation.optionName.equals(wanted)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("'" + name + "' (expected: " + optionNames() + ")");
    }

    /** The accepted names, comma separated: {@code add, sub, mul, div}. */
    public static String optionNames() {
        return Arrays.stream(values()).map(Operation::optionName).collect(Collectors.joining(", "));
    }
}
