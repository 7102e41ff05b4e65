package org.civicdispatch.assessment.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicdispatch.assessment.kpi.Formulas;
import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.kpi.Rate;
import org.civicdispatch.assessment.period.Period;

/**
 * The units of one assessment ordered by composite score, with the red list (红榜) and black list (黑榜).
 * Equal scores share a rank (1, 2, 2, 4) and are listed by unit code, so the order is total and stable.
 *
 * @param ranked   units with a score and enough tasks, best first
 * @param unranked units with too few tasks or nothing to score, by unit code
 * @param red      unit codes on the red list, best first
 * @param black    unit codes on the black list, worst first
 */
public record Ranking(Period period, Grouping grouping, List<RankedUnit> ranked, List<String> unranked,
                      List<String> red, List<String> black) {

    /** One ranked unit. */
    public record RankedUnit(int rank, String unit, double score, long tasks) {
    }

    public Ranking {
        ranked = List.copyOf(ranked);
        unranked = List.copyOf(unranked);
        red = List.copyOf(red);
        black = List.copyOf(black);
    }

    public static Ranking of(Assessment assessment, RankingPolicy policy) {
        List<RankedUnit> scored = new ArrayList<>();
        List<String> unranked = new ArrayList<>();
        for (UnitAssessment unit : assessment.units()) {
            Double score = scoreOf(unit, policy);
            if (score == null || unit.tally().tasks() < policy.minimumTasks()) {
                unranked.add(unit.unit());
            } else {
                scored.add(new RankedUnit(0, unit.unit(), score, unit.tally().tasks()));
            }
        }
        scored.sort(Comparator.comparingDouble(RankedUnit::score).reversed().thenComparing(RankedUnit::unit));
        List<RankedUnit> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            RankedUnit u = scored.get(i);
            boolean tied = i > 0 && scored.get(i - 1).score() == u.score();
            ranked.add(new RankedUnit(tied ? ranked.get(i - 1).rank() : i + 1, u.unit(), u.score(), u.tasks()));
        }
        List<String> red = new ArrayList<>();
        for (RankedUnit u : ranked) {
            if (red.size() == policy.redListSize() || isBelow(u, policy)) {
                break;
            }
            red.add(u.unit());
        }
        Set<String> black = new LinkedHashSet<>();
        List<RankedUnit> worstFirst = new ArrayList<>(ranked);
        Collections.reverse(worstFirst);
        for (RankedUnit u : worstFirst) {
            boolean inBottom = black.size() < policy.blackListSize();
            if (!red.contains(u.unit()) && (inBottom || isBelow(u, policy))) {
                black.add(u.unit());
            }
        }
        return new Ranking(assessment.period(), assessment.grouping(), ranked, unranked, red, List.copyOf(black));
    }

    /** The unit's composite score under the policy's weights, or null with nothing to score. */
    public static Double scoreOf(UnitAssessment unit, RankingPolicy policy) {
        Map<Kpi, Rate> rates = new EnumMap<>(Kpi.class);
        for (Kpi kpi : Kpi.values()) {
            rates.put(kpi, unit.rate(kpi));
        }
        return Formulas.score(rates, policy.weights());
    }

    private static boolean isBelow(RankedUnit u, RankingPolicy policy) {
        return policy.blackListBelow() != null && u.score() < policy.blackListBelow();
    }
}
