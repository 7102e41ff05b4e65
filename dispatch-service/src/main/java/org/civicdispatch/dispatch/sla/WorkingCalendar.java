package org.civicdispatch.dispatch.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.civicdispatch.reference.catalog.CountingMode;

/**
 * Office hours of a city: working periods on working days, in one time zone.
 *
 * <p>A date is a working day when it is a make-up workday (调休, a Saturday or Sunday worked in exchange for a
 * longer holiday), or else when it is neither a public holiday nor a weekend day. Dates the data does not cover
 * (other years) follow the weekend rule only.
 *
 * <p>Working-time arithmetic is exact (to the nanosecond) and walks day by day, never minute by minute:
 * <ul>
 *   <li>{@link #plusWorkingTime} gives the <em>earliest</em> instant by which the amount has been worked, so a
 *       deadline that uses up a whole day lands at 17:30, not at 08:30 the next working day;</li>
 *   <li>{@link #minusWorkingTime} gives the <em>latest</em> instant from which the amount remains, so a reminder
 *       lands at the start of a working period (08:30), not at the close of the day before;</li>
 *   <li>{@link #workingTimeBetween} agrees with both.</li>
 * </ul>
 *
 * @param version        of the calendar data, to stamp on deadlines computed with it
 * @param zone           where the office hours are kept (Asia/Shanghai)
 * @param periods        working periods of every working day, in order, not overlapping
 * @param weekend        days of the week that are off unless a make-up workday
 * @param holidays       public holidays (including their weekend days, which is harmless)
 * @param makeUpWorkdays weekend days that are working days
 */
