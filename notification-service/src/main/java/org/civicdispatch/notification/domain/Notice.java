package org.civicdispatch.notification.domain;

import org.civicdispatch.events.Audience;
import org.civicdispatch.events.NotificationChannel;

/**
 * What one recipient is told about one event, on one channel. {@code recipientRef} is pseudonymous: an inbox
 * ({@code citizen-of:<caseId>}, {@code department:<code>}), never a phone number or e-mail address; a channel that
 * needs real contact details resolves them at delivery time.
 */
public record Notice(
        String notificationId,
        String caseId,
        String sourceEventId,
        Audience audience,
        String recipientRef,
        NotificationChannel channel,
        String templateId,
        String locale,
        String body) {

    /**
     * The same event, recipient and channel always give the same id, so consumers can drop redeliveries. They do
     * happen: offsets are committed only after every notice of a poll was acknowledged, so a crash or a failed
     * notice in between makes the event (and the notices already written) go out again.
     */
    static String idOf(String sourceEventId, Audience audience, String recipientRef, NotificationChannel channel) {
        return sourceEventId + "/" + audience + "/" + recipientRef + "/" + channel;
    }
}
