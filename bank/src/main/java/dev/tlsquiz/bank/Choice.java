package dev.tlsquiz.bank;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One choice of a multiple-choice question.
 *
 * @param weight the GIFT percentage, -100..100: {@code =} is 100, {@code ~} is 0, {@code ~%50%} is 50.
 *     A choice is right when its weight is above 0
 * @param feedback shown when the player chooses it; or empty
 */
public record Choice(String text, BigDecimal weight, String feedback) {

    public Choice {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(feedback, "feedback");
        Weights.requireValid(weight);
    }

    /** Whether choosing it is (part of) the right answer. */
    public boolean right() {
        return weight.signum() > 0;
    }
}
