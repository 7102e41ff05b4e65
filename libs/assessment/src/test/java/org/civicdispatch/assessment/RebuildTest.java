package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.model.AssessmentModel;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.render.CsvReport;
import org.civicdispatch.assessment.render.SvgChart;
import org.civicdispatch.assessment.render.UnitNames;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.assessment.report.Ranking;
import org.civicdispatch.assessment.report.RankingPolicy;
import org.junit.jupiter.api.Test;

/**
 * Any replay that keeps each case's records in their order per topic rebuilds the same model: Kafka delivers the
 * partitions and topics interleaved as it likes, the audit store in the order it stored them.
 */
class RebuildTest {

    private static final List<Period> PERIODS = List.of(Period.month(2026, 3), Period.month(2026, 4),
            Period.quarter(2026, 1), Period.quarter(2026, 2), Period.year(2026));

    @Test
    void shouldRebuildTheSameModelWhateverTheOrderAcrossCasesAndTopics() {
        AssessmentModel inOrder = MarchFixture.model();
        String expected = everyReport(inOrder);
        for (long seed = 1; seed <= 200; seed++) {
            AssessmentModel shuffled = new AssessmentModel();
            interleaved(new Random(seed), false).forEach(r -> shuffled.apply(r.topic(), r.value()));
            assertThat(shuffled.snapshot()).as("seed " + seed).isEqualTo(inOrder.snapshot());
            if (seed % 20 == 0) {
                assertThat(everyReport(shuffled)).as("seed " + seed).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldRebuildTheSameModelWhenRecordsAreDeliveredAgain() {
        AssessmentModel inOrder = MarchFixture.model();
        for (long seed = 1; seed <= 50; seed++) {
            AssessmentModel redelivered = new AssessmentModel();
            interleaved(new Random(seed), true).forEach(r -> redelivered.apply(r.topic(), r.value()));
            assertThat(redelivered.snapshot()).as("seed " + seed).isEqualTo(inOrder.snapshot());
        }
    }

    @Test
    void shouldTellWhenACaseEventWasAppliedBefore() {
        AssessmentModel model = new AssessmentModel();
        CaseScript.Recorded dispatched = CaseScript.of("X", "S01", "C01").dispatched(MarchFixture.T0, "san")
                .records().stream().filter(r -> r.topic().equals("case-events")).findFirst().orElseThrow();
        assertThat(model.apply(dispatched.topic(), dispatched.value())).isEqualTo(AssessmentModel.Outcome.APPLIED);
        assertThat(model.apply(dispatched.topic(), dispatched.value())).isEqualTo(AssessmentModel.Outcome.DUPLICATE);
    }

    /** Every rendering of every grouping and period: equal strings mean equal reports, byte for byte. */
    private static String everyReport(AssessmentModel model) {
        StringBuilder all = new StringBuilder();
        for (Period period : PERIODS) {
            for (Grouping grouping : Grouping.values()) {
                Assessment assessment = Assessment.of(model, period, grouping);
                all.append(CsvReport.of(assessment, UnitNames.NONE))
                        .append(CsvReport.of(Ranking.of(assessment, RankingPolicy.DEFAULT), UnitNames.NONE));
                for (Kpi kpi : Kpi.values()) {
                    all.append(SvgChart.bars(assessment, kpi, UnitNames.NONE));
                }
            }
        }
        return all.toString();
    }

    /**
     * The fixture's records as one stream: at each step a random case and a random topic of it give their next
     * record, so cases interleave and, within a case, the task topics, sla-events and the report interleave with
     * case-events. With {@code redeliver}, a record is sometimes followed by a redelivery of its topic's last
     * records for the case (a consumer rewinding after a rebalance).
     */
    private static List<CaseScript.Recorded> interleaved(Random random, boolean redeliver) {
        List<Deque<CaseScript.Recorded>> queues = new ArrayList<>();
        for (CaseScript c : MarchFixture.cases()) {
            Map<String, Deque<CaseScript.Recorded>> byTopic = new LinkedHashMap<>();
            c.records().forEach(r -> byTopic.computeIfAbsent(r.topic(), t -> new ArrayDeque<>()).add(r));
            queues.addAll(byTopic.values());
        }
        Map<Deque<CaseScript.Recorded>, List<CaseScript.Recorded>> delivered = new LinkedHashMap<>();
        List<CaseScript.Recorded> out = new ArrayList<>();
        while (!queues.isEmpty()) {
            Deque<CaseScript.Recorded> queue = queues.get(random.nextInt(queues.size()));
            CaseScript.Recorded next = queue.poll();
            out.add(next);
            List<CaseScript.Recorded> history = delivered.computeIfAbsent(queue, q -> new ArrayList<>());
            history.add(next);
            if (redeliver && random.nextInt(4) == 0) {
                out.addAll(history.subList(random.nextInt(history.size()), history.size()));
            }
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        return out;
    }
}
