package org.civicdispatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.contract.DeadLetterHeaders;
import org.civicdispatch.contract.Party;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.devinfra.DevSmsGateway;
import org.civicdispatch.events.Audience;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.Closure;
import org.civicdispatch.events.FailureOutcome;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.events.NotificationFailed;
import org.civicdispatch.events.NotificationRetry;
import org.civicdispatch.events.NotificationSent;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.notification.NotificationTestSupport.TopicReader;
import org.civicdispatch.notification.channel.webhook.WebhookSigning;
import org.civicdispatch.notification.channel.webhook.WebhookVerifier;
import org.civicdispatch.notification.delivery.AwaitedNotices;
import org.civicdispatch.notification.delivery.DeliveryClaims;
import org.civicdispatch.notification.directory.CaseContacts;
import org.civicdispatch.notification.directory.CitizenPreferences;
import org.civicdispatch.notification.domain.Fixtures;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notification on a real broker, registry, PostgreSQL, SMS gateway (loopback), SMTP server (GreenMail) and a
 * department's webhook receiver: what citizens, staff and department systems receive, and what audit reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext // its listeners must not share the consumer group with the restart test's applications
class NotificationServiceIntegrationTest {

    private static final String REPORTS = Topics.INCIDENT_REPORTS.name();
    private static final String CASE_EVENTS = Topics.CASE_EVENTS.name();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String WEBHOOK_SECRET = "sanitation-secret";

    private static final KafkaTestClient kafka = TestInfrastructure.kafka();
    private static final AvroCodec codec = TestInfrastructure.codec();
    private static final DevSmsGateway sms = NotificationTestSupport.sms();
    private static final WebhookReceiver webhook = new WebhookReceiver();
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @Autowired
    DeliveryClaims claims;

    @Autowired
    CitizenPreferences preferences;

    @Autowired
    CaseContacts contacts;

