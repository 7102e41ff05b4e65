package org.civicdispatch.notification.domain;

import java.time.Instant;

/** One notice on one channel, to be sent now, or not before {@code notBefore} (the end of quiet hours). */
public record PlannedDelivery(Notice notice, Instant notBefore) {

    public boolean deferred() {
        return notBefore != null;
    }
}
