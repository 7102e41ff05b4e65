package org.civicdispatch.dispatch.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.civicdispatch.reference.catalog.CountingMode;

/**
 * The time an SLA clock counts: every hour ({@link #ALL_HOURS}) or the working time of a {@link WorkingCalendar}.
 *
 * <p>All three operations agree with each other: {@code between(a, plus(a, d)).equals(d)} and
 * {@code between(minus(b, d), b).equals(d)} for every non-negative {@code d}.
 */
public interface CountedTime {

    /** Every instant counts. */
    CountedTime ALL_HOURS = new CountedTime() {
        @Override
        public CountingMode mode() {
            return CountingMode.ALL_HOURS;
        }

        @Override
        public Instant plus(Instant start, Duration amount) {
            return start.plus(requireNotNegative(amount));
        }

        @Override
        public Instant minus(Instant end, Duration amount) {
            return end.minus(requireNotNegative(amount));
        }

        @Override
        public Duration between(Instant a, Instant b) {
            return Duration.between(a, b);
        }

        @Override
        public String toString() {
            return "all hours";
        }
    };

    CountingMode mode();

    /** The counted time of a mode; {@code calendar} is ignored (and may be null) for all hours. */
    static CountedTime of(CountingMode mode, WorkingCalendar calendar) {
        if (mode == CountingMode.ALL_HOURS) {
            return ALL_HOURS;
        }
        return Objects.requireNonNull(calendar, "counting working hours needs a working calendar");
    }

    /** The earliest instant at or after {@code start} by which {@code amount} of counted time has passed. */
    Instant plus(Instant start, Duration amount);

    /** The latest instant at or before {@code end} from which {@code amount} of counted time remains to it. */
    Instant minus(Instant end, Duration amount);

    /** Counted time from {@code a} to {@code b}; negative when {@code b} is before {@code a}. */
    Duration between(Instant a, Instant b);

    static Duration requireNotNegative(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("counted time must not be negative: " + amount);
        }
        return amount;
    }
}
