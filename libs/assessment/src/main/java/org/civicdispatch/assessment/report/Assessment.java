package org.civicdispatch.assessment.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicdispatch.assessment.kpi.Formulas;
import org.civicdispatch.assessment.kpi.Tally;
import org.civicdispatch.assessment.model.AssessmentModel;
import org.civicdispatch.assessment.model.CaseFacts;
import org.civicdispatch.assessment.model.TaskFacts;
import org.civicdispatch.assessment.period.Period;

/**
 * The figures of every unit of one grouping for one period, and of all units together. A case, with all its
 * tasks, counts in the period that contains the instant it was dispatched (in Asia/Shanghai), whenever its later
 * events happen: the figures of a period keep moving until its cases have run their course.
 *
 * @param units ordered by unit code
 * @param total the whole district: every assessed task and case of the period once
 */
public record Assessment(Period period, Grouping grouping, List<UnitAssessment> units, UnitAssessment total) {

    /** The unit code of {@link #total()}. */
    public static final String ALL = "all";

    public Assessment {
        units = List.copyOf(units);
    }

    public static Assessment of(AssessmentModel model, Period period, Grouping grouping) {
        return of(model.snapshot(), period, grouping);
    }

    public static Assessment of(Map<String, CaseFacts> cases, Period period, Grouping grouping) {
        Map<String, Tally> byUnit = new TreeMap<>();
        Tally total = Tally.ZERO;
        for (CaseFacts c : cases.values()) {
            if (c.dispatchedAt() == null || !period.contains(c.dispatchedAt())) {
                continue;
            }
            for (TaskFacts t : c.tasks().values()) {
                if (Formulas.isAssessed(c, t)) {
                    Tally counted = Formulas.countTask(t);
                    byUnit.merge(grouping.unitOf(c, t), counted, Tally::plus);
                    total = total.plus(counted);
                }
            }
            if (Formulas.isAssessed(c)) {
                Tally counted = Formulas.countCase(c);
                byUnit.merge(grouping.unitOf(c), counted, Tally::plus);
                total = total.plus(counted);
            }
        }
        List<UnitAssessment> units = byUnit.entrySet().stream()
                .map(e -> UnitAssessment.of(e.getKey(), e.getValue())).toList();
        return new Assessment(period, grouping, units, UnitAssessment.of(ALL, total));
    }
}
