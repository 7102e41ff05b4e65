package org.civicdispatch.assessment.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate as counted: numerator over denominator. With nothing to count (denominator 0) there is no rate: value is
 * null (JSON null, "n/a" in reports), never 0 and never NaN, so a unit that had no rated case is not shown as
 * "0 % satisfied".
 *
 * @param value numerator / denominator, or null when the denominator is 0
 */
public record Rate(long numerator, long denominator, Double value) {

    /** How reports write a rate with nothing to count. */
    public static final String NOT_APPLICABLE = "n/a";

    public Rate {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("a rate counts 0 <= numerator <= denominator, not " + numerator + "/"
                    + denominator);
        }
        value = denominator == 0 ? null : (double) numerator / denominator;
    }

    public static Rate of(long numerator, long denominator) {
        return new Rate(numerator, denominator, null);
    }

    public boolean hasValue() {
        return value != null;
    }

    /** The rate with four decimals ("0.8750"), or "n/a". */
    public String decimal() {
        return value == null ? NOT_APPLICABLE
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** The rate as a percentage with one decimal ("87.5%"), or "n/a". */
    public String percent() {
        return value == null ? NOT_APPLICABLE
                : BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }
}
