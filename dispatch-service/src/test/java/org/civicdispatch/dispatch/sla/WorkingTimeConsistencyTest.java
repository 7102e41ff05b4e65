package org.civicdispatch.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.dispatch.sla.SlaFixtures.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property-style checks over seeded random instants and durations through the 2026 calendar. */
class WorkingTimeConsistencyTest {

    private static final long SEED = 20_261_001L;
    private static final int CASES = 2_000;
    private static final Instant FROM = at("2025-12-01T00:00");
    private static final Instant TO = at("2027-01-31T00:00");

    private final WorkingCalendar calendar = WorkingCalendarLoader.bundled();
    private final Random random = new Random(SEED);

    @Test
    void shouldMeasureBackExactlyTheWorkingTimeItAdded() {
        for (int i = 0; i < CASES; i++) {
            Instant start = randomInstant();
            Duration amount = randomAmount();

            Instant end = calendar.plusWorkingTime(start, amount);

            assertThat(calendar.workingTimeBetween(start, end)).as("from %s plus %s", start, amount).isEqualTo(amount);
            if (!amount.isZero()) {
                assertThat(calendar.workingTimeBetween(start, end.minusMillis(1))).as("earliest: from %s", start)
                        .isLessThan(amount);
            }
        }
    }

    @Test
    void shouldCountBackExactlyTheWorkingTimeItSubtracted() {
        for (int i = 0; i < CASES; i++) {
            Instant end = randomInstant();
            Duration amount = randomAmount();

            Instant start = calendar.minusWorkingTime(end, amount);

            assertThat(calendar.workingTimeBetween(start, end)).as("%s minus %s", end, amount).isEqualTo(amount);
            if (!amount.isZero()) {
                assertThat(calendar.workingTimeBetween(start.plusMillis(1), end)).as("latest: to %s", end)
                        .isLessThan(amount);
            }
        }
    }

    @Test
    void shouldAddUpWorkingTimeOverConsecutiveIntervals() {
        for (int i = 0; i < CASES; i++) {
            Instant a = randomInstant();
            Instant b = randomInstant();
            Instant c = randomInstant();

            assertThat(calendar.workingTimeBetween(a, b).plus(calendar.workingTimeBetween(b, c)))
                    .isEqualTo(calendar.workingTimeBetween(a, c));
        }
    }

    @Test
    void shouldAgreeWithCountingMinuteByMinute() {
        for (int i = 0; i < 200; i++) {
            Instant a = randomInstant().truncatedTo(ChronoUnit.MINUTES);
            Instant b = a.plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)));

            assertThat(calendar.workingTimeBetween(a, b)).as("%s to %s", a, b).isEqualTo(countMinuteByMinute(a, b));
        }
    }

    @Test
    void shouldAgreeThatWorkingDaysAreWholeDaysOfWorkingTime() {
        for (int i = 0; i < CASES; i++) {
            Instant start = randomInstant();
            int days = 1 + random.nextInt(15);

            assertThat(calendar.plusWorkingDays(start, days)).as("%s plus %d working days", start, days)
                    .isEqualTo(calendar.plusWorkingTime(start, calendar.workingDays(days)));
        }
    }

    private Duration countMinuteByMinute(Instant a, Instant b) {
        long minutes = 0;
        for (Instant t = a; t.isBefore(b); t = t.plus(Duration.ofMinutes(1))) {
            ZonedDateTime local = t.atZone(calendar.zone());
            LocalTime time = local.toLocalTime();
            boolean inPeriod = calendar.periods().stream()
                    .anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
            if (inPeriod && calendar.isWorkingDay(local.toLocalDate())) {
                minutes++;
            }
        }
        return Duration.ofMinutes(minutes);
    }

    private Instant randomInstant() {
        long span = TO.toEpochMilli() - FROM.toEpochMilli();
        long offset = (long) (random.nextDouble() * span);
        // A quarter of the cases sit exactly on a minute, where period edges are.
        Instant instant = FROM.plusMillis(offset);
        return random.nextInt(4) == 0 ? instant.truncatedTo(ChronoUnit.MINUTES) : instant;
    }

    private Duration randomAmount() {
        return switch (random.nextInt(4)) {
            case 0 -> Duration.ZERO.plusMinutes(30L * random.nextInt(40));
            case 1 -> Duration.ofMillis(1 + random.nextInt(3_600_000));
            default -> Duration.ofMillis(1 + (long) (random.nextDouble() * Duration.ofHours(200).toMillis()));
        };
    }
}
