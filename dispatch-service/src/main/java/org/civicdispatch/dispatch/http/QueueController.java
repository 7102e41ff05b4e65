package org.civicdispatch.dispatch.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.civicdispatch.dispatch.lifecycle.CaseFile;
import org.civicdispatch.dispatch.queues.QueueEntry;
import org.civicdispatch.dispatch.queues.Queues;
import org.civicdispatch.dispatch.topology.DispatchStreams;
import org.civicdispatch.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators' dispatch queues: open tasks per department, street or community with the time left, breached first;
 * {@code unit} gives a territorial unit its own work (tasks assigned to it, and the cases it owns).
 * Each instance holds the cases of its partitions; a query asks the other instances too (their {@code scope=local}
 * answer) and merges. The stream variant pushes the queue every few seconds over server-sent events.
 */
@RestController
@RequestMapping("/api/queues")
public class QueueController {

    private static final Logger LOG = LoggerFactory.getLogger(QueueController.class);
    private static final Duration PUSH_EVERY = Duration.ofSeconds(2);
    private static final int MAX_LIMIT = 1000;

    private final DispatchStreams streams;
    private final Clock clock;
    private final JsonMapper json;
    private final PeerInstances peers;
    private final ScheduledExecutorService pushes = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "queue-sse");
        t.setDaemon(true);
        return t;
    });

    public QueueController(DispatchStreams streams, PeerInstances peers, Clock clock, JsonMapper json) {
        this.streams = streams;
        this.peers = peers;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<QueueEntry> queue(@RequestParam(required = false) String department,
                                  @RequestParam(required = false) String street,
                                  @RequestParam(required = false) String community,
                                  @RequestParam(required = false) String unit,
                                  @RequestParam(defaultValue = "200") int limit,
                                  @RequestParam(defaultValue = "all") String scope,
                                  @RequestHeader(name = "Authorization", required = false) String authorization) {
        Queues.Filter filter = Scopes.queue(Caller.current(), new Queues.Filter(department, street, community, unit));
        return queue(filter, limit, scope, authorization);
    }

    private List<QueueEntry> queue(Queues.Filter filter, int limit, String scope, String authorization) {
        int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
        Instant now = clock.instant(); // one moment for the whole queue, not a clock read per case file
        List<QueueEntry> local;
        try (Stream<CaseFile> files = streams.localCaseFiles()) {
            local = Queues.sorted(files.flatMap(f -> Queues.entriesOf(f, now)), filter, bounded);
        }
        if ("local".equals(scope)) {
            return local;
        }
        List<QueueEntry> all = new ArrayList<>(local);
        for (String instance : streams.otherInstances()) {
            all.addAll(remote(instance, filter, bounded, authorization));
        }
        return Queues.sorted(all.stream(), filter, bounded);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestParam(required = false) String department,
                             @RequestParam(required = false) String street,
                             @RequestParam(required = false) String community,
                             @RequestParam(required = false) String unit,
                             @RequestParam(defaultValue = "200") int limit,
                             @RequestHeader(name = "Authorization", required = false) String authorization) {
        // The scope is fixed when the stream opens: pushes run outside the request.
        Queues.Filter filter = Scopes.queue(Caller.current(), new Queues.Filter(department, street, community, unit));
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        ScheduledFuture<?> task = pushes.scheduleAtFixedRate(() -> {
            try {
                emitter.send(SseEmitter.event().name("queue")
                        .data(queue(filter, limit, "all", authorization), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
                throw new IllegalStateException("client gone", e);
            }
        }, 0, PUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        emitter.onCompletion(() -> task.cancel(false));
        emitter.onTimeout(() -> task.cancel(false));
        emitter.onError(e -> task.cancel(false));
        return emitter;
    }

    private List<QueueEntry> remote(String instance, Queues.Filter filter, int limit, String authorization) {
        StringBuilder uri = new StringBuilder(instance).append("/api/queues?scope=local&limit=").append(limit);
        param(uri, "department", filter.department());
        param(uri, "street", filter.street());
        param(uri, "community", filter.community());
        param(uri, "unit", filter.unit());
        try {
            HttpResponse<String> response = peers.get(uri.toString(), authorization);
            return json.readValue(response.body(), new TypeReference<List<QueueEntry>>() { });
        } catch (IOException | RuntimeException e) {
            // A partial queue beats none while an instance restarts; its partitions move to the others.
            LOG.warn("queue of {} unavailable: {}", instance, e.toString());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static void param(StringBuilder uri, String name, String value) {
        if (value != null) {
            uri.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
