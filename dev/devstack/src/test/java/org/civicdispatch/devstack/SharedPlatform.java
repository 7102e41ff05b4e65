package org.civicdispatch.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform for all the test classes that use it ({@code @ExtendWith(SharedPlatform.class)}): the services from
 * their -exec jars on the test broker and PostgreSQL, started by the first such class and kept in JUnit's root
 * store, which closes it when the run ends. A test that brings up its own services on the same broker calls
 * {@link #release()} first, so no platform instance competes for its topics.
 */
public final class SharedPlatform implements BeforeAllCallback {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Running running;

    /** The started platform and a Kafka client on its broker; closed with the root store or by release. */
    record Running(DevStack stack, KafkaTestClient kafka, AtomicBoolean closed) implements AutoCloseable {

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                kafka.close();
                stack.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Running current = store.get(Running.class, Running.class);
        if (current != null && current.closed().get()) {
            store.remove(Running.class);
        }
        running = store.computeIfAbsent(Running.class, key -> start(), Running.class);
    }

    static DevStack stack() {
        return running.stack();
    }

    static KafkaTestClient kafka() {
        return running.kafka();
    }

    /** Posts a complaint (JSON) to intake as the hotline system does, and returns intake's answer. */
    static HttpResponse<String> fileComplaint(String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack().url("intake-service") + "/api/incidents"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", stack().tokens().get("INTAKE_CLIENT"))
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Stops the shared platform now if it runs; a later user starts a fresh one. */
    static synchronized void release() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    private static synchronized Running start() {
        Path root = Path.of(System.getProperty("civicdispatch.root", "../..")).toAbsolutePath().normalize();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("civic-platform-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DevStack stack = DevStack.start(DevStack.Options.defaults(root)
                .withInfrastructure(TestInfrastructure.kafkaBootstrapServers(), name -> {
                    PostgresEndpoint db = TestInfrastructure.postgres(name + "_e2e");
                    return new DevStack.Database(db.jdbcUrl(), db.username(), db.password());
                })
                .withFreePorts(workDir));
        return new Running(stack, new KafkaTestClient(stack.bootstrapServers()), new AtomicBoolean());
    }
}
