package org.civicdispatch.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import org.civicdispatch.reference.catalog.CountingMode;

/** How a stage's limit becomes a deadline: counted in all hours, or in working time on a calendar. */
@FunctionalInterface
public interface DeadlinePolicy {

    /** Every hour counts: 7×24 service. */
    DeadlinePolicy ALL_HOURS = (from, within, mode) -> from.plus(within);

    Instant deadline(Instant from, Duration within, CountingMode mode);
}
