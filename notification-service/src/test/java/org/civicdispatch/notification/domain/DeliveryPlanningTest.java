package org.civicdispatch.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.civicdispatch.events.Audience;
import org.civicdispatch.events.NotificationChannel;
import org.junit.jupiter.api.Test;

class DeliveryPlanningTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHTS = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);
    // 23:30 in Shanghai
    private static final Instant LATE = Instant.parse("2026-11-23T15:30:00Z");
    private static final Instant NOON = Instant.parse("2026-11-23T04:00:00Z");

    private final Notice notice = new Notifying(new NoticeTemplates()).onReported(Fixtures.report("C-1", "en")).get(0);

    @Test
    void shouldSendOnlyOnTheChannelsTheRecipientWantsAndCanBeReachedOn() {
        List<PlannedDelivery> planned = DeliveryPlanning.plan(notice,
                new Recipient("citizen-of:C-1", Set.of(NotificationChannel.EMAIL), null), NOON);

        assertThat(planned).extracting(p -> p.notice().channel(), PlannedDelivery::deferred).containsExactly(
                tuple(NotificationChannel.IN_APP, false), tuple(NotificationChannel.EMAIL, false));
        assertThat(planned).extracting(p -> p.notice().notificationId()).containsExactly(
                "reported:C-1/CITIZEN/citizen-of:C-1/IN_APP", "reported:C-1/CITIZEN/citizen-of:C-1/EMAIL");
        assertThat(DeliveryPlanning.plan(notice, Recipient.inboxOnly("citizen-of:C-1"), NOON)).hasSize(1);
    }

    @Test
    void shouldDeferSmsAndEmailInQuietHoursToTheEndOfTheQuietPeriodButNotTheInbox() {
        List<PlannedDelivery> planned = DeliveryPlanning.plan(notice, new Recipient("citizen-of:C-1",
                Set.of(NotificationChannel.SMS, NotificationChannel.EMAIL), NIGHTS), LATE);

        assertThat(planned).extracting(p -> p.notice().channel(), PlannedDelivery::notBefore).containsExactly(
                tuple(NotificationChannel.IN_APP, null),
                tuple(NotificationChannel.SMS, Instant.parse("2026-11-23T23:00:00Z")),
                tuple(NotificationChannel.EMAIL, Instant.parse("2026-11-23T23:00:00Z")));
    }

    @Test
    void shouldSendAnUrgentNoticeEvenInQuietHours() {
        Notice urgent = new Notice(notice.notificationId(), "C-1", notice.sourceEventId(), Audience.DEPARTMENT_STAFF,
                "department:x", NotificationChannel.IN_APP, "staff.sla-breach", "zh-CN", "督办", true);

        assertThat(DeliveryPlanning.plan(urgent, new Recipient("department:x", Set.of(NotificationChannel.SMS),
                NIGHTS), LATE)).noneMatch(PlannedDelivery::deferred).hasSize(2);
    }

    @Test
    void shouldCallADepartmentSystemsWebhookAtOnceAsItsOwnAudience() {
        List<PlannedDelivery> planned = DeliveryPlanning.plan(notice, new Recipient("department:sanitation",
                Set.of(NotificationChannel.WEBHOOK), NIGHTS), LATE);

        assertThat(planned).last().satisfies(p -> {
            assertThat(p.deferred()).isFalse();
            assertThat(p.notice().audience()).isEqualTo(Audience.DEPARTMENT_SYSTEM);
            assertThat(p.notice().notificationId()).endsWith("/DEPARTMENT_SYSTEM/citizen-of:C-1/WEBHOOK");
        });
    }

    @Test
    void shouldKnowWhenQuietHoursEndWithinADayAndOvernight() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);

        assertThat(lunch.endOfQuietPeriod(NOON)).contains(Instant.parse("2026-11-23T05:30:00Z"));
        assertThat(lunch.endOfQuietPeriod(LATE)).isEmpty();
        assertThat(NIGHTS.endOfQuietPeriod(Instant.parse("2026-11-23T20:00:00Z")))
                .as("04:00 after midnight").contains(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(NIGHTS.endOfQuietPeriod(Instant.parse("2026-11-23T23:00:00Z"))).as("07:00 sharp").isEmpty();
        assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON, SHANGHAI).endOfQuietPeriod(NOON)).isEmpty();
    }
}
