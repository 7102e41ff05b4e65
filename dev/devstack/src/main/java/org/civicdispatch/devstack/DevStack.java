package org.civicdispatch.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.civicdispatch.devinfra.DevMailServer;
import org.civicdispatch.devinfra.DevSmsGateway;
import org.civicdispatch.devinfra.DevTokenIssuer;
import org.civicdispatch.devinfra.EmbeddedBroker;
import org.civicdispatch.devinfra.EmbeddedDatabase;
import org.civicdispatch.devregistry.DevSchemaRegistry;
import org.civicdispatch.registry.wire.AvroTrust;

/**
 * The whole platform on the embedded default: a real KRaft broker, the dev schema registry and a real PostgreSQL
 * in this JVM, and the four services and the console each in its own JVM. Everything starts clean; logs go to
 * the work folder.
 * Outside infrastructure (a Testcontainers broker, another database) can be given instead of the embedded parts.
 */
public final class DevStack implements AutoCloseable {

    private static final String SMS_API_KEY = "dev-sms-key";

    static final List<String> SERVICES = List.of("intake-service", "dispatch-service", "notification-service",
            "audit-service", "console");

    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Options options;
    private String bootstrapServers;
    private String registryUrl;
    private DevSchemaRegistry registry;
    private final Map<String, Database> databases = new LinkedHashMap<>();
    private DevSmsGateway sms;
    private DevTokenIssuer tokenIssuer;
    private DevMailServer mail;
    private Duration startup;

    /** Where a service's database is. */
    public record Database(String url, String user, String password) {
    }

    /** The fixed ports of the embedded default, by component. */
    static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(Map.entry("intake-service", 8080),
            Map.entry("dispatch-service", 8082), Map.entry("notification-service", 8083),
            Map.entry("audit-service", 8084), Map.entry("console", 8086), Map.entry("registry", 8081),
            Map.entry("postgres", 15432), Map.entry("sms-gateway", 8085), Map.entry("smtp", 3025),
            Map.entry("imap", 3143), Map.entry("token-issuer", 8090));

