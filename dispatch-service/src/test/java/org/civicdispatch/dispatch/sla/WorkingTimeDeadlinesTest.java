package org.civicdispatch.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.civicdispatch.reference.catalog.CountingMode;
import org.junit.jupiter.api.Test;

class WorkingTimeDeadlinesTest {

    private final WorkingTimeDeadlines deadlines = new WorkingTimeDeadlines(WorkingCalendarLoader.bundled());

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.SHANGHAI).toInstant();
    }

    @Test
    void shouldCountHoursInOfficeTimeAcrossAWeekend() {
        assertThat(deadlines.deadline(shanghai("2026-11-20T16:00"), Duration.ofHours(2), CountingMode.WORKING_HOURS))
                .isEqualTo(shanghai("2026-11-23T09:00"));
    }

    @Test
    void shouldCountWholeDaysAsWorkingDaysAcrossTheNationalDayHolidayAndItsMakeUpSaturday() {
        // 1–7 Oct are public holidays; Saturday 10 Oct is a make-up workday.
        assertThat(deadlines.deadline(shanghai("2026-09-30T10:00"), Duration.ofDays(3), CountingMode.WORKING_HOURS))
                .isEqualTo(shanghai("2026-10-10T10:00"));
    }

    @Test
    void shouldCountEveryHourForAllHoursMatters() {
        Instant friday = shanghai("2026-11-20T16:00");

        assertThat(deadlines.deadline(friday, Duration.ofHours(2), CountingMode.ALL_HOURS))
                .isEqualTo(shanghai("2026-11-20T18:00"));
        assertThat(deadlines.deadline(friday, Duration.ofHours(24), CountingMode.ALL_HOURS))
                .isEqualTo(shanghai("2026-11-21T16:00"));
    }
}
