package org.civicdispatch.dispatch.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.civicdispatch.dispatch.lifecycle.CaseFile;
import org.civicdispatch.dispatch.lifecycle.CaseLifecycle;
import org.civicdispatch.dispatch.lifecycle.Decision;
import org.civicdispatch.dispatch.lifecycle.Task;
import org.civicdispatch.dispatch.lifecycle.Timers;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.dispatch.routing.Territories;
import org.civicdispatch.dispatch.sla.TimerPlan;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.CommandRefused;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.EscalateCase;
import org.civicdispatch.events.ExtendTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.MergeCase;
import org.civicdispatch.events.OperatorCommand;
import org.civicdispatch.events.PauseForCitizen;
import org.civicdispatch.events.RateCase;
import org.civicdispatch.events.RerouteTask;
import org.civicdispatch.events.ResponseRefused;
import org.civicdispatch.events.ResumeFromCitizen;
import org.civicdispatch.state.CaseFileState;

/**
 * Thin: loads the case file, asks the domain (routing for a new report, the lifecycle for a response or a
 * command), stores the next file, sets the SLA timers the change calls for, and forwards what the domain returned.
 * Event ids derive from the case's version, so a replay after a crash yields the same ids. Due timers fire from a
 * wall-clock punctuation.
 */
final class CaseProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate", "b3");

    private final Supplier<Dispatching> dispatching;
    private final CaseLifecycle lifecycle;
    private final Clock clock;
    private final Duration tick;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, CaseFileState> files;
    private SlaTimerStore timers;
    /** The trace context of the record being handled, carried onto everything it causes; none for timers. */
    private Headers traceContext = new RecordHeaders();

    CaseProcessor(Supplier<Dispatching> dispatching, CaseLifecycle lifecycle, Clock clock, Duration tick) {
        this.dispatching = dispatching;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.tick = tick;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.files = context.getStateStore(DispatchTopology.CASE_FILES);
        this.timers = new SlaTimerStore(context.getStateStore(DispatchTopology.SLA_TIMERS));
        // Wall-clock punctuation: timers fire on time even when no record arrives.
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, ignored -> fireDueTimers());
    }

    /** Fires what is due, a bounded batch per tick so a wave of deadlines never stalls new cases. */
    private void fireDueTimers() {
        traceContext = new RecordHeaders();
        Instant now = clock.instant();
        timers.takeDue(now, SlaTimerStore.BATCH, timer -> {
            if (Timers.stillDue(load(timer.getCaseId()), timer.getStage(), timer.getTaskId(), timer.getDeadline())) {
                forward(timer.getCaseId(), SlaTimerStore.eventOf(timer, now), now);
            }
        });
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        Instant now = clock.instant();
        traceContext = traceOf(record.headers());
        SpecificRecord value = record.value();
        if (value instanceof IncidentReported report) {
            dispatch(report, now);
        } else if (value instanceof DepartmentResponse response) {
            respond(response, now);
        } else if (value instanceof OperatorCommand command) {
            decide(command, now);
        }
    }

    private void dispatch(IncidentReported report, Instant now) {
        if (files.get(report.getCaseId()) != null) {
            return;
        }
        Dispatching.Dispatched result = dispatching.get().dispatch(report, now);
        IncidentDispatched decision = (IncidentDispatched) result.caseEvent().getPayload();
        result.tasks().forEach(task -> forward(report.getCaseId(), task, now));
        forward(report.getCaseId(), result.caseEvent(), now);
        CaseFile opened = CaseLifecycle.opened(report.getCaseId(), decision.getMatterCode(), result.tasks());
        files.put(report.getCaseId(), CaseFileStates.toState(opened));
        Task lead = opened.lead();
        Duration feedback = Duration.between(lead.issued().getDispatchedAt(), lead.issued().getResolveBy());
        timers.set(Timers.setBy(null, opened));
        timers.set(List.of(TimerPlan.citizenClock(report.getCaseId(), report.getAcceptedAt().plus(feedback))));
    }

    private void respond(DepartmentResponse response, Instant now) {
        CaseFile file = load(response.getCaseId());
        if (file == null) {
            emit(response.getCaseId(), "/refused/" + response.getResponseId(), ResponseRefused.newBuilder()
                    .setResponseId(response.getResponseId()).setTaskId(response.getTaskId())
                    .setDepartmentCode(response.getDepartmentCode())
                    .setReason("there is no case " + response.getCaseId()).build(), now);
            return;
        }
        apply(file, lifecycle.respond(file, response, now), null, now);
    }

    private void decide(OperatorCommand command, Instant now) {
        CaseFile file = load(command.getCaseId());
        if (file == null) {
            refuse(command, "there is no case " + command.getCaseId(), now);
            return;
        }
        Object c = command.getCommand();
        Decision decision;
        if (c instanceof RerouteTask r) {
            decision = lifecycle.reroute(file, r.getReturnedTaskId(), r.getToDepartment(),
                    dispatching.get().assignedUnitOf(r.getToDepartment(), file.lead().issued().getLocation()),
                    command.getOperator(), r.getReason(), now);
        } else if (c instanceof ExtendTask e) {
            decision = lifecycle.extend(file, e.getTaskId(), Duration.ofMillis(e.getExtensionMillis()),
                    command.getOperator(), e.getReason());
        } else if (c instanceof RateCase r) {
            decision = lifecycle.rate(file, r.getSatisfied(), r.getComment());
        } else if (c instanceof MergeCase m) {
            decision = lifecycle.merge(file, m.getIntoCaseId(), command.getOperator());
        } else if (c instanceof PauseForCitizen p) {
            decision = lifecycle.pause(file, command.getOperator(), p.getReason(), now);
        } else if (c instanceof EscalateCase e) {
            DepartmentTask lead = file.lead().issued();
            String toUnit = e.getToUnit() != null ? e.getToUnit()
                    : Territories.unitOf(lead.getLocation(), TimerPlan.chainOf(lead).get(0));
            decision = lifecycle.escalate(file, lead.getOwnerUnit() == null ? Territories.DISTRICT
                    : lead.getOwnerUnit(), toUnit, command.getOperator(), e.getReason());
        } else if (c instanceof ResumeFromCitizen) {
            decision = lifecycle.resume(file, command.getOperator(), now);
        } else {
            decision = new Decision.Refused("unknown command " + c.getClass().getSimpleName());
        }
        apply(file, decision, command, now);
    }

    private void apply(CaseFile before, Decision decision, OperatorCommand command, Instant now) {
        if (decision instanceof Decision.Refused refused && command != null) {
            refuse(command, refused.reason(), now);
            return;
        }
        if (!(decision instanceof Decision.Applied applied)) {
            return;
        }
        List<SpecificRecord> events = applied.events();
        for (int i = 0; i < events.size(); i++) {
            emit(before.caseId(), "/" + (before.version() + i + 1), events.get(i), now);
        }
        applied.newTasks().forEach(task -> forward(before.caseId(), task, now));
        files.put(before.caseId(), CaseFileStates.toState(applied.file()));
        timers.set(Timers.setBy(before, applied.file()));
    }

    private void refuse(OperatorCommand command, String reason, Instant now) {
        emit(command.getCaseId(), "/refused/" + command.getCommandId(), CommandRefused.newBuilder()
                .setCommandId(command.getCommandId()).setOperator(command.getOperator()).setReason(reason).build(),
                now);
    }

    private void emit(String caseId, String idSuffix, SpecificRecord payload, Instant now) {
        forward(caseId, CaseEvent.newBuilder().setEventId(caseId + idSuffix).setCaseId(caseId).setOccurredAt(now)
                .setPayload(payload).build(), now);
    }

    private void forward(String caseId, SpecificRecord value, Instant now) {
        context.forward(new Record<>(caseId, value, now.toEpochMilli(), new RecordHeaders(traceContext.toArray())));
    }

    /** Only the trace context travels on: W3C {@code traceparent}/{@code tracestate}, and B3 from older clients. */
    static Headers traceOf(Headers input) {
        RecordHeaders trace = new RecordHeaders();
        for (Header header : input) {
            if (TRACE_HEADERS.contains(header.key())) {
                trace.add(header);
            }
        }
        return trace;
    }

    private CaseFile load(String caseId) {
        CaseFileState state = files.get(caseId);
        return state == null ? null : CaseFileStates.fromState(state);
    }
}
