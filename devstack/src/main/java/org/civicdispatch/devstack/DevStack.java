package org.civicdispatch.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.civicdispatch.devinfra.EmbeddedBroker;
import org.civicdispatch.devinfra.EmbeddedDatabase;
import org.civicdispatch.devregistry.DevSchemaRegistry;
import org.civicdispatch.registry.wire.AvroTrust;

/**
 * The whole platform on the embedded default: a real KRaft broker, the dev schema registry and a real PostgreSQL
 * in this JVM, and the four services each in its own JVM. Everything starts clean; logs go to the work folder.
 * Outside infrastructure (a Testcontainers broker, another database) can be given instead of the embedded parts.
 */
public final class DevStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("intake-service", "dispatch-service", "notification-service",
            "audit-service");

    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Options options;
    private String bootstrapServers;
    private String registryUrl;
    private String auditJdbcUrl;
    private Duration startup;

    /**
     * @param kafka       bootstrap servers of a running broker, or null to start the embedded one
     * @param jdbcUrl     JDBC URL of the audit database (user postgres), or null to start embedded PostgreSQL
     * @param ports       intake, dispatch, notification, audit, then registry and PostgreSQL; 0 picks a free one
     */
    public record Options(Path root, Path workDir, String kafka, String jdbcUrl, String jdbcUser, String jdbcPassword,
                          List<Integer> ports, List<String> jvmOptions) {

        public static Options defaults(Path root) {
            return new Options(root, root.resolve("target").resolve("devstack"), null, null, "postgres", "",
                    List.of(8080, 8082, 8083, 8084, 8081, 15432),
                    List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        }

        public Options withInfrastructure(String kafka, String jdbcUrl, String user, String password) {
            return new Options(root, workDir, kafka, jdbcUrl, user, password, ports, jvmOptions);
        }

        public Options withFreePorts(Path workDir) {
            return new Options(root, workDir, kafka, jdbcUrl, jdbcUser, jdbcPassword,
                    List.of(0, 0, 0, 0, 0, 0), jvmOptions);
        }
    }

    private DevStack(Options options) {
        this.options = options;
    }

    public static DevStack start(Options options) {
        DevStack stack = new DevStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Instant begin = Instant.now();
        Path logs = createDirectories(options.workDir().resolve("logs"));
        if (options.kafka() == null) {
            EmbeddedBroker broker = EmbeddedBroker.start();
            infrastructure.add(broker);
            bootstrapServers = broker.bootstrapServers();
        } else {
            bootstrapServers = options.kafka();
        }
        DevSchemaRegistry registry = DevSchemaRegistry.start(bootstrapServers, "127.0.0.1", options.ports().get(4));
        infrastructure.add(registry);
        registryUrl = registry.url();
        String jdbcUser = options.jdbcUser();
        if (options.jdbcUrl() == null) {
            EmbeddedDatabase database = EmbeddedDatabase.start(options.ports().get(5), null);
            infrastructure.add(database);
            auditJdbcUrl = database.createDatabase("audit");
            jdbcUser = EmbeddedDatabase.USER;
        } else {
            auditJdbcUrl = options.jdbcUrl();
        }
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SCHEMA_REGISTRY_URL", registryUrl,
                "AUDIT_DB_URL", auditJdbcUrl,
                "AUDIT_DB_USER", jdbcUser,
                "AUDIT_DB_PASSWORD", options.jdbcPassword() == null ? "" : options.jdbcPassword(),
                "DISPATCH_STATE_DIR", createDirectories(options.workDir().resolve("dispatch-state")).toString());
        List<String> jvm = new ArrayList<>(options.jvmOptions());
        jvm.add("-D" + AvroTrust.PROPERTY + "=" + AvroTrust.PACKAGES);
        for (int i = 0; i < SERVICES.size(); i++) {
            String module = SERVICES.get(i);
            services.put(module, ServiceProcess.start(options.root(), module, port(options.ports().get(i)), env, jvm,
                    logs));
        }
        CompletableFuture.allOf(services.values().stream()
                .map(s -> CompletableFuture.runAsync(() -> s.awaitHealthy(Duration.ofMinutes(3))))
                .toArray(CompletableFuture[]::new)).join();
        startup = Duration.between(begin, Instant.now());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public String auditJdbcUrl() {
        return auditJdbcUrl;
    }

    public String url(String service) {
        return services.get(service).url();
    }

    public Duration startup() {
        return startup;
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        List<AutoCloseable> reversed = new ArrayList<>(infrastructure);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("while stopping " + part + ": " + e);
            }
        }
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append("\n=== civic-dispatch is up (ready in ").append(startup.toSeconds()).append(" s) ===\n");
        out.append(String.format("  %-22s %s%n", "intake (POST here)", url("intake-service") + "/api/incidents"));
        out.append(String.format("  %-22s %s%n", "dispatch catalog", url("dispatch-service") + "/api/dispatch/catalog"));
        out.append(String.format("  %-22s %s%n", "audit timeline", url("audit-service") + "/api/audit/incidents/{caseId}"));
        out.append(String.format("  %-22s %s%n", "notification health", url("notification-service") + "/actuator/health"));
        out.append(String.format("  %-22s %s%n", "schema registry", registryUrl + "/subjects"));
        out.append(String.format("  %-22s %s%n", "Kafka bootstrap", bootstrapServers));
        out.append(String.format("  %-22s %s%n", "audit database", auditJdbcUrl + " (user postgres)"));
        out.append(String.format("  %-22s %s%n", "service logs", options.workDir().resolve("logs")));
        return out.toString();
    }

    private static int port(int configured) {
        if (configured > 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java -jar devstack/target/devstack-*-exec.jar [--no-demo]}, run from the repository root. */
    public static void main(String[] args) {
        AvroTrust.trustContractPackages();
        Path root = Path.of(System.getProperty("civicdispatch.root", ".")).toAbsolutePath().normalize();
        DevStack stack = start(Options.defaults(root));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        System.out.println(stack.summary());
        if (!List.of(args).contains("--no-demo")) {
            System.out.println(new DemoData(stack).load());
        }
        System.out.println("Press Ctrl-C to stop everything.");
    }
}
