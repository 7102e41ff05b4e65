package org.civicdispatch.devinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, controller and broker in one node) in a JVM of its own, from the Kafka jars on this
 * classpath. Unlike {@link EmbeddedBroker} it can be stopped (SIGTERM) or killed (SIGKILL) and started again on
 * the same ports and log directory, as an operator or a crash would restart it. The storage is formatted once,
 * when the broker is created; the broker's output goes to {@code broker.log} in its folder.
 */
public final class BrokerJvm implements AutoCloseable {

    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private BrokerJvm(Path config, Path log, int port) {
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /**
     * Writes the configuration into {@code dir} and formats the storage there: one node with {@code listener}
     * (PLAINTEXT, SASL_PLAINTEXT) on {@code port} for clients, internal topics with one replica, and
     * {@code settings} on top. {@code formatArguments} go to {@code kafka-storage format} (e.g. --add-scram).
     */
    public static BrokerJvm format(Path dir, int port, String listener, Map<String, String> settings,
                                   List<String> formatArguments) throws IOException, InterruptedException {
        int controllerPort = freePort();
        Properties server = new Properties();
        server.put("process.roles", "broker,controller");
        server.put("node.id", "1");
        server.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        server.put("listeners", listener + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        server.put("advertised.listeners", listener + "://localhost:" + port);
        server.put("controller.listener.names", "CONTROLLER");
        server.put("inter.broker.listener.name", listener);
        server.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        server.put("log.dirs", Files.createDirectories(dir.resolve("data")).toString());
        server.put("offsets.topic.replication.factor", "1");
        server.put("transaction.state.log.replication.factor", "1");
        server.put("transaction.state.log.min.isr", "1");
        server.put("group.initial.rebalance.delay.ms", "0");
        server.putAll(settings);
        Path config = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            server.store(out, "one-node KRaft broker in its own JVM");
        }
        BrokerJvm broker = new BrokerJvm(config, dir.resolve("broker.log"), port);
        List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t",
                Uuid.randomUuid().toString(), "-c", config.toString()));
        format.addAll(formatArguments);
        Process formatting = broker.java(format);
        if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
            throw new IllegalStateException("formatting the broker storage failed; see " + broker.log);
        }
        return broker;
    }

    /** Starts the broker JVM and returns once it accepts connections. */
    public BrokerJvm start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running already");
        }
        process = java(List.of("kafka.Kafka", config.toString()));
        awaitListening(Duration.ofSeconds(90));
        return this;
    }

    /** Stops the broker gracefully (SIGTERM: controlled shutdown) or as a crash would (SIGKILL), and waits. */
    public void stop(boolean kill) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process java(List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", classpath()));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /**
     * This JVM's classpath for a command line, also when this runs inside Maven ({@code exec:java} loads the
     * project through a class loader of its own, and java.class.path names only Maven's launcher).
     */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = BrokerJvm.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException notAFile) {
                        // only files can go on a command line
                    }
                }
            }
        }
        entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        return String.join(File.pathSeparator, entries);
    }

    private void awaitListening(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("broker exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket ignored = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("broker not listening after " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        stop(false);
    }
}
