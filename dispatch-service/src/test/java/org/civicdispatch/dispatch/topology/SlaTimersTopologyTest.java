package org.civicdispatch.dispatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.civicdispatch.dispatch.routing.Fixtures.NOW;
import static org.civicdispatch.dispatch.routing.Fixtures.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.civicdispatch.dispatch.lifecycle.CaseLifecycle;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.dispatch.routing.Router;
import org.civicdispatch.dispatch.sla.WorkingCalendar;
import org.civicdispatch.dispatch.sla.WorkingCalendarLoader;
import org.civicdispatch.dispatch.sla.WorkingTimeDeadlines;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.ExtendTask;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.OperatorCommand;
import org.civicdispatch.events.PauseForCitizen;
import org.civicdispatch.events.ResponseKind;
import org.civicdispatch.events.ResumeFromCitizen;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every timer path with an injected clock: the driver's wall clock and the processor's clock move together, one
 * simulated minute per tick. Garbage overflow (community tier): sign within 2 h, resolve within 3 days.
 */
class SlaTimersTopologyTest {

    private final AvroCodec codec = TestInfrastructure.codec();
    private final MutableClock clock = new MutableClock(NOW);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> reports;
    private TestInputTopic<String, byte[]> responses;
    private TestInputTopic<String, byte[]> commands;
    private TestOutputTopic<String, byte[]> slaEvents;

    @BeforeEach
    void startDriver() {
        startDriver(clock, new Dispatching(new Router(Fixtures.catalog())), NOW);
    }

    private void startDriver(MutableClock processorClock, Dispatching dispatching, Instant start) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-timers-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        CaseLifecycle lifecycle = new CaseLifecycle(at -> at.plus(Duration.ofHours(24)), 3, Duration.ofDays(3));
        driver = new TopologyTestDriver(DispatchTopology.build(codec, () -> dispatching, lifecycle, processorClock,
                Duration.ofMinutes(1)), config, start);
        reports = driver.createInputTopic("incident-reports", new StringSerializer(), new ByteArraySerializer());
        responses = driver.createInputTopic("department-responses", new StringSerializer(),
                new ByteArraySerializer());
        commands = driver.createInputTopic("operator-commands", new StringSerializer(), new ByteArraySerializer());
        slaEvents = driver.createOutputTopic("sla-events", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldRemindAtAQuarterLeftThenUrgeAtTheDeadlineThenEscalateOneTierUp() {
        send(report("C-T1", "sanitation.garbage-overflow", Urgency.ROUTINE));

        advance(Duration.ofMinutes(89));
        assertThat(fired()).isEmpty();
        advance(Duration.ofMinutes(1));
        assertThat(fired()).singleElement().satisfies(e -> {
            assertThat(e.getStage()).isEqualTo(SlaStage.SIGN);
            assertThat(e.getKind()).isEqualTo(SlaEventKind.REMINDER);
            assertThat(e.getDeadline()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        });
        advance(Duration.ofMinutes(30));
        assertThat(fired()).singleElement().satisfies(e -> assertThat(e.getKind()).isEqualTo(SlaEventKind.BREACH));
        advance(Duration.ofMinutes(30));
        assertThat(fired()).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo(SlaEventKind.ESCALATION);
            assertThat(e.getEscalatedFrom()).isEqualTo(Tier.COMMUNITY);
            assertThat(e.getEscalatedTo()).isEqualTo(Tier.STREET);
            assertThat(e.getEscalatedToUnit()).isEqualTo("NG-S01");
        });
    }

