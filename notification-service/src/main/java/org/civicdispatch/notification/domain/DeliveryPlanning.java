package org.civicdispatch.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicdispatch.events.Audience;
import org.civicdispatch.events.NotificationChannel;

/**
 * Fans one notice out to the channels its recipient can be reached on. The in-app inbox always gets it; SMS and
 * e-mail only when the recipient wants them, and in their quiet hours not before the quiet period ends unless the
 * notice is urgent; a department system's webhook at once (machines keep no quiet hours). Each channel gets its
 * own notification id, so each (event, recipient, channel) is delivered once.
 */
public final class DeliveryPlanning {

    private static final List<NotificationChannel> PERSONAL = List.of(NotificationChannel.SMS,
            NotificationChannel.EMAIL);

    private DeliveryPlanning() {
    }

    public static List<PlannedDelivery> plan(Notice inApp, Recipient recipient, Instant now) {
        List<PlannedDelivery> planned = new ArrayList<>();
        planned.add(new PlannedDelivery(inApp, null));
        Instant quietUntil = recipient.quietHours() == null || inApp.urgent() ? null
                : recipient.quietHours().endOfQuietPeriod(now).orElse(null);
        for (NotificationChannel channel : PERSONAL) {
            if (recipient.channels().contains(channel)) {
                planned.add(new PlannedDelivery(inApp.via(channel, inApp.audience()), quietUntil));
            }
        }
        if (recipient.channels().contains(NotificationChannel.WEBHOOK)) {
            planned.add(new PlannedDelivery(inApp.via(NotificationChannel.WEBHOOK, Audience.DEPARTMENT_SYSTEM),
                    null));
        }
        return List.copyOf(planned);
    }
}
