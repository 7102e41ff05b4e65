package org.civicdispatch.audit.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.render.CsvReport;
import org.civicdispatch.assessment.render.UnitNames;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.assessment.AssessmentRebuild;
import org.civicdispatch.audit.chain.SigningKeys;
import org.civicdispatch.audit.chain.VerificationReport;
import org.civicdispatch.audit.domain.AuditEntry;
import org.civicdispatch.audit.ingest.AuditListener;
import org.civicdispatch.audit.ingest.AuditedTopics;
import org.civicdispatch.audit.integrity.SealingTheChain;
import org.civicdispatch.audit.integrity.VerifyingTheLog;
import org.civicdispatch.audit.replay.ExportFormat;
import org.civicdispatch.audit.replay.ExportingAPeriod;
import org.civicdispatch.audit.replay.KafkaReplayTarget;
import org.civicdispatch.audit.replay.RepublishingAPeriod;
import org.civicdispatch.audit.store.AuditLog;
import org.civicdispatch.audit.store.AuditSchema;
import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.Checkpoints;
import org.civicdispatch.audit.store.QueryLog;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (5) of issue #8: replay and KPI rebuild over a large audit log, on the real parts (embedded PostgreSQL,
 * the in-JVM KRaft broker, the dev registry). It publishes synthetic case histories to the platform topics, appends
 * them as the audit listener does (its own code, batches of a poll, three consumers), then times verify, the NDJSON
 * and Avro exports, a republish to a replay topic, and the KPI rebuild from the store and from Kafka, and checks
 * that both rebuilds agree. Not a test: {@code ./mvnw -o -q -B -pl audit-service -Pbench test-compile exec:exec}
 * ({@code -Dbench.events=N} to change the size). Prints a Markdown report and writes it to
 * {@code target/bench/bench-report.md}.
 */
public final class ReplayBenchmark {

    private static final double RECORDS_PER_CASE = 6.67;
    private static final Instant FIRST_CASE = Instant.parse("2026-09-30T16:00:00Z"); // 1 Oct, Asia/Shanghai
    private static final Duration SPAN = Duration.ofDays(92);
    private static final String REPLAY_TOPIC = "replay-bench";
    private static final long PER_RECORD_SAMPLE = 30_000;

    private final long events;
    private final int consumers;
    private final int batch;
    private final Path work;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final HeapSampler heap = new HeapSampler();
    private String loadAtStart;

    private ReplayBenchmark(long events, int consumers, int batch, Path work) {
        this.events = events;
        this.consumers = consumers;
        this.batch = batch;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        // The broker's and clients' INFO lines would bury the report.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.setProperty("civicdispatch.test.infra", System.getProperty("civicdispatch.test.infra", "embedded"));
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench");
        Files.createDirectories(work);
        new ReplayBenchmark(events, 3, 500, work).run();
        System.exit(0); // the in-JVM broker and registry keep non-daemon threads
    }

