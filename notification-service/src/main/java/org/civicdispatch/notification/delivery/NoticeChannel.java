package org.civicdispatch.notification.delivery;

import org.civicdispatch.notification.domain.Notice;

/**
 * One way of reaching a recipient (in-app inbox, SMS, e-mail, webhook). Returns only once the notice is delivered;
 * throws when it is not, so the source event is retried.
 */
@FunctionalInterface
public interface NoticeChannel {

    void deliver(Notice notice);
}
