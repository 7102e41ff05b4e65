package org.civicdispatch.dispatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.dispatch.routing.Fixtures.NOW;
import static org.civicdispatch.dispatch.routing.Fixtures.report;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.dispatch.routing.Router;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology against the real schema registry, driven without a broker (DLQ paths: DispatchServiceIntegrationTest). */
class DispatchTopologyTest {

    private final AvroCodec codec = TestInfrastructure.codec();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> reports;

    @BeforeEach
    void startDriver() {
        Dispatching dispatching = new Dispatching(new Router(Fixtures.catalog()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dispatch-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnUnreadable.class);
        config.put(DeadLetterOnUnreadable.DLQ_TOPIC_CONFIG, "dispatch-dlq");
        config.put(DeadLetterOnUnreadable.SERVICE_CONFIG, "dispatch");
        driver = new TopologyTestDriver(DispatchTopology.build(codec, () -> dispatching,
                Clock.fixed(NOW, ZoneOffset.UTC)), config);
        reports = driver.createInputTopic("incident-reports", new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldWriteEachTaskToItsDepartmentTopicAndTheDecisionToTheCaseStream() {
        send(report("C-10", "vending.night-market-stalls", Urgency.ROUTINE));

        assertThat(tasks("urban-management")).singleElement()
                .satisfies(t -> assertThat(t.getCaseId()).isEqualTo("C-10"));
        assertThat(tasks("environment")).hasSize(1);
        assertThat(tasks("market-regulation")).hasSize(1);
        assertThat(caseEvents()).singleElement().satisfies(e -> {
            assertThat(e.getCaseId()).isEqualTo("C-10");
            assertThat(((IncidentDispatched) e.getPayload()).getLeadDepartment()).isEqualTo("urban-management");
        });
    }

    @Test
    void shouldNotDispatchTheSameCaseTwice() {
        send(report("C-11", "sanitation.garbage-overflow", Urgency.ROUTINE));
        send(report("C-11", "sanitation.garbage-overflow", Urgency.ROUTINE));

        assertThat(tasks("sanitation")).hasSize(1);
        assertThat(caseEvents()).hasSize(1);
    }

    private void send(IncidentReported report) {
        reports.pipeInput(report.getCaseId(), codec.encode("incident-reports-value", report));
    }

    private List<DepartmentTask> tasks(String department) {
        return read("department-tasks-" + department, DepartmentTask.class);
    }

    private List<CaseEvent> caseEvents() {
        return read("case-events", CaseEvent.class);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> List<T> read(String topic, Class<T> type) {
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(topic, new StringDeserializer(),
                new ByteArrayDeserializer());
        return out.readValuesToList().stream().map(bytes -> codec.decode(bytes, type).value()).toList();
    }

}
