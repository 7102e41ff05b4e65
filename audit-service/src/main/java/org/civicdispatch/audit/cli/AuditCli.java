package org.civicdispatch.audit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.assessment.AssessmentRebuild;
import org.civicdispatch.audit.assessment.RebuildingTheAssessment;
import org.civicdispatch.audit.chain.SigningKeys;
import org.civicdispatch.audit.chain.VerificationReport;
import org.civicdispatch.audit.integrity.VerifyingTheLog;
import org.civicdispatch.audit.replay.ExportFormat;
import org.civicdispatch.audit.replay.ExportingAPeriod;
import org.civicdispatch.audit.replay.KafkaReplayTarget;
import org.civicdispatch.audit.replay.ReplayRefusedException;
import org.civicdispatch.audit.replay.RepublishingAPeriod;
import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.Checkpoints;
import org.civicdispatch.audit.store.QueryLog;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log from a terminal, on the service's database with plain JDBC (no Spring context):
 * <pre>
 * java -Dloader.main=org.civicdispatch.audit.cli.AuditCli -cp audit-service-exec.jar \
 *      org.springframework.boot.loader.launch.PropertiesLauncher verify [options]
 * </pre>
 * Exit status: 0 done (log intact), 1 the log is broken (or the KPI rebuilds differ), 2 refused or wrong usage,
 * 3 failed.
 */
public final class AuditCli {

