package org.civicdispatch.notification.channel.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdispatch.notification.delivery.DeliveryFailure;
import org.civicdispatch.notification.delivery.HttpAnswers;
import org.civicdispatch.notification.delivery.NoticeChannel;
import org.civicdispatch.notification.delivery.PermanentDeliveryFailure;
import org.civicdispatch.notification.directory.Contact;
import org.civicdispatch.notification.domain.Notice;
import org.civicdispatch.notification.domain.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through an HTTP gateway. The protocol (what a provider adapter or dev-infra's {@code DevSmsGateway} serves):
 * {@code POST <base>/v1/messages} with headers {@code X-Api-Key} and {@code Idempotency-Key} and a JSON body
 * {@code {"to": "+86…", "text": "…", "reference": "<notification id>"}}; 2xx (202) means accepted, and a repeated
 * idempotency key is accepted again without sending twice; 429, 408 and 5xx mean try again; any other status is a
 * refusal for good. One message per phone number of the recipient.
 */
public class HttpSmsGateway implements NoticeChannel {

    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final Logger LOG = LoggerFactory.getLogger(HttpSmsGateway.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI messages;
    private final String apiKey;
    private final Duration requestTimeout;

    public HttpSmsGateway(HttpClient http, URI baseUrl, String apiKey, Duration requestTimeout) {
        this.http = http;
        this.messages = baseUrl.resolve("/v1/messages");
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void deliver(Notice notice, Contact contact) {
        List<String> phones = contact.phones();
        if (phones.isEmpty()) {
            throw new PermanentDeliveryFailure("no phone number for " + notice.recipientRef());
        }
        for (int i = 0; i < phones.size(); i++) {
            // One key per number, the same on every attempt, so the gateway drops what it already sent.
            String key = i == 0 ? notice.notificationId() : notice.notificationId() + "#" + i;
            send(phones.get(i), notice, key);
        }
    }

    private void send(String phone, Notice notice, String idempotencyKey) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", phone);
        body.put("text", notice.body());
        body.put("reference", idempotencyKey);
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(API_KEY_HEADER, apiKey)
                .header(IDEMPOTENCY_KEY_HEADER, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryFailure("SMS gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while sending SMS for notice " + notice.notificationId());
        }
        HttpAnswers.requireAccepted(status, "SMS gateway", notice.notificationId());
        LOG.info("SMS of notice {} accepted for {}", notice.notificationId(), PersonalData.maskPhone(phone));
    }
}
