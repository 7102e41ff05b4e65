package org.civicdispatch.assessment.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.kpi.Rate;
import org.civicdispatch.assessment.kpi.Tally;

/**
 * One unit's figures for one period: the counts and every rate computed from them.
 *
 * @param rates by {@link Kpi#code()}, in {@link Kpi} order
 */
public record UnitAssessment(String unit, Tally tally, Map<String, Rate> rates) {

    public UnitAssessment {
        rates = Collections.unmodifiableMap(new LinkedHashMap<>(rates));
    }

    static UnitAssessment of(String unit, Tally tally) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        for (Kpi kpi : Kpi.values()) {
            rates.put(kpi.code(), kpi.of(tally));
        }
        return new UnitAssessment(unit, tally, rates);
    }

    public Rate rate(Kpi kpi) {
        return rates.get(kpi.code());
    }
}
