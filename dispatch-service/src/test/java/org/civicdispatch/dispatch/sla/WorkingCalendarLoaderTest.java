package org.civicdispatch.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdispatch.dispatch.sla.SlaFixtures.at;
import static org.civicdispatch.dispatch.sla.SlaFixtures.date;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarLoaderTest {

    private final WorkingCalendar bundled = WorkingCalendarLoader.bundled();

    @Test
    void shouldLoadTheBundledCalendarWithShanghaiOfficeHours() {
        assertThat(bundled.version()).isEqualTo("2026.1-demo");
        assertThat(bundled.zone()).isEqualTo(WorkingCalendar.SHANGHAI);
        assertThat(bundled.periods()).isEqualTo(WorkingCalendar.DEFAULT_PERIODS);
        assertThat(bundled.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }

    @Test
    void shouldHaveThe2026PublicHolidays() {
        assertThat(bundled.holidays()).contains(
                date("2026-01-01"),                                          // New Year's Day
                date("2026-02-16"), date("2026-02-17"), date("2026-02-23"), // Spring Festival
                date("2026-04-06"),                                          // Qingming
                date("2026-05-01"), date("2026-05-04"), date("2026-05-05"), // Labour Day
                date("2026-06-19"),                                          // Dragon Boat
                date("2026-09-25"),                                          // Mid-Autumn
                date("2026-10-01"), date("2026-10-07"));                     // National Day
        assertThat(bundled.makeUpWorkdays()).containsExactlyInAnyOrder(date("2026-01-04"), date("2026-02-14"),
                date("2026-02-28"), date("2026-05-09"), date("2026-09-20"), date("2026-10-10"));
    }

    @Test
    void shouldGiveTheOfficialNumberOfWorkingDaysIn2026() {
        // 261 weekdays, 19 of them off (the 13 statutory days, and 6 weekdays swapped for make-up weekend days),
        // plus those 6 make-up weekend days: 248 working days.
        long workingDays = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(bundled::isWorkingDay).count();

        assertThat(workingDays).isEqualTo(248);
    }

    @Test
    void shouldCountDeadlinesOverTheSpringFestival() {
        // Friday 13 Feb 16:30, 3 working days: the make-up Saturday 14th, then nothing until Tuesday 24th.
        assertThat(bundled.plusWorkingDays(at("2026-02-13T16:30"), 3)).isEqualTo(at("2026-02-25T16:30"));
    }

    @Test
    void shouldLoadACalendarFromJson() {
        WorkingCalendar calendar = WorkingCalendarLoader.load(json("""
                {"version": "test", "zone": "Asia/Shanghai", "workingPeriods": [["09:00", "17:00"]],
                 "holidays": [{"name": "day off", "from": "2026-03-03", "to": "2026-03-03"}],
                 "makeUpWorkdays": [{"date": "2026-03-07", "makesUpFor": "day off"}]}
                """), "test");

        assertThat(calendar.periods()).containsExactly(WorkingPeriod.of("09:00", "17:00"));
        assertThat(calendar.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(date("2026-03-03"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2026-03-07"))).isTrue();
    }

    @Test
    void shouldRefuseAMakeUpWorkdayThatIsNoWeekendDay() {
        assertThatThrownBy(() -> WorkingCalendarLoader.load(json("""
                {"version": "test", "zone": "Asia/Shanghai", "workingPeriods": [["09:00", "17:00"]],
                 "holidays": [], "makeUpWorkdays": [{"date": "2026-03-04"}]}
                """), "bad.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("2026-03-04");
    }

    @Test
    void shouldRefuseMalformedData() {
        for (String bad : List.of(
                "{\"version\": \"x\", \"zone\": \"Mars/Olympus\", \"workingPeriods\": [[\"09:00\", \"17:00\"]]}",
                "{\"version\": \"x\", \"zone\": \"Asia/Shanghai\", \"workingPeriods\": [[\"17:00\", \"09:00\"]]}",
                "{\"version\": \"x\", \"zone\": \"Asia/Shanghai\", \"workingPeriods\": [[\"09:00\"]]}",
                "{\"version\": \"x\", \"zone\": \"Asia/Shanghai\"}",
                "not json")) {
            assertThatThrownBy(() -> WorkingCalendarLoader.load(json(bad), "bad.json")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad.json");
        }
    }

    @Test
    void shouldSayWhichFileIsMissing() {
        assertThatThrownBy(() -> WorkingCalendarLoader.load(null, "/nowhere.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nowhere.json");
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