    private void run() throws Exception {
        heap.start();
        loadAtStart = loadAverage();
        Instant began = Instant.now();
        try (HikariDataSource dataSource = database("audit_bench")) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            String bootstrap = TestInfrastructure.kafkaBootstrapServers();
            AvroCodec codec = TestInfrastructure.codec();
            QueryLog queries = new QueryLog(jdbc, Clock.systemUTC());
            Caller auditor = Caller.auditor("bench");
            Caller auditorPii = new Caller("bench", Set.of(Caller.AUDITOR, Caller.AUDITOR_PII));

            Published published = publish(bootstrap, codec);
            append(jdbc, transactions, bootstrap, codec, "audit-bench", events, false);
            try (HikariDataSource single = database("audit_bench_single")) {
                // The path before batching, for comparison: one transaction per record.
                append(JdbcClient.create(single), new DataSourceTransactionManager(single), bootstrap, codec,
                        "audit-bench-single", Math.min(events, PER_RECORD_SAMPLE), true);
            }
            long dbBytes = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
            long tableBytes = jdbc.sql("SELECT pg_total_relation_size('audit_event')").query(Long.class).single();

            KeyPair key = SigningKeys.generate();
            new SealingTheChain(new ChainRows(jdbc), new Checkpoints(jdbc), key, Clock.systemUTC()).seal();
            phase("(a) verify the whole chain + 1 signed checkpoint", events, () -> {
                VerificationReport report = new VerifyingTheLog(new ChainRows(jdbc), new Checkpoints(jdbc), queries,
                        key.getPublic(), transactions).verify(auditor);
                require(report.ok() && report.rowsChecked() == events, "verify: " + report);
                return "ok, " + report.rowsChecked() + " rows, " + report.checkpointsChecked() + " checkpoint";
            });

            Instant from = published.first().truncatedTo(ChronoUnit.DAYS);
            Instant to = published.last().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
            for (ExportFormat format : ExportFormat.values()) {
                Path file = work.resolve("export." + format.name().toLowerCase(Locale.ROOT));
                Files.deleteIfExists(file);
                phase("(b) export " + from + " .. " + to + " to " + format + " (masked)", events, () -> {
                    ExportingAPeriod.Result result = new ExportingAPeriod(new ChainRows(jdbc), queries, 500)
                            .export(auditor, new ExportingAPeriod.Request(from, to, format, false, file),
                                    ExportingAPeriod.Progress.NONE);
                    require(result.rows() == events, "export wrote " + result.rows());
                    return mb(Files.size(file)) + " MB, sha256 " + result.sha256().substring(0, 12) + "…";
                });
            }

            try (KafkaReplayTarget target = new KafkaReplayTarget(
                    Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                phase("(c) republish the period to `" + REPLAY_TOPIC + "` (auditor-pii, 3 partitions)", events, () -> {
                    RepublishingAPeriod.Result result = new RepublishingAPeriod(new ChainRows(jdbc), queries, target,
                            3).republish(auditorPii, REPLAY_TOPIC, from, to);
                    require(result.published() == events, "republished " + result);
                    return result.published() + " published, " + result.withheld() + " withheld, acks=all";
                });
            }

            AssessmentRebuild rebuild = new AssessmentRebuild(jdbc, codec);
            AssessmentRebuild.Rebuilt[] built = new AssessmentRebuild.Rebuilt[2];
            phase("(d) KPI rebuild from the audit store (chain order)", published.assessed(), () -> {
                built[0] = rebuild.fromStore();
                return built[0].records() + " records, " + built[0].unreadable() + " unreadable, "
                        + built[0].model().snapshot().size() + " cases";
            });
            phase("(d) KPI rebuild from Kafka (topics from the beginning, read_committed)", published.assessed(), () -> {
                built[1] = rebuild.fromKafka(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                return built[1].records() + " records, " + built[1].model().snapshot().size() + " cases";
            });
            boolean equal = built[0].records() == built[1].records()
                    && built[0].model().snapshot().equals(built[1].model().snapshot());
            Period quarter = Period.parse("2026-Q4");
            for (Grouping grouping : Grouping.values()) {
                equal &= CsvReport.of(Assessment.of(built[0].model(), quarter, grouping), UnitNames.NONE)
                        .equals(CsvReport.of(Assessment.of(built[1].model(), quarter, grouping), UnitNames.NONE));
            }
            long withModels = heap.usedAfterGc();
            built[0] = null;
            built[1] = null;
            long modelBytes = (withModels - heap.usedAfterGc()) / 2;
            notes.add("store and Kafka rebuilds equal (records, every case's facts, 2026-Q4 CSV by department, "
                    + "street and community): **" + (equal ? "yes" : "NO") + "**");
            notes.add("one KPI model of " + (long) Math.ceil(published.cases()) + " cases holds about "
                    + mb(modelBytes) + " MB of heap");
            notes.add("database after the append: " + mb(dbBytes) + " MB (`pg_database_size`), of which audit_event "
                    + "with its indexes " + mb(tableBytes) + " MB");
            notes.add("PostgreSQL " + jdbc.sql("SHOW server_version").query(String.class).single()
                    + " (zonky embedded): shared_buffers " + setting(jdbc, "shared_buffers") + ", synchronous_commit "
                    + setting(jdbc, "synchronous_commit") + ", fsync " + setting(jdbc, "fsync"));
            report(published, began);
            require(equal, "the store and Kafka rebuilds differ");
        }
    }

    /** What went onto the platform topics. */
    private record Published(long cases, long assessed, Instant first, Instant last, Map<String, Long> mix) {
    }

    /** A fresh database on the embedded PostgreSQL, migrated by the service's own migrations. */
    private HikariDataSource database(String name) {
        PostgresEndpoint endpoint = TestInfrastructure.postgres(name);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(endpoint.jdbcUrl());
        dataSource.setUsername(endpoint.username());
        dataSource.setPassword(endpoint.password());
        dataSource.setMaximumPoolSize(consumers + 2);
        AuditSchema.migrate(dataSource);
        return dataSource;
    }

    private Published publish(String bootstrap, AvroCodec codec) throws Exception {
        List<String> topics = new ArrayList<>(List.of(Topics.INCIDENT_REPORTS.name(), Topics.CASE_EVENTS.name(),
                Topics.DEPARTMENT_RESPONSES.name(), Topics.SLA_EVENTS.name(), Topics.NOTIFICATIONS.name()));
        CaseHistories.departmentCodes().forEach(d -> topics.add(Topics.departmentTasks(d).name()));
        // The records carry their own event times (Q4 2026), which the broker must neither refuse as too far in the
        // future nor delete as older than the default retention.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics.stream().map(name -> new NewTopic(name, 3, (short) 1).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(Long.MAX_VALUE)))).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }
        long cases = 0;
        long assessed = 0;
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        Map<String, Long> mix = new TreeMap<>();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        heap.reset();
        long started = System.nanoTime();
        CaseHistories histories = new CaseHistories(20261001L, FIRST_CASE, SPAN, (long) (events / RECORDS_PER_CASE));
        long sent = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            while (sent < events) {
                cases++;
                for (CaseHistories.Event event : histories.nextCase()) {
                    if (sent == events) {
                        break;
                    }
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), null,
                            event.at().toEpochMilli(), event.key(), codec.encode(event.topic() + "-value",
                            event.value()));
                    event.headers().forEach((name, value) -> record.headers().add(name,
                            value.getBytes(StandardCharsets.UTF_8)));
                    producer.send(record, (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    sent++;
                    String type = event.value().getSchema().getName();
                    if (event.value() instanceof org.civicdispatch.events.CaseEvent caseEvent) {
                        type += "/" + caseEvent.getPayload().getClass().getSimpleName();
                    }
                    mix.merge(type, 1L, Long::sum);
                    if (!event.topic().equals(Topics.DEPARTMENT_RESPONSES.name())
                            && !event.topic().equals(Topics.NOTIFICATIONS.name())) {
                        assessed++;
                    }
                    first = event.at().isBefore(first) ? event.at() : first;
                    last = event.at().isAfter(last) ? event.at() : last;
                }
            }
            producer.flush();
        }
        require(failure.get() == null, "publishing failed: " + failure.get());
        row("(setup) encode (registry wire format) and publish to " + topics.size() + " topics", events,
                System.nanoTime() - started, cases + " cases, acks=all");
        return new Published(cases, assessed, first, last, mix);
    }

