package org.civicdispatch.notification.domain;

import org.civicdispatch.events.Audience;
import org.civicdispatch.events.NotificationChannel;

/**
 * What one recipient is told about one event, on one channel. {@code recipientRef} is pseudonymous: an inbox
 * ({@code citizen-of:<caseId>}, {@code department:<code>}, {@code unit:<code>}), never a phone number or e-mail
 * address; a channel that needs real contact details resolves them at delivery time. An urgent notice is sent even
 * in its recipient's quiet hours.
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
        String body,
        boolean urgent) {

    /**
     * The same event, recipient and channel always give the same id: it is the key of exactly-once delivery (the
     * claim), the idempotency key receivers dedupe on, and lets readers of {@code notifications} drop redeliveries.
     */
    public static String idOf(String sourceEventId, Audience audience, String recipientRef,
                              NotificationChannel channel) {
        return sourceEventId + "/" + audience + "/" + recipientRef + "/" + channel;
    }

    /** The same notice on another channel, for another audience (a department's system rather than its staff). */
    public Notice via(NotificationChannel otherChannel, Audience otherAudience) {
        return new Notice(idOf(sourceEventId, otherAudience, recipientRef, otherChannel), caseId, sourceEventId,
                otherAudience, recipientRef, otherChannel, templateId, locale, body, urgent);
    }
}
