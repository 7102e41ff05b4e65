package org.civicdispatch.dispatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.awaitility.Awaitility;
import org.civicdispatch.dispatch.lifecycle.CaseLifecycle;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.dispatch.routing.Router;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Dispatch dies in the middle of a batch (after forwarding some of its tasks) and is started again: it processes
 * the batch again from the last commit, and under exactly-once v2 the aborted half is never visible, so every case
 * has exactly one task and one dispatch event for read_committed readers.
 */
class ExactlyOnceRestartTest {

    private static final int CASES = 30;

    @Test
    void shouldNeitherLoseNorRepeatADispatchWhenTheThreadDiesMidBatch() throws Exception {
        AvroCodec codec = TestInfrastructure.codec();
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean crashed = new AtomicBoolean();
        // Other tests' reports share the topic: count and crash on this test's cases only.
        Dispatching crashOnceAtTheFifteenth = new Dispatching(new Router(Fixtures.catalog())) {
            @Override
            public Dispatched dispatch(IncidentReported report, Instant now) {
                if (report.getCaseId().startsWith("C-EOS-") && calls.incrementAndGet() == 15
                        && crashed.compareAndSet(false, true)) {
                    throw new IllegalStateException("simulated crash in the middle of a batch");
                }
                return super.dispatch(report, now);
            }
        };
        try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafkaBootstrapServers())) {
            kafka.createTopics(3, "incident-reports", "department-responses", "operator-commands", "case-events",
                    "sla-events", "dispatch-dlq");
            // Other tests' reports share incident-reports: every department they may route to needs its topic.
            Fixtures.catalog().departments().forEach(d -> kafka.createTopics(1, "department-tasks-" + d.code()));
            for (int i = 0; i < CASES; i++) {
                IncidentReported report = Fixtures.report("C-EOS-" + i, "sanitation.garbage-overflow",
                        Urgency.ROUTINE);
                kafka.send("incident-reports", report.getCaseId(), codec.encode("incident-reports-value", report));
            }
            Properties config = config();
            CaseLifecycle lifecycle = new CaseLifecycle(at -> at.plus(Duration.ofHours(24)), 3, Duration.ofDays(3));
            try (KafkaStreams crashing = new KafkaStreams(DispatchTopology.build(codec, () -> crashOnceAtTheFifteenth,
                    lifecycle, Clock.systemUTC()), config)) {
                crashing.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
                crashing.start();
                Awaitility.await().atMost(Duration.ofSeconds(60))
                        .until(() -> crashing.state() == KafkaStreams.State.ERROR);
            }
            int beforeRestart = calls.get();
            try (KafkaStreams restarted = new KafkaStreams(DispatchTopology.build(codec, () -> crashOnceAtTheFifteenth,
                    lifecycle, Clock.systemUTC()), config)) {
                restarted.start();

                Map<String, Long> tasks = countByKey(kafka.readUntil("department-tasks-sanitation",
                        records -> countByKey(records).size() >= CASES, Duration.ofSeconds(90)));
                Map<String, Long> dispatched = countByKey(kafka.readUntil("case-events",
                        records -> countByKey(records).size() >= CASES, Duration.ofSeconds(30)));

                assertThat(crashed).as("the simulated crash happened").isTrue();
                assertThat(calls.get() - beforeRestart).as("the aborted batch was processed again")
                        .isGreaterThanOrEqualTo(CASES - beforeRestart + 1);
                assertThat(tasks).hasSize(CASES).allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1L));
                assertThat(dispatched).hasSize(CASES).allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1L));
            }
        }
    }

    private static Properties config() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dispatch-eos-restart-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("eos").toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // Other tests left poison records on incident-reports: dead-letter them as the service does.
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnUnreadable.class);
        config.put(DeadLetterOnUnreadable.DLQ_TOPIC_CONFIG, "dispatch-dlq");
        config.put(DeadLetterOnUnreadable.SERVICE_CONFIG, "dispatch");
        // One commit for the whole batch, so the crash lands inside an open transaction.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 5_000);
        config.put("consumer.auto.offset.reset", "earliest");
        config.put("consumer.max.poll.records", 50);
        // Streams does not leave the group on close: a short session lets the restart take over sooner.
        config.put("consumer.session.timeout.ms", 8_000);
        config.put("consumer.heartbeat.interval.ms", 2_000);
        return config;
    }

    private static Map<String, Long> countByKey(java.util.List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).filter(k -> k.startsWith("C-EOS-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
