package org.civicdispatch.notification.domain;

import java.util.Set;
import org.civicdispatch.events.NotificationChannel;

/**
 * What is known of a recipient when a notice is planned: the channels it can and wants to be reached on (already
 * narrowed to those it has contact data for) and its quiet hours, if any. The in-app inbox needs neither.
 */
public record Recipient(String ref, Set<NotificationChannel> channels, QuietHours quietHours) {

    public Recipient {
        channels = Set.copyOf(channels);
    }

    /** A recipient known only by its inbox: a tier's operators, or a citizen who left no contact data. */
    public static Recipient inboxOnly(String ref) {
        return new Recipient(ref, Set.of(), null);
    }
}
