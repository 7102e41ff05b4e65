package org.civicdispatch.dispatch.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link WorkingCalendar} from JSON data: the bundled demo calendar or a file the city maintains. Kept apart
 * so that the calendar itself knows nothing of JSON.
 *
 * <pre>{@code
 * {"version": "...", "source": "...", "notice": "...", "zone": "Asia/Shanghai",
 *  "workingPeriods": [["08:30", "12:00"], ["13:30", "17:30"]],
 *  "weekend": ["SATURDAY", "SUNDAY"],                                   (optional, this by default)
 *  "holidays": [{"name": "National Day", "from": "2026-10-01", "to": "2026-10-07"}, ...],
 *  "makeUpWorkdays": [{"date": "2026-10-10", "makesUpFor": "National Day"}, ...]}
 * }</pre>
 * A holiday is a named range of dates, both ends included (weekend days inside it may be listed, it does no harm);
 * a make-up workday names the holiday it makes up for. Make-up workdays must fall on weekend days, else the data
 * is surely wrong.
 */
public final class WorkingCalendarLoader {

    /** The demo calendar shipped in reference-data: mainland China 2026, after the State Council's notice. */
    public static final String BUNDLED = "/reference/work-calendar.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WorkingCalendarLoader() {
    }

    public static WorkingCalendar bundled() {
        try (InputStream in = WorkingCalendarLoader.class.getResourceAsStream(BUNDLED)) {
            return load(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkingCalendar load(InputStream in, String source) {
        if (in == null) {
            throw new IllegalArgumentException("working calendar not found: " + source);
        }
        try {
            return toCalendar(JSON.readValue(in, CalendarFile.class));
        } catch (JacksonException | DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("working calendar " + source + " is not valid: " + e.getMessage(), e);
        }
    }

    private static WorkingCalendar toCalendar(CalendarFile file) {
        List<WorkingPeriod> periods = file.workingPeriods().stream().map(period -> {
            if (period.size() != 2) {
                throw new IllegalArgumentException("a working period is [start, end]: " + period);
            }
            return WorkingPeriod.of(period.get(0), period.get(1));
        }).toList();
        Set<DayOfWeek> weekend = file.weekend() == null ? WorkingCalendar.SATURDAY_AND_SUNDAY
                : Set.copyOf(file.weekend().stream().map(DayOfWeek::valueOf).toList());
        Set<LocalDate> holidays = new HashSet<>();
        for (Holiday holiday : listOrEmpty(file.holidays())) {
            LocalDate to = LocalDate.parse(holiday.to());
            LocalDate from = LocalDate.parse(holiday.from());
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("holiday " + holiday.name() + " ends before it starts");
            }
            from.datesUntil(to.plusDays(1)).forEach(holidays::add);
        }
        Set<LocalDate> makeUpWorkdays = new HashSet<>();
        for (MakeUpWorkday workday : listOrEmpty(file.makeUpWorkdays())) {
            LocalDate date = LocalDate.parse(workday.date());
            if (!weekend.contains(date.getDayOfWeek())) {
                throw new IllegalArgumentException("make-up workday " + date + " is a " + date.getDayOfWeek()
                        + ", not a weekend day");
            }
            makeUpWorkdays.add(date);
        }
        return new WorkingCalendar(file.version(), ZoneId.of(file.zone()), periods, weekend, holidays,
                makeUpWorkdays);
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    record CalendarFile(String version, String source, String notice, String zone, List<List<String>> workingPeriods,
                        List<String> weekend, List<Holiday> holidays, List<MakeUpWorkday> makeUpWorkdays) {
    }

    record Holiday(String name, String from, String to) {
    }

    record MakeUpWorkday(String date, String makesUpFor) {
    }
}
