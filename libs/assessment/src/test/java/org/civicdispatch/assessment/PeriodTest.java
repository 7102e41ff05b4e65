package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdispatch.assessment.CaseScript.local;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicdispatch.assessment.model.AssessmentModel;
import org.civicdispatch.assessment.period.Granularity;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.junit.jupiter.api.Test;

/** Periods are calendar months, quarters and years in Asia/Shanghai (UTC+8), half-open. */
class PeriodTest {

    @Test
    void shouldStartEachPeriodAtLocalMidnightInShanghai() {
        assertThat(Period.month(2026, 4).start()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(Period.quarter(2026, 3).start()).isEqualTo(Instant.parse("2026-06-30T16:00:00Z"));
        assertThat(Period.year(2027).start()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(Period.month(2026, 12).end()).isEqualTo(Period.year(2027).start());
        assertThat(Period.quarter(2026, 4).end()).isEqualTo(Period.year(2027).start());
    }

    @Test
    void shouldPutTheLastMillisecondBeforeMidnightInTheOldPeriodAndMidnightInTheNew() {
        Instant midnight = Instant.parse("2026-12-31T16:00:00Z"); // 2027-01-01 00:00 in Shanghai
        Instant before = midnight.minusMillis(1);
        assertThat(Period.containing(Granularity.MONTH, before)).isEqualTo(Period.month(2026, 12));
        assertThat(Period.containing(Granularity.QUARTER, before)).isEqualTo(Period.quarter(2026, 4));
        assertThat(Period.containing(Granularity.YEAR, before)).isEqualTo(Period.year(2026));
        assertThat(Period.containing(Granularity.MONTH, midnight)).isEqualTo(Period.month(2027, 1));
        assertThat(Period.containing(Granularity.QUARTER, midnight)).isEqualTo(Period.quarter(2027, 1));
        assertThat(Period.containing(Granularity.YEAR, midnight)).isEqualTo(Period.year(2027));
        assertThat(Period.month(2026, 12).contains(before)).isTrue();
        assertThat(Period.month(2026, 12).contains(midnight)).isFalse();
        // 19:00 UTC on 31 December is still 2026 in UTC but 03:00 on 1 January 2027 in Shanghai.
        assertThat(Period.containing(Granularity.YEAR, Instant.parse("2026-12-31T19:00:00Z")))
                .isEqualTo(Period.year(2027));
        assertThat(Period.containing(Granularity.QUARTER, local("2026-07-01T00:00"))).isEqualTo(Period.quarter(2026, 3));
        assertThat(Period.containing(Granularity.QUARTER, local("2026-06-30T23:59:59.999")))
                .isEqualTo(Period.quarter(2026, 2));
    }

    @Test
    void shouldCountACaseInThePeriodsOfTheInstantItWasDispatched() {
        // Dispatched one millisecond before the year ends in Shanghai, and at the stroke of the new one.
        Instant lastOf2026 = local("2026-12-31T23:59:59.999");
        Instant firstOf2027 = local("2027-01-01T00:00");
        AssessmentModel model = new AssessmentModel();
        for (CaseScript c : List.of(
                CaseScript.of("late", "S01", "C01").dispatched(lastOf2026, "san").accepted("san", firstOf2027),
                CaseScript.of("early", "S01", "C01").dispatched(firstOf2027, "san"))) {
            c.records().forEach(r -> model.apply(r.topic(), r.value()));
        }
        for (Period old : List.of(Period.month(2026, 12), Period.quarter(2026, 4), Period.year(2026))) {
            assertThat(Assessment.of(model, old, Grouping.DEPARTMENT).total().tally().cases()).as(old.label())
                    .isEqualTo(1);
            assertThat(Assessment.of(model, old, Grouping.DEPARTMENT).total().tally().tasksAnswered()).isEqualTo(1);
        }
        for (Period fresh : List.of(Period.month(2027, 1), Period.quarter(2027, 1), Period.year(2027))) {
            assertThat(Assessment.of(model, fresh, Grouping.DEPARTMENT).total().tally().cases()).as(fresh.label())
                    .isEqualTo(1);
            assertThat(Assessment.of(model, fresh, Grouping.DEPARTMENT).total().tally().tasksAnswered()).isZero();
        }
    }

    @Test
    void shouldReadBackTheLabelsItWrites() {
        for (Period p : List.of(Period.month(2026, 3), Period.month(2026, 12), Period.quarter(2026, 1),
                Period.quarter(2026, 4), Period.year(2026))) {
            assertThat(Period.parse(p.label())).isEqualTo(p);
        }
        assertThat(Period.month(2026, 3).label()).isEqualTo("2026-03");
        assertThat(Period.quarter(2026, 2).label()).isEqualTo("2026-Q2");
        assertThat(Period.year(2026).label()).isEqualTo("2026");
    }

    @Test
    void shouldRefuseWhatIsNoPeriodNamingIt() {
        assertThatThrownBy(() -> Period.parse("2026-13")).hasMessageContaining("2026-13");
        assertThatThrownBy(() -> Period.parse("2026-Q5")).hasMessageContaining("2026-Q5");
        assertThatThrownBy(() -> Period.parse("March")).hasMessageContaining("'March'");
        assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.quarter(2026, 0)).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> new Period(Granularity.QUARTER, LocalDate.of(2026, 2, 1)))
                .hasMessageContaining("does not start a quarter");
    }
}
