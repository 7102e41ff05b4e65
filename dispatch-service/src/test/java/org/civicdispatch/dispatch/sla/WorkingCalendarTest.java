package org.civicdispatch.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdispatch.dispatch.sla.SlaFixtures.AUTUMN_2026;
import static org.civicdispatch.dispatch.sla.SlaFixtures.WEEKDAYS;
import static org.civicdispatch.dispatch.sla.SlaFixtures.WORKING_DAY;
import static org.civicdispatch.dispatch.sla.SlaFixtures.at;
import static org.civicdispatch.dispatch.sla.SlaFixtures.date;
import static org.civicdispatch.dispatch.sla.SlaFixtures.hours;
import static org.civicdispatch.dispatch.sla.SlaFixtures.minutes;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    @Nested
    class WorkingDays {

        @Test
        void shouldTakeWeekendsOff() {
            assertThat(WEEKDAYS.isWorkingDay(date("2026-03-06"))).as("Friday").isTrue();
            assertThat(WEEKDAYS.isWorkingDay(date("2026-03-07"))).as("Saturday").isFalse();
            assertThat(WEEKDAYS.isWorkingDay(date("2026-03-08"))).as("Sunday").isFalse();
        }

        @Test
        void shouldTakePublicHolidaysOffAndWorkMakeUpWeekendDays() {
            assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-01"))).as("National Day, Thursday").isFalse();
            assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-07"))).as("last day off, Wednesday").isFalse();
            assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-08"))).as("back to work, Thursday").isTrue();
            assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-10"))).as("make-up Saturday").isTrue();
            assertThat(AUTUMN_2026.isWorkingDay(date("2026-09-20"))).as("make-up Sunday").isTrue();
            assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-11"))).as("ordinary Sunday").isFalse();
        }

        @Test
        void shouldMeasureAWorkingDayByItsPeriods() {
            assertThat(WEEKDAYS.workingDayLength()).isEqualTo(WORKING_DAY);
            assertThat(WEEKDAYS.workingDays(3)).isEqualTo(hours(22).plus(minutes(30)));
        }
    }

    @Nested
    class PlusWorkingTime {

        @Test
        void shouldSkipTheLunchBreak() {
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-02T11:00"), hours(2))).isEqualTo(at("2026-03-02T14:30"));
        }

        @Test
        void shouldCarryOverTheWeekendFromFridayAfternoonToMondayMorning() {
            // 16:00–17:30 Friday is 1 h 30; the last 30 min are 08:30–09:00 Monday.
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-06T16:00"), hours(2))).isEqualTo(at("2026-03-09T09:00"));
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-06T16:30"), hours(2))).isEqualTo(at("2026-03-09T09:30"));
        }

        @Test
        void shouldSkipTheNationalDayWeek() {
            // Wednesday 30 Sep 16:30: 1 h that day, then 1 h on Thursday 8 Oct.
            assertThat(AUTUMN_2026.plusWorkingTime(at("2026-09-30T16:30"), hours(2)))
                    .isEqualTo(at("2026-10-08T09:30"));
        }

        @Test
        void shouldCountMakeUpWeekendDays() {
            // Friday 9 Oct 17:00 + 1 h runs into the make-up Saturday.
            assertThat(AUTUMN_2026.plusWorkingTime(at("2026-10-09T17:00"), hours(1)))
                    .isEqualTo(at("2026-10-10T09:00"));
            // Saturday 19 Sep is off, Sunday 20 Sep is worked.
            assertThat(AUTUMN_2026.plusWorkingTime(at("2026-09-19T10:00"), hours(1)))
                    .isEqualTo(at("2026-09-20T09:30"));
        }

        @Test
        void shouldBeginAtTheNextWorkingPeriodWhenStartedOutsideWorkingHours() {
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-02T07:00"), hours(1))).as("before work")
                    .isEqualTo(at("2026-03-02T09:30"));
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-02T12:30"), hours(1))).as("at lunch")
                    .isEqualTo(at("2026-03-02T14:30"));
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-02T20:00"), hours(1))).as("in the evening")
                    .isEqualTo(at("2026-03-03T09:30"));
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-07T10:00"), hours(1))).as("on Saturday")
                    .isEqualTo(at("2026-03-09T09:30"));
        }

        @Test
        void shouldEndAtTheCloseWhenTheAmountUsesUpTheDay() {
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-02T08:30"), WORKING_DAY))
                    .isEqualTo(at("2026-03-02T17:30"));
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-02T09:00"), hours(3))).isEqualTo(at("2026-03-02T12:00"));
        }

        @Test
        void shouldBeExactToTheMillisecond() {
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-02T11:59:59.123"), Duration.ofMillis(1_000)))
                    .isEqualTo(at("2026-03-02T13:30:00.123"));
        }

        @Test
        void shouldGiveTheStartForNoTimeAndRefuseNegativeTime() {
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-07T10:00"), Duration.ZERO))
                    .isEqualTo(at("2026-03-07T10:00"));
            assertThatThrownBy(() -> WEEKDAYS.plusWorkingTime(at("2026-03-02T10:00"), hours(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldHandleSpansOfYearsQuickly() {
            // 2 000 working days = 400 weeks of Monday to Friday.
            assertThat(WEEKDAYS.plusWorkingTime(at("2026-03-02T10:00"), WORKING_DAY.multipliedBy(2_000)))
                    .isEqualTo(at("2026-03-02T10:00").atZone(WorkingCalendar.SHANGHAI).plusWeeks(400).toInstant());
        }
    }

    @Nested
    class MinusWorkingTime {

        @Test
        void shouldCountBackOverTheWeekend() {
            assertThat(WEEKDAYS.minusWorkingTime(at("2026-03-09T09:00"), hours(2))).isEqualTo(at("2026-03-06T16:00"));
        }

        @Test
        void shouldLandAtTheStartOfAPeriodRatherThanTheCloseBefore() {
            assertThat(WEEKDAYS.minusWorkingTime(at("2026-03-04T17:30"), WORKING_DAY))
                    .isEqualTo(at("2026-03-04T08:30"));
        }

        @Test
        void shouldCountBackOverTheNationalDayWeek() {
            assertThat(AUTUMN_2026.minusWorkingTime(at("2026-10-08T09:30"), hours(2)))
                    .isEqualTo(at("2026-09-30T16:30"));
        }
    }

    @Nested
    class WorkingTimeBetween {

        @Test
        void shouldCountOnlyWorkingPeriods() {
            assertThat(WEEKDAYS.workingTimeBetween(at("2026-03-06T16:00"), at("2026-03-09T09:00"))).isEqualTo(hours(2));
            assertThat(WEEKDAYS.workingTimeBetween(at("2026-03-02T00:00"), at("2026-03-09T00:00")))
                    .isEqualTo(WORKING_DAY.multipliedBy(5));
            assertThat(WEEKDAYS.workingTimeBetween(at("2026-03-07T09:00"), at("2026-03-08T18:00"))).isZero();
        }

        @Test
        void shouldCountTheNationalDayWeekAsNothingButTheMakeUpSaturdayAsADay() {
            assertThat(AUTUMN_2026.workingTimeBetween(at("2026-09-30T17:30"), at("2026-10-08T08:30"))).isZero();
            assertThat(AUTUMN_2026.workingTimeBetween(at("2026-10-08T00:00"), at("2026-10-11T00:00")))
                    .isEqualTo(WORKING_DAY.multipliedBy(3));
        }

        @Test
        void shouldBeNegativeBackwards() {
            assertThat(WEEKDAYS.workingTimeBetween(at("2026-03-09T09:00"), at("2026-03-06T16:00")))
                    .isEqualTo(hours(-2));
        }
    }

    @Nested
    class PlusWorkingDays {

        @Test
        void shouldKeepTheTimeOfDayFromFridayAfternoonToMonday() {
            assertThat(WEEKDAYS.plusWorkingDays(at("2026-03-06T15:00"), 1)).isEqualTo(at("2026-03-09T15:00"));
        }

        @Test
        void shouldGiveTheCloseOfMondayForFridayEveningsAndWeekends() {
            assertThat(WEEKDAYS.plusWorkingDays(at("2026-03-06T18:00"), 1)).isEqualTo(at("2026-03-09T17:30"));
            assertThat(WEEKDAYS.plusWorkingDays(at("2026-03-07T10:00"), 1)).isEqualTo(at("2026-03-09T17:30"));
            assertThat(WEEKDAYS.plusWorkingDays(at("2026-03-09T07:00"), 1)).isEqualTo(at("2026-03-09T17:30"));
        }

        @Test
        void shouldTreatLunchAsTheEndOfTheMorning() {
            assertThat(WEEKDAYS.plusWorkingDays(at("2026-03-02T12:40"), 1)).isEqualTo(at("2026-03-03T12:00"));
        }

        @Test
        void shouldSkipHolidaysAndCountTheMakeUpSaturday() {
            assertThat(AUTUMN_2026.plusWorkingDays(at("2026-09-30T10:00"), 3)).isEqualTo(at("2026-10-10T10:00"));
            assertThat(AUTUMN_2026.plusWorkingDays(at("2026-10-09T15:00"), 1)).isEqualTo(at("2026-10-10T15:00"));
        }

        @Test
        void shouldCountTenWorkingDaysAsTwoWeeks() {
            assertThat(WEEKDAYS.plusWorkingDays(at("2026-03-02T10:00"), 10)).isEqualTo(at("2026-03-16T10:00"));
        }
    }

    @Nested
    class Configuration {

        @Test
        void shouldTakeOtherWorkingPeriods() {
            WorkingCalendar summer = WorkingCalendar.weekdays(WorkingCalendar.SHANGHAI,
                    List.of(WorkingPeriod.of("08:30", "12:00"), WorkingPeriod.of("14:00", "18:00")));

            assertThat(summer.plusWorkingTime(at("2026-07-03T16:00"), hours(2))).isEqualTo(at("2026-07-03T18:00"));
            assertThat(summer.plusWorkingTime(at("2026-07-03T16:00"), hours(3))).isEqualTo(at("2026-07-06T09:30"));
        }

        @Test
        void shouldKeepOfficeHoursInItsOwnZone() {
            WorkingCalendar london = WorkingCalendar.weekdays(ZoneId.of("Europe/London"),
                    List.of(new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(17, 0))));

            // 09:00 Shanghai on Monday 2 March is 01:00 in London: counting starts at 09:00 London, 17:00 Shanghai.
            assertThat(london.plusWorkingTime(at("2026-03-02T09:00"), hours(1))).isEqualTo(at("2026-03-02T18:00"));
        }

        @Test
        void shouldRefuseOverlappingPeriods() {
            assertThatThrownBy(() -> WorkingCalendar.weekdays(WorkingCalendar.SHANGHAI,
                    List.of(WorkingPeriod.of("08:30", "12:00"), WorkingPeriod.of("11:00", "17:30"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WorkingPeriod.of("12:00", "08:30")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldRefuseADateThatIsBothHolidayAndMakeUpWorkday() {
            assertThatThrownBy(() -> WEEKDAYS.withHolidays(Set.of(date("2026-10-10")), Set.of(date("2026-10-10"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2026-10-10");
        }
    }
}
