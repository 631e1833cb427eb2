package dev.tlsquiz.server.results;

import dev.tlsquiz.server.Durations;
import dev.tlsquiz.server.config.GameRules;
import dev.tlsquiz.server.quiz.Operation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A game's settings in words, as {@link dev.tlsquiz.server.services.GameRecord#settings()} keeps them,
 * in the command line's own terms: {@code ops=add,mul digits=2 time-limit=30s} for arithmetic,
 * {@code bank=maths.gift order=shuffle time-limit=30s} for banks.
 */
public final class GameSettings {

    private GameSettings() {
    }

    /** The settings of a game played under {@code rules}. */
    public static String describe(GameRules rules) {
        StringBuilder words = new StringBuilder();
        if (rules.banks().any()) {
            // File names only: a path may say more about the operator's machine than a result needs.
            words.append("bank=").append(rules.banks().files().stream().map(Path::getFileName).map(Path::toString)
                    .collect(Collectors.joining(",")));
            rules.banks().category().ifPresent(category -> words.append(" category=").append(category));
            words.append(" order=").append(rules.banks().order().name().toLowerCase(Locale.ROOT));
            if (rules.banks().repeat()) {
                words.append(" repeat");
            }
        } else {
            words.append("ops=").append(rules.operations().stream().sorted().map(Operation::optionName)
                    .collect(Collectors.joining(","))).append(" digits=").append(rules.digits());
        }
        rules.seed().ifPresent(seed -> words.append(" seed=").append(seed));
        return words.append(" time-limit=").append(Durations.format(rules.timeLimit())).toString();
    }
}
