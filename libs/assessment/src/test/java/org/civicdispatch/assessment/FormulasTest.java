package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.kpi.Rate;
import org.civicdispatch.assessment.kpi.Tally;
import org.civicdispatch.assessment.kpi.Weights;
import org.civicdispatch.assessment.model.AssessmentModel;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.assessment.report.Ranking;
import org.civicdispatch.assessment.report.RankingPolicy;
import org.civicdispatch.assessment.report.UnitAssessment;
import org.junit.jupiter.api.Test;

/** The formulas on {@link MarchFixture}, every expected figure counted by hand in the comments. */
class FormulasTest {

    private static final Period MARCH = Period.month(2026, 3);
    private final AssessmentModel model = MarchFixture.model();

    @Test
    void shouldCountEachDepartmentAsCountedByHand() {
        Map<String, UnitAssessment> units = byUnit(Assessment.of(model, MARCH, Grouping.DEPARTMENT));
        assertThat(units).containsOnlyKeys("mun", "san", "wat");

        // san: tasks A, B (E cancelled by the merge, F is April) — both signed on time, both first resolved on time
        // (B thanks to its extension), none returned. Leads cases A, B (E merged): both resolved, both rated, B
        // reopened once, both satisfied at their latest rating.
        assertThat(units.get("san").tally()).isEqualTo(new Tally(2, 2, 2, 2, 2, 0, 2, 2, 2, 1, 2, 0, 0));
        assertRates(units.get("san"), Rate.of(2, 2), Rate.of(2, 2), Rate.of(2, 2), Rate.of(2, 2), Rate.of(0, 2),
                Rate.of(1, 2), Rate.of(2, 2));

        // mun: tasks A (signed late, resolved late), C (returned within 1 h: a signing on time), G (signed at 00:20
        // on 1 April, within 2 h of 23:50 on 31 March) = 3 tasks, 3 signed, 2 on time, 1 resolved, 0 on time,
        // 1 returned. Leads only case G (C's lead moved to wat): not resolved, not rated, so reopen and
        // satisfaction have nothing to count.
        assertThat(units.get("mun").tally()).isEqualTo(new Tally(3, 3, 2, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0));
        assertRates(units.get("mun"), Rate.of(3, 3), Rate.of(2, 3), Rate.of(0, 1), Rate.of(0, 1), Rate.of(1, 3),
                Rate.of(0, 0), Rate.of(0, 0));
        assertThat(units.get("mun").rate(Kpi.SATISFACTION_RATE).value()).isNull();

        // wat: tasks C (re-routed, never signed; one breach counted once though delivered twice, one escalation)
        // and D (signed on time, resolved within the deadline moved by the citizen's wait) = 2 tasks, 1 signed,
        // 1 on time, 1 resolved, 1 on time, 0 returned. Leads C (unresolved) and D (resolved), neither rated.
        assertThat(units.get("wat").tally()).isEqualTo(new Tally(2, 1, 1, 1, 1, 0, 2, 1, 0, 0, 0, 1, 1));
        assertRates(units.get("wat"), Rate.of(1, 2), Rate.of(1, 1), Rate.of(1, 1), Rate.of(1, 2), Rate.of(0, 2),
                Rate.of(0, 0), Rate.of(0, 0));
    }

    @Test
    void shouldCountEachStreetAndCommunityAsCountedByHand() {
        Map<String, UnitAssessment> streets = byUnit(Assessment.of(model, MARCH, Grouping.STREET));
        // S01: tasks A/san, A/mun, B/san: 3 signed, 2 on time (A/mun late), 3 resolved, 2 on time, none returned;
        // cases A, B: 2 resolved, 2 rated, 1 reopened, 2 satisfied.
        assertThat(streets.get("S01").tally()).isEqualTo(new Tally(3, 3, 2, 3, 2, 0, 2, 2, 2, 1, 2, 0, 0));
        // S02: tasks C/mun, C/wat, D/wat, G/mun: 3 signed, all on time, 1 resolved (D) on time, 1 returned;
        // cases C, D, G: 1 resolved, none rated.
        assertThat(streets.get("S02").tally()).isEqualTo(new Tally(4, 3, 3, 1, 1, 1, 3, 1, 0, 0, 0, 1, 1));
        assertRates(streets.get("S02"), Rate.of(3, 4), Rate.of(3, 3), Rate.of(1, 1), Rate.of(1, 3), Rate.of(1, 4),
                Rate.of(0, 0), Rate.of(0, 0));

        Map<String, UnitAssessment> communities = byUnit(Assessment.of(model, MARCH, Grouping.COMMUNITY));
        assertThat(communities).containsOnlyKeys("C01", "C02", "C03", "C04");
        // C01: case A only (E merged): tasks A/san (on time) and A/mun (late both times).
        assertThat(communities.get("C01").tally()).isEqualTo(new Tally(2, 2, 1, 2, 1, 0, 1, 1, 1, 0, 1, 0, 0));
    }

