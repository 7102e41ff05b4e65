package org.civicdispatch.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Kafka Streams application that only passes records through, with the exactly-once settings dispatch runs with
 * (exactly_once_v2, 20 ms commits, a stream thread per partition), on the platform's broker: what one exactly-once
 * stage costs here before any of the platform's work. Its maximum and its latency at half of it are the ceiling and
 * floor for dispatch, which is such a stage plus routing, two state stores and several outputs per case.
 */
final class StreamsBaseline {

    record Figures(double maxRecordsPerSecond, Histogram atTenth, Histogram atHalf) {

        double halfRate() {
            return maxRecordsPerSecond / 2;
        }
    }

    private final String bootstrap;
    private final Map<String, String> settings;
    /** Topics of their own per measurement, so several can run on one broker. */
    private final String run = Long.toString(System.nanoTime(), 36);
    private final String in = "bench-eos-in-" + run;
    private final String out = "bench-eos-out-" + run;

    /** @param settings Streams settings on top of dispatch's (e.g. {@code poll.ms}), to try one on a bare stage */
    StreamsBaseline(String bootstrap, Map<String, String> settings) {
        this.bootstrap = bootstrap;
        this.settings = settings;
    }

    Figures measure(int records, int recordSize, int partitions, int latencySeconds) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(in, partitions, (short) 1),
                    new NewTopic(out, partitions, (short) 1))).all().get();
        }
        byte[] value = new byte[recordSize];
        new Random(8).nextBytes(value);
        Path stateDir = Files.createTempDirectory("bench-eos-");
        try (KafkaProducer<byte[], byte[]> producer = producer();
             KafkaConsumer<byte[], byte[]> output = committedReader()) {
            output.subscribe(List.of(out));
            // one record per partition, waited for: the first send to a new topic's partition can be answered "not
            // the leader" while the next batches land, and an idempotent producer then retries the first forever
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(new ProducerRecord<>(in, partition, null, ("first" + partition).getBytes(), value)).get();
            }
            // then the backlog, so the stage runs flat out from its first poll
            for (int i = partitions; i < records; i++) {
                producer.send(new ProducerRecord<>(in, ("m" + i).getBytes(), value));
            }
            producer.flush();
            KafkaStreams streams = passThrough(partitions, stateDir);
            streams.start();
            try {
                double max = drain(output, records);
                System.out.printf(Locale.ROOT, "Kafka Streams EOS pass-through: %d records at %.0f records/s%n",
                        records, max);
                Histogram tenth = paced(producer, output, value, max / 10, (int) (max / 10 * latencySeconds));
                Histogram half = paced(producer, output, value, max / 2, (int) (max / 2 * latencySeconds));
                System.out.print(LoadResult.line(String.format(Locale.ROOT, "EOS pass-through at %.0f rec/s", max / 10),
                        tenth) + LoadResult.line(String.format(Locale.ROOT, "EOS pass-through at %.0f rec/s", max / 2),
                        half));
                return new Figures(max, tenth, half);
            } finally {
                streams.close(Duration.ofSeconds(10));
                streams.cleanUp();
            }
        } finally {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Records per second from the first record out to the last, so the stage's start-up is not counted. */
    private static double drain(KafkaConsumer<byte[], byte[]> output, int records) {
        long first = 0;
        long last = 0;
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (seen < records && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : output.poll(Duration.ofMillis(100))) {
                last = System.nanoTime();
                first = seen == 0 ? last : first;
                seen++;
            }
        }
        if (seen < records) {
            throw new IllegalStateException("the pass-through gave " + seen + " of " + records + " records");
        }
        return (records - 1) / ((last - first) / 1e9);
    }

    /** Sends at {@code rate}; each record's latency runs from its send time (its timestamp) to its read. */
    private Histogram paced(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> output,
                            byte[] value, double rate, int count) throws InterruptedException {
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Thread sender = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                try {
                    Traffic.awaitDue(start, i, rate);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                producer.send(new ProducerRecord<>(in, null, System.currentTimeMillis(), ("p" + i).getBytes(),
                        value));
            }
            producer.flush();
        }, "bench-eos-sender");
        sender.start();
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) (count / rate) + 120);
        while (seen < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : output.poll(Duration.ofMillis(100))) {
                latency.recordValue(Math.max(0, System.currentTimeMillis() - r.timestamp()) * 1000);
                seen++;
            }
        }
        sender.join();
        return latency;
    }

    private KafkaStreams passThrough(int partitions, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-eos-" + run);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, partitions);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.putAll(settings);
        return new KafkaStreams(builder.build(), p);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> committedReader() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-eos-reader-" + run);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // as the platform's Observer: a read_committed fetch must not sit out fetch.max.wait.ms (500)
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
