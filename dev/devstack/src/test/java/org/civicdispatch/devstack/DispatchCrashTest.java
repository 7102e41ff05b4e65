package org.civicdispatch.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two dispatch JVMs share the cases; one is killed with SIGKILL mid-flow, inside whatever transaction it had open.
 * Every case is still dispatched exactly once (the dead instance's open transaction is aborted, its partitions and
 * state move to the survivor) and every signing deadline still breaches exactly once: an 8-second test catalog
 * makes them fall due during the test.
 */
class DispatchCrashTest {

    private static final int CASES = 40;
    private static final String PREFIX = "C-KILL-";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @BeforeAll
    static void stopTheSharedPlatform() {
        // Its dispatch would join this test's instances on the same broker and take cases from them.
        SharedPlatform.release();
    }

    @Test
    void shouldDispatchEveryCaseOnceAndFireEveryTimerAfterAnInstanceIsKilled() throws Exception {
        Path root = Path.of(System.getProperty("civicdispatch.root", "../..")).toAbsolutePath().normalize();
        Path catalog = Files.copy(root.resolve("dispatch-service/src/test/resources/fast-sla-catalog.json"),
                workDir.resolve("catalog.json"));
        AvroCodec codec = TestInfrastructure.codec();
        try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafkaBootstrapServers())) {
            kafka.createTopics(3, "incident-reports");
            ServiceProcess doomed = start(root, catalog, "a");
            try (ServiceProcess survivor = start(root, catalog, "b")) {
                doomed.awaitHealthy(Duration.ofSeconds(120));
                survivor.awaitHealthy(Duration.ofSeconds(120));
                for (int i = 0; i < CASES / 2; i++) {
                    send(kafka, codec, i);
                }
                awaitTasks(kafka, CASES / 4);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(localCases(doomed))
                        .as("the instance to kill holds cases of its own").isPositive());

                doomed.kill();
                for (int i = CASES / 2; i < CASES; i++) {
                    send(kafka, codec, i);
                }

                Map<String, Long> tasksPerCase = countByKey(awaitTasks(kafka, CASES));
                assertThat(tasksPerCase).hasSize(CASES).allSatisfy((caseId, count) -> assertThat(count)
                        .as(caseId).isEqualTo(1L));
                Map<String, Long> breachesPerCase = kafka.readUntil("sla-events",
                                records -> signBreaches(codec, records).size() >= CASES, Duration.ofSeconds(120))
                        .stream().map(r -> codec.decode(r.value(), SlaEvent.class).value())
                        .filter(DispatchCrashTest::isOurSignBreach)
                        .collect(Collectors.groupingBy(SlaEvent::getCaseId, Collectors.counting()));
                assertThat(breachesPerCase).hasSize(CASES).allSatisfy((caseId, count) -> assertThat(count)
                        .as(caseId).isEqualTo(1L));
            } finally {
                doomed.close();
            }
        }
    }

    private ServiceProcess start(Path root, Path catalog, String name) throws IOException {
        Path state = Files.createDirectories(workDir.resolve("state-" + name));
        return ServiceProcess.start(root, "dispatch-service", DevStack.port(0), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers(),
                        "SCHEMA_REGISTRY_URL", TestInfrastructure.schemaRegistryUrl(),
                        "CIVIC_JWK_SET_URI", TestTokens.issuer().jwkSetUri(),
                        "CIVIC_TOKEN_ISSUER", TestTokens.issuer().issuer()),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
                        "-Dcivic.catalog=file:" + catalog,
                        "-Dcivic.state-dir=" + state,
                        "-Dcivic.streams.application-id=dispatch-crash-test",
                        // The killed member never says goodbye: a short session hands its partitions over sooner.
                        "-Dspring.kafka.streams.properties.consumer.session.timeout.ms=8000",
                        "-Dspring.kafka.streams.properties.consumer.heartbeat.interval.ms=2000"),
                Files.createDirectories(workDir.resolve("logs-" + name)));
    }

    private static long localCases(ServiceProcess instance) throws Exception {
        String queue = HTTP.send(HttpRequest.newBuilder(URI.create(instance.url()
                + "/api/queues?scope=local&department=sanitation&limit=1000"))
                        .header("Authorization", TestTokens.districtOperator()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return queue.split("\"caseId\":\"" + PREFIX, -1).length - 1L;
    }

    private static void send(KafkaTestClient kafka, AvroCodec codec, int i) {
        String caseId = PREFIX + i;
        Instant now = Instant.now();
        kafka.send("incident-reports", caseId, codec.encode("incident-reports-value", IncidentReported.newBuilder()
                .setCaseId(caseId).setChannel(Channel.HOTLINE_12345).setCategory("sanitation.garbage-overflow")
                .setDescription("garbage bins overflowing").setUrgency(Urgency.URGENT)
                .setLocation(Location.newBuilder().setLatitude(43.88).setLongitude(125.32)
                        .setGridCode("NG-S01-C03-G07").setCommunityCode("NG-S01-C03").setStreetCode("NG-S01").build())
                .setReportedAt(now).setAcceptedAt(now).build()));
    }

    private static List<ConsumerRecord<String, byte[]>> awaitTasks(KafkaTestClient kafka, int cases) {
        return kafka.readUntil("department-tasks-sanitation", records -> countByKey(records).size() >= cases,
                Duration.ofSeconds(120));
    }

    private static Map<String, Long> countByKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).filter(k -> k.startsWith(PREFIX))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static List<SlaEvent> signBreaches(AvroCodec codec, List<ConsumerRecord<String, byte[]>> records) {
        List<SlaEvent> breaches = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            SlaEvent e = codec.decode(r.value(), SlaEvent.class).value();
            if (isOurSignBreach(e)) {
                breaches.add(e);
            }
        }
        return breaches;
    }

    private static boolean isOurSignBreach(SlaEvent e) {
        return e.getStage() == SlaStage.SIGN && e.getKind() == SlaEventKind.BREACH
                && e.getCaseId().startsWith(PREFIX);
    }
}
