package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.civicdispatch.assessment.kpi.Formulas;
import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.kpi.Rate;
import org.civicdispatch.assessment.kpi.Tally;
import org.civicdispatch.assessment.kpi.Weights;
import org.civicdispatch.assessment.model.AssessmentModel;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.render.CsvReport;
import org.civicdispatch.assessment.render.UnitNames;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.assessment.report.Ranking;
import org.civicdispatch.assessment.report.RankingPolicy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A rate with nothing to count is n/a: null in JSON, "n/a" in CSV, never 0 and never NaN. */
class NothingToCountTest {

    @Test
    void shouldHaveNoRateWithNothingToCount() {
        for (Kpi kpi : Kpi.values()) {
            Rate rate = kpi.of(Tally.ZERO);
            assertThat(rate.value()).as(kpi.code()).isNull();
            assertThat(rate.decimal()).isEqualTo("n/a");
            assertThat(rate.percent()).isEqualTo("n/a");
        }
        assertThat(Rate.of(0, 3).value()).isEqualTo(0.0);
        assertThat(Rate.of(1, 3).decimal()).isEqualTo("0.3333");
        assertThat(Rate.of(2, 3).percent()).isEqualTo("66.7%");
        assertThatThrownBy(() -> Rate.of(4, 3)).hasMessageContaining("4/3");
    }

    @Test
    void shouldReportAnEmptyPeriodAsNotApplicable() {
        Assessment empty = Assessment.of(new AssessmentModel(), Period.month(2026, 3), Grouping.STREET);
        assertThat(empty.units()).isEmpty();
        assertThat(CsvReport.of(empty, UnitNames.NONE).split("\r\n")[1])
                .isEqualTo("2026-03,street,all,,0,0,0,0,0,0,0,0,0,0,0,0,0,n/a,n/a,n/a,n/a,n/a,n/a,n/a");
        assertThat(JsonMapper.builder().build().writeValueAsString(empty.total().rate(Kpi.SATISFACTION_RATE)))
                .isEqualTo("{\"numerator\":0,\"denominator\":0,\"value\":null}");
    }

    @Test
    void shouldLeaveAUnitWithNothingToScoreUnranked() {
        Map<Kpi, Rate> none = new EnumMap<>(Kpi.class);
        for (Kpi kpi : Kpi.values()) {
            none.put(kpi, Rate.of(0, 0));
        }
        assertThat(Formulas.score(none, Weights.DEFAULT)).isNull();
        // One case only reported to a department whose task record is missing: a case count, but no task.
        AssessmentModel model = new AssessmentModel();
        CaseScript.of("X", "S01", "C01").dispatched(MarchFixture.T0, "san").records().stream()
                .filter(r -> r.topic().equals("case-events")).forEach(r -> model.apply(r.topic(), r.value()));
        Ranking ranking = Ranking.of(Assessment.of(model, Period.month(2026, 3), Grouping.DEPARTMENT),
                new RankingPolicy(Weights.DEFAULT, 3, 3, 0.6, 0));
        // Its resolution rate is 0/1, so it has a score of 0 and is ranked; with weight only on satisfaction it
        // has nothing to score.
        assertThat(ranking.ranked()).extracting(Ranking.RankedUnit::score).containsExactly(0.0);
        Ranking onSatisfaction = Ranking.of(Assessment.of(model, Period.month(2026, 3), Grouping.DEPARTMENT),
                new RankingPolicy(new Weights(Map.of(Kpi.SATISFACTION_RATE, 1.0)), 3, 3, 0.6, 0));
        assertThat(onSatisfaction.ranked()).isEmpty();
        assertThat(onSatisfaction.unranked()).containsExactly("san");
        assertThat(onSatisfaction.black()).isEmpty();
    }

    @Test
    void shouldRefuseWeightsThatAreNoWeights() {
        assertThatThrownBy(() -> new Weights(Map.of(Kpi.RESPONSE_RATE, Double.NaN))).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Weights(Map.of(Kpi.RESPONSE_RATE, -1.0))).hasMessageContaining("response_rate");
        assertThatThrownBy(() -> new Weights(Map.of(Kpi.RESPONSE_RATE, 0.0))).hasMessageContaining("more than 0");
    }
}
