package org.civicdispatch.load;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.EndToEndLatency;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Kafka's own ProducerPerformance, ConsumerPerformance and EndToEndLatency (kafka-tools, the classes behind
 * kafka-producer-perf-test.sh and friends) run in this JVM against the platform's broker: the raw ceiling and floor
 * the platform's figures are divided by. Their output goes to the console as usual and is read back for the
 * figures.
 */
final class KafkaBaseline {

    record Figures(double producerRecordsPerSecond, double consumerRecordsPerSecond, double latencyP50,
                   double latencyP99, double latencyP999, String producerLine, String consumerLine,
                   String latencyLine) {
    }

    private final String bootstrap;

    KafkaBaseline(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Figures measure(int records, int recordSize, int partitions, int latencyRecords) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("bench-raw", partitions, (short) 1),
                    new NewTopic("bench-e2e", 1, (short) 1))).all().get();
        }
        String produced = run(() -> ProducerPerformance.main(new String[] {"--topic", "bench-raw", "--num-records",
                String.valueOf(records), "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "linger.ms=5"}));
        String consumed = run(() -> ConsumerPerformance.main(new String[] {"--bootstrap-server", bootstrap,
                "--topic", "bench-raw", "--messages", String.valueOf(records), "--group", "bench-consumer",
                "--timeout", "60000"}));
        String latency = run(() -> EndToEndLatency.main("--bootstrap-server", bootstrap, "--topic", "bench-e2e",
                "--num-records", String.valueOf(latencyRecords), "--producer-acks", "all", "--record-size",
                String.valueOf(recordSize)));
        String producerLine = lastLineWith(produced, "records sent");
        String consumerLine = lastLineOf(consumed);
        Matcher p = Pattern.compile("records sent, ([0-9.]+) records/sec").matcher(producerLine);
        String[] c = consumerLine.split(",\\s*");
        Matcher l = Pattern.compile("50th = ([0-9.]+), 99th = ([0-9.]+), 99.9th = ([0-9.]+)").matcher(latency);
        if (!p.find() || c.length < 6 || !l.find()) {
            throw new IllegalStateException("cannot read Kafka's tools' output:\n" + produced + consumed + latency);
        }
        return new Figures(Double.parseDouble(p.group(1)), Double.parseDouble(c[5]), Double.parseDouble(l.group(1)),
                Double.parseDouble(l.group(2)), Double.parseDouble(l.group(3)), producerLine, consumerLine,
                lastLineWith(latency, "Percentiles"));
    }

    interface Tool {
        void run() throws Exception;
    }

    /** Runs a tool with its System.out both shown and kept; a tool's exit call is turned into an exception. */
    private static synchronized String run(Tool tool) throws Exception {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                kept.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                console.write(b, off, len);
                kept.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        Exit.setExitProcedure((status, message) -> {
            if (status != 0) {
                throw new IllegalStateException("Kafka tool exited with " + status + ": " + message);
            }
        });
        try {
            tool.run();
        } finally {
            Exit.resetExitProcedure();
            System.setOut(console);
        }
        return kept.toString(StandardCharsets.UTF_8);
    }

    private static String lastLineWith(String output, String text) {
        String found = "";
        for (String line : output.split("\n")) {
            if (line.contains(text)) {
                found = line.trim();
            }
        }
        return found;
    }

    private static String lastLineOf(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].trim();
    }

}
