package org.civicdispatch.dispatch.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.dispatch.lifecycle.CaseLifecycle;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.OperatorCommand;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.state.CaseFileState;
import org.civicdispatch.state.SlaTimer;
import org.civicdispatch.events.SlaEvent;

/**
 * incident-reports, department-responses and operator-commands → one case processor → case-events,
 * department-tasks-&lt;dept&gt; and sla-events (where SLA timers fire). All inputs are keyed and partitioned by case
 * id, so one case's events are handled in order by one task, which keeps the case file in a state store (with its changelog). Under exactly-once v2 the
 * outputs, the store update and the input offsets commit in one transaction.
 */
public final class DispatchTopology {

    public static final String CASE_FILES = "case-files";
    public static final String SLA_TIMERS = "sla-timers";
    /** A timer fires up to one tick after it falls due: the tick bounds the lateness every timer starts with. */
    static final Duration DEFAULT_TICK = Duration.ofMillis(250);

    private DispatchTopology() {
    }

    /** @param dispatching supplies the current rules, so a reloaded catalog applies to the next case */
    public static Topology build(AvroCodec codec, Supplier<Dispatching> dispatching, CaseLifecycle lifecycle,
                                 Clock clock) {
        return build(codec, dispatching, lifecycle, clock, DEFAULT_TICK);
    }

    /** @param tick how often due SLA timers are looked for */
    public static Topology build(AvroCodec codec, Supplier<Dispatching> dispatching, CaseLifecycle lifecycle,
                                 Clock clock, Duration tick) {
        return build(codec, dispatching, lifecycle, clock, tick, out -> { });
    }

    /** @param outputs sees every record the processor writes (metrics) */
    public static Topology build(AvroCodec codec, Supplier<Dispatching> dispatching, CaseLifecycle lifecycle,
                                 Clock clock, Duration tick, Consumer<SpecificRecord> outputs) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASE_FILES),
                Serdes.String(), AvroSerdes.reading(codec, CaseFileState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SLA_TIMERS),
                Serdes.String(), AvroSerdes.reading(codec, SlaTimer.class)));
        KStream<String, SpecificRecord> reports = builder.stream(Topics.INCIDENT_REPORTS.name(),
                        Consumed.with(Serdes.String(), AvroSerdes.reading(codec, IncidentReported.class)))
                .mapValues(v -> (SpecificRecord) v);
        KStream<String, SpecificRecord> responses = builder.stream(Topics.DEPARTMENT_RESPONSES.name(),
                        Consumed.with(Serdes.String(), AvroSerdes.reading(codec, DepartmentResponse.class)))
                .mapValues(v -> (SpecificRecord) v);
        KStream<String, SpecificRecord> commands = builder.stream(Topics.OPERATOR_COMMANDS.name(),
                        Consumed.with(Serdes.String(), AvroSerdes.reading(codec, OperatorCommand.class)))
                .mapValues(v -> (SpecificRecord) v);
        reports.merge(responses).merge(commands)
                .process(() -> new CaseProcessor(dispatching, lifecycle, clock, tick), CASE_FILES, SLA_TIMERS)
                .peek((key, value) -> outputs.accept(value))
                .to((key, value, context) -> topicOf(value), Produced.with(Serdes.String(), AvroSerdes.writing(codec)));
        return builder.build();
    }

    static String topicOf(SpecificRecord value) {
        if (value instanceof DepartmentTask task) {
            return Topics.departmentTasks(task.getDepartmentCode()).name();
        }
        if (value instanceof CaseEvent) {
            return Topics.CASE_EVENTS.name();
        }
        if (value instanceof SlaEvent) {
            return Topics.SLA_EVENTS.name();
        }
        throw new IllegalArgumentException("no topic for " + value.getSchema().getFullName());
    }
}
