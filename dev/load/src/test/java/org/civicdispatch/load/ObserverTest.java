package org.civicdispatch.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.registry.wire.AvroTrust;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness's instrument: what it counts as a run's and when it saw it. */
class ObserverTest {

    @BeforeAll
    static void topics() {
        AvroTrust.trustContractPackages();
        TestInfrastructure.kafka().createTopics(3, Topics.INCIDENT_REPORTS.name(), Topics.CASE_EVENTS.name(),
                Topics.SLA_EVENTS.name());
    }

    @Test
    void shouldStartAtTheEndSoThatRecordsFromBeforeTheRunAreNeitherCountedNorDelayTheRunsOwn() throws Exception {
        String runId = "OBS" + System.nanoTime();
        Mix mix = Mix.reportsOnly(runId, 1);
        send(mix.report(1));
        send(mix.report(2));
        Target target = new Target(TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.schemaRegistryUrl(),
                null, null, null, null);
        try (Observer observer = new Observer(target, runId, 0, false)) {
            observer.awaitAssigned();
            IncidentReported during = mix.report(3);
            send(during);

            await().atMost(Duration.ofSeconds(30)).until(() -> observer.acceptedAt.containsKey(during.getCaseId()));
            assertThat(observer.acceptedAt).containsOnlyKeys(during.getCaseId());
            assertThat(observer.reportSeenAt.get(during.getCaseId()))
                    .isGreaterThanOrEqualTo(during.getAcceptedAt().toEpochMilli());
        }
    }

    private static void send(IncidentReported report) {
        TestInfrastructure.kafka().send(Topics.INCIDENT_REPORTS.name(), report.getCaseId(),
                TestInfrastructure.codec().encode(Topics.INCIDENT_REPORTS.valueSubject(), report));
    }
}
