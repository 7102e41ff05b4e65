package org.civicdispatch.dispatch.topology;

import java.time.Clock;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.registry.wire.AvroCodec;

/**
 * incident-reports → route → case-events + department-tasks-&lt;dept&gt;. Partitioned by case id; a state store
 * (with its changelog) remembers dispatched cases, so a resent report is not dispatched twice. Under exactly-once
 * v2 the outputs, the store update and the input offset commit in one transaction.
 */
public final class DispatchTopology {

    public static final String DISPATCHED_STORE = "dispatched-cases";

    private DispatchTopology() {
    }

    /** @param dispatching supplies the current rules, so a reloaded catalog applies to the next case */
    public static Topology build(AvroCodec codec, Supplier<Dispatching> dispatching, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DISPATCHED_STORE),
                Serdes.String(), Serdes.Long()));
        builder.stream(Topics.INCIDENT_REPORTS.name(),
                        Consumed.with(Serdes.String(), AvroSerdes.reading(codec, IncidentReported.class)))
                .process(() -> new DispatchProcessor(dispatching, clock), DISPATCHED_STORE)
                .to((key, value, context) -> topicOf(value),
                        Produced.with(Serdes.String(), AvroSerdes.writing(codec)));
        return builder.build();
    }

    static String topicOf(SpecificRecord value) {
        if (value instanceof DepartmentTask task) {
            return Topics.departmentTasks(task.getDepartmentCode()).name();
        }
        if (value instanceof CaseEvent) {
            return Topics.CASE_EVENTS.name();
        }
        throw new IllegalArgumentException("no topic for " + value.getSchema().getFullName());
    }

    /** Thin: asks the domain, remembers the case, forwards what the domain returned. */
    static final class DispatchProcessor implements Processor<String, IncidentReported, String, SpecificRecord> {

        private final Supplier<Dispatching> dispatching;
        private final Clock clock;
        private ProcessorContext<String, SpecificRecord> context;
        private KeyValueStore<String, Long> dispatched;

        DispatchProcessor(Supplier<Dispatching> dispatching, Clock clock) {
            this.dispatching = dispatching;
            this.clock = clock;
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
            this.dispatched = context.getStateStore(DISPATCHED_STORE);
        }

        @Override
        public void process(Record<String, IncidentReported> record) {
            IncidentReported report = record.value();
            if (report == null || dispatched.get(report.getCaseId()) != null) {
                return;
            }
            Dispatching.Dispatched result = dispatching.get().dispatch(report, clock.instant());
            long at = result.caseEvent().getOccurredAt().toEpochMilli();
            for (DepartmentTask task : result.tasks()) {
                context.forward(new Record<String, SpecificRecord>(report.getCaseId(), task, at));
            }
            context.forward(new Record<String, SpecificRecord>(report.getCaseId(), result.caseEvent(), at));
            dispatched.put(report.getCaseId(), at);
        }
    }
}
