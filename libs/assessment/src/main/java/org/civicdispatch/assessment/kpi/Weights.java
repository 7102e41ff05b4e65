package org.civicdispatch.assessment.kpi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much each KPI weighs in the composite score. Weights need not sum to 1: the score divides by the weights of
 * the KPIs that had something to count.
 */
public record Weights(Map<Kpi, Double> byKpi) {

    /**
     * The default, justified in FORMULAS.md: the three rates the public rankings use (响应率, 解决率, 满意率) carry
     * 55 %, timeliness 25 %, returns and redone work 20 %.
     */
    public static final Weights DEFAULT = new Weights(Map.of(
            Kpi.RESPONSE_RATE, 0.15,
            Kpi.ON_TIME_SIGNING_RATE, 0.10,
            Kpi.ON_TIME_RESOLUTION_RATE, 0.15,
            Kpi.RESOLUTION_RATE, 0.20,
            Kpi.RETURN_RATE, 0.10,
            Kpi.REOPEN_RATE, 0.10,
            Kpi.SATISFACTION_RATE, 0.20));

    public Weights {
        Map<Kpi, Double> copy = new EnumMap<>(Kpi.class);
        byKpi.forEach((kpi, weight) -> {
            if (weight == null || !(weight >= 0) || weight.isInfinite()) {
                throw new IllegalArgumentException("the weight of " + kpi.code() + " must be a number >= 0, not "
                        + weight);
            }
            copy.put(kpi, weight);
        });
        if (copy.values().stream().allMatch(w -> w == 0)) {
            throw new IllegalArgumentException("at least one KPI must weigh more than 0");
        }
        byKpi = Collections.unmodifiableMap(copy);
    }

    public double of(Kpi kpi) {
        return byKpi.getOrDefault(kpi, 0.0);
    }
}