    @Test
    void shouldClimbTheMattersEscalationChainStepByStep() {
        send(report("C-T7", "community.corridor-clutter", Urgency.ROUTINE));

        advance(Duration.ofHours(3), Duration.ofMinutes(5));

        assertThat(fired()).filteredOn(e -> e.getStage() == SlaStage.SIGN && "C-T7/grid-station".equals(e.getTaskId()))
                .filteredOn(e -> e.getKind() == SlaEventKind.ESCALATION)
                .extracting(SlaEvent::getEscalatedFrom, SlaEvent::getEscalatedTo, SlaEvent::getEscalatedToUnit,
                        SlaEvent::getFiredAt)
                .containsExactly(
                        tuple(Tier.GRID, Tier.COMMUNITY, "NG-S01-C03", NOW.plus(Duration.ofMinutes(150))),
                        tuple(Tier.COMMUNITY, Tier.STREET, "NG-S01", NOW.plus(Duration.ofMinutes(180))));
    }

    @Test
    void shouldBreachAWhistleArrivalAfterThirtyMinutesAndEscalateToTheDistrict() {
        send(report("C-T8", "housing.illegal-construction", Urgency.ROUTINE));

        advance(Duration.ofMinutes(46));

        assertThat(fired()).filteredOn(e -> e.getStage() == SlaStage.ARRIVAL)
                .extracting(SlaEvent::getKind, SlaEvent::getFiredAt, SlaEvent::getEscalatedToUnit)
                .containsExactly(
                        tuple(SlaEventKind.REMINDER, NOW.plus(Duration.ofSeconds(1350)).plusSeconds(30), null),
                        tuple(SlaEventKind.BREACH, NOW.plus(Duration.ofMinutes(30)), null),
                        tuple(SlaEventKind.ESCALATION, NOW.plus(Duration.ofMinutes(45)), "district"));
    }

    @Test
    void shouldStopArrivalTimersOnceTheDepartmentReportsFromTheSite() {
        send(report("C-T9", "housing.illegal-construction", Urgency.ROUTINE));
        advance(Duration.ofMinutes(10));
        respond("C-T9", "urban-management", ResponseKind.ACCEPTED);
        advance(Duration.ofMinutes(10));
        respond("C-T9", "urban-management", ResponseKind.PROGRESS);

        advance(Duration.ofHours(1));

        assertThat(fired()).filteredOn(e -> e.getStage() == SlaStage.ARRIVAL).isEmpty();
    }

    @Test
    void shouldDropSigningTimersOnceTheDepartmentSigns() {
        send(report("C-T2", "sanitation.garbage-overflow", Urgency.ROUTINE));
        advance(Duration.ofMinutes(30));
        respond("C-T2", "sanitation", ResponseKind.ACCEPTED);

        advance(Duration.ofHours(4), Duration.ofMinutes(10));

        assertThat(fired()).isEmpty();
    }

    @Test
    void shouldMoveTheResolutionTimersWithAnExtension() {
        send(report("C-T3", "sanitation.garbage-overflow", Urgency.ROUTINE));
        respond("C-T3", "sanitation", ResponseKind.ACCEPTED);
        commands.pipeInput("C-T3", codec.encode("operator-commands-value", OperatorCommand.newBuilder()
                .setCommandId("cmd-1").setCaseId("C-T3").setOperator("op").setIssuedAt(NOW)
                .setCommand(ExtendTask.newBuilder().setTaskId("C-T3/sanitation")
                        .setExtensionMillis(Duration.ofDays(1).toMillis()).setReason("rain").build()).build()));

        advance(Duration.ofDays(3).plusMinutes(1), Duration.ofHours(1));
        List<SlaEvent> byTheOldDeadline = fired();
        advance(Duration.ofDays(1), Duration.ofHours(1));
        List<SlaEvent> byTheNewDeadline = fired();

        assertThat(byTheOldDeadline).filteredOn(e -> e.getStage() == SlaStage.RESOLUTION)
                .extracting(SlaEvent::getKind).doesNotContain(SlaEventKind.BREACH);
        assertThat(byTheNewDeadline).filteredOn(e -> e.getStage() == SlaStage.RESOLUTION)
                .extracting(SlaEvent::getKind).contains(SlaEventKind.BREACH);
        assertThat(byTheNewDeadline).filteredOn(e -> e.getKind() == SlaEventKind.BREACH).first()
                .satisfies(e -> assertThat(e.getDeadline()).isEqualTo(NOW.plus(Duration.ofDays(4))));
    }

