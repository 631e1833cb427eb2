package dev.tlsquiz.bank;

import java.math.BigDecimal;
import java.util.Objects;

/** The GIFT percentage weights: -100..100, right when above 0. */
final class Weights {

    static final BigDecimal FULL = BigDecimal.valueOf(100);
    static final BigDecimal NONE = BigDecimal.ZERO;
    private static final BigDecimal MIN = BigDecimal.valueOf(-100);

    private Weights() {
    }

    static boolean inRange(BigDecimal weight) {
        return weight.compareTo(MIN) >= 0 && weight.compareTo(FULL) <= 0;
    }

    static BigDecimal requireValid(BigDecimal weight) {
        Objects.requireNonNull(weight, "weight");
        if (!inRange(weight)) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: -100..100)");
        }
        return weight;
    }
}
