package org.civicdispatch.notification.channel.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdispatch.notification.delivery.DeliveryFailure;
import org.civicdispatch.notification.delivery.HttpAnswers;
import org.civicdispatch.notification.delivery.NoticeChannel;
import org.civicdispatch.notification.delivery.PermanentDeliveryFailure;
import org.civicdispatch.notification.directory.Contact;
import org.civicdispatch.notification.domain.Notice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices to department systems that prefer HTTP to Kafka: a signed JSON POST ({@link WebhookSigning}) carrying
 * what the task needs and nothing of the citizen: the case id, the notice's template and text (which never repeat
 * the description or contact data), and an {@code Idempotency-Key} to dedupe on.
 */
public class WebhookChannel implements NoticeChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Clock clock;
    private final Duration requestTimeout;

    public WebhookChannel(HttpClient http, Clock clock, Duration requestTimeout) {
        this.http = http;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void deliver(Notice notice, Contact contact) {
        Contact.Webhook webhook = contact.webhook();
        if (webhook == null) {
            throw new PermanentDeliveryFailure("no webhook for " + notice.recipientRef());
        }
        byte[] body = JSON.writeValueAsBytes(payload(notice));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(WebhookSigning.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(WebhookSigning.SIGNATURE_HEADER, WebhookSigning.signature(webhook.secret(), timestamp, body))
                .header(WebhookSigning.IDEMPOTENCY_KEY_HEADER, notice.notificationId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            HttpAnswers.requireAccepted(status, "webhook of " + notice.recipientRef(), notice.notificationId());
        } catch (IOException e) {
            throw new DeliveryFailure("webhook of " + notice.recipientRef() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while calling the webhook of " + notice.recipientRef());
        }
    }

    static Map<String, Object> payload(Notice notice) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("notificationId", notice.notificationId());
        payload.put("caseId", notice.caseId());
        payload.put("sourceEventId", notice.sourceEventId());
        payload.put("recipient", notice.recipientRef());
        payload.put("templateId", notice.templateId());
        payload.put("locale", notice.locale());
        payload.put("text", notice.body());
        payload.put("urgent", notice.urgent());
        return payload;
    }
}
