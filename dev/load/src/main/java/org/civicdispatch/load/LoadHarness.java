package org.civicdispatch.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civicdispatch.devstack.DevStack;
import org.civicdispatch.registry.wire.AvroTrust;

/**
 * The load harness CLI. {@code ./mvnw -o -q -pl load exec:java -Dexec.args="<command> [--option value]..."}:
 * <ul>
 *   <li>{@code mix} (default): the realistic mix — hotline complaints over HTTP, grid patrols and sensor bursts on
 *   incident-submissions, departments signing for tasks — at {@code --rate} cases/s (0 = as fast as it goes) for
 *   {@code --cases}; reports throughput and latency percentiles (HdrHistogram) from intake's acceptance to the
 *   department task and to the audit append.</li>
 *   <li>{@code bench}: the benchmarks of BENCHMARKS.md on one broker in one run (see {@link Benchmarks}).</li>
 *   <li>{@code timers}: benchmark (4) scaled down to {@code --cases} open cases whose signing falls due
 *   {@code --window} (PT90S) after dispatch (see {@link TimerBench}); {@code --feed reports} opens them by writing
 *   accepted reports onto incident-reports instead of through intake, {@code --dispatch-alone on} stops
 *   notification and audit for the run.</li>
 *   <li>{@code chaos}: the mix under load while {@code --faults} happen in turn (services killed with SIGKILL,
 *   broker restarted, registry and PostgreSQL stopped for {@code --outage} seconds, SMS gateway failing), then the
 *   exactly-once and texts-delivered counts (see {@link Chaos}, {@link Faults}); {@code --sign-within PT2M} gives
 *   dispatch a catalog whose matters are all to be signed for within that (all hours), so that sign reminders and
 *   breaches fall due during the run and are counted too ({@code off} or absent: the demo catalog, no timers).</li>
 * </ul>
 * By default it starts the embedded platform (services from their -exec jars: build them first with
 * {@code ./mvnw -DskipTests package}); {@code --jfr on} has each service JVM record a JFR profile; {@code --service-jvm -Xmx768m,-XX:+UseG1GC,…} adds JVM options to every service (comma-separated; later options win). {@code mix} also drives a running one: {@code --bootstrap host:port
 * --registry URL --intake URL --token "Bearer …"} and optionally {@code --audit-db-url/-user/-password}.
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        AvroTrust.trustContractPackages();
        String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "mix";
        Map<String, String> o = options(args);
        int cases = Integer.parseInt(o.getOrDefault("cases", "1000"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        if (o.containsKey("bootstrap")) {
            Target target = new Target(o.get("bootstrap"), o.get("registry"), o.get("intake"), o.get("token"),
                    o.containsKey("audit-db-url") ? new DevStack.Database(o.get("audit-db-url"),
                            o.getOrDefault("audit-db-user", "postgres"), o.getOrDefault("audit-db-password", ""))
                            : null, o.get("sms"));
            System.out.print(mix(target, o, rate, cases).report());
            return;
        }
        Path root = Path.of(System.getProperty("civicdispatch.root", ".")).toAbsolutePath().normalize();
        Path workDir = Files.createTempDirectory("civic-load-");
        List<String> jvm = new ArrayList<>(command.equals("chaos") ? Target.SHORT_SESSIONS : List.of());
        if (command.equals("chaos")) {
            jvm.add(Target.directoryWithoutQuietHours(root, workDir));
        }
        if (o.containsKey("jfr")) {
            // every service JVM records a profile, written when the platform stops (one file per pid)
            Path jfr = Files.createDirectories(workDir.resolve("jfr"));
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr + "/");
            System.out.println("JFR recordings go to " + jfr);
        }
        if (o.containsKey("service-jvm")) {
            // later options win: e.g. a server's JIT and collector instead of the embedded default's start-up ones
            jvm.addAll(List.of(o.get("service-jvm").trim().split("[,\\s]+")));
        }
        Duration window = Duration.parse(o.getOrDefault("window", "PT90S"));
        if (command.equals("timers")) {
            jvm.addAll(Target.SHORT_SESSIONS);
        }
        // a chaos run owns its broker and PostgreSQL, so that it can restart them
        ChaosInfrastructure infra = command.equals("chaos") ? ChaosInfrastructure.start(workDir) : null;
        DevStack.Options embedded = Target.embedded(root, workDir, jvm);
        DevStack.Options options = infra == null ? embedded : infra.options(embedded);
        AtomicBoolean finished = new AtomicBoolean();
        try (DevStack stack = DevStack.start(options)) {
            // Ctrl-C stops the service JVMs too, also those a chaos run restarted (this JVM's children)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!finished.get()) {
                    ProcessHandle.current().children().forEach(ProcessHandle::destroy);
                    stack.close(); // the broker JVM is a child too; embedded PostgreSQL stops itself on exit
                }
            }, "load-shutdown"));
            Target target = Target.of(stack);
            System.out.printf("embedded platform ready in %.1f s (logs in %s)%n", stack.startup().toMillis() / 1000.0,
                    options.workDir().resolve("logs"));
            switch (command) {
                case "bench" -> new Benchmarks(stack, options, target, String.join(" ", args)).run(o);
                case "timers" -> System.out.println(new TimerBench(stack, options, target).run(cases, window,
                        o.getOrDefault("feed", "intake").equals("reports"), o.containsKey("dispatch-alone")));
                case "chaos" -> {
                    // --kill a,b (services only) is the older spelling of --faults
                    String faults = o.getOrDefault("faults", o.getOrDefault("kill", String.join(",",
                            Chaos.ALL_FAULTS)));
                    Duration outage = Duration.ofSeconds(Long.parseLong(o.getOrDefault("outage", "20")));
                    String signWithin = o.getOrDefault("sign-within", "off");
                    Chaos.Counts counts = new Chaos(stack, options, target, infra, outage,
                            signWithin.equals("off") ? null : Duration.parse(signWithin)).run(cases,
                            rate > 0 ? rate : 20, List.of(faults.split(",")));
                    System.out.println(counts.report());
                    if (!counts.passed()) {
                        System.exit(1);
                    }
                }
                default -> System.out.print(mix(target, o, rate, cases).report());
            }
        } finally {
            finished.set(true);
            closeQuietly(infra);
        }
    }

    private static void closeQuietly(ChaosInfrastructure infra) {
        if (infra != null) {
            try {
                infra.close();
            } catch (Exception e) {
                System.err.println("while stopping the chaos run's broker and PostgreSQL: " + e);
            }
        }
    }

    /** {@code --warm-up N} first sends N cases of the same traffic unmeasured, so the figures are not the cold start's. */
    private static LoadResult mix(Target target, Map<String, String> o, double rate, int cases) throws Exception {
        String name = o.getOrDefault("mix", "realistic");
        int warmUp = Integer.parseInt(o.getOrDefault("warm-up", "0"));
        if (warmUp > 0) {
            Session.measure(target, "warm-up", rate, warmUp, 0.5, run -> mix(name, run));
        }
        return Session.measure(target, "mix", rate, cases, 0.5, run -> mix(name, run));
    }

    /** {@code --mix realistic} (default), {@code patrols} (submissions only), {@code hotline} (HTTP
     * only) or {@code reports} (accepted reports straight onto incident-reports: dispatch alone). */
    private static Mix mix(String name, String runId) {
        return switch (name) {
            case "patrols" -> Mix.patrolsOnly(runId, 42);
            case "reports" -> Mix.reportsOnly(runId, 42);
            case "hotline" -> new Mix(runId, 42, 1, 0, 1);
            default -> Mix.realistic(runId, 42);
        };
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            }
        }
        return options;
    }
}
