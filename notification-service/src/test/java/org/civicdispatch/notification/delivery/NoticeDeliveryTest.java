package org.civicdispatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.domain.Fixtures;
import org.civicdispatch.notification.domain.Notice;
import org.civicdispatch.notification.domain.NoticeTemplates;
import org.civicdispatch.notification.domain.Notifying;
import org.junit.jupiter.api.Test;

class NoticeDeliveryTest {

    private final List<Notice> notices = new Notifying(new NoticeTemplates())
            .onCaseEvent(Fixtures.dispatched("C-1", "sanitation", "environment"));

    @Test
    void shouldHandEveryNoticeInOrderToTheChannelItNames() {
        List<Notice> inApp = new ArrayList<>();

        new NoticeDelivery(Map.of(NotificationChannel.IN_APP, inApp::add)).deliverAll(notices);

        assertThat(inApp).containsExactlyElementsOf(notices);
    }

    @Test
    void shouldRefuseANoticeForAChannelNobodyConfigured() {
        NoticeDelivery smsOnly = new NoticeDelivery(Map.of(NotificationChannel.SMS, notice -> { }));

        assertThatIllegalStateException().isThrownBy(() -> smsOnly.deliverAll(notices))
                .withMessageContaining("IN_APP");
    }
}
