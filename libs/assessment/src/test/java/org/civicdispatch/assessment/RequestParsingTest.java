package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.report.Grouping;
import org.junit.jupiter.api.Test;

/** What an HTTP layer reads from a request: bad values are refused with the values there are. */
class RequestParsingTest {

    @Test
    void shouldReadKpisAndGroupingsByTheirNamesInReports() {
        for (Kpi kpi : Kpi.values()) {
            assertThat(Kpi.ofCode(kpi.code())).isEqualTo(kpi);
        }
        assertThat(Grouping.parse("street")).isEqualTo(Grouping.STREET);
        assertThat(Grouping.parse("COMMUNITY")).isEqualTo(Grouping.COMMUNITY);
    }

    @Test
    void shouldRefuseUnknownNamesListingTheKnownOnes() {
        assertThatThrownBy(() -> Kpi.ofCode("happiness")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no KPI 'happiness'; known: response_rate, on_time_signing_rate, on_time_resolution_rate, "
                        + "resolution_rate, return_rate, reopen_rate, satisfaction_rate");
        assertThatThrownBy(() -> Grouping.parse("grid")).hasMessage(
                "no grouping 'grid'; known: department, street, community");
        assertThatThrownBy(() -> Grouping.parse(null)).hasMessageContaining("'null'");
    }
}
