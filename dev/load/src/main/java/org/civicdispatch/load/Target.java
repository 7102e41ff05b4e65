package org.civicdispatch.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.civicdispatch.devstack.DevStack;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the harness drives and reads: the broker, the registry, intake with its token, and (for the exactly-once
 * checks) audit's database and the SMS gateway's inbox. From an embedded platform it started, or from URLs given on
 * the command line for one that runs elsewhere.
 */
public record Target(String bootstrapServers, String registryUrl, String intakeUrl, String intakeToken,
                     DevStack.Database auditDb, String smsUrl) {

    /**
     * Options for the embedded default on free ports, all chosen here, so that the SMS gateway's and the other
     * parts' addresses are known before the platform starts.
     */
    public static DevStack.Options embedded(Path root, Path workDir, List<String> extraJvmOptions) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String component : List.of("intake-service", "dispatch-service", "notification-service",
                "audit-service", "console", "registry", "postgres", "sms-gateway", "smtp", "imap", "token-issuer")) {
            ports.put(component, freePort());
        }
        DevStack.Options defaults = DevStack.Options.defaults(root);
        List<String> jvm = new java.util.ArrayList<>(defaults.jvmOptions());
        jvm.addAll(extraJvmOptions);
        return new DevStack.Options(root, workDir, null, null, ports, jvm);
    }

    /**
     * A killed JVM never leaves its consumer groups: its partitions move only when its session times out (45 s by
     * default). The chaos runs shorten that, as DispatchCrashTest does, so recovery is not mostly waiting.
     */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static final List<String> SHORT_SESSIONS = List.of(
            "-Dspring.kafka.consumer.properties.session.timeout.ms=6000",
            "-Dspring.kafka.consumer.properties.heartbeat.interval.ms=2000",
            "-Dspring.kafka.streams.properties.consumer.session.timeout.ms=6000",
            "-Dspring.kafka.streams.properties.consumer.heartbeat.interval.ms=2000");

    /**
     * Notification's retries on a short clock (a failed text is tried again after 2, 4 and 8 s, a claim a crash
     * interrupted is taken up after 20 s, the gateway's circuit breaker half-opens after 2 s), so that the suite's
     * chaos check can wait for every text in seconds rather than minutes. The full run keeps the real clock.
     */
    public static final List<String> QUICK_TEXT_RETRIES = List.of(
            "-Dcivic.notification.retry.delays=2s,4s,8s",
            "-Dcivic.notification.stale-claim=20s",
            "-Dcivic.notification.resume-every=2s",
            "-Dresilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=2s");

    /**
     * The demo recipient directory without quiet hours, as a JVM option: citizens' texts are held back from 22:00
     * to 07:00 Shanghai time, and a chaos check that counts texts must not depend on the hour it runs at.
     */
    public static String directoryWithoutQuietHours(Path root, Path workDir) {
        Path file = changedCopy(root.resolve("notification-service/src/main/resources/directory/demo-directory.json"),
                workDir.resolve("directory-without-quiet-hours.json"), directory -> directory
                        .findParents("quietHours").forEach(parent -> ((ObjectNode) parent).remove("quietHours")));
        return "-Dcivic.notification.directory=file:" + file;
    }

    /**
     * The demo matter catalog with every matter to be signed for within {@code signWithin}, counted in all hours,
     * as a JVM option for dispatch only (intake reads {@code civic.catalog} as a plain path): so that sign
     * reminders and breaches fall due during a chaos run. All hours, because a limit in working time would stand
     * still outside office hours, and the check must not depend on the hour it runs at.
     */
    public static String catalogSignedWithin(Path root, Path workDir, Duration signWithin) {
        Path file = changedCopy(root.resolve("libs/reference-data/src/main/resources/reference/matter-catalog.json"),
                workDir.resolve("catalog-signed-within-" + signWithin + ".json"), catalog -> {
                    catalog.put("version", catalog.get("version").asString() + "+sign-within-" + signWithin);
                    catalog.get("matters").forEach(matter -> ((ObjectNode) matter)
                            .put("signWithin", signWithin.toString()).put("countingMode", "ALL_HOURS"));
                });
        return "-Dcivic.catalog=file:" + file;
    }

    /** Writes {@code source}, changed, to {@code target}. */
    private static Path changedCopy(Path source, Path target, Consumer<ObjectNode> change) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(source.toFile());
            change.accept(json);
            Files.createDirectories(target.getParent());
            JSON.writeValue(target.toFile(), json);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Target of(DevStack stack) {
        return new Target(stack.bootstrapServers(), stack.registryUrl(), stack.url("intake-service"),
                stack.tokens().get("INTAKE_CLIENT"), stack.database("audit"), stack.smsGateway().url());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
