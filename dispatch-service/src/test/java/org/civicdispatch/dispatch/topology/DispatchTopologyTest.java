package org.civicdispatch.dispatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.dispatch.routing.Fixtures.NOW;
import static org.civicdispatch.dispatch.routing.Fixtures.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.civicdispatch.dispatch.lifecycle.CaseLifecycle;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.dispatch.routing.Router;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.CommandRefused;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.OperatorCommand;
import org.civicdispatch.events.RateCase;
import org.civicdispatch.events.RerouteTask;
import org.civicdispatch.events.ResponseKind;
import org.civicdispatch.events.ResponseRefused;
import org.civicdispatch.events.TaskAccepted;
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
    private TestInputTopic<String, byte[]> responses;
    private TestInputTopic<String, byte[]> commands;

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
        CaseLifecycle lifecycle = new CaseLifecycle(at -> at.plus(Duration.ofHours(24)), 3, Duration.ofDays(3));
        driver = new TopologyTestDriver(DispatchTopology.build(codec, () -> dispatching, lifecycle,
                Clock.fixed(NOW, ZoneOffset.UTC)), config);
        reports = driver.createInputTopic("incident-reports", new StringSerializer(), new ByteArraySerializer());
        responses = driver.createInputTopic("department-responses", new StringSerializer(),
                new ByteArraySerializer());
        commands = driver.createInputTopic("operator-commands", new StringSerializer(), new ByteArraySerializer());
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
    void shouldCarryTheReportsTraceContextOntoTheTasksAndTheCaseEvent() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        IncidentReported report = Fixtures.report("C-TRACE", "sanitation.garbage-overflow", Urgency.ROUTINE);
        reports.pipeInput(new TestRecord<>("C-TRACE", codec.encode("incident-reports-value", report),
                new RecordHeaders().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII))
                        .add("dlq-reason", "not a trace header".getBytes(StandardCharsets.UTF_8))));

        for (String topic : List.of("department-tasks-sanitation", "case-events")) {
            TestOutputTopic<String, byte[]> out = driver.createOutputTopic(topic, new StringDeserializer(),
                    new ByteArrayDeserializer());
            assertThat(out.readRecordsToList()).as(topic).singleElement().satisfies(r -> {
                assertThat(new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                        .isEqualTo(traceparent);
                assertThat(r.headers().lastHeader("dlq-reason")).isNull();
            });
        }
    }

    @Test
    void shouldNotDispatchTheSameCaseTwice() {
        send(report("C-11", "sanitation.garbage-overflow", Urgency.ROUTINE));
        send(report("C-11", "sanitation.garbage-overflow", Urgency.ROUTINE));

        assertThat(tasks("sanitation")).hasSize(1);
        assertThat(caseEvents()).hasSize(1);
    }

    @Test
    void shouldRecordADepartmentSigningOnTheCaseStream() {
        send(report("C-20", "sanitation.garbage-overflow", Urgency.ROUTINE));
        respond("C-20", "sanitation", "r-1", ResponseKind.ACCEPTED, null);
        respond("C-20", "sanitation", "r-1", ResponseKind.ACCEPTED, null);

        List<CaseEvent> events = caseEvents();
        assertThat(events).extracting(CaseEvent::getEventId).containsExactly("C-20/dispatched", "C-20/2");
        assertThat(events.get(1).getPayload()).isInstanceOfSatisfying(TaskAccepted.class,
                a -> assertThat(a.getDepartmentCode()).isEqualTo("sanitation"));
    }

    @Test
    void shouldIssueANewTaskWhenTheOperatorReroutesAReturnedCase() {
        send(report("C-21", "sanitation.garbage-overflow", Urgency.ROUTINE));
        respond("C-21", "sanitation", "r-1", ResponseKind.RETURNED, "construction waste: urban management's");
        command("C-21", RerouteTask.newBuilder().setReturnedTaskId("C-21/sanitation")
                .setToDepartment("urban-management").setReason("call list 3.2").build());

        assertThat(tasks("urban-management")).singleElement().satisfies(t -> {
            assertThat(t.getCaseId()).isEqualTo("C-21");
            assertThat(t.getTaskId()).isEqualTo("C-21/urban-management/3");
        });
        assertThat(caseEvents()).extracting(e -> e.getPayload().getClass().getSimpleName())
                .containsExactly("IncidentDispatched", "TaskReturned", "CaseRerouted");
    }

    @Test
    void shouldAnswerResponsesAndCommandsThatDoNotFitWithTheirReason() {
        respond("C-404", "sanitation", "r-9", ResponseKind.ACCEPTED, null);
        send(report("C-22", "sanitation.garbage-overflow", Urgency.ROUTINE));
        command("C-22", RateCase.newBuilder().setSatisfied(true).build());

        assertThat(caseEvents()).extracting(CaseEvent::getPayload).satisfiesExactly(
                p -> assertThat(p).isInstanceOfSatisfying(ResponseRefused.class,
                        r -> assertThat(r.getReason()).contains("no case C-404")),
                p -> assertThat(p).isInstanceOf(IncidentDispatched.class),
                p -> assertThat(p).isInstanceOfSatisfying(CommandRefused.class,
                        r -> assertThat(r.getReason()).contains("not resolved")));
    }

    private void respond(String caseId, String department, String responseId, ResponseKind kind, String reason) {
        responses.pipeInput(caseId, codec.encode("department-responses-value", DepartmentResponse.newBuilder()
                .setResponseId(responseId).setTaskId(caseId + "/" + department).setCaseId(caseId)
                .setDepartmentCode(department).setKind(kind).setReturnReason(reason).setRespondedAt(NOW).build()));
    }

    private void command(String caseId, org.apache.avro.specific.SpecificRecord command) {
        commands.pipeInput(caseId, codec.encode("operator-commands-value", OperatorCommand.newBuilder()
                .setCommandId("cmd-" + caseId).setCaseId(caseId).setOperator("op-test").setIssuedAt(NOW)
                .setCommand(command).build()));
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
