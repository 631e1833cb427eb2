package dev.tlsquiz.server.results.store;

import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.services.GameRecord.GameKind;
import java.util.Locale;

/**
 * The words the database stores for enums ({@code solo}, {@code one-choice}, {@code timeout}): written
 * here once, so that renaming a constant in Java cannot silently change what is stored (a test reads
 * back every constant; a rename needs a migration).
 */
public final class Codes {

    private Codes() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static GameKind kind(String word) {
        return parse(GameKind.class, word);
    }

    public static AnswerFormat format(String word) {
        return parse(AnswerFormat.class, word);
    }

    public static Judgement outcome(String word) {
        return parse(Judgement.class, word);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String word) {
        if (word == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(word)) {
                return constant;
            }
        }
        throw new IllegalStateException("the results database holds '" + word + "' where a "
                + type.getSimpleName() + " belongs; was it written by a newer tlsquiz?");
    }
}