    @Test
    void shouldCountTheWholeDistrictOnceInTheTotal() {
        // tasks A/san A/mun B/san C/mun C/wat D/wat G/mun = 7; signed all but C/wat = 6, on time all but A/mun = 5;
        // resolved A/san A/mun B/san D/wat = 4, on time all but A/mun = 3; returned C/mun = 1.
        // cases A B C D G = 5; resolved A B D = 3; rated A B = 2; reopened B = 1; satisfied A B = 2.
        Tally march = new Tally(7, 6, 5, 4, 3, 1, 5, 3, 2, 1, 2, 1, 1);
        for (Grouping grouping : Grouping.values()) {
            assertThat(Assessment.of(model, MARCH, grouping).total().tally()).isEqualTo(march);
        }
        // The first quarter holds March and nothing else; the year adds F (san signs on time, case open).
        assertThat(Assessment.of(model, Period.quarter(2026, 1), Grouping.DEPARTMENT).total().tally())
                .isEqualTo(march);
        assertThat(Assessment.of(model, Period.year(2026), Grouping.DEPARTMENT).total().tally())
                .isEqualTo(march.plus(new Tally(1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)));
    }

    @Test
    void shouldScoreAndListTheDepartmentsAsComputedByHand() {
        Assessment departments = Assessment.of(model, MARCH, Grouping.DEPARTMENT);
        // Default weights: response .15, signing .10, on-time resolution .15, resolution .20, return .10 (1 − rate),
        // reopen .10 (1 − rate), satisfaction .20.
        // san: .15 + .10 + .15 + .20 + .10·1 + .10·(1 − 1/2) + .20 = 0.95 over a full weight of 1.
        // wat: no rating, so weights .15+.10+.15+.20+.10 = .70;
        //      .15·1/2 + .10·1 + .15·1 + .20·1/2 + .10·1 = .525; .525/.70 = 0.75.
        // mun: same .70; .15·1 + .10·2/3 + .15·0 + .20·0 + .10·(1 − 1/3) = 17/60; (17/60)/.70 = 17/42.
        RankingPolicy policy = new RankingPolicy(Weights.DEFAULT, 1, 1, null, 1);
        Ranking ranking = Ranking.of(departments, policy);
        assertThat(ranking.ranked()).extracting(Ranking.RankedUnit::unit).containsExactly("san", "wat", "mun");
        assertThat(ranking.ranked().get(0).score()).isCloseTo(0.95, within(1e-12));
        assertThat(ranking.ranked().get(1).score()).isCloseTo(0.75, within(1e-12));
        assertThat(ranking.ranked().get(2).score()).isCloseTo(17.0 / 42, within(1e-12));
        assertThat(ranking.red()).containsExactly("san");
        assertThat(ranking.black()).containsExactly("mun");

        // Below 0.8 also blacklists wat, worst first.
        assertThat(Ranking.of(departments, new RankingPolicy(Weights.DEFAULT, 1, 1, 0.8, 1)).black())
                .containsExactly("mun", "wat");
        // From 3 tasks only mun is ranked; alone, it heads the red list and no one is on the black one.
        Ranking fromThree = Ranking.of(departments, new RankingPolicy(Weights.DEFAULT, 1, 1, null, 3));
        assertThat(fromThree.unranked()).containsExactly("san", "wat");
        assertThat(fromThree.red()).containsExactly("mun");
        assertThat(fromThree.black()).isEmpty();
    }

    private static void assertRates(UnitAssessment unit, Rate... expected) {
        for (Kpi kpi : Kpi.values()) {
            assertThat(unit.rate(kpi)).as(unit.unit() + " " + kpi.code()).isEqualTo(expected[kpi.ordinal()]);
        }
    }

    private static Map<String, UnitAssessment> byUnit(Assessment assessment) {
        return assessment.units().stream().collect(Collectors.toMap(UnitAssessment::unit, Function.identity()));
    }
}
