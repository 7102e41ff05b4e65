package org.civicdispatch.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.IncidentSubmission;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.wire.AvroCodec;

/**
 * Sends the mix through the real front doors at a set rate or as fast as it goes: complaints to intake's REST API
 * with the hotline system's token (a failed or unanswered request is resent with the same Idempotency-Key, as the
 * hotline system does, so a crash of intake cannot make one call two cases), and submissions on
 * incident-submissions in the Confluent wire format, as patrol apps and sensor gateways do.
 */
final class Traffic implements AutoCloseable {

    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    /** How long the hotline system goes on resending one complaint: longer than a service takes to restart. */
    private static final long RESEND_FOR_NANOS = TimeUnit.MINUTES.toNanos(3);

    private final Target target;
    private final URI incidents;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final KafkaProducer<String, byte[]> producer;
    private final AvroCodec codec;
    private final Semaphore inFlight;
    private final int permits;
    /** Numbers the items across runs of one session, so external ids never repeat. */
    private int item;

    final Set<String> acceptedOverHttp = ConcurrentHashMap.newKeySet();
    final Set<String> submitted = ConcurrentHashMap.newKeySet();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger resent = new AtomicInteger();
    /** Intake's answers, every attempt: "202", "503 application/problem+json", "no answer"; read by the chaos run. */
    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    final Histogram httpLatency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

    Traffic(Target target, int maxInFlight) {
        this.target = target;
        this.incidents = URI.create(target.intakeUrl() + "/api/incidents");
        this.permits = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.codec = new AvroCodec(new SchemaRegistryClient(target.registryUrl()), true);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends {@code cases} cases' worth of the mix, paced to {@code ratePerSecond} cases a second (0: as fast as
     * the platform takes them). Returns when everything is sent and answered.
     */
    void run(Mix mix, int cases, double ratePerSecond) throws InterruptedException {
        long start = System.nanoTime();
        int sent = 0;
        while (sent < cases) {
            long due = ratePerSecond > 0 ? awaitDue(start, sent, ratePerSecond) : -1;
            Mix.Kind kind = mix.next();
            switch (kind) {
                case HOTLINE -> hotline(mix.complaint(item), due);
                case PATROL -> submit(mix.patrol(item));
                case REPORT -> report(mix.report(item));
                default -> mix.sensorBurst(item).forEach(this::submit);
            }
            sent += mix.casesPer(kind);
            item++;
        }
        producer.flush();
        inFlight.acquire(permits);
        inFlight.release(permits);
    }

    /** Sleeps until the {@code n}th item of a run paced at {@code ratePerSecond} from {@code start} is due. */
    static long awaitDue(long start, int n, double ratePerSecond) throws InterruptedException {
        long due = start + (long) (n * 1e9 / ratePerSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return due;
    }

    void submit(IncidentSubmission submission) {
        producer.send(new ProducerRecord<>(Topics.INCIDENT_SUBMISSIONS.name(),
                submission.getChannel() + ":" + submission.getExternalId(),
                codec.encode(Topics.INCIDENT_SUBMISSIONS.valueSubject(), submission)), (metadata, error) -> {
                    if (error == null) {
                        submitted.add(submission.getExternalId().toString());
                    } else {
                        refused.incrementAndGet();
                    }
                });
    }

    /** Stands in for intake: the report goes straight to dispatch's input. */
    void report(IncidentReported report) {
        producer.send(new ProducerRecord<>(Topics.INCIDENT_REPORTS.name(), report.getCaseId(),
                codec.encode(Topics.INCIDENT_REPORTS.valueSubject(), report)), (metadata, error) -> {
                    if (error == null) {
                        submitted.add(report.getExternalId());
                    } else {
                        refused.incrementAndGet();
                    }
                });
    }

    /** The bytes of one submission as they travel, for sizing Kafka's own tools to the same records. */
    byte[] encoded(IncidentSubmission submission) {
        return codec.encode(Topics.INCIDENT_SUBMISSIONS.valueSubject(), submission);
    }

    /**
     * @param due when a paced run meant to send it (System.nanoTime), or -1 unpaced: a paced request's latency
     *            counts from then, so a slow answer that holds up the next requests is not hidden (no coordinated
     *            omission); an unpaced (closed-loop) one's from its actual send
     */
    void hotline(String body, long due) throws InterruptedException {
        inFlight.acquire();
        String key = "load-" + Integer.toHexString(body.hashCode()) + "-" + body.length();
        attempt(body, key, 1, System.nanoTime(), due);
    }

    private void attempt(String body, String key, int attempt, long firstSent, long due) {
        long sent = System.nanoTime();
        http.sendAsync(HttpRequest.newBuilder(incidents).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("Authorization", target.intakeToken())
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((answer, error) -> {
                    long now = System.nanoTime();
                    answers.computeIfAbsent(answer == null ? "no answer" : answer.statusCode() == 202 ? "202"
                            : answer.statusCode() + " " + answer.headers().firstValue("Content-Type").orElse(""),
                            k -> new AtomicInteger()).incrementAndGet();
                    Matcher m = answer == null ? null : CASE_ID.matcher(answer.body());
                    if (answer != null && answer.statusCode() == 202 && m.find()) {
                        acceptedOverHttp.add(m.group(1));
                        if (attempt == 1) {
                            synchronized (httpLatency) {
                                httpLatency.recordValue((now - (due >= 0 ? due : sent)) / 1_000);
                            }
                        }
                        inFlight.release();
                    } else if ((error != null || answer.statusCode() >= 500)
                            && now - firstSent < RESEND_FOR_NANOS) {
                        resent.incrementAndGet();
                        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
                                .execute(() -> attempt(body, key, attempt + 1, firstSent, due));
                    } else {
                        refused.incrementAndGet();
                        System.err.println("intake refused a complaint: " + (answer == null ? error
                                : answer.statusCode() + " " + answer.body()));
                        inFlight.release();
                    }
                });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