    @Test
    void shouldStopResolutionTimersWhileTheCaseWaitsOnTheCitizen() {
        send(report("C-T5", "sanitation.garbage-overflow", Urgency.ROUTINE));
        respond("C-T5", "sanitation", ResponseKind.ACCEPTED);
        command("C-T5", PauseForCitizen.newBuilder().setReason("waiting for access").build());
        advance(Duration.ofDays(3).plusHours(1), Duration.ofHours(1));
        List<SlaEvent> whilePaused = fired();

        command("C-T5", ResumeFromCitizen.newBuilder().build());
        advance(Duration.ofDays(3).plusHours(1), Duration.ofHours(1));
        List<SlaEvent> afterResuming = fired();

        assertThat(whilePaused).filteredOn(e -> e.getStage() == SlaStage.RESOLUTION).isEmpty();
        assertThat(afterResuming).filteredOn(e -> e.getStage() == SlaStage.RESOLUTION)
                .filteredOn(e -> e.getKind() == SlaEventKind.BREACH).singleElement()
                .satisfies(e -> assertThat(e.getDeadline())
                        .isEqualTo(NOW.plus(Duration.ofDays(3)).plus(Duration.ofDays(3).plusHours(1))));
    }

    @Test
    void shouldNotBreachARoutineSigningDeadlineOverTheWeekend() {
        driver.close();
        Instant friday = LocalDateTime.parse("2026-11-20T16:00")
                .atZone(WorkingCalendar.SHANGHAI).toInstant();
        MutableClock weekendClock = new MutableClock(friday);
        startDriver(weekendClock, new Dispatching(new Router(Fixtures.catalog()),
                new WorkingTimeDeadlines(
                        WorkingCalendarLoader.bundled())), friday);
        send(report("C-T6", "sanitation.garbage-overflow", Urgency.ROUTINE));

        advance(weekendClock, Duration.ofHours(64), Duration.ofMinutes(30));
        List<SlaEvent> byMondayMorning = fired();
        advance(weekendClock, Duration.ofHours(1), Duration.ofMinutes(30));

        assertThat(byMondayMorning).extracting(SlaEvent::getKind).doesNotContain(SlaEventKind.BREACH);
        assertThat(fired()).filteredOn(e -> e.getKind() == SlaEventKind.BREACH).singleElement()
                .satisfies(e -> assertThat(e.getDeadline()).isEqualTo(java.time.LocalDateTime
                        .parse("2026-11-23T09:00").atZone(WorkingCalendar.SHANGHAI)
                        .toInstant()));
    }

