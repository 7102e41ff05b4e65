package org.civicdispatch.dispatch.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/** One stretch of office hours within a working day, e.g. 08:30–12:00; it cannot cross midnight. */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a working period must end after it starts: " + start + "–" + end);
        }
    }

    /** From "HH:mm" texts, as in the calendar data file. */
    public static WorkingPeriod of(String start, String end) {
        return new WorkingPeriod(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** Nominal length, by the wall clock. */
    public Duration length() {
        return Duration.between(start, end);
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