    static final String USAGE = """
            usage: audit <command> [options]
              verify     [--public-key FILE]          check the hash chain and the signed checkpoints
              export     --from T --to T --format avro|ndjson --out FILE [--unmask --role auditor-pii]
                                                      write a period's events to a file (run again to resume)
              republish  --from T --to T --topic replay-NAME [--bootstrap-servers HOST:PORT] [--role auditor-pii]
                                                      publish a period's events again to a new replay topic
              rebuild-kpis --source kafka|store [--bootstrap-servers HOST:PORT] [--registry-url URL]
                           [--period 2026-11|2026-Q4|2026 [--by department|street|community]]
                                                      rebuild the assessment (KPI) model; from Kafka, say whether it
                                                      equals the one rebuilt from the store (exit 1 if not)
            common: --db-url URL --db-user U --db-password P (or AUDIT_DB_URL/_USER/_PASSWORD); Kafka and the
                    registry also from KAFKA_BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL
                    --as NAME (who asks; default cli:<OS user>)  --role ROLE (repeatable; auditor is implied)
            times are ISO-8601 instants (2026-11-23T00:00:00Z); a period is [from, to).
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FLAGS = Set.of("unmask");

    private AuditCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return switch (options.command) {
                case "verify" -> verify(options, out, env);
                case "export" -> export(options, out, err, env);
                case "republish" -> republish(options, out, env);
                case "rebuild-kpis" -> rebuildKpis(options, out, env);
                default -> {
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (ReplayRefusedException | IllegalArgumentException e) {
            err.println("refused: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("failed: " + e);
            return 3;
        }
    }

    private static int verify(Options options, PrintStream out, Map<String, String> env) {
        Database db = Database.of(options, env);
        Path keyFile = Path.of(options.value("public-key", env.getOrDefault("AUDIT_SIGNING_KEY_FILE",
                System.getProperty("java.io.tmpdir") + "/civic-dispatch/audit-signing-key.pem")));
        VerificationReport report = new VerifyingTheLog(new ChainRows(db.jdbc), new Checkpoints(db.jdbc),
                db.queries, SigningKeys.readPublicKey(keyFile), db.transactions).verify(options.caller());
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return report.ok() ? 0 : 1;
    }

    private static int export(Options options, PrintStream out, PrintStream err, Map<String, String> env) {
        Database db = Database.of(options, env);
        ExportingAPeriod.Request request = new ExportingAPeriod.Request(options.instant("from"),
                options.instant("to"), ExportFormat.parse(options.required("format")), options.flag("unmask"),
                Path.of(options.required("out")));
        ExportingAPeriod.Result result = new ExportingAPeriod(new ChainRows(db.jdbc), db.queries, 500)
                .export(options.caller(), request, new ProgressBar(err));
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("file", result.file().toAbsolutePath().toString());
        summary.put("format", result.format());
        summary.put("rows", result.rows());
        summary.put("masked", result.masked());
        summary.put("resumed", result.resumed());
        summary.put("sha256", result.sha256());
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        return 0;
    }

    private static int republish(Options options, PrintStream out, Map<String, String> env) {
        Database db = Database.of(options, env);
        Map<String, Object> kafka = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                options.value("bootstrap-servers", env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")));
        try (KafkaReplayTarget target = new KafkaReplayTarget(kafka, kafka)) {
            RepublishingAPeriod.Result result = new RepublishingAPeriod(new ChainRows(db.jdbc), db.queries, target,
                    Integer.parseInt(options.value("partitions", "3")))
                    .republish(options.caller(), options.required("topic"), options.instant("from"),
                            options.instant("to"));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }
        return 0;
    }

    private static int rebuildKpis(Options options, PrintStream out, Map<String, String> env) {
        Database db = Database.of(options, env);
        AvroCodec codec = new AvroCodec(new SchemaRegistryClient(options.value("registry-url",
                env.getOrDefault("SCHEMA_REGISTRY_URL", "http://localhost:8081")), null, Duration.ofSeconds(5)), false);
        Map<String, Object> kafka = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                options.value("bootstrap-servers", env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")));
        RebuildingTheAssessment.Summary summary = new RebuildingTheAssessment(new AssessmentRebuild(db.jdbc, codec),
                db.queries, kafka, Clock.systemUTC()).rebuild(options.caller(), options.required("source"),
                options.value("period", null), options.value("by", null));
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        return Boolean.FALSE.equals(summary.equalsStoreRebuild()) ? 1 : 0;
    }

    /** The service's database, as the service is configured (AUDIT_DB_*), unless options say otherwise. */
    private record Database(JdbcClient jdbc, DataSourceTransactionManager transactions, QueryLog queries) {

        static Database of(Options options, Map<String, String> env) {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    options.value("db-url", env.getOrDefault("AUDIT_DB_URL", "jdbc:postgresql://localhost:15432/audit")),
                    options.value("db-user", env.getOrDefault("AUDIT_DB_USER", "postgres")),
                    options.value("db-password", env.getOrDefault("AUDIT_DB_PASSWORD", "")));
            JdbcClient jdbc = JdbcClient.create(dataSource);
            return new Database(jdbc, new DataSourceTransactionManager(dataSource),
                    new QueryLog(jdbc, Clock.systemUTC()));
        }
    }

    /** {@code command --name value ... --flag}; {@code --role} may repeat. */
    static final class Options {

        final String command;
        private final Map<String, String> values = new HashMap<>();
        private final Set<String> flags = new LinkedHashSet<>();
        private final List<String> roles = new ArrayList<>();

        private Options(String command) {
            this.command = command;
        }

        static Options parse(String[] args) {
            if (args.length == 0 || args[0].startsWith("--")) {
                throw new IllegalArgumentException("name a command");
            }
            Options options = new Options(args[0]);
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
                String name = args[i].substring(2);
                if (FLAGS.contains(name)) {
                    options.flags.add(name);
                } else if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                } else if (name.equals("role")) {
                    options.roles.add(args[++i]);
                } else {
                    options.values.put(name, args[++i]);
                }
            }
            return options;
        }

        String value(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        String required(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        Instant instant(String name) {
            try {
                return Instant.parse(required(name));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--" + name + " must be an ISO-8601 instant such as "
                        + "2026-11-23T00:00:00Z");
            }
        }

        boolean flag(String name) {
            return flags.contains(name);
        }

        /** Who asks: the roles are exactly those given, plus auditor; they go into the query log. */
        Caller caller() {
            Set<String> all = new LinkedHashSet<>(roles);
            all.add(Caller.AUDITOR);
            return new Caller(value("as", "cli:" + System.getProperty("user.name", "unknown")), all);
        }
    }
}
