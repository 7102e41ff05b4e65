package org.civicdispatch.notification.delivery;

import org.civicdispatch.notification.directory.Contact;
import org.civicdispatch.notification.domain.Notice;

/**
 * One way of reaching a recipient (in-app inbox, SMS, e-mail, webhook). Returns once the provider accepted the
 * notice; throws {@link DeliveryFailure} when it did not ({@link PermanentDeliveryFailure} when trying again cannot
 * help). Implementations send {@link Notice#notificationId()} as an idempotency key wherever the protocol has one.
 */
@FunctionalInterface
public interface NoticeChannel {

    void deliver(Notice notice, Contact contact);
}