    /**
     * @param kafka     bootstrap servers of a running broker, or null to start the embedded one
     * @param databases gives a database by name on an outside server, or null to start embedded PostgreSQL
     * @param ports     by component (services by module name, then registry, postgres, sms-gateway, smtp, imap,
     *                  token-issuer);
     *                  empty picks free ones
     */
    public record Options(Path root, Path workDir, String kafka, Function<String, Database> databases,
                          Map<String, Integer> ports, List<String> jvmOptions) {

        public static Options defaults(Path root) {
            return new Options(root, root.resolve("target").resolve("devstack"), null, null, DEFAULT_PORTS,
                    List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        }

        public Options withInfrastructure(String kafka, Function<String, Database> databases) {
            return new Options(root, workDir, kafka, databases, ports, jvmOptions);
        }

        public Options withFreePorts(Path workDir) {
            return new Options(root, workDir, kafka, databases, Map.of(), jvmOptions);
        }

        int port(String component) {
            return ports.getOrDefault(component, 0);
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
        registry = DevSchemaRegistry.start(bootstrapServers, "127.0.0.1", options.port("registry"));
        infrastructure.add(this::stopRegistry);
        registryUrl = registry.url();
        Function<String, Database> databaseFor = options.databases();
        if (databaseFor == null) {
            EmbeddedDatabase server = EmbeddedDatabase.start(options.port("postgres"), null);
            infrastructure.add(server);
            databaseFor = name -> new Database(server.createDatabase(name), EmbeddedDatabase.USER, "");
        }
        tokenIssuer = DevTokenIssuer.start(port(options.port("token-issuer")));
        infrastructure.add(tokenIssuer);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CIVIC_JWK_SET_URI", tokenIssuer.jwkSetUri());
        env.put("CIVIC_TOKEN_ISSUER", tokenIssuer.issuer());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("SCHEMA_REGISTRY_URL", registryUrl);
        env.put("DISPATCH_STATE_DIR", createDirectories(options.workDir().resolve("dispatch-state")).toString());
        // Notification's outside world, for real: an SMS gateway that keeps what it is sent, and an SMTP server.
        sms = DevSmsGateway.start(port(options.port("sms-gateway")), SMS_API_KEY);
        infrastructure.add(sms);
        mail = DevMailServer.start(port(options.port("smtp")), port(options.port("imap")));
        infrastructure.add(mail);
        env.put("NOTIFY_SMS_GATEWAY_URL", sms.url());
        env.put("NOTIFY_SMS_API_KEY", SMS_API_KEY);
        env.put("NOTIFY_WEBHOOK_SANITATION_URL", sms.url() + "/dev/webhooks/sanitation");
        env.put("NOTIFY_SMTP_HOST", "127.0.0.1");
        env.put("NOTIFY_SMTP_PORT", String.valueOf(mail.smtpPort()));
        for (String name : List.of("intake", "audit", "notification")) {
            Database db = databaseFor.apply(name);
            databases.put(name, db);
            String prefix = (name.equals("notification") ? "NOTIFY" : name.toUpperCase()) + "_DB_";
            env.put(prefix + "URL", db.url());
            env.put(prefix + "USER", db.user());
            env.put(prefix + "PASSWORD", db.password() == null ? "" : db.password());
        }
        List<String> jvm = new ArrayList<>(options.jvmOptions());
        jvm.add("-D" + AvroTrust.PROPERTY + "=" + AvroTrust.PACKAGES);
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(module -> ports.put(module, port(options.port(module))));
        // The console forwards to the services it shows, wherever this run put them, and signs in to them as the
        // district operator for browsers that bring no token of their own (dev only).
        Map<String, String> consoleEnv = new LinkedHashMap<>(env);
        consoleEnv.put("CONSOLE_INTAKE_URL", "http://localhost:" + ports.get("intake-service"));
        consoleEnv.put("CONSOLE_DISPATCH_URL", "http://localhost:" + ports.get("dispatch-service"));
        consoleEnv.put("CONSOLE_AUDIT_URL", "http://localhost:" + ports.get("audit-service"));
        consoleEnv.put("CONSOLE_UPSTREAM_TOKEN", tokens().get("OPERATOR_DISTRICT"));
        for (String module : SERVICES) {
            services.put(module, ServiceProcess.start(options.root(), module, ports.get(module),
                    module.equals("console") ? consoleEnv : env, jvm, logs));
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

    /**
     * Stops the schema registry as if its process had gone (chaos runs): its port refuses connections until
     * {@link #startRegistry()}.
     */
    public synchronized void stopRegistry() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    /** Starts the registry again on its port, with the schemas it replays from {@code _schemas}. */
    public synchronized void startRegistry() {
        if (registry == null) {
            registry = DevSchemaRegistry.start(bootstrapServers, "127.0.0.1", URI.create(registryUrl).getPort());
        }
    }

    /** The dev SMS gateway the services text through: its inbox, and the outages it can be told to have. */
    public DevSmsGateway smsGateway() {
        return sms;
    }

    public Database database(String name) {
        return databases.get(name);
    }

    public String url(String service) {
        return services.get(service).url();
    }

    /**
     * A token per role of the platform, as {@code Authorization} header values: what the dev issuer gives the demo
     * users (a district operator, a street operator, sanitation staff, the hotline system, auditors).
     */
    public Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("INTAKE_CLIENT", bearer("hotline-system", Map.of("roles", List.of("intake-client"))));
        tokens.put("OPERATOR_DISTRICT", bearer("op-district", Map.of("roles", List.of("operator"),
                "streets", List.of("*"))));
        tokens.put("OPERATOR_NG_S01", bearer("op-ng-s01", Map.of("roles", List.of("operator"),
                "streets", List.of("NG-S01"))));
        tokens.put("DEPARTMENT_SANITATION", bearer("staff-sanitation", Map.of("roles", List.of("department"),
                "department", "sanitation")));
        tokens.put("AUDITOR", bearer("auditor-wu", Map.of("roles", List.of("auditor"))));
        tokens.put("AUDITOR_PII", bearer("auditor-chen", Map.of("roles", List.of("auditor", "auditor-pii"))));
        return tokens;
    }

    private String bearer(String subject, Map<String, Object> claims) {
        return "Bearer " + tokenIssuer.token(subject, claims);
    }

    Path tokenFile() {
        return options.workDir().resolve("tokens.env");
    }

    public String tokenIssuerUrl() {
        return tokenIssuer.issuer();
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
        out.append(String.format("  %-22s %s%n", "operator console", url("console") + "/  (wall screen: "
                + url("console") + "/?wall=1)"));
        out.append(String.format("  %-22s %s%n", "intake (POST here)", url("intake-service") + "/api/incidents"));
        out.append(String.format("  %-22s %s%n", "Open311 GeoReport v2", url("intake-service")
                + "/open311/v2/services.json"));
        out.append(String.format("  %-22s %s%n", "dispatch catalog", url("dispatch-service") + "/api/dispatch/catalog"));
        out.append(String.format("  %-22s %s%n", "audit timeline", url("audit-service") + "/api/audit/incidents/{caseId}"));
        out.append(String.format("  %-22s %s%n", "notification health", url("notification-service") + "/actuator/health"));
        out.append(String.format("  %-22s %s%n", "SMS sent (dev gateway)", sms.url() + "/v1/messages"));
        out.append(String.format("  %-22s %s%n", "webhooks received", sms.url() + "/dev/webhooks/"));
        out.append(String.format("  %-22s %s%n", "e-mail sent (GreenMail)", "SMTP 127.0.0.1:" + mail.smtpPort()
                + ", IMAP 127.0.0.1:" + mail.imapPort() + " (login: the address, password: the address)"));
        out.append(String.format("  %-22s %s%n", "schema registry", registryUrl + "/subjects"));
        out.append(String.format("  %-22s %s%n", "token issuer (dev)", tokenIssuer.issuer()
                + "/token  (JWKS: /.well-known/jwks.json)"));
        out.append(String.format("  %-22s %s%n", "Kafka bootstrap", bootstrapServers));
        databases.forEach((name, db) -> out.append(String.format("  %-22s %s%n", name + " database",
                db.url() + " (user " + db.user() + ")")));
        out.append(String.format("  %-22s %s%n", "service logs", options.workDir().resolve("logs")));
        Path tokenFile = writeTokens();
        out.append("\nTokens per role (valid ").append(DevTokenIssuer.LIFETIME.toHours())
                .append(" h), also in ").append(tokenFile).append(" for `source`:\n");
        tokens().forEach((role, token) -> out.append("  ").append(role).append("='").append(token).append("'\n"));
        return out.toString();
    }

    /** The tokens as shell variables, so {@code curl -H "Authorization: $OPERATOR_DISTRICT"} works. */
    Path writeTokens() {
        StringBuilder lines = new StringBuilder();
        tokens().forEach((role, token) -> lines.append("export ").append(role).append("='").append(token)
                .append("'\n"));
        try {
            return Files.writeString(tokenFile(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int port(int configured) {
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

    /** {@code java -jar dev/devstack/target/devstack-*-exec.jar [--no-demo]}, run from the repository root. */
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