    @Autowired
    AwaitedNotices awaited;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        NotificationTestSupport.register(registry, "notification_it");
        registry.add("test.webhook.url", webhook::url);
        registry.add("test.webhook.secret", () -> WEBHOOK_SECRET);
        // night-shift's quiet hours: from an hour ago to two hours from now, whenever the test runs
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC).withSecond(0).withNano(0);
        registry.add("test.quiet.from", () -> now.minusHours(1).toString());
        registry.add("test.quiet.to", () -> now.plusHours(2).toString());
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        webhook.server.stop(0);
    }

    @Test
    void shouldTellTheCitizenAndTheDepartmentsAsTheCaseMoves() {
        String caseId = "C-IT-" + UUID.randomUUID();
        kafka.send(REPORTS, caseId, codec.encode(REPORTS + "-value", Fixtures.report(caseId, "en")));
        kafka.send(CASE_EVENTS, caseId, codec.encode(CASE_EVENTS + "-value",
                Fixtures.dispatched(caseId, "urban-management", "environment")));

        try (TopicReader notifications = new TopicReader(Topics.NOTIFICATIONS.name())) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(inApp(sent(notifications.read(), caseId)))
                    .extracting(NotificationSent::getAudience, NotificationSent::getRecipientRef,
                            NotificationSent::getTemplateId, NotificationSent::getLocale)
                    .containsExactlyInAnyOrder(
                            tuple(Audience.CITIZEN, "citizen-of:" + caseId, "citizen.received", "en"),
                            // the reporter's language is remembered for the case's later notices
                            tuple(Audience.CITIZEN, "citizen-of:" + caseId, "citizen.dispatched", "en"),
                            tuple(Audience.DEPARTMENT_STAFF, "department:urban-management", "staff.new-task",
                                    "zh-CN"),
                            tuple(Audience.DEPARTMENT_STAFF, "department:environment", "staff.new-task",
                                    "zh-CN")));
            // staff hear by the channels they chose: urban management by SMS and e-mail, environment by e-mail only
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sent(notifications.read(), caseId))
                    .filteredOn(n -> n.getAudience() == Audience.DEPARTMENT_STAFF)
                    .extracting(NotificationSent::getRecipientRef, NotificationSent::getChannel)
                    .containsExactlyInAnyOrder(
                            tuple("department:urban-management", NotificationChannel.IN_APP),
                            tuple("department:urban-management", NotificationChannel.SMS),
                            tuple("department:urban-management", NotificationChannel.EMAIL),
                            tuple("department:environment", NotificationChannel.IN_APP),
                            tuple("department:environment", NotificationChannel.EMAIL)));
            assertThat(sent(notifications.read(), caseId)).allSatisfy(notice -> assertThat(notice.toString())
                    .doesNotContain(Fixtures.PHONE, Fixtures.EMAIL, Fixtures.NAME));
        }
    }

    @Test
    void shouldTextAndMailTheCitizenInTheirLanguageWithoutLoggingTheirContactData() throws Exception {
        String english = "C-IT-EN-" + UUID.randomUUID();
        String chinese = "C-IT-ZH-" + UUID.randomUUID();
        kafka.send(REPORTS, english, codec.encode(REPORTS + "-value", Fixtures.report(english, "en")));
        kafka.send(REPORTS, chinese, codec.encode(REPORTS + "-value", Fixtures.report(chinese, "zh-CN")));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sms.messages())
                .filteredOn(m -> m.text().contains(english) || m.text().contains(chinese))
                .extracting(DevSmsGateway.Message::to, DevSmsGateway.Message::text)
                .containsExactlyInAnyOrder(
                        tuple(Fixtures.PHONE, "We have received your report. Your case number is " + english + "."),
                        tuple(Fixtures.PHONE, "您的诉求已受理，案件编号为 " + chinese + "。")));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(mailsAbout(english)).hasSize(1));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(mailsAbout(chinese)).hasSize(1));
        MimeMessage en = mailsAbout(english).get(0);
        assertThat(en.getAllRecipients()[0].toString()).isEqualTo(Fixtures.EMAIL);
        assertThat(en.getSubject()).isEqualTo("[12345] Case " + english);
        assertThat(GreenMailUtil.getBody(en)).contains("Your case number is " + english);
        MimeMessage zh = mailsAbout(chinese).get(0);
        assertThat(zh.getSubject()).isEqualTo("【12345】案件 " + chinese);
        assertThat(new String(zh.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("您的诉求已受理，案件编号为 " + chinese + "。");

        assertThat(logs.list).as("log lines were captured").isNotEmpty();
        // GreenMail, the stand-in mail server, logs the mailboxes it creates; the service's own lines are checked.
        assertThat(List.copyOf(logs.list)).filteredOn(event -> !event.getLoggerName().startsWith("com.icegreen"))
                .allSatisfy(event -> {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(line).doesNotContain(Fixtures.PHONE, Fixtures.EMAIL, "13800000000");
        });
        assertThat(List.copyOf(logs.list)).anySatisfy(event ->
                assertThat(event.getFormattedMessage()).contains("SMS of notice reported:" + english, "+86"));
    }

    @Test
    void shouldReachACitizenOnlyOnTheChannelsTheyAskedFor() {
        String caseId = "C-IT-PREF-" + UUID.randomUUID();
        // Told the hotline on an earlier case: e-mail only. Written with the digits run together this time.
        preferences.save("+8613700001111", new CitizenPreferences.Preference(
                Set.of(NotificationChannel.EMAIL), null));
        IncidentReported report = Fixtures.report(caseId, "en");
        report.setReporter(Reporter.newBuilder(report.getReporter()).setPhone("+86 137 0000 1111")
                .setEmail("pref@example.cn").build());
        kafka.send(REPORTS, caseId, codec.encode(REPORTS + "-value", report));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(mailsAbout(caseId)).hasSize(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sms.messages()).noneMatch(m -> m.text().contains(caseId)));
    }

    @Test
    void shouldForgetTheReportersContactDataOnceTheCaseIsClosed() {
        String caseId = "C-IT-FORGET-" + UUID.randomUUID();
        kafka.send(REPORTS, caseId, codec.encode(REPORTS + "-value", Fixtures.report(caseId, "en")));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(contacts.citizen(caseId))
                .hasValueSatisfying(c -> assertThat(c.phones()).isNotEmpty()));

        kafka.send(CASE_EVENTS, caseId, codec.encode(CASE_EVENTS + "-value", CaseEvent.newBuilder()
                .setEventId(caseId + "/closed").setCaseId(caseId).setOccurredAt(Instant.now())
                .setPayload(CaseClosed.newBuilder().setClosure(Closure.RATED).build()).build()));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(contacts.citizen(caseId))
                .hasValueSatisfying(c -> {
                    assertThat(c.phones()).isEmpty();
                    assertThat(c.emails()).isEmpty();
                }));
    }

    @Test
    void shouldTextTheDispatchedNoticeOnceWhenTheCaseEventIsHandledBeforeTheReport() {
        String caseId = "C-IT-LATE-" + UUID.randomUUID();
        String citizenSms = caseId + "/dispatched/CITIZEN/citizen-of:" + caseId + "/SMS";
        dispatchBeforeTheReport(caseId);

        try (TopicReader notifications = new TopicReader(Topics.NOTIFICATIONS.name())) {
            // the department hears at once; the citizen's notice waits, durably, for the report
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(inApp(sent(notifications.read(), caseId)))
                    .extracting(NotificationSent::getRecipientRef).containsExactly("department:environment"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(sms.messages()).noneMatch(m -> m.text().contains(caseId)));

            kafka.send(REPORTS, caseId, codec.encode(REPORTS + "-value", Fixtures.report(caseId, "en")));

            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sms.messages())
                    .filteredOn(m -> m.text().contains(caseId))
                    .extracting(DevSmsGateway.Message::idempotencyKey, DevSmsGateway.Message::to,
                            DevSmsGateway.Message::text)
                    .containsExactlyInAnyOrder(
                            tuple("reported:" + caseId + "/CITIZEN/citizen-of:" + caseId + "/SMS", Fixtures.PHONE,
                                    "We have received your report. Your case number is " + caseId + "."),
                            tuple(citizenSms, Fixtures.PHONE, "Your case " + caseId
                                    + " has been passed to environment, which will handle it.")));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(claims.state(citizenSms)).contains("SENT"));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(awaited.waiting(caseId)).isEmpty());
            // once: one text at the gateway and one record of it for audit, however long we look
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(sms.messages()).filteredOn(m -> m.idempotencyKey().equals(citizenSms)).hasSize(1);
                assertThat(sent(notifications.read(), caseId)).filteredOn(n -> n.getNotificationId()
                        .equals(citizenSms)).hasSize(1);
            });
            assertThat(inApp(sent(notifications.read(), caseId)))
                    .filteredOn(n -> n.getAudience() == Audience.CITIZEN)
                    .extracting(NotificationSent::getTemplateId, NotificationSent::getLocale)
                    .containsExactly(tuple("citizen.received", "en"), tuple("citizen.dispatched", "en"));
        }
    }

    @Test
    void shouldTextNothingAndKeepNothingWaitingWhenTheLateReportLeftNoContact() {
        String caseId = "C-IT-NOPHONE-" + UUID.randomUUID();
        dispatchBeforeTheReport(caseId);
        IncidentReported patrol = Fixtures.report(caseId, null);
        patrol.setReporter(null);
        kafka.send(REPORTS, caseId, codec.encode(REPORTS + "-value", patrol));

        try (TopicReader notifications = new TopicReader(Topics.NOTIFICATIONS.name())) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sent(notifications.read(), caseId))
                    .filteredOn(n -> n.getAudience() == Audience.CITIZEN)
                    .extracting(NotificationSent::getTemplateId, NotificationSent::getChannel)
                    .containsExactly(tuple("citizen.received", NotificationChannel.IN_APP),
                            tuple("citizen.dispatched", NotificationChannel.IN_APP)));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(awaited.waiting(caseId)).isEmpty());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(sms.messages()).noneMatch(m -> m.text().contains(caseId));
                assertThat(sent(notifications.read(), caseId)).filteredOn(n -> n.getAudience() == Audience.CITIZEN)
                        .hasSize(2);
            });
        }
    }

    @Test
    void shouldNotTakeTheContactDataBackWhenTheReportIsHandledAfterTheCaseClosed() {
        String caseId = "C-IT-CLOSED-" + UUID.randomUUID();
        kafka.send(CASE_EVENTS, caseId, codec.encode(CASE_EVENTS + "-value",
                Fixtures.dispatched(caseId, "environment")));
        kafka.send(CASE_EVENTS, caseId, codec.encode(CASE_EVENTS + "-value", CaseEvent.newBuilder()
                .setEventId(caseId + "/closed").setCaseId(caseId).setOccurredAt(Instant.now())
                .setPayload(CaseClosed.newBuilder().setClosure(Closure.RATED).build()).build()));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(jdbc.sql(
                "select closed_at is not null from case_contact where case_id = ?").param(caseId)
                .query(Boolean.class).optional()).contains(true));
        kafka.send(REPORTS, caseId, codec.encode(REPORTS + "-value", Fixtures.report(caseId, "en")));

        try (TopicReader notifications = new TopicReader(Topics.NOTIFICATIONS.name())) {
            // the waiting notice still reaches the inbox, in the citizen's language, but no phone or mailbox
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sent(notifications.read(), caseId))
                    .filteredOn(n -> n.getAudience() == Audience.CITIZEN)
                    .extracting(NotificationSent::getTemplateId, NotificationSent::getChannel,
                            NotificationSent::getLocale)
                    .containsExactly(tuple("citizen.received", NotificationChannel.IN_APP, "en"),
                            tuple("citizen.dispatched", NotificationChannel.IN_APP, "en")));
            assertThat(contacts.citizen(caseId)).hasValueSatisfying(c -> {
                assertThat(c.phones()).isEmpty();
                assertThat(c.emails()).isEmpty();
            });
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(awaited.waiting(caseId)).isEmpty());
            assertThat(sms.messages()).noneMatch(m -> m.text().contains(caseId));
        }
    }

    @Test
    void shouldTellTheInboxAloneOfANoticeThatWaitedForItsReportLongerThanADay() {
        String caseId = "C-IT-NOREPORT-" + UUID.randomUUID();
        dispatchBeforeTheReport(caseId);
        jdbc.sql("update notice_awaiting_report set awaiting_since = awaiting_since - interval '25 hours' "
                + "where case_id = ?").param(caseId).update();

        try (TopicReader notifications = new TopicReader(Topics.NOTIFICATIONS.name())) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sent(notifications.read(), caseId))
                    .filteredOn(n -> n.getAudience() == Audience.CITIZEN)
                    .extracting(NotificationSent::getTemplateId, NotificationSent::getChannel)
                    .containsExactly(tuple("citizen.dispatched", NotificationChannel.IN_APP)));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(awaited.waiting(caseId)).isEmpty());
        }
    }

    @Test
    void shouldSignWebhooksSoTheReceiverRefusesTamperedAndReplayedRequests() throws Exception {
        String caseId = "C-IT-WH-" + UUID.randomUUID();
        kafka.send(CASE_EVENTS, caseId, codec.encode(CASE_EVENTS + "-value",
                Fixtures.dispatched(caseId, "sanitation")));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(webhook.accepted).anySatisfy(request ->
                assertThat(request.body()).contains(caseId, "\"recipient\":\"department:sanitation\"")));
        Request original = webhook.accepted.stream().filter(r -> r.body().contains(caseId)).findFirst().orElseThrow();
        assertThat(original.body()).doesNotContain(Fixtures.PHONE, Fixtures.EMAIL, Fixtures.NAME, "夜市");
        assertThat(original.headers().get(WebhookSigning.IDEMPOTENCY_KEY_HEADER))
                .isEqualTo(caseId + "/dispatched/DEPARTMENT_SYSTEM/department:sanitation/WEBHOOK");

        assertThat(webhook.post(original.headers(), original.body())).as("replayed").isEqualTo(401);
        assertThat(webhook.post(original.headers(), original.body().replace(caseId, "C-OTHER")))
                .as("tampered").isEqualTo(401);
        long old = Clock.systemUTC().instant().minusSeconds(600).getEpochSecond();
        Map<String, String> stale = Map.of(WebhookSigning.TIMESTAMP_HEADER, String.valueOf(old),
                WebhookSigning.SIGNATURE_HEADER, WebhookSigning.signature(WEBHOOK_SECRET, old,
                        original.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(webhook.post(stale, original.body())).as("signed ten minutes ago").isEqualTo(401);
        assertThat(webhook.verdicts).contains(WebhookVerifier.Verdict.REPLAYED, WebhookVerifier.Verdict.BAD_SIGNATURE,
                WebhookVerifier.Verdict.OUTSIDE_WINDOW);
    }

    @Test
    void shouldDeferANoticeInQuietHoursButSendAnUrgentOneAtOnce() {
        String caseId = "C-IT-QH-" + UUID.randomUUID();
        SlaEvent reminder = SlaEvent.newBuilder().setEventId(caseId + "/sla/reminder").setCaseId(caseId)
                .setTaskId(caseId + "/night-shift").setDepartmentCode("night-shift").setStage(SlaStage.SIGN)
                .setKind(SlaEventKind.REMINDER).setDeadline(Fixtures.NOW).setFiredAt(Fixtures.NOW).build();
        SlaEvent breach = SlaEvent.newBuilder(reminder).setEventId(caseId + "/sla/breach")
                .setKind(SlaEventKind.BREACH).build();
        kafka.send(Topics.SLA_EVENTS.name(), caseId, codec.encode(Topics.SLA_EVENTS.valueSubject(), reminder));
        kafka.send(Topics.SLA_EVENTS.name(), caseId, codec.encode(Topics.SLA_EVENTS.valueSubject(), breach));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(sms.messages())
                .filteredOn(m -> m.text().contains(caseId)).singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith("督办")));
        String deferred = caseId + "/sla/reminder/DEPARTMENT_STAFF/department:night-shift/SMS";
        assertThat(claims.state(deferred)).contains("DEFERRED");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                claims.state(caseId + "/sla/breach/DEPARTMENT_STAFF/department:night-shift/SMS")).contains("SENT"));
    }

    @Test
    void shouldRetryAFailingWebhookThroughTheRetryTopicThenDeadLetterItWithTheReason() {
        String caseId = "C-IT-DLQ-" + UUID.randomUUID();
        webhook.refuse(caseId);
        kafka.send(CASE_EVENTS, caseId, codec.encode(CASE_EVENTS + "-value",
                Fixtures.dispatched(caseId, "drainage")));
        String id = caseId + "/dispatched/DEPARTMENT_SYSTEM/department:drainage/WEBHOOK";

        try (TopicReader deadLetters = new TopicReader(Topics.deadLetters(Party.NOTIFICATION).name());
             TopicReader failures = new TopicReader(Topics.NOTIFICATION_FAILURES.name());
             TopicReader retries = new TopicReader(Topics.NOTIFICATION_RETRIES.name())) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deadLetters.read())
                    .filteredOn(r -> caseId.equals(r.key())).singleElement().satisfies(r -> {
                        // the last attempt may find drainage's circuit breaker open after so many failures
                        assertThat(KafkaTestClient.header(r, DeadLetterHeaders.REASON))
                                .containsAnyOf("HTTP 503", "is OPEN");
                        assertThat(KafkaTestClient.header(r, DeadLetterHeaders.ORIGINAL_TOPIC))
                                .isEqualTo(Topics.NOTIFICATION_RETRIES.name());
                        assertThat(KafkaTestClient.header(r, DeadLetterHeaders.FAILED_BY)).isEqualTo("notification");
                        assertThat(codec.decode(r.value(), NotificationRetry.class).value().getAttempt()).isEqualTo(3);
                    }));
            // The readers accumulate: poll until each has caught up with what was written.
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(failures.read())
                    .filteredOn(r -> caseId.equals(r.key()))
                    .extracting(r -> codec.decode(r.value(), NotificationFailed.class).value())
                    .extracting(NotificationFailed::getAttempt, NotificationFailed::getOutcome)
                    .containsExactly(tuple(1, FailureOutcome.RETRY_SCHEDULED), tuple(2, FailureOutcome.RETRY_SCHEDULED),
                            tuple(3, FailureOutcome.DEAD_LETTERED)));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(retries.read())
                    .filteredOn(r -> caseId.equals(r.key()))
                    .extracting(r -> codec.decode(r.value(), NotificationRetry.class).value().getAttempt())
                    .containsExactly(2, 3));
            assertThat(claims.state(id)).contains("FAILED");
        }
    }

    @Test
    void shouldDeadLetterAnUnreadableReportWithTheReasonAndCarryOn() {
        String badKey = "bad-" + UUID.randomUUID();
        String caseId = "C-IT-" + UUID.randomUUID();
        kafka.send(REPORTS, badKey, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
        kafka.send(REPORTS, caseId, codec.encode(REPORTS + "-value", Fixtures.report(caseId, null)));

        try (TopicReader deadLetters = new TopicReader(Topics.deadLetters(Party.NOTIFICATION).name());
             TopicReader notifications = new TopicReader(Topics.NOTIFICATIONS.name())) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deadLetters.read())
                    .filteredOn(r -> badKey.equals(r.key())).singleElement().satisfies(r -> {
                        assertThat(KafkaTestClient.header(r, DeadLetterHeaders.REASON)).contains("magic byte");
                        assertThat(KafkaTestClient.header(r, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(REPORTS);
                        assertThat(KafkaTestClient.header(r, DeadLetterHeaders.FAILED_BY)).isEqualTo("notification");
                        assertThat(r.value()).isEqualTo("{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
                    }));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(inApp(sent(notifications.read(), caseId)))
                    .singleElement().satisfies(notice -> assertThat(notice.getBody())
                            .isEqualTo("您的诉求已受理，案件编号为 " + caseId + "。")));
        }
    }

    /** Dispatch's decision on a case whose report notification has not read yet: the citizen's notice waits. */
    private void dispatchBeforeTheReport(String caseId) {
        kafka.send(CASE_EVENTS, caseId, codec.encode(CASE_EVENTS + "-value",
                Fixtures.dispatched(caseId, "environment")));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(awaited.waiting(caseId))
                .containsExactly(caseId + "/dispatched/CITIZEN/citizen-of:" + caseId + "/IN_APP"));
    }

    private static List<MimeMessage> mailsAbout(String caseId) {
        return List.of(NotificationTestSupport.mail().getReceivedMessages()).stream()
                .filter(m -> GreenMailUtil.getBody(m).contains(caseId) || subject(m).contains(caseId)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static List<NotificationSent> sent(List<ConsumerRecord<String, byte[]>> records, String caseId) {
        return records.stream().filter(r -> caseId.equals(r.key()))
                .map(r -> codec.decode(r.value(), NotificationSent.class).value()).toList();
    }

    private static List<NotificationSent> inApp(List<NotificationSent> notices) {
        return notices.stream().filter(n -> n.getChannel() == NotificationChannel.IN_APP).toList();
    }

    record Request(Map<String, String> headers, String body) {
    }

    /** A department system's receiver: verifies each request with {@link WebhookVerifier}, 401 unless valid. */
    static final class WebhookReceiver {

        final HttpServer server;
        final WebhookVerifier verifier = new WebhookVerifier(WEBHOOK_SECRET, Duration.ofMinutes(5),
                Clock.systemUTC());
        final List<Request> accepted = new CopyOnWriteArrayList<>();
        final List<WebhookVerifier.Verdict> verdicts = new CopyOnWriteArrayList<>();
        private final Map<String, Boolean> refused = new ConcurrentHashMap<>();

        WebhookReceiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/hooks", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String text = new String(body, StandardCharsets.UTF_8);
                    if (refused.keySet().stream().anyMatch(text::contains)) {
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    WebhookVerifier.Verdict verdict = verifier.verify(
                            exchange.getRequestHeaders().getFirst(WebhookSigning.TIMESTAMP_HEADER),
                            exchange.getRequestHeaders().getFirst(WebhookSigning.SIGNATURE_HEADER), body);
                    verdicts.add(verdict);
                    if (verdict == WebhookVerifier.Verdict.VALID) {
                        accepted.add(new Request(Map.of(
                                WebhookSigning.TIMESTAMP_HEADER,
                                exchange.getRequestHeaders().getFirst(WebhookSigning.TIMESTAMP_HEADER),
                                WebhookSigning.SIGNATURE_HEADER,
                                exchange.getRequestHeaders().getFirst(WebhookSigning.SIGNATURE_HEADER),
                                WebhookSigning.IDEMPOTENCY_KEY_HEADER,
                                exchange.getRequestHeaders().getFirst(WebhookSigning.IDEMPOTENCY_KEY_HEADER)), text));
                    }
                    exchange.sendResponseHeaders(verdict == WebhookVerifier.Verdict.VALID ? 204 : 401, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        /** The receiver answers 503 to every request about this case. */
        void refuse(String caseId) {
            refused.put(caseId, true);
        }

        int post(Map<String, String> headers, String body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url()))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach((name, value) -> {
                if (!name.equals(WebhookSigning.IDEMPOTENCY_KEY_HEADER)) {
                    request.header(name, value);
                }
            });
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
