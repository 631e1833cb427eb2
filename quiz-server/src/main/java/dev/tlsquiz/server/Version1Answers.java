package dev.tlsquiz.server;

import java.util.List;
import java.util.Locale;

/**
 * Version 1 of the protocol answers a choice with the choice's text (version 2 with its number or
 * letter). The judge takes numbers, so the text is mapped to its number first.
 */
final class Version1Answers {

    private Version1Answers() {
    }

    /**
     * The 1-based number of the choice {@code answer} names: the choice written exactly so, else the
     * first one equal to it trimmed and ignoring case. An answer that names no choice becomes empty,
     * which the judge takes for no answer (wrong), never for a number the player did not mean.
     */
    static String choiceNumber(List<String> choices, String answer) {
        int exact = choices.indexOf(answer);
        if (exact >= 0) {
            return Integer.toString(exact + 1);
        }
        String wanted = answer.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Integer.toString(i + 1);
            }
        }
        return "";
    }
}
