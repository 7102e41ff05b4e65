package org.civicdispatch.devregistry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.civicdispatch.registry.CompatibilityLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry for the embedded default and tests: the Confluent REST API over real HTTP, schemas kept in
 * the compacted {@code _schemas} topic, so it survives restarts like the real one. Run one instance per cluster;
 * in Kubernetes the Confluent Schema Registry takes its place by configuration (same URL contract).
 */
public final class DevSchemaRegistry implements AutoCloseable {

    public static final String TOPIC = "_schemas";
    private static final Logger LOG = LoggerFactory.getLogger(DevSchemaRegistry.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final KafkaSchemaLog log;

    private DevSchemaRegistry(HttpServer server, ExecutorService executor, KafkaSchemaLog log) {
        this.server = server;
        this.executor = executor;
        this.log = log;
    }

    /** Starts on the port (0 picks a free one) after replaying {@code _schemas}; BACKWARD is the default level. */
    public static DevSchemaRegistry start(String bootstrapServers, String host, int port) {
        KafkaSchemaLog log = new KafkaSchemaLog(bootstrapServers, TOPIC);
        log.ensureTopic();
        SchemaStore store = new SchemaStore(log, CompatibilityLevel.BACKWARD);
        log.replay(store::apply);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
            ExecutorService executor = Executors.newFixedThreadPool(8);
            server.setExecutor(executor);
            server.createContext("/", new RegistryHttpApi(store));
            server.start();
            DevSchemaRegistry registry = new DevSchemaRegistry(server, executor, log);
            LOG.info("dev schema registry on {} ({} subjects from {})", registry.url(), store.subjects(false).size(),
                    TOPIC);
            return registry;
        } catch (IOException e) {
            log.close();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.close();
    }

    /** {@code java -jar dev-registry.jar [bootstrap-servers] [port]}. */
    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "localhost:9092");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8081;
        DevSchemaRegistry registry = start(bootstrap, "127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "dev-registry-shutdown"));
    }
}
