package org.civicdispatch.audit.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.IncidentSubmission;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PersonalDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPORT = """
            {"caseId": "C-1", "description": "Call me on 138 0013 8000 or mail li.lei@example.cn, bins overflow",
             "location": {"address": "Flat 3, ring +86-431-8888-1234", "gridCode": "NG-S01-C01-G01"},
             "reporter": {"name": "Li Lei", "phone": "13800138000", "email": "li.lei@example.cn",
                          "preferredLocale": "zh-CN"}}""";

    @Test
    void shouldMaskTheReporterAndContactDetailsInTheFreeTextOfAReport() {
        for (String type : new String[] {IncidentReported.class.getName(), IncidentSubmission.class.getName()}) {
            JsonNode masked = JSON.readTree(PersonalData.mask(type, REPORT));

            assertThat(masked.get("reporter").get("name").asString()).isEqualTo("***");
            assertThat(masked.get("reporter").get("phone").asString()).isEqualTo("***");
            assertThat(masked.get("reporter").get("email").asString()).isEqualTo("***");
            assertThat(masked.get("reporter").get("preferredLocale").asString()).isEqualTo("zh-CN");
            assertThat(masked.get("description").asString()).isEqualTo("Call me on *** or mail ***, bins overflow");
            assertThat(masked.get("location").get("address").asString()).isEqualTo("Flat 3, ring ***");
            assertThat(masked.get("location").get("gridCode").asString()).isEqualTo("NG-S01-C01-G01");
            assertThat(masked.toString()).doesNotContain("13800138000", "Li Lei", "example.cn", "8888");
        }
    }

    @Test
    void shouldLeaveAbsentReportersAndOtherEventsFreeTextAlone() {
        String dispatched = "{\"caseId\": \"C-1\", \"routingReason\": \"matter 12345678 matched\", \"reporter\": null}";

        assertThat(JSON.readTree(PersonalData.mask("org.civicdispatch.events.CaseEvent", dispatched)))
                .isEqualTo(JSON.readTree(dispatched));
        assertThat(PersonalData.mask(IncidentReported.class.getName(), null)).isNull();
    }

    @Test
    void shouldKnowWhichTopicsCarryPersonalDataAndCountUnknownOnesIn() {
        assertThat(PersonalData.carriedBy("incident-reports")).isTrue();
        assertThat(PersonalData.carriedBy("incident-submissions")).isTrue();
        assertThat(PersonalData.carriedBy("intake-dlq")).isTrue();
        assertThat(PersonalData.carriedBy("case-events")).isFalse();
        assertThat(PersonalData.carriedBy("department-tasks-sanitation")).isFalse();
        assertThat(PersonalData.carriedBy("some-new-topic")).isTrue();
    }
}
