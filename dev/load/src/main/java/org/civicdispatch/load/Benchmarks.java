package org.civicdispatch.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.devstack.DevStack;

/**
 * The benchmarks of BENCHMARKS.md, all on the same broker in the same run so that the ratios hold on a noisy
 * machine: Kafka's own ceiling and floor first, then the platform at its maximum (1), the HTTP front door (2), the
 * latency at 10 %, 50 % and 90 % of the maximum (3) and the start-up (6). Prints a report and writes it, in
 * Markdown, to dev/load/target/bench-report.md.
 */
final class Benchmarks {

    private final DevStack stack;
    private final Target target;
    private final Path report;
    private final String args;

    Benchmarks(DevStack stack, DevStack.Options options, Target target, String args) {
        this.stack = stack;
        this.target = target;
        this.report = options.root().resolve("dev/load/target/bench-report.md");
        this.args = args;
    }

    void run(Map<String, String> o) throws Exception {
        int rawRecords = Integer.parseInt(o.getOrDefault("raw-records", "200000"));
        int maxCases = Integer.parseInt(o.getOrDefault("max-cases", "3000"));
        int seconds = Integer.parseInt(o.getOrDefault("latency-seconds", "20"));
        List<String> concurrency = List.of(o.getOrDefault("http-concurrency", "8,32").split(","));
        int httpCases = Integer.parseInt(o.getOrDefault("http-cases", "1500"));
        List<String> httpShares = List.of(o.getOrDefault("http-shares", "0.1,0.2,0.3,0.4,0.6").split(","));
        int httpSeconds = Integer.parseInt(o.getOrDefault("http-seconds", "15"));

        int recordSize;
        try (Traffic sizing = new Traffic(target, 1)) {
            recordSize = sizing.encoded(Mix.patrolsOnly("L0000000000", 1).patrol(0)).length;
        }
        int partitions;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                target.bootstrapServers()))) {
            partitions = admin.describeTopics(List.of(Topics.INCIDENT_SUBMISSIONS.name())).allTopicNames().get()
                    .get(Topics.INCIDENT_SUBMISSIONS.name()).partitions().size();
        }
        KafkaBaseline.Figures kafka = new KafkaBaseline(target.bootstrapServers())
                .measure(rawRecords, recordSize, partitions, 2000);
        StreamsBaseline.Figures eos = new StreamsBaseline(target.bootstrapServers(), settings(o.get("eos-config")))
                .measure(Integer.parseInt(o.getOrDefault("eos-records", "100000")), recordSize, partitions, seconds);

        // warm the JITs and caches so that the maximum is not the cold start's
        Session.measure(target, "warm-up", 0, 300, 0, run -> Mix.patrolsOnly(run, 1));
        LoadResult max = Session.measure(target, "(1) submissions at max", 0, maxCases, 0,
                run -> Mix.patrolsOnly(run, 2));
        System.out.print(max.report());
        LoadResult dispatchAlone = Session.measure(target, "(1) reports at max, dispatch alone", 0, maxCases * 3, 0,
                run -> Mix.reportsOnly(run, 6));
        System.out.print(dispatchAlone.report());
        List<LoadResult> http = new ArrayList<>();
        for (String c : concurrency) {
            LoadResult r = Session.measure(target, "(2) HTTP hotline, " + c + " in flight", 0, httpCases, 0,
                    Integer.parseInt(c.trim()), run -> new Mix(run, 3, 1, 0, 1));
            System.out.print(r.report());
            http.add(r);
        }
        // (2) asks for the rate at which p99 stays under 100 ms: paced (open-loop) levels below the closed-loop
        // maximum, each request's latency counted from when it was due
        double httpMax = http.stream().mapToDouble(LoadResult::httpPerSecond).max().orElse(50);
        List<LoadResult> paced = new ArrayList<>();
        for (String s : httpShares) {
            double share = Double.parseDouble(s.trim());
            double rate = Math.max(1, httpMax * share);
            LoadResult r = Session.measure(target, String.format(Locale.ROOT, "(2) HTTP hotline paced at %.0f "
                    + "req/s (%.0f %% of the closed-loop maximum)", rate, share * 100),
                    rate, (int) Math.max(50, rate * httpSeconds), 0, 64, run -> new Mix(run, 7, 1, 0, 1));
            System.out.print(r.report());
            paced.add(r);
        }
        List<LoadResult> rates = new ArrayList<>();
        for (double share : new double[] {0.1, 0.5, 0.9}) {
            double rate = Math.max(1, max.casesPerSecond() * share);
            LoadResult r = Session.measure(target, String.format(Locale.ROOT, "(3) submissions at %.0f %% of max",
                    share * 100), rate, (int) Math.max(50, rate * seconds), 0, run -> Mix.patrolsOnly(run, 4));
            System.out.print(r.report());
            rates.add(r);
        }
        LoadResult mix = Session.measure(target, "realistic mix at 50 % of max", max.casesPerSecond() / 2,
                (int) Math.max(50, max.casesPerSecond() / 2 * seconds), 0.5, run -> Mix.realistic(run, 5));
        System.out.print(mix.report());

        String md = markdown(recordSize, partitions, rawRecords, kafka, eos, max, dispatchAlone, http, paced, rates,
                mix);
        Files.createDirectories(report.getParent());
        Files.writeString(report, md);
        System.out.println(md);
        System.out.println("written to " + report);
    }

    /** {@code k=v,k=v} → a map ({@code --eos-config poll.ms=5,producer.linger.ms=5}); null → empty. */
    static Map<String, String> settings(String spec) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                String[] kv = pair.split("=", 2);
                settings.put(kv[0].trim(), kv.length > 1 ? kv[1].trim() : "");
            }
        }
        return settings;
    }

    private String markdown(int recordSize, int partitions, int rawRecords, KafkaBaseline.Figures kafka,
                            StreamsBaseline.Figures eos, LoadResult max, LoadResult dispatchAlone, List<LoadResult> http,
                            List<LoadResult> paced, List<LoadResult> rates, LoadResult mix) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run %s on %d cores (`%s`), record size %d B, %d partitions%n%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Runtime.getRuntime().availableProcessors(), args, recordSize, partitions));
        md.append("| benchmark | result | target | pass |\n|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| Kafka ProducerPerformance (%d × %d B, acks=all) | %.0f records/s | "
                + "ceiling | |%n", rawRecords, recordSize, kafka.producerRecordsPerSecond()));
        md.append(String.format(Locale.ROOT, "| Kafka ConsumerPerformance | %.0f records/s | ceiling | |%n",
                kafka.consumerRecordsPerSecond()));
        md.append(String.format(Locale.ROOT, "| Kafka EndToEndLatency (acks=all) | p50 %.1f ms, p99 %.1f ms, "
                + "p99.9 %.1f ms | floor | |%n", kafka.latencyP50(), kafka.latencyP99(), kafka.latencyP999()));
        md.append(String.format(Locale.ROOT, "| Kafka Streams pass-through, exactly_once_v2, 20 ms commits, %d "
                + "threads (as dispatch) | %.0f records/s = %.1f %% of the producer ceiling | ceiling of an "
                + "exactly-once stage | |%n", partitions, eos.maxRecordsPerSecond(),
                eos.maxRecordsPerSecond() / kafka.producerRecordsPerSecond() * 100));
        for (Histogram h : List.of(eos.atTenth(), eos.atHalf())) {
            md.append(String.format(Locale.ROOT, "| Kafka Streams pass-through at %s of its maximum, send → "
                    + "read_committed | p50 %.1f / p99 %.1f / p99.9 %.1f ms | floor of an exactly-once stage | |%n",
                    h == eos.atHalf() ? "50 %" : "10 %", LoadResult.ms(h, 50), LoadResult.ms(h, 99),
                    LoadResult.ms(h, 99.9)));
        }
        double ratio = max.casesPerSecond() / kafka.producerRecordsPerSecond();
        md.append(String.format(Locale.ROOT, "| (1) end-to-end at max, incident-submissions → department task "
                + "(%d cases) | %.1f cases/s = %.2f %% of the producer ceiling | ≥ 25 %% | %s |%n", max.withTask(),
                max.casesPerSecond(), ratio * 100, ratio >= 0.25 ? "yes" : "**no**"));
        double alone = dispatchAlone.casesPerSecond() / kafka.producerRecordsPerSecond();
        md.append(String.format(Locale.ROOT, "| (1) dispatch alone at max, reports written onto incident-reports → "
                + "department task (%d cases) | %.1f cases/s = %.2f %% of the producer ceiling | ≥ 25 %% | %s |%n",
                dispatchAlone.withTask(), dispatchAlone.casesPerSecond(), alone * 100,
                alone >= 0.25 ? "yes" : "**no**"));
        for (LoadResult r : http) {
            md.append(String.format(Locale.ROOT, "| (2) %s, closed loop | %.1f req/s, p99 %.1f ms | | |%n",
                    r.name().substring(4), r.httpPerSecond(), LoadResult.ms(r.http(), 99)));
        }
        LoadResult bestHttp = null;
        for (LoadResult r : paced) {
            boolean under = LoadResult.ms(r.http(), 99) < 100;
            md.append(String.format(Locale.ROOT, "| (2) %s | %.1f req/s, p50 %.1f / p99 %.1f ms | p99 < 100 ms | %s "
                    + "|%n", r.name().substring(4), r.httpPerSecond(), LoadResult.ms(r.http(), 50),
                    LoadResult.ms(r.http(), 99), under ? "yes" : "no"));
            if (under && (bestHttp == null || r.httpPerSecond() > bestHttp.httpPerSecond())) {
                bestHttp = r;
            }
        }
        md.append(String.format(Locale.ROOT, "| (2) HTTP intake at p99 < 100 ms (paced) | %s | | |%n",
                bestHttp == null ? "none of the paced levels kept p99 under 100 ms" : String.format(Locale.ROOT,
                        "%.1f req/s", bestHttp.httpPerSecond())));
        for (LoadResult r : rates) {
            boolean half = r.name().contains("50 %");
            md.append(String.format(Locale.ROOT, "| %s (%.1f cases/s) | accepted → task p50 %.1f / p99 %.1f / "
                            + "p99.9 %.1f ms; → audit p99 %.1f ms | %s | %s |%n", r.name(), r.targetRate(),
                    LoadResult.ms(r.toTask(), 50), LoadResult.ms(r.toTask(), 99), LoadResult.ms(r.toTask(), 99.9),
                    LoadResult.ms(r.toAudit(), 99), half ? "p99 < 50 ms" : "", half
                            ? (LoadResult.ms(r.toTask(), 99) < 50 ? "yes" : "**no**") : ""));
        }
        md.append(String.format(Locale.ROOT, "| realistic mix at %.1f cases/s (60 %% hotline, 30 %% patrol, 10 %% "
                        + "sensor bursts, half the lead tasks signed) | → task p50 %.1f / p99 %.1f ms; → audit p50 "
                        + "%.1f / p99 %.1f ms | | |%n", mix.targetRate(), LoadResult.ms(mix.toTask(), 50),
                LoadResult.ms(mix.toTask(), 99), LoadResult.ms(mix.toAudit(), 50), LoadResult.ms(mix.toAudit(), 99)));
        md.append(String.format(Locale.ROOT, "| (6) embedded default ready | %.1f s | | |%n",
                stack.startup().toMillis() / 1000.0));
        md.append("\nRaw output:\n\n```\n").append(kafka.producerLine()).append('\n').append(kafka.consumerLine())
                .append('\n').append(kafka.latencyLine()).append('\n').append(max.report())
                .append(dispatchAlone.report());
        http.forEach(r -> md.append(r.report()));
        paced.forEach(r -> md.append(r.report()));
        rates.forEach(r -> md.append(r.report()));
        md.append(mix.report()).append("```\n");
        return md.toString();
    }
}
