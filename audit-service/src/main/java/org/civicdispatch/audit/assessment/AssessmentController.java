package org.civicdispatch.audit.assessment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.render.CsvReport;
import org.civicdispatch.assessment.render.SvgChart;
import org.civicdispatch.assessment.render.UnitNames;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.assessment.report.Ranking;
import org.civicdispatch.assessment.report.RankingPolicy;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.http.Problems;
import org.civicdispatch.audit.store.QueryLog;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.civicdispatch.reference.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assessment (考核) per department, street or community and period, as JSON, CSV, an SVG chart and a ranking.
 * The model is rebuilt from the audit store, at most every 30 s: a full rebuild is the same code path auditors use to
 * check the figures, and at the platform's volumes it takes well under that.
 */
@RestController
public class AssessmentController {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final AssessmentRebuild rebuild;
    private final RebuildingTheAssessment rebuilding;
    private final QueryLog queries;
    private final Clock clock;
    private final UnitNames names = UnitNames.from(CatalogLoader.bundled(), Territory.bundled());
    private AssessmentRebuild.Rebuilt cached;
    private Instant cachedAt = Instant.MIN;

    public AssessmentController(AssessmentRebuild rebuild, RebuildingTheAssessment rebuilding, QueryLog queries,
                                Clock clock) {
        this.rebuild = rebuild;
        this.rebuilding = rebuilding;
        this.queries = queries;
        this.clock = clock;
    }

    public record AssessmentView(String period, Assessment assessment, long records, long unreadable) {
    }

    @GetMapping("/api/assessment")
    public ResponseEntity<?> assessment(@RequestParam String period, @RequestParam String by,
                                        @RequestParam(defaultValue = "json") String format, Caller caller) {
        Assessment assessment = assess(caller, "assessment", period, by, format);
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(CsvReport.MEDIA_TYPE))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-"
                            + assessment.period().label() + "-" + by + ".csv\"")
                    .body(CsvReport.of(assessment, names).getBytes(StandardCharsets.UTF_8));
        }
        if (!"json".equals(format)) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-format", "Invalid format",
                    "format is json or csv");
        }
        AssessmentRebuild.Rebuilt model = model();
        return ResponseEntity.ok(new AssessmentView(assessment.period().label(), assessment, model.records(),
                model.unreadable()));
    }

    @GetMapping(path = "/api/assessment/chart", produces = SvgChart.MEDIA_TYPE)
    public ResponseEntity<String> chart(@RequestParam String period, @RequestParam String by,
                                        @RequestParam(defaultValue = "satisfaction_rate") String kpi, Caller caller) {
        Kpi measure;
        try {
            measure = Kpi.ofCode(kpi);
        } catch (IllegalArgumentException e) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-kpi", "Invalid KPI", "kpi: " + e.getMessage());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SvgChart.MEDIA_TYPE))
                .body(SvgChart.bars(assess(caller, "chart", period, by, kpi), measure, names));
    }

    @GetMapping("/api/assessment/ranking")
    public Ranking ranking(@RequestParam String period, @RequestParam String by, Caller caller) {
        return Ranking.of(assess(caller, "ranking", period, by, null), RankingPolicy.DEFAULT);
    }

    /**
     * Auditors only: rebuilds the model from Kafka or the store and says whether it equals the store's. Body:
     * {@code {"source": "kafka"|"store", "period": "2026-11", "by": "department"}} (period and by optional).
     */
    @PostMapping("/api/assessment/rebuilds")
    public RebuildingTheAssessment.Summary rebuild(@RequestBody RebuildRequest request, Caller caller) {
        try {
            return rebuilding.rebuild(caller, request.source(), request.period(), request.by());
        } catch (IllegalArgumentException e) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-rebuild", "Invalid rebuild", e.getMessage());
        } catch (IllegalStateException e) {
            throw Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                    e.getMessage());
        }
    }

    public record RebuildRequest(String source, String period, String by) {
    }

    private Assessment assess(Caller caller, String view, String period, String by, String detail) {
        queries.record(caller, QueryLog.ASSESSMENT, Map.of("view", view, "period", String.valueOf(period),
                "by", String.valueOf(by), "detail", String.valueOf(detail)));
        Period parsed;
        Grouping grouping;
        try {
            parsed = Period.parse(period);
        } catch (RuntimeException e) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-period", "Invalid period",
                    "period is a month (2026-11), a quarter (2026-Q4) or a year (2026)");
        }
        try {
            grouping = Grouping.parse(by);
        } catch (RuntimeException e) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-grouping", "Invalid grouping",
                    "by is department, street or community");
        }
        return Assessment.of(model().model(), parsed, grouping);
    }

    private synchronized AssessmentRebuild.Rebuilt model() {
        Instant now = clock.instant();
        if (cached == null || Duration.between(cachedAt, now).compareTo(FRESH_FOR) > 0) {
            cached = rebuild.fromStore();
            cachedAt = now;
        }
        return cached;
    }
}
