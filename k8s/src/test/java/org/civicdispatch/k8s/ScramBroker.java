package org.civicdispatch.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A real KRaft broker in its own JVM, configured as the Strimzi cluster is: SCRAM-SHA-512 on the only client
 * listener and the StandardAuthorizer with no access unless an ACL grants it. Users and their passwords are written
 * into the metadata log when the storage is formatted, as {@code kafka-storage format --add-scram} does.
 */
final class ScramBroker implements AutoCloseable {

    static final String ADMIN = "admin";

    private final int port;
    private final Process process;
    private final Path log;

    private ScramBroker(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a broker knowing {@code users} (name → password) besides the admin super user. */
    static ScramBroker start(Path dir, Map<String, String> users) throws IOException, InterruptedException {
        int port = freePort();
        int controllerPort = freePort();
        Properties server = new Properties();
        server.put("process.roles", "broker,controller");
        server.put("node.id", "1");
        server.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        server.put("listeners", "SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        server.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
        server.put("controller.listener.names", "CONTROLLER");
        server.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        server.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        server.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        server.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas(ADMIN, password(ADMIN)));
        server.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The controller listener is internal to this one-node test cluster.
        server.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        server.put("allow.everyone.if.no.acl.found", "false");
        server.put("log.dirs", Files.createDirectories(dir.resolve("data")).toString());
        server.put("offsets.topic.replication.factor", "1");
        server.put("transaction.state.log.replication.factor", "1");
        server.put("transaction.state.log.min.isr", "1");
        server.put("group.initial.rebalance.delay.ms", "0");
        Path config = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            server.store(out, "SCRAM broker for the ACL test");
        }
        List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t",
                UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c", config.toString(),
                "--add-scram", scram(ADMIN, password(ADMIN))));
        users.forEach((user, password) -> format.addAll(List.of("--add-scram", scram(user, password))));
        Path log = dir.resolve("broker.log");
        Process formatting = java(format, log);
        if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
            throw new IllegalStateException("formatting the broker storage failed; see " + log);
        }
        ScramBroker broker = new ScramBroker(port, java(List.of("kafka.Kafka", config.toString()),
                dir.resolve("broker-run.log")), dir.resolve("broker-run.log"));
        broker.awaitListening(Duration.ofSeconds(60));
        return broker;
    }

    /** Client settings for {@code user}, with the password the broker was formatted with. */
    Properties client(String user, String password) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        return props;
    }

    Properties admin() {
        return client(ADMIN, password(ADMIN));
    }

    static String password(String user) {
        return user + "-secret";
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static String scram(String user, String password) {
        return "SCRAM-SHA-512=[name=" + user + ",password=" + password + "]";
    }

    private static Process java(List<String> mainAndArgs, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
