package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report records serialize as they are, with no mapping code: what audit's HTTP layer will send. */
class JsonShapeTest {

    @Test
    void shouldSerializeAnAssessmentWithRatesByCodeAndNullForNothingToCount() {
        Assessment march = Assessment.of(MarchFixture.model(), Period.month(2026, 3), Grouping.DEPARTMENT);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode tree = json.readTree(json.writeValueAsString(march));
        JsonNode mun = tree.get("units").get(0);
        assertThat(mun.get("unit").asString()).isEqualTo("mun");
        assertThat(mun.get("tally").get("tasksAnswered").asLong()).isEqualTo(3);
        assertThat(mun.get("rates").propertyNames()).containsExactly("response_rate", "on_time_signing_rate",
                "on_time_resolution_rate", "resolution_rate", "return_rate", "reopen_rate", "satisfaction_rate");
        assertThat(mun.get("rates").get("on_time_signing_rate").get("value").asDouble()).isEqualTo(2.0 / 3);
        assertThat(mun.get("rates").get("satisfaction_rate").get("value").isNull()).isTrue();
        assertThat(tree.get("total").get("unit").asString()).isEqualTo("all");
    }
}
