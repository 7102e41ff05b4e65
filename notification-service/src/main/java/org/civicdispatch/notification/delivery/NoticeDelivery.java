package org.civicdispatch.notification.delivery;

import java.util.List;
import java.util.Map;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.domain.Notice;

/** Hands each notice to the channel it names, in order; a channel nobody configured is a wiring error. */
public class NoticeDelivery {

    private final Map<NotificationChannel, NoticeChannel> channels;

    public NoticeDelivery(Map<NotificationChannel, NoticeChannel> channels) {
        this.channels = Map.copyOf(channels);
    }

    public void deliverAll(List<Notice> notices) {
        for (Notice notice : notices) {
            NoticeChannel channel = channels.get(notice.channel());
            if (channel == null) {
                throw new IllegalStateException("no channel configured for " + notice.channel());
            }
            channel.deliver(notice);
        }
    }
}