    /**
     * As the service does: a few consumers, each poll decoded and appended by the listener's own code, in one
     * transaction per poll, or ({@code perRecord}) one per record as before batching; until {@code limit} are in.
     */
    private void append(JdbcClient jdbc, DataSourceTransactionManager transactions, String bootstrap, AvroCodec codec,
                        String group, long limit, boolean perRecord) throws Exception {
        AtomicLong appended = new AtomicLong();
        AtomicLong storeNanos = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        AuditLog log = new AuditLog(jdbc, new TransactionTemplate(transactions), Clock.systemUTC()) {
            @Override
            public int appendAll(List<AuditEntry> entries) {
                long t = System.nanoTime();
                try {
                    int added = super.appendAll(entries);
                    appended.addAndGet(added);
                    return added;
                } finally {
                    storeNanos.addAndGet(System.nanoTime() - t);
                    batches.incrementAndGet();
                }
            }
        };
        AuditListener listener = new AuditListener(codec, log);
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batch);
        heap.reset();
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(consumers);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            running.add(threads.submit(() -> {
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    consumer.subscribe(AuditedTopics.PATTERN);
                    while (appended.get() < limit) {
                        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        if (records.isEmpty()) {
                            continue;
                        }
                        if (perRecord) {
                            for (ConsumerRecord<String, byte[]> record : records) {
                                if (appended.get() >= limit) {
                                    break;
                                }
                                listener.onRecords(List.of(record));
                            }
                        } else {
                            listener.onRecords(records);
                        }
                        consumer.commitSync(); // as the container does after each batch
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        threads.shutdown();
        long wall = System.nanoTime() - started;
        long stored = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        require(perRecord ? stored >= limit : stored == limit, "appended " + stored + " of " + limit);
        row(perRecord ? "(bonus, before) the same, one transaction per record (the path before batching)"
                        : "(bonus) append as the listener does: decode, JSON, `AuditLog.appendAll` (" + consumers
                        + " consumers, polls of " + batch + ")", stored, wall,
                String.format(Locale.ROOT, "%,d transactions, %.1f ms each on average incl. waiting for the "
                        + "chain-head lock", batches.get(), storeNanos.get() / 1e6 / batches.get()));
    }

    private interface Body {
        String run() throws Exception;
    }

    private void phase(String name, long count, Body body) throws Exception {
        heap.reset();
        long started = System.nanoTime();
        String note = body.run();
        row(name, count, System.nanoTime() - started, note);
    }

    private void row(String name, long count, long nanos, String note) {
        long peak = heap.peak();
        long after = heap.usedAfterGc();
        String line = String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %d / %d | %s |", name, count,
                nanos / 1e9, count / (nanos / 1e9), peak >> 20, after >> 20, note);
        rows.add(line);
        System.out.println(line);
    }

    private void report(Published published, Instant began) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("## Benchmark (5): replay and KPI rebuild over ").append(String.format(Locale.ROOT, "%,d", events))
                .append(" audited events\n\n");
        out.append(String.format(Locale.ROOT, "- Run %s, %d cores, Java %s, max heap %d MB; %,d cases, %,d records "
                        + "on the assessed topics; record times %s .. %s%n", began.truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, published.cases(), published.assessed(), published.first(),
                published.last()));
        out.append("- Load average (1, 5, 15 min) at the start ").append(loadAtStart).append(", at the end ")
                .append(loadAverage()).append(" (other work shares these cores)\n");
        out.append("- Mix: ");
        published.mix().forEach((type, n) -> out.append(type).append(' ').append(String.format(Locale.ROOT, "%,d",
                n)).append("; "));
        out.append("\n\n| phase | records | wall s | records/s | heap MB peak / after GC | notes |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        out.append('\n');
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        out.append(String.format(Locale.ROOT, "- whole run %.1f min; heap figures are the whole JVM (benchmark, "
                + "in-JVM broker and registry), sampled every 50 ms%n", Duration.between(began, Instant.now())
                .toMillis() / 60_000.0));
        System.out.println();
        System.out.println(out);
        Files.writeString(work.resolve("bench-report.md"), out);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT current_setting('" + name + "')").query(String.class).single();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f", bytes / 1048576.0);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** The heap's highest use since the last reset, sampled, and its use right after a full GC. */
    private static final class HeapSampler extends Thread {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void reset() {
            peak = memory.getHeapMemoryUsage().getUsed();
        }

        long peak() {
            return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }

        long usedAfterGc() {
            System.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }
    }
}
