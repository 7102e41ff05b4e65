package org.civicdispatch.dispatch.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/** Readable times in Shanghai and a hand-made calendar around the National Day week of 2026. */
final class SlaFixtures {

    /** Monday to Friday, 08:30–12:00 and 13:30–17:30, no holidays. */
    static final WorkingCalendar WEEKDAYS = WorkingCalendar.weekdays();

    /**
     * September–October 2026: Mid-Autumn Fri 25 – Sun 27 Sep, National Day Thu 1 – Wed 7 Oct off; Sunday 20 Sep and
     * Saturday 10 Oct worked.
     */
    static final WorkingCalendar AUTUMN_2026 = WEEKDAYS.withHolidays(
            Set.of(date("2026-09-25"), date("2026-09-26"), date("2026-09-27"),
                    date("2026-10-01"), date("2026-10-02"), date("2026-10-03"), date("2026-10-04"),
                    date("2026-10-05"), date("2026-10-06"), date("2026-10-07")),
            Set.of(date("2026-09-20"), date("2026-10-10")));

    /** One working day of the default periods: 7 h 30 min. */
    static final Duration WORKING_DAY = Duration.ofMinutes(450);

    private SlaFixtures() {
    }

    /** A local date-time in Shanghai, e.g. {@code at("2026-03-06T16:00")}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.SHANGHAI).toInstant();
    }

    static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
