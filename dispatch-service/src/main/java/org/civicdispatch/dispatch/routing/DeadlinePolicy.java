package org.civicdispatch.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import org.civicdispatch.events.Urgency;

/** How a stage's limit becomes a deadline: counted in all hours, or in working time on a calendar. */
@FunctionalInterface
public interface DeadlinePolicy {

    /** Every hour counts: 7×24 service. */
    DeadlinePolicy ALL_HOURS = (from, within, urgency) -> from.plus(within);

    Instant deadline(Instant from, Duration within, Urgency urgency);
}
