package org.civicdispatch.dispatch.sla;

import java.time.Duration;
import java.time.Instant;
import org.civicdispatch.dispatch.routing.DeadlinePolicy;
import org.civicdispatch.reference.catalog.CountingMode;

/**
 * Working-hours matters count working time: limits of whole days are working days ("within 3 working days"),
 * shorter ones working hours ("sign within 2 h" of office time). All-hours matters count every hour.
 */
public final class WorkingTimeDeadlines implements DeadlinePolicy {

    private final WorkingCalendar calendar;

    public WorkingTimeDeadlines(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Instant deadline(Instant from, Duration within, CountingMode mode) {
        if (mode == CountingMode.ALL_HOURS) {
            return from.plus(within);
        }
        if (within.toDays() > 0 && within.equals(Duration.ofDays(within.toDays()))) {
            return calendar.plusWorkingDays(from, (int) within.toDays());
        }
        return calendar.plusWorkingTime(from, within);
    }
}
