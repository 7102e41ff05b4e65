package org.civicdispatch.assessment.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar month, quarter or year in the city's time zone, as the half-open interval [start, end). A case
 * counts in the period that contains the instant it was dispatched.
 *
 * @param first the first day of the period
 */
public record Period(Granularity granularity, LocalDate first) implements Comparable<Period> {

    /** The city's zone: periods start at local midnight. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern LABEL = Pattern.compile("(\\d{4})(?:-(\\d{2})|-Q([1-4]))?");

    public Period {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(first, "first");
        boolean aligned = first.getDayOfMonth() == 1 && switch (granularity) {
            case MONTH -> true;
            case QUARTER -> (first.getMonthValue() - 1) % 3 == 0;
            case YEAR -> first.getMonthValue() == 1;
        };
        if (!aligned) {
            throw new IllegalArgumentException(first + " does not start a " + granularity.name().toLowerCase());
        }
    }

    public static Period month(int year, int month) {
        return new Period(Granularity.MONTH, LocalDate.of(year, month, 1));
    }

    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + quarter);
        }
        return new Period(Granularity.QUARTER, LocalDate.of(year, quarter * 3 - 2, 1));
    }

    public static Period year(int year) {
        return new Period(Granularity.YEAR, LocalDate.of(year, 1, 1));
    }

    /** The period of the given granularity that contains the instant, in {@link #ZONE}. */
    public static Period containing(Granularity granularity, Instant instant) {
        LocalDate day = instant.atZone(ZONE).toLocalDate();
        return switch (granularity) {
            case MONTH -> month(day.getYear(), day.getMonthValue());
            case QUARTER -> quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(day.getYear());
        };
    }

    /**
     * Reads a label as {@link #label()} writes it: {@code 2026-03}, {@code 2026-Q1} or {@code 2026}.
     *
     * @throws IllegalArgumentException naming the label when it is none of these
     */
    public static Period parse(String label) {
        Matcher m = label == null ? null : LABEL.matcher(label);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a period is written 2026-03, 2026-Q1 or 2026, not '" + label + "'");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("no month " + month + " in '" + label + "'");
            }
            return month(year, month);
        }
        return m.group(3) != null ? quarter(year, Integer.parseInt(m.group(3))) : year(year);
    }

    public Instant start() {
        return first.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        LocalDate next = switch (granularity) {
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
        };
        return next.atStartOfDay(ZONE).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    public String label() {
        return switch (granularity) {
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", first.getYear(), first.getMonthValue());
            case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", first.getYear(), (first.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.format(Locale.ROOT, "%04d", first.getYear());
        };
    }

    @Override
    public int compareTo(Period other) {
        int byStart = first.compareTo(other.first);
        return byStart != 0 ? byStart : granularity.compareTo(other.granularity);
    }

    @Override
    public String toString() {
        return label();
    }
}
