package org.civicdispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two dispatch instances share the work; one leaves mid-flow. Every case is still dispatched exactly once, every
 * signing deadline still breaches exactly once (an 8-second test catalog makes them fall due during the test), and
 * either instance answers the queue for all partitions while both run.
 */
class DispatchScaleOutTest {

    private static final int CASES = 40;

    @Test
    void shouldDispatchEveryCaseOnceAndFireEveryTimerWhenAnInstanceLeavesMidFlow() throws Exception {
        AvroCodec codec = TestInfrastructure.codec();
        try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafkaBootstrapServers())) {
            kafka.createTopics(3, "incident-reports");
            ConfigurableApplicationContext first = start("a");
            try (ConfigurableApplicationContext second = start("b")) {
                for (int i = 0; i < CASES / 2; i++) {
                    send(kafka, codec, i);
                }
                awaitTasks(kafka, CASES / 2);
                // Both instances hold part of the cases; either answers for all once both are running.
                Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(queueSize(first)).as("one instance answers for both").isEqualTo(CASES / 2));

                first.close();
                for (int i = CASES / 2; i < CASES; i++) {
                    send(kafka, codec, i);
                }

                Map<String, Long> tasksPerCase = countByKey(awaitTasks(kafka, CASES));
                assertThat(tasksPerCase).hasSize(CASES).allSatisfy((caseId, count) -> assertThat(count)
                        .as(caseId).isEqualTo(1L));
                List<SlaEvent> breaches = kafka.readUntil("sla-events", records -> signBreaches(codec, records)
                                .size() >= CASES, Duration.ofSeconds(90)).stream()
                        .map(r -> codec.decode(r.value(), SlaEvent.class).value())
                        .filter(e -> e.getStage() == SlaStage.SIGN && e.getKind() == SlaEventKind.BREACH)
                        .filter(e -> e.getCaseId().startsWith("C-SO-")).toList();
                assertThat(breaches.stream().collect(Collectors.groupingBy(SlaEvent::getCaseId,
                        Collectors.counting()))).hasSize(CASES).allSatisfy((caseId, count) -> assertThat(count)
                        .as(caseId).isEqualTo(1L));
            } finally {
                first.close();
            }
        }
    }

    private static void send(KafkaTestClient kafka, AvroCodec codec, int i) {
        String caseId = "C-SO-" + i;
        kafka.send("incident-reports", caseId, codec.encode("incident-reports-value",
                Fixtures.report(caseId, "sanitation.garbage-overflow", Urgency.URGENT)));
    }

    private static List<ConsumerRecord<String, byte[]>> awaitTasks(KafkaTestClient kafka, int cases) {
        return kafka.readUntil("department-tasks-sanitation", records -> countByKey(records).size() >= cases,
                Duration.ofSeconds(90));
    }

    private static Map<String, Long> countByKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).filter(k -> k.startsWith("C-SO-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static List<SlaEvent> signBreaches(AvroCodec codec, List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> codec.decode(r.value(), SlaEvent.class).value())
                .filter(e -> e.getStage() == SlaStage.SIGN && e.getKind() == SlaEventKind.BREACH)
                .filter(e -> e.getCaseId().startsWith("C-SO-")).toList();
    }

    private static long queueSize(ConfigurableApplicationContext instance) throws Exception {
        String port = instance.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> queue = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/queues?department=sanitation&limit=1000"))
                        .header("Authorization", TestTokens.districtOperator()).build(),
                HttpResponse.BodyHandlers.ofString());
        return queue.body().split("\"caseId\":\"C-SO-", -1).length - 1L;
    }

    private static ConfigurableApplicationContext start(String name) throws Exception {
        Path stateDir = Files.createTempDirectory("dispatch-" + name);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--civic.schema-registry-url=" + TestInfrastructure.schemaRegistryUrl(),
                "--civic.catalog=classpath:fast-sla-catalog.json",
                "--civic.state-dir=" + stateDir,
                "--civic.streams.application-id=dispatch-scale-out-test",
                // Streams does not leave the group on close: a short session hands the partitions over sooner.
                "--spring.kafka.streams.properties.consumer.session.timeout.ms=8000",
                "--spring.kafka.streams.properties.consumer.heartbeat.interval.ms=2000"));
        args.addAll(TestTokens.arguments());
        return new SpringApplicationBuilder(DispatchApplication.class).run(args.toArray(String[]::new));
    }
}
