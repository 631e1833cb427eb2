package dev.tlsquiz.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option whose values are an enum's constants, and lists them, so that every such option of
 * every program reads and shows its values the same way: in lower case, {@code -} for {@code _}
 * ({@code TLS_ONLY} is {@code tls-only}), any case accepted, and a refusal that lists them
 * ({@code 'xml' (expected: text or json)}). A subclass per enum serves as the option's {@code converter}
 * and its {@code completionCandidates}, which {@code ${COMPLETION-CANDIDATES}} in the description
 * shows (picocli's own would be the constants' upper-case names).
 *
 * @param <E> the enum
 */
public abstract class EnumOption<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {

    private final Class<E> type;

    protected EnumOption(Class<E> type) {
        this.type = type;
    }

    /** The name on the command line. */
    protected String nameOf(E value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public E convert(String value) {
        String wanted = value.strip();
        for (E constant : type.getEnumConstants()) {
            if (nameOf(constant).equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + value + "' (expected: " + expected() + ")");
    }

    /** The names, in declaration order. */
    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(nameOf(constant));
        }
        return names.iterator();
    }

    /** {@code a, b or c}. */
    private String expected() {
        List<String> names = new ArrayList<>();
        iterator().forEachRemaining(names::add);
        String last = names.remove(names.size() - 1);
        return names.isEmpty() ? last : String.join(", ", names) + " or " + last;
    }
}
