package org.civicdispatch.dispatch.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.dispatch.catalog.CurrentCatalog;
import org.civicdispatch.dispatch.lifecycle.CaseFile;
import org.civicdispatch.dispatch.lifecycle.CaseLifecycle;
import org.civicdispatch.dispatch.metrics.DispatchMetrics;
import org.civicdispatch.dispatch.metrics.LocalCaseFiles;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.state.CaseFileState;
import org.civicdispatch.support.kafka.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Runs the dispatch topology with exactly-once v2 for as long as the service runs. */
@Component
public class DispatchStreams implements SmartLifecycle, LocalCaseFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchStreams.class);

    private final Properties config;
    private final AvroCodec codec;
    private final CurrentCatalog catalog;
    private final CaseLifecycle lifecycle;
    private final Clock clock;
    private final Environment environment;
    private final String advertisedHost;
    private volatile KafkaStreams streams;
    private final DispatchMetrics metrics;
    private final MeterRegistry registry;
    private KafkaStreamsMetrics streamsMetrics;

    public DispatchStreams(KafkaProperties kafka, PlatformProperties platform, AvroCodec codec,
                           CurrentCatalog catalog, CaseLifecycle lifecycle, Clock clock,
                           @Value("${civic.state-dir:}") String stateDir,
                           @Value("${civic.advertised-host:localhost}") String advertisedHost,
                           @Value("${civic.streams.application-id:}") String applicationId,
                           @Value("${civic.streams.commit-interval:PT0.02S}") Duration commitInterval,
                           @Value("${civic.streams.threads:3}") int threads,
                           Environment environment, DispatchMetrics metrics, MeterRegistry registry) {
        this.environment = environment;
        this.metrics = metrics;
        this.registry = registry;
        this.advertisedHost = advertisedHost;
        this.codec = codec;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.clock = clock;
        Map<String, Object> props = new HashMap<>(kafka.buildStreamsProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId.isBlank() ? platform.service() : applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) platform.topicReplication());
        // Under exactly-once, outputs become readable only at the commit: the interval is latency on every case.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        // A thread spends most of a short interval waiting for its commit; with a thread per input partition (3)
        // the others process meanwhile (load/bench.sh: dispatch alone +27 %, end to end +42 % on 2 cores).
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnUnreadable.class);
        props.put(DeadLetterOnUnreadable.DLQ_TOPIC_CONFIG, platform.deadLetterTopic());
        props.put(DeadLetterOnUnreadable.SERVICE_CONFIG, platform.service());
        props.put("consumer.auto.offset.reset", "earliest");
        if (!stateDir.isBlank()) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        }
        this.config = new Properties();
        this.config.putAll(props);
    }

    /** After the web server, whose port this instance advertises for queries across instances. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void start() {
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHost + ":"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8082")));
        requireCopartitioned();
        streams = new KafkaStreams(DispatchTopology.build(codec, catalog::dispatching, lifecycle, clock,
                DispatchTopology.DEFAULT_TICK, metrics), config);
        // Consumer lag and the rest of the Streams clients' metrics, at /actuator/prometheus.
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        // A failed thread (registry or broker outage) is replaced and resumes from the last commit.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("dispatch stream thread failed, replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
    }

    /**
     * One case's report, responses and commands must land on the same partition number: refuse to start when the
     * input topics disagree on their partition counts (Kafka Streams does not check this for merged inputs).
     */
    private void requireCopartitioned() {
        List<String> inputs = List.of(Topics.INCIDENT_REPORTS.name(), Topics.DEPARTMENT_RESPONSES.name(),
                Topics.OPERATOR_COMMANDS.name());
        Map<String, Integer> partitions = new TreeMap<>();
        try (Admin admin = Admin.create(config)) {
            // incident-reports is intake's to create: wait for it when the platform starts all at once.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (true) {
                try {
                    admin.describeTopics(inputs).allTopicNames().get(30, TimeUnit.SECONDS)
                            .forEach((name, description) -> partitions.put(name, description.partitions().size()));
                    break;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                        throw new IllegalStateException("cannot describe dispatch's inputs " + inputs + ": " + e, e);
                    }
                    LOG.info("waiting for dispatch's input topics {}", inputs);
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted checking the input topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot describe dispatch's input topics " + inputs + ": " + e, e);
        }
        if (new HashSet<>(partitions.values()).size() > 1) {
            throw new IllegalStateException("dispatch inputs must have equal partition counts (they are keyed "
                    + "by case id and handled together), found " + partitions);
        }
    }

    @Override
    public void stop() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null && streams.state().isRunningOrRebalancing();
    }

    /**
     * The case files this instance holds (its partitions), for operator queues and counts, read lazily from the
     * store: close the stream (try-with-resources) to release the store's iterator.
     */
    @Override
    public Stream<CaseFile> localCaseFiles() {
        KafkaStreams running = streams;
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            return Stream.empty();
        }
        ReadOnlyKeyValueStore<String, CaseFileState> store = running.store(StoreQueryParameters.fromNameAndType(
                DispatchTopology.CASE_FILES, QueryableStoreTypes.keyValueStore()));
        // Read as the caller goes, never all at once: a million case files do not fit in the heap.
        KeyValueIterator<String, CaseFileState> all = store.all();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(all, Spliterator.ORDERED), false)
                .map(kv -> CaseFileStates.fromState(kv.value))
                .onClose(all::close);
    }

    /**
     * Where one case's file is: held here ({@code file} set, or both null when no such case exists) or by another
     * instance ({@code elsewhere}, its base URL). Null while the group rebalances and nobody can answer.
     */
    public CaseLocation locate(String caseId) {
        KafkaStreams running = streams;
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            return null;
        }
        KeyQueryMetadata owner = running.queryMetadataForKey(DispatchTopology.CASE_FILES, caseId,
                Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return null;
        }
        String hostPort = owner.activeHost().host() + ":" + owner.activeHost().port();
        if (!hostPort.equals(String.valueOf(config.get(StreamsConfig.APPLICATION_SERVER_CONFIG)))) {
            return new CaseLocation(null, "http://" + hostPort);
        }
        ReadOnlyKeyValueStore<String, CaseFileState> store = running.store(StoreQueryParameters.fromNameAndType(
                DispatchTopology.CASE_FILES, QueryableStoreTypes.keyValueStore()));
        CaseFileState state = store.get(caseId);
        return new CaseLocation(state == null ? null : CaseFileStates.fromState(state), null);
    }

    /** See {@link #locate}. */
    public record CaseLocation(CaseFile file, String elsewhere) {
    }

    /** Base URLs of the other running instances of dispatch, from the group's metadata. */
    public List<String> otherInstances() {
        KafkaStreams running = streams;
        if (running == null) {
            return List.of();
        }
        String self = String.valueOf(config.get(StreamsConfig.APPLICATION_SERVER_CONFIG));
        return running.metadataForAllStreamsClients().stream()
                .map(m -> m.hostInfo().host() + ":" + m.hostInfo().port())
                .filter(hostPort -> !hostPort.equals(self))
                .distinct().map(hostPort -> "http://" + hostPort).toList();
    }

    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }
}
