package org.civicdispatch.console.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.civicdispatch.console.upstream.Upstream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dispatch queues, once or live: the stream sends the filtered queue as the server-sent event {@code queue} every
 * 2 s, as dispatch's own stream does, or a {@code problem} event while dispatch cannot answer (the page shows it
 * and keeps listening). Each push is one ordinary queue request to dispatch, so it passes the same checks.
 */
@RestController
@RequestMapping("/api/queues")
public class QueueApi {

    private static final List<String> FILTERS = List.of("department", "street", "community", "unit", "limit");
    private static final Duration PUSH_EVERY = Duration.ofSeconds(2);
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Upstream dispatch;
    private final ScheduledExecutorService pushes = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "queue-push");
        t.setDaemon(true);
        return t;
    });

    public QueueApi(@Qualifier("dispatch") Upstream dispatch) {
        this.dispatch = dispatch;
    }

    @GetMapping
    public ResponseEntity<?> queue(HttpServletRequest request) {
        return dispatch.get("/api/queues" + Requests.codeQuery(request, FILTERS), Requests.forwardedHeaders(request));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(HttpServletRequest request) {
        String path = "/api/queues" + Requests.codeQuery(request, FILTERS);
        Map<String, String> headers = Requests.forwardedHeaders(request);
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        ScheduledFuture<?> task = pushes.scheduleWithFixedDelay(() -> {
            ResponseEntity<?> answer = dispatch.get(path, headers);
            boolean ok = answer.getStatusCode().is2xxSuccessful();
            try {
                emitter.send(SseEmitter.event().name(ok ? "queue" : "problem").data(text(answer.getBody()),
                        MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                // the browser went away; stop asking dispatch for it
                emitter.complete();
                throw new IllegalStateException("client gone", e);
            }
        }, 0, PUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        emitter.onCompletion(() -> task.cancel(false));
        emitter.onTimeout(() -> task.cancel(false));
        emitter.onError(e -> task.cancel(false));
        return emitter;
    }

    private static String text(Object body) {
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return JSON.writeValueAsString(body);
    }
}
