package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

class CsvReportTest {

    /** Names are data: a comma, quotes, a line break, a formula, and plain Chinese. */
    private static final Map<String, String> HOSTILE = Map.of(
            "san", "Sanitation, \"Clean\" & Co\r\nLine 2",
            "mun", "=HYPERLINK(\"http://evil.example\")",
            "wat", "水务局");
    private static final UnitNames NAMES = (grouping, code) -> HOSTILE.get(code);

    private final Assessment march = Assessment.of(MarchFixture.model(), Period.month(2026, 3), Grouping.DEPARTMENT);

    @Test
    void shouldWriteRfc4180WithFixedColumnsRowsByCodeAndTheTotalLast() {
        assertThat(CsvReport.of(march, NAMES)).isEqualTo(String.join("\r\n",
                "period,grouping,unit_code,unit_name,tasks,tasks_answered,tasks_answered_on_time,tasks_resolved,"
                        + "tasks_resolved_on_time,tasks_returned,cases,cases_resolved,cases_rated,cases_reopened,"
                        + "cases_satisfied,sla_breaches,sla_escalations,response_rate,on_time_signing_rate,"
                        + "on_time_resolution_rate,resolution_rate,return_rate,reopen_rate,satisfaction_rate",
                "2026-03,department,mun,\"'=HYPERLINK(\"\"http://evil.example\"\")\",3,3,2,1,0,1,1,0,0,0,0,0,0,"
                        + "1.0000,0.6667,0.0000,0.0000,0.3333,n/a,n/a",
                "2026-03,department,san,\"Sanitation, \"\"Clean\"\" & Co\r\nLine 2\",2,2,2,2,2,0,2,2,2,1,2,0,0,"
                        + "1.0000,1.0000,1.0000,1.0000,0.0000,0.5000,1.0000",
                "2026-03,department,wat,水务局,2,1,1,1,1,0,2,1,0,0,0,1,1,0.5000,1.0000,1.0000,0.5000,0.0000,n/a,n/a",
                "2026-03,department,all,,7,6,5,4,3,1,5,3,2,1,2,1,1,0.8571,0.8333,0.7500,0.6000,0.1429,0.5000,1.0000",
                ""));
    }

    @Test
    void shouldWriteTheRankingBestFirstWithItsLists() {
        Ranking ranking = Ranking.of(march, new RankingPolicy(Weights.DEFAULT, 1, 1, null, 1));
        assertThat(CsvReport.of(ranking, NAMES)).isEqualTo(String.join("\r\n",
                "period,grouping,rank,unit_code,unit_name,score,tasks,list",
                "2026-03,department,1,san,\"Sanitation, \"\"Clean\"\" & Co\r\nLine 2\",0.9500,2,red",
                "2026-03,department,2,wat,水务局,0.7500,2,",
                "2026-03,department,3,mun,\"'=HYPERLINK(\"\"http://evil.example\"\")\",0.4048,3,black",
                ""));
        Ranking fromThree = Ranking.of(march, new RankingPolicy(Weights.DEFAULT, 1, 1, null, 3));
        assertThat(CsvReport.of(fromThree, UnitNames.NONE).split("\r\n")).containsExactly(
                "period,grouping,rank,unit_code,unit_name,score,tasks,list",
                "2026-03,department,1,mun,,0.4048,3,red",
                "2026-03,department,,san,,n/a,,unranked",
                "2026-03,department,,wat,,n/a,,unranked");
    }

    @Test
    void shouldQuoteAndDefuseHostileCodesFromTheEvents() {
        AssessmentModel model = new AssessmentModel();
        CaseScript.of("X", "-S,\"1\"\n", "C01").dispatched(MarchFixture.T0, "san").records()
                .forEach(r -> model.apply(r.topic(), r.value()));
        String csv = CsvReport.of(Assessment.of(model, Period.month(2026, 3), Grouping.STREET), UnitNames.NONE);
        assertThat(csv.split("\r\n")[1]).startsWith("2026-03,street,\"'-S,\"\"1\"\"\n\",,1,");
    }
}
