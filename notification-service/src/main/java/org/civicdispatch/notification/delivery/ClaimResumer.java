package org.civicdispatch.notification.delivery;

import java.time.Duration;
import java.util.List;
import org.civicdispatch.events.NotificationRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the claims no record will bring back: notices deferred to the end of quiet hours, and deliveries a crash
 * interrupted (CLAIMED for longer than {@code stale}, or RETRYING long past due). Runs on a schedule; several
 * instances may run it, since a claim is taken by one conditional update.
 */
public class ClaimResumer {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimResumer.class);
    // Not a Kafka record: the DLQ headers name the claim table instead.
    private static final Source CLAIMS = new Source("notice_claim", -1, -1);

    private final DeliveryClaims claims;
    private final NoticeDelivery delivery;
    private final Duration stale;

    public ClaimResumer(DeliveryClaims claims, NoticeDelivery delivery, Duration stale) {
        this.claims = claims;
        this.delivery = delivery;
        this.stale = stale;
    }

    public void resumeDue() {
        for (NotificationRetry notice : claims.dueForResumption(stale, 100)) {
            try {
                delivery.resume(notice, List.of("DEFERRED", "CLAIMED", "RETRYING"), CLAIMS);
            } catch (RuntimeException e) {
                LOG.warn("could not resume notice {}, trying again later: {}", notice.getNotificationId(),
                        e.getMessage());
            }
        }
    }
}
