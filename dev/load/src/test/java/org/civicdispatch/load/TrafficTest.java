package org.civicdispatch.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The harness's HTTP clock: what a complaint's latency counts. */
class TrafficTest {

    private static final long ANSWER_MILLIS = 100;

    @Test
    void shouldCountAPacedComplaintsLatencyFromWhenItWasDueNotFromWhenTheHarnessGotToSendIt() throws Exception {
        // One complaint answered at a time, 100 ms each, while the run paces one every 20 ms with one in flight:
        // the tenth is due at 180 ms but cannot be sent before ~900 ms. Counted from its actual send it would look
        // like 100 ms, hiding the queue a real caller would have waited in.
        AtomicInteger answered = new AtomicInteger();
        HttpServer intake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        intake.setExecutor(Executors.newSingleThreadExecutor());
        intake.createContext("/api/incidents", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(ANSWER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"caseId\":\"C-TEST-" + answered.incrementAndGet() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        intake.start();
        Target target = new Target("localhost:1", "http://localhost:1", "http://localhost:"
                + intake.getAddress().getPort(), "Bearer test", null, null);
        try (Traffic traffic = new Traffic(target, 1)) {
            traffic.run(new Mix("TRF" + System.nanoTime(), 1, 1, 0, 1), 10, 50);

            assertThat(traffic.acceptedOverHttp).hasSize(10);
            assertThat(traffic.httpLatency.getTotalCount()).isEqualTo(10);
            assertThat(TimeUnit.MICROSECONDS.toMillis(traffic.httpLatency.getMaxValue()))
                    .isGreaterThanOrEqualTo(10 * ANSWER_MILLIS - 9 * 20 - 50);
        } finally {
            intake.stop(0);
        }
    }
}
