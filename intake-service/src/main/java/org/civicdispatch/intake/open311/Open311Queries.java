package org.civicdispatch.intake.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.civicdispatch.intake.ledger.CaseSearch;
import org.springframework.http.HttpStatus;

/**
 * The filters of GeoReport v2 {@code GET requests} as a {@link CaseSearch}. Dates are W3C datetimes; without them the
 * search covers the last 90 days, and no span may be longer. With {@code service_request_id} every other filter is
 * ignored, as the spec says. Every refusal names the parameter.
 */
final class Open311Queries {

    static final int MAX_IDS = 1000;
    /** A "+" of an offset that arrived unencoded in a query string has become a space. */
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile("(.*T[0-9:.]+) ([0-9]{2}(:?[0-9]{2})?)");

    private final Open311Properties properties;
    private final Clock clock;
    private final ZoneId zone;

    Open311Queries(Open311Properties properties, Clock clock, ZoneId zone) {
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    CaseSearch search(String serviceRequestIds, String serviceCodes, String startDate, String endDate, String status,
                      Open311Format format) {
        List<String> ids = list(serviceRequestIds);
        if (!ids.isEmpty()) {
            if (ids.size() > MAX_IDS) {
                throw Open311Refusal.badRequest(format, "service_request_id: at most " + MAX_IDS + " ids at once");
            }
            return new CaseSearch(ids, null, null, null, null, ids.size());
        }
        List<String> errors = new ArrayList<>();
        Instant start = datetime("start_date", startDate, false, errors);
        Instant end = datetime("end_date", endDate, true, errors);
        String wanted = status(status, errors);
        if (errors.isEmpty()) {
            Duration window = properties.window();
            if (start == null && end == null) {
                end = clock.instant();
                start = end.minus(window);
            } else if (start == null) {
                start = end.minus(window);
            } else if (end == null) {
                end = start.plus(window);
            } else if (!end.isAfter(start)) {
                errors.add("end_date: must be after start_date");
            } else if (Duration.between(start, end).compareTo(window) > 0) {
                errors.add("end_date: the range from start_date may span at most " + window.toDays() + " days");
            }
        }
        if (!errors.isEmpty()) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, format, errors);
        }
        return new CaseSearch(null, list(serviceCodes), start, end, wanted, properties.maxResults());
    }

    /**
     * A W3C datetime: with offset ({@code 2026-11-22T08:00:00+08:00}, {@code …Z}), or local to the district; a bare
     * date means the start of that day, or for {@code end_date} its end.
     */
    Instant datetime(String name, String value, boolean endOfDay, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = SPACE_FOR_PLUS.matcher(value.strip()).replaceFirst("$1+$2");
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate day = LocalDate.parse(text);
                    return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS)
                            : day.atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    errors.add(name + ": '" + Open311Refusal.shorten(value)
                            + "' is not a W3C datetime like 2026-11-22T08:00:00+08:00");
                    return null;
                }
            }
        }
    }

    /** open, closed, or both (no filter); the spec allows a comma-separated list. */
    private static String status(String value, List<String> errors) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String s : list(value)) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (!lower.equals("open") && !lower.equals("closed")) {
                errors.add("status: must be open or closed, was '" + Open311Refusal.shorten(s) + "'");
                return null;
            }
            wanted.add(lower);
        }
        return wanted.size() == 1 ? wanted.iterator().next() : null;
    }

    static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }
}
