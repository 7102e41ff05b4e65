package org.civicdispatch.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DevSmsGatewayTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldRefuseEveryMessageDuringAnOutageAndTakeThemAgainAfterIt() throws Exception {
        try (DevSmsGateway gateway = DevSmsGateway.start(0, "key")) {
            gateway.failFor(Duration.ofMillis(800), 503);

            assertThat(send(gateway, "m-1")).isEqualTo(503);
            assertThat(send(gateway, "m-2")).isEqualTo(503);
            assertThat(gateway.messages()).isEmpty();
            Thread.sleep(900);

            assertThat(send(gateway, "m-1")).isEqualTo(202);
            assertThat(gateway.messages()).extracting(DevSmsGateway.Message::idempotencyKey).containsExactly("m-1");
            assertThat(gateway.failed()).isEqualTo(2);
            assertThat(gateway.requests()).isEqualTo(3);
        }
    }

    private int send(DevSmsGateway gateway, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/messages"))
                .header(DevSmsGateway.API_KEY_HEADER, "key").header(DevSmsGateway.IDEMPOTENCY_KEY_HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"+86 139 0000 0000\",\"text\":\"hello\"}"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
