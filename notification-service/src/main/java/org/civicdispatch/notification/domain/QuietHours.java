package org.civicdispatch.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily period in the recipient's time zone when nothing but urgent notices reaches their phone or mailbox, such
 * as 22:00–07:00. A period may run past midnight; start equal to end means none.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    /** When the quiet period that contains {@code now} ends, or empty when {@code now} is not quiet. */
    public Optional<Instant> endOfQuietPeriod(Instant now) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean quiet = overnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.with(end);
        return Optional.of((overnight && !time.isBefore(start) ? endToday.plusDays(1) : endToday).toInstant());
    }
}
