package org.civicdispatch.dispatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.civicdispatch.dispatch.lifecycle.CaseFile;
import org.civicdispatch.dispatch.lifecycle.CaseState;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code civic_cases{state=...}}: the cases this instance holds, by state, recounted from its store every 30 s
 * rather than on each scrape (a scan of every case file). Sum over instances for the district.
 */
@Component
public class CaseStateGauges {

    private final LocalCaseFiles streams;
    private final Map<CaseState, AtomicLong> counts = new EnumMap<>(CaseState.class);

    public CaseStateGauges(LocalCaseFiles streams, MeterRegistry registry) {
        this.streams = streams;
        for (CaseState state : CaseState.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(state, count);
            Gauge.builder("civic.cases", count, AtomicLong::get).tag("state", state.name())
                    .description("cases held by this dispatch instance, by state").register(registry);
        }
    }

    @Scheduled(fixedDelayString = "${civic.metrics.case-count-interval:PT30S}", initialDelay = 5_000)
    public void recount() {
        Map<CaseState, Long> now = new EnumMap<>(CaseState.class);
        try (Stream<CaseFile> files = streams.localCaseFiles()) {
            files.map(CaseFile::state).forEach(s -> now.merge(s, 1L, Long::sum));
        }
        counts.forEach((state, count) -> count.set(now.getOrDefault(state, 0L)));
    }
}
