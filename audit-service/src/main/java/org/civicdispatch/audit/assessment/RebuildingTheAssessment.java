package org.civicdispatch.audit.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.civicdispatch.assessment.model.CaseFacts;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.store.QueryLog;

/**
 * An auditor's check of the KPI figures (issue 6): rebuilds the assessment model from scratch, from Kafka or from
 * the audit store, and says whether it equals the model rebuilt from the store, which is what the assessment
 * endpoints serve. For the HTTP API and the CLI alike; recorded in the query log. It changes nothing: the figures
 * served stay those of the store. One rebuild at a time, as each holds a whole model in memory.
 */
public class RebuildingTheAssessment {

    public enum Source {
        STORE, KAFKA;

        static Source parse(String name) {
            try {
                return valueOf(String.valueOf(name).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("source is kafka or store, not " + name);
            }
        }
    }

    /**
     * What the rebuild found.
     *
     * @param equalsStoreRebuild for a Kafka rebuild, whether it has the same records and every case's facts as the
     *                           store rebuild; null for a store rebuild
     * @param differingCases     cases whose facts differ between the two, or that only one has; null for a store
     *                           rebuild
     * @param assessment         the rebuilt model's figures for {@code period} by {@code by}, when a period was given
     */
    public record Summary(String source, long records, long unreadable, int cases, long tookMillis,
                          Boolean equalsStoreRebuild, Long storeRecords, Integer differingCases,
                          Assessment assessment) {
    }

    private final AssessmentRebuild rebuild;
    private final QueryLog queries;
    private final Map<String, Object> kafkaClient;
    private final Clock clock;

    /** @param kafkaClient where the platform's topics are read from: bootstrap servers and security */
    public RebuildingTheAssessment(AssessmentRebuild rebuild, QueryLog queries, Map<String, Object> kafkaClient,
                                   Clock clock) {
        this.rebuild = rebuild;
        this.queries = queries;
        this.kafkaClient = Map.copyOf(kafkaClient);
        this.clock = clock;
    }

    /**
     * @param period optional: a month (2026-11), quarter (2026-Q4) or year to report the rebuilt figures for
     * @param by     department (default), street or community
     * @throws IllegalArgumentException for an unknown source, period or grouping
     * @throws IllegalStateException    when Kafka cannot be read
     */
    public synchronized Summary rebuild(Caller caller, String source, String period, String by) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("source", source);
        parameters.put("period", period);
        parameters.put("by", by);
        queries.record(caller, QueryLog.ASSESSMENT_REBUILD, parameters);
        Source from = Source.parse(source);
        Period reported = period == null ? null : parsePeriod(period);
        Grouping grouping = by == null ? Grouping.DEPARTMENT : parseGrouping(by);

        Instant started = clock.instant();
        AssessmentRebuild.Rebuilt built = from == Source.STORE ? rebuild.fromStore() : fromKafka();
        long took = Duration.between(started, clock.instant()).toMillis();
        Assessment assessment = reported == null ? null : Assessment.of(built.model(), reported, grouping);
        Map<String, CaseFacts> cases = built.model().snapshot();
        if (from == Source.STORE) {
            return new Summary("store", built.records(), built.unreadable(), cases.size(), took, null, null, null,
                    assessment);
        }
        AssessmentRebuild.Rebuilt store = rebuild.fromStore();
        int differing = differing(cases, store.model().snapshot());
        return new Summary("kafka", built.records(), built.unreadable(), cases.size(), took,
                differing == 0 && built.records() == store.records(), store.records(), differing, assessment);
    }

    private AssessmentRebuild.Rebuilt fromKafka() {
        try {
            return rebuild.fromKafka(kafkaClient);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the platform's topics could not be read: " + e.getMessage(), e);
        }
    }

    private static int differing(Map<String, CaseFacts> a, Map<String, CaseFacts> b) {
        Set<String> ids = new HashSet<>(a.keySet());
        ids.addAll(b.keySet());
        return (int) ids.stream().filter(id -> !Objects.equals(a.get(id), b.get(id))).count();
    }

    private static Period parsePeriod(String period) {
        try {
            return Period.parse(period);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("period is a month (2026-11), a quarter (2026-Q4) or a year (2026)");
        }
    }

    private static Grouping parseGrouping(String by) {
        try {
            return Grouping.parse(by);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("by is department, street or community");
        }
    }
}
