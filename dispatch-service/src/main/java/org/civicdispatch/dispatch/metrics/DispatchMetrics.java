package org.civicdispatch.dispatch.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.SlaEvent;
import org.springframework.stereotype.Component;

/**
 * Counts what dispatch writes: tasks per department, case events per kind, SLA events per stage and kind (breaches,
 * escalations). Counted as records leave the processor, so an attempt aborted under exactly-once and then repeated
 * counts twice: good enough for rates and alerts, not for accounting (that is audit's).
 */
@Component
public class DispatchMetrics implements Consumer<SpecificRecord> {

    private final MeterRegistry registry;

    public DispatchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(SpecificRecord out) {
        if (out instanceof DepartmentTask task) {
            registry.counter("civic.tasks.dispatched", "department", task.getDepartmentCode()).increment();
        } else if (out instanceof CaseEvent event) {
            registry.counter("civic.case.events", "type", event.getPayload().getClass().getSimpleName()).increment();
        } else if (out instanceof SlaEvent sla) {
            registry.counter("civic.sla.events", "stage", sla.getStage().name(), "kind", sla.getKind().name())
                    .increment();
        }
    }
}