public record WorkingCalendar(String version, ZoneId zone, List<WorkingPeriod> periods, Set<DayOfWeek> weekend,
                              Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) implements CountedTime {

    /** 08:30–12:00 and 13:30–17:30, a common schedule of Chinese government offices. */
    public static final List<WorkingPeriod> DEFAULT_PERIODS =
            List.of(WorkingPeriod.of("08:30", "12:00"), WorkingPeriod.of("13:30", "17:30"));

    public static final Set<DayOfWeek> SATURDAY_AND_SUNDAY = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public WorkingCalendar {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(zone, "zone");
        periods = List.copyOf(periods);
        weekend = Set.copyOf(weekend);
        holidays = Set.copyOf(holidays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs at least one working period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods must be in order and not overlap: " + periods);
            }
        }
        if (weekend.size() >= DayOfWeek.values().length) {
            throw new IllegalArgumentException("a working calendar needs at least one working day a week");
        }
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(makeUpWorkdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("dates both public holiday and make-up workday: " + both);
        }
    }

    /** Monday to Friday with the given periods, no holidays. */
    public static WorkingCalendar weekdays(ZoneId zone, List<WorkingPeriod> periods) {
        return new WorkingCalendar("weekdays", zone, periods, SATURDAY_AND_SUNDAY, Set.of(), Set.of());
    }

    /** Monday to Friday, 08:30–12:00 and 13:30–17:30, Asia/Shanghai, no holidays. */
    public static WorkingCalendar weekdays() {
        return weekdays(SHANGHAI, DEFAULT_PERIODS);
    }

    public WorkingCalendar withHolidays(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        return new WorkingCalendar(version, zone, periods, weekend, holidays, makeUpWorkdays);
    }

    @Override
    public CountingMode mode() {
        return CountingMode.WORKING_HOURS;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        return !holidays.contains(date) && !weekend.contains(date.getDayOfWeek());
    }

    /** Nominal working time of one full working day (7 h 30 min by default). */
    public Duration workingDayLength() {
        return periods.stream().map(WorkingPeriod::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** Working time of {@code days} full working days, as a limit for a working-hours clock. */
    public Duration workingDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        return workingDayLength().multipliedBy(days);
    }

    /**
     * The earliest instant by which {@code amount} of working time has passed since {@code start}. A start outside
     * working hours begins counting at the next working period; a zero amount gives {@code start} itself.
     */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        Duration left = CountedTime.requireNotNegative(amount);
        if (left.isZero()) {
            return start;
        }
        for (LocalDate day = dateOf(start); ; day = day.plusDays(1)) {
            for (Span span : spans(day)) {
                if (!span.to().isAfter(start)) {
                    continue;
                }
                Instant from = later(span.from(), start);
                Duration available = Duration.between(from, span.to());
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
    }

    /**
     * The latest instant from which {@code amount} of working time remains until {@code end}. An end outside working
     * hours counts back from the close of the previous working period; a zero amount gives {@code end} itself.
     */
    public Instant minusWorkingTime(Instant end, Duration amount) {
        Duration left = CountedTime.requireNotNegative(amount);
        if (left.isZero()) {
            return end;
        }
        for (LocalDate day = dateOf(end); ; day = day.minusDays(1)) {
            List<Span> spans = spans(day);
            for (int i = spans.size() - 1; i >= 0; i--) {
                Span span = spans.get(i);
                if (!span.from().isBefore(end)) {
                    continue;
                }
                Instant to = earlier(span.to(), end);
                Duration available = Duration.between(span.from(), to);
                if (left.compareTo(available) <= 0) {
                    return to.minus(left);
                }
                left = left.minus(available);
            }
        }
    }

    /** Working time from {@code a} to {@code b}; negative when {@code b} is before {@code a}. */
    public Duration workingTimeBetween(Instant a, Instant b) {
        if (b.isBefore(a)) {
            return workingTimeBetween(b, a).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = dateOf(b);
        for (LocalDate day = dateOf(a); !day.isAfter(last); day = day.plusDays(1)) {
            for (Span span : spans(day)) {
                Instant from = later(span.from(), a);
                Instant to = earlier(span.to(), b);
                if (to.isAfter(from)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
        }
        return total;
    }

    /**
     * The same working-time position {@code days} working days later: Friday 16:00 plus one working day is Monday
     * 16:00 (lunch counts as the position at 12:00). A start before the first period, or on a day off, sits at the
     * start of its working day, which is the close of the working day before; so Monday 07:00 or the Saturday before
     * plus one working day is Monday 17:30, and Friday 18:00 plus one is Monday 17:30 too. Agrees with
     * {@code plusWorkingTime(start, workingDays(days))} whenever every working day has its nominal length.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        if (days == 0) {
            return start;
        }
        LocalDate day = nextWorkingDayFrom(dateOf(start));
        Duration position = day.equals(dateOf(start)) ? workedOnDayBefore(day, start) : Duration.ZERO;
        if (position.isZero()) {
            LocalDate target = workingDaysAfter(day, days - 1);
            List<Span> spans = spans(target);
            return spans.get(spans.size() - 1).to();
        }
        return positionOn(workingDaysAfter(day, days), position);
    }

    @Override
    public Instant plus(Instant start, Duration amount) {
        return plusWorkingTime(start, amount);
    }

    @Override
    public Instant minus(Instant end, Duration amount) {
        return minusWorkingTime(end, amount);
    }

    @Override
    public Duration between(Instant a, Instant b) {
        return workingTimeBetween(a, b);
    }

    private Duration workedOnDayBefore(LocalDate day, Instant instant) {
        Duration worked = Duration.ZERO;
        for (Span span : spans(day)) {
            Instant to = earlier(span.to(), instant);
            if (to.isAfter(span.from())) {
                worked = worked.plus(Duration.between(span.from(), to));
            }
        }
        return worked;
    }

    /** The earliest instant on {@code day} by which {@code position} has been worked that day (its close at most). */
    private Instant positionOn(LocalDate day, Duration position) {
        Duration left = position;
        List<Span> spans = spans(day);
        for (Span span : spans) {
            Duration length = Duration.between(span.from(), span.to());
            if (left.compareTo(length) <= 0) {
                return span.from().plus(left);
            }
            left = left.minus(length);
        }
        return spans.get(spans.size() - 1).to();
    }

    private LocalDate nextWorkingDayFrom(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private LocalDate workingDaysAfter(LocalDate workingDay, int days) {
        LocalDate day = workingDay;
        for (int i = 0; i < days; i++) {
            day = nextWorkingDayFrom(day.plusDays(1));
        }
        return day;
    }

    private LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** Working periods of one date as instants; none on a day off. */
    private List<Span> spans(LocalDate date) {
        if (!isWorkingDay(date)) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(periods.size());
        for (WorkingPeriod period : periods) {
            Instant from = ZonedDateTime.of(date, period.start(), zone).toInstant();
            Instant to = ZonedDateTime.of(date, period.end(), zone).toInstant();
            if (to.isAfter(from)) {
                spans.add(new Span(from, to));
            }
        }
        return spans;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private record Span(Instant from, Instant to) {
    }
}
