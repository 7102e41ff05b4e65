package org.civicdispatch.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdispatch.dispatch.sla.SlaFixtures.AUTUMN_2026;
import static org.civicdispatch.dispatch.sla.SlaFixtures.WEEKDAYS;
import static org.civicdispatch.dispatch.sla.SlaFixtures.at;
import static org.civicdispatch.dispatch.sla.SlaFixtures.hours;
import static org.civicdispatch.dispatch.sla.SlaFixtures.minutes;

import java.time.Duration;
import org.civicdispatch.reference.catalog.CountingMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaClockTest {

    @Nested
    class AllHours {

        private final SlaClock emergency = SlaClock.start(CountingMode.ALL_HOURS, null, at("2026-03-06T22:15"), hours(2));

        @Test
        void shouldBeDueAfterTheLimitRoundTheClock() {
            assertThat(emergency.mode()).isEqualTo(CountingMode.ALL_HOURS);
            assertThat(emergency.deadline()).contains(at("2026-03-07T00:15"));
        }

        @Test
        void shouldCountWeekendsAndNights() {
            SlaClock utilities = SlaClock.start(CountedTime.ALL_HOURS, at("2026-03-06T10:00"), hours(24));

            assertThat(utilities.deadline()).contains(at("2026-03-07T10:00"));
        }

        @Test
        void shouldTellRemainingTimeAndBreachAfterTheDeadline() {
            assertThat(emergency.remaining(at("2026-03-06T23:45"))).isEqualTo(minutes(30));
            assertThat(emergency.breached(at("2026-03-07T00:15"))).as("at the deadline").isFalse();
            assertThat(emergency.breached(at("2026-03-07T00:15:00.001"))).as("just after").isTrue();
            assertThat(emergency.remaining(at("2026-03-07T01:15"))).as("overdue").isEqualTo(hours(-1));
            assertThat(emergency.remaining(at("2026-03-06T20:00"))).as("before the start").isEqualTo(hours(2));
        }
    }

    @Nested
    class WorkingHours {

        @Test
        void shouldCountWorkingDaysOverTheNationalDayWeek() {
            // Monday 28 Sep: Tue 29 and Wed 30 Sep, Thu 8, Fri 9 and the make-up Saturday 10 Oct.
            SlaClock complaint = SlaClock.start(CountingMode.WORKING_HOURS, AUTUMN_2026, at("2026-09-28T10:00"),
                    AUTUMN_2026.workingDays(5));

            assertThat(complaint.mode()).isEqualTo(CountingMode.WORKING_HOURS);
            assertThat(complaint.deadline()).contains(at("2026-10-10T10:00"));
            // During the holiday: 6 h on Monday, 7 h 30 on Tuesday and Wednesday counted, 16 h 30 left.
            assertThat(complaint.remaining(at("2026-10-05T12:00"))).isEqualTo(hours(16).plus(minutes(30)));
        }

        @Test
        void shouldBeBreachedAfterTheCloseOnTheLastDayThoughNoMoreTimeIsCounted() {
            // Received before work on Monday with 1 working day: due by the close on Monday.
            SlaClock returning = SlaClock.start(WEEKDAYS, at("2026-03-02T07:00"), WEEKDAYS.workingDays(1));

            assertThat(returning.deadline()).contains(at("2026-03-02T17:30"));
            assertThat(returning.breached(at("2026-03-02T20:00"))).isTrue();
            assertThat(returning.remaining(at("2026-03-02T20:00"))).isZero();
            assertThat(returning.remaining(at("2026-03-03T09:00"))).isEqualTo(minutes(-30));
        }

        @Test
        void shouldRequireACalendar() {
            assertThatThrownBy(() -> SlaClock.start(CountingMode.WORKING_HOURS, null, at("2026-03-02T10:00"), hours(1)))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Pausing {

        private final SlaClock started = SlaClock.start(WEEKDAYS, at("2026-03-02T09:00"), WEEKDAYS.workingDays(1));

        @Test
        void shouldHaveNoDeadlineWhileWaitingOnTheCitizen() {
            SlaClock waiting = started.pause(at("2026-03-02T11:00"));

            assertThat(waiting.isPaused()).isTrue();
            assertThat(waiting.deadline()).isEmpty();
            assertThat(waiting.remaining(at("2026-03-20T10:00"))).isEqualTo(hours(5).plus(minutes(30)));
            assertThat(waiting.breached(at("2026-03-20T10:00"))).isFalse();
        }

        @Test
        void shouldMoveTheDeadlineByThePausedWorkingTime() {
            // 2 h counted by Monday 11:00; 5 h 30 left from Wednesday 14:00: 3 h 30 that day, 2 h on Thursday.
            SlaClock resumed = started.pause(at("2026-03-02T11:00")).resume(at("2026-03-04T14:00"));

            assertThat(resumed.isPaused()).isFalse();
            assertThat(resumed.deadline()).contains(at("2026-03-05T10:30"));
            assertThat(resumed.counted(at("2026-03-04T15:00"))).isEqualTo(hours(3));
        }

        @Test
        void shouldMoveAnAllHoursDeadlineByThePausedTime() {
            SlaClock resumed = SlaClock.start(CountedTime.ALL_HOURS, at("2026-03-02T10:00"), hours(24))
                    .pause(at("2026-03-02T12:00"))
                    .resume(at("2026-03-03T12:00"));

            assertThat(resumed.deadline()).contains(at("2026-03-04T10:00"));
        }

        @Test
        void shouldKeepADeadlineThatPassedBeforeThePause() {
            SlaClock lateThenPaused = SlaClock.start(CountedTime.ALL_HOURS, at("2026-03-02T10:00"), hours(2))
                    .pause(at("2026-03-02T15:00"));

            assertThat(lateThenPaused.deadline()).contains(at("2026-03-02T12:00"));
            assertThat(lateThenPaused.breached(at("2026-03-03T10:00"))).isTrue();
            assertThat(lateThenPaused.remaining(at("2026-03-03T10:00"))).isEqualTo(hours(-3));
        }

        @Test
        void shouldCountSeveralPauses() {
            SlaClock clock = SlaClock.start(CountedTime.ALL_HOURS, at("2026-03-02T10:00"), hours(10))
                    .pause(at("2026-03-02T12:00")).resume(at("2026-03-02T13:00"))
                    .pause(at("2026-03-02T15:00")).resume(at("2026-03-03T09:00"));

            assertThat(clock.counted(at("2026-03-03T10:00"))).isEqualTo(hours(5));
            assertThat(clock.deadline()).contains(at("2026-03-03T15:00"));
        }

        @Test
        void shouldRefusePausingTwiceOrResumingARunningClock() {
            SlaClock paused = started.pause(at("2026-03-02T11:00"));

            assertThatThrownBy(() -> paused.pause(at("2026-03-02T12:00"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> started.resume(at("2026-03-02T12:00"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> paused.resume(at("2026-03-02T10:00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldLeaveTheOriginalClockUnchanged() {
            started.pause(at("2026-03-02T11:00"));

            assertThat(started.isPaused()).isFalse();
            assertThat(started.deadline()).contains(at("2026-03-03T09:00"));
        }
    }

    @Nested
    class Extending {

        @Test
        void shouldMoveTheDeadlineByTheExtraWorkingTime() {
            // 3 working days from Monday 2 March 10:00 is Thursday 10:00; 3 more is Tuesday 10 March 10:00.
            SlaClock consultation = SlaClock.start(WEEKDAYS, at("2026-03-02T10:00"), WEEKDAYS.workingDays(3));

            SlaClock extended = consultation.extend(WEEKDAYS.workingDays(3));

            assertThat(consultation.deadline()).contains(at("2026-03-05T10:00"));
            assertThat(extended.deadline()).contains(at("2026-03-10T10:00"));
            assertThat(extended.limit()).isEqualTo(WEEKDAYS.workingDays(6));
        }

        @Test
        void shouldGiveMoreTimeToAPausedClock() {
            SlaClock paused = SlaClock.start(WEEKDAYS, at("2026-03-02T09:00"), hours(4)).pause(at("2026-03-02T10:00"));

            SlaClock extended = paused.extend(hours(2));

            assertThat(extended.deadline()).isEmpty();
            assertThat(extended.remaining(at("2026-03-03T10:00"))).isEqualTo(hours(5));
        }

        @Test
        void shouldRefuseNothingOrLess() {
            SlaClock clock = SlaClock.start(CountedTime.ALL_HOURS, at("2026-03-02T10:00"), hours(2));

            assertThatThrownBy(() -> clock.extend(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> clock.extend(hours(-1))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Reminding {

        private final SlaClock consultation = SlaClock.start(WEEKDAYS, at("2026-03-02T10:00"), WEEKDAYS.workingDays(3));
        private final SlaClock suggestion = SlaClock.start(WEEKDAYS, at("2026-03-02T10:00"), WEEKDAYS.workingDays(5));
        private final SlaClock complaint = SlaClock.start(WEEKDAYS, at("2026-03-02T10:00"), WEEKDAYS.workingDays(10));

        @Test
        void shouldUrgeTwoThreeAndFiveWorkingDaysBeforeTheDeadline() {
            assertThat(consultation.reminderAt(WEEKDAYS.workingDays(2))).contains(at("2026-03-03T10:00"));
            assertThat(suggestion.reminderAt(WEEKDAYS.workingDays(3))).contains(at("2026-03-04T10:00"));
            assertThat(complaint.reminderAt(WEEKDAYS.workingDays(5))).contains(at("2026-03-09T10:00"));
            assertThat(complaint.deadline()).contains(at("2026-03-16T10:00"));
        }

        @Test
        void shouldRemindAtTheStartOfAWorkingPeriodRatherThanAtTheCloseBefore() {
            // Received on Saturday, 3 working days: due Wednesday 17:30; 2 days before is Tuesday 08:30, not Monday 17:30.
            SlaClock weekendCase = SlaClock.start(WEEKDAYS, at("2026-03-07T10:00"), WEEKDAYS.workingDays(3));

            assertThat(weekendCase.deadline()).contains(at("2026-03-11T17:30"));
            assertThat(weekendCase.reminderAt(WEEKDAYS.workingDays(2))).contains(at("2026-03-10T08:30"));
        }

        @Test
        void shouldNotRemindInsideAPause() {
            // 1 h counted before the pause; 3 h left when it resumes on Wednesday 14:00; remind with 2 h left.
            SlaClock clock = SlaClock.start(WEEKDAYS, at("2026-03-02T09:00"), hours(4))
                    .pause(at("2026-03-02T10:00")).resume(at("2026-03-04T14:00"));

            assertThat(clock.reminderAt(hours(2))).contains(at("2026-03-04T15:00"));
            assertThat(clock.deadline()).contains(at("2026-03-04T17:00"));
        }

        @Test
        void shouldRemindAtOnceWhenAskedForMoreThanTheLimit() {
            assertThat(consultation.reminderAt(WEEKDAYS.workingDays(4))).contains(at("2026-03-02T10:00"));
        }

        @Test
        void shouldNotKnowAReminderStillAheadOfAPausedClock() {
            SlaClock paused = consultation.pause(at("2026-03-02T11:00"));

            assertThat(paused.reminderAt(WEEKDAYS.workingDays(2))).isEmpty();
            assertThat(paused.reminderAt(WEEKDAYS.workingDays(3)))
                    .as("already passed at the start").contains(at("2026-03-02T10:00"));
        }
    }
}
