package org.civicdispatch.notification.delivery;

import java.time.Instant;
import org.civicdispatch.events.NotificationRetry;
import org.civicdispatch.notification.domain.Notice;

/** A notice as it travels on notification-retries and rests in a claim, and back. */
final class RetryRecords {

    private RetryRecords() {
    }

    static NotificationRetry of(Notice notice, int attempt, Instant notBefore, String lastFailure) {
        return NotificationRetry.newBuilder()
                .setNotificationId(notice.notificationId())
                .setCaseId(notice.caseId())
                .setSourceEventId(notice.sourceEventId())
                .setAudience(notice.audience())
                .setRecipientRef(notice.recipientRef())
                .setChannel(notice.channel())
                .setTemplateId(notice.templateId())
                .setLocale(notice.locale())
                .setBody(notice.body())
                .setUrgent(notice.urgent())
                .setAttempt(attempt)
                .setNotBefore(notBefore)
                .setLastFailure(lastFailure)
                .build();
    }

    static Notice notice(NotificationRetry retry) {
        return new Notice(retry.getNotificationId(), retry.getCaseId(), retry.getSourceEventId(),
                retry.getAudience(), retry.getRecipientRef(), retry.getChannel(), retry.getTemplateId(),
                retry.getLocale(), retry.getBody(), retry.getUrgent());
    }
}