    @Test
    void shouldNotBreachARoutineSigningDeadlineOverTheNationalDayHoliday() {
        driver.close();
        Instant eve = shanghai("2026-09-30T16:00");
        MutableClock holidayClock = new MutableClock(eve);
        startDriver(holidayClock, new Dispatching(new Router(Fixtures.catalog()),
                new WorkingTimeDeadlines(WorkingCalendarLoader.bundled())), eve);
        send(report("C-T10", "sanitation.garbage-overflow", Urgency.ROUTINE));

        // 1.5 working hours left on 30 Sep, 1–7 Oct off: the remaining half hour is on Thursday 8 Oct.
        advance(holidayClock, Duration.between(eve, shanghai("2026-10-08T08:55")), Duration.ofMinutes(30));
        List<SlaEvent> beforeTheDeadline = fired();
        advance(holidayClock, Duration.ofMinutes(10), Duration.ofMinutes(1));

        assertThat(beforeTheDeadline).extracting(SlaEvent::getKind).doesNotContain(SlaEventKind.BREACH);
        assertThat(fired()).filteredOn(e -> e.getKind() == SlaEventKind.BREACH).singleElement()
                .satisfies(e -> assertThat(e.getDeadline()).isEqualTo(shanghai("2026-10-08T09:00")));
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.SHANGHAI).toInstant();
    }

    @Test
    void shouldBreachTheCitizensClockCountedFromIntake() {
        send(report("C-T4", "sanitation.garbage-overflow", Urgency.ROUTINE));
        respond("C-T4", "sanitation", ResponseKind.ACCEPTED);

        advance(Duration.ofDays(3).plusMinutes(5), Duration.ofHours(1));

        assertThat(fired()).filteredOn(e -> e.getStage() == SlaStage.CITIZEN_CLOCK).singleElement()
                .satisfies(e -> assertThat(e.getDeadline())
                        .isEqualTo(NOW.minusSeconds(30).plus(Duration.ofDays(3))));
    }

    @Test
    void shouldFireATimerThatFellDueBeforeTheScanReachedWhereItIsStored() {
        send(report("C-EARLY", "sanitation.garbage-overflow", Urgency.ROUTINE));
        respond("C-EARLY", "sanitation", ResponseKind.ACCEPTED);
        // four days of ticks: the scan for due timers has moved past the citizen's clock of a case accepted now
        advance(Duration.ofDays(4), Duration.ofHours(1));
        fired();

        send(report("C-LATE", "sanitation.garbage-overflow", Urgency.ROUTINE));
        respond("C-LATE", "sanitation", ResponseKind.ACCEPTED);
        advance(Duration.ofMinutes(1));

        assertThat(fired()).filteredOn(e -> e.getStage() == SlaStage.CITIZEN_CLOCK).singleElement()
                .satisfies(e -> assertThat(e.getCaseId()).isEqualTo("C-LATE"));
    }

    @Test
    void shouldFireAWaveOfDueTimersInBatchesWhileNewCasesKeepFlowing() {
        int cases = 1_200;
        for (int i = 0; i < cases; i++) {
            send(report("C-W" + i, "sanitation.garbage-overflow", Urgency.ROUTINE));
        }
        clock.advance(Duration.ofMinutes(121));
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        int firstTick = fired().size();
        send(report("C-NEW", "sanitation.garbage-overflow", Urgency.ROUTINE));
        assertThat(driver.createOutputTopic("department-tasks-sanitation", new StringDeserializer(),
                new ByteArrayDeserializer()).readKeyValuesToMap()).containsKey("C-NEW");
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        int later = fired().size();

        assertThat(firstTick).isEqualTo(SlaTimerStore.BATCH);
        assertThat(firstTick + later).isEqualTo(cases * 2);
    }

    private void command(String caseId, SpecificRecord command) {
        commands.pipeInput(caseId, codec.encode("operator-commands-value", OperatorCommand.newBuilder()
                .setCommandId("cmd-" + caseId + "-" + command.getClass().getSimpleName()).setCaseId(caseId)
                .setOperator("op").setIssuedAt(clock.instant()).setCommand(command).build()));
    }

    private void advance(Duration by) {
        advance(by, Duration.ofMinutes(1));
    }

    /** Moves both clocks by {@code by} in ticks of {@code step} (the last one shorter if need be). */
    private void advance(Duration by, Duration step) {
        advance(clock, by, step);
    }

    private void advance(MutableClock processorClock, Duration by, Duration step) {
        for (Duration left = by; !left.isZero(); ) {
            Duration tick = left.compareTo(step) < 0 ? left : step;
            processorClock.advance(tick);
            driver.advanceWallClockTime(tick);
            left = left.minus(tick);
        }
    }

    private List<SlaEvent> fired() {
        return slaEvents.readValuesToList().stream().map(b -> codec.decode(b, SlaEvent.class).value()).toList();
    }

    private void send(IncidentReported report) {
        reports.pipeInput(report.getCaseId(), codec.encode("incident-reports-value", report));
    }

    private void respond(String caseId, String department, ResponseKind kind) {
        responses.pipeInput(caseId, codec.encode("department-responses-value", DepartmentResponse.newBuilder()
                .setResponseId(caseId + "-" + kind).setTaskId(caseId + "/" + department).setCaseId(caseId)
                .setDepartmentCode(department).setKind(kind).setRespondedAt(clock.instant()).build()));
    }

}
