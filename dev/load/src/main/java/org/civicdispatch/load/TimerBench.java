package org.civicdispatch.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civicdispatch.devstack.DevStack;
import org.civicdispatch.events.Urgency;

/**
 * Benchmark (4), scaled down: opens N cases whose signing deadline is {@code window} away (a one-matter catalog
 * given to dispatch), so that all their reminders and breaches fall due in one wave; kills dispatch with SIGKILL
 * while the timers are pending and measures how long it takes to come back with them; then measures how late each
 * timer was readable after its deadline, checks each fired exactly once, and sends probe cases through the wave
 * to see whether new cases slow down while it fires.
 */
final class TimerBench {

    static final String MATTER = "sanitation.garbage-overflow";

    private final DevStack.Options options;
    private final Target target;
    private final DevStack stack;

    TimerBench(DevStack stack, DevStack.Options options, Target target) {
        this.stack = stack;
        this.options = options;
        this.target = target;
    }

    /**
     * The JVM option that gives dispatch a catalog of one matter to be signed for within {@code window}. Only
     * dispatch may get it (intake reads the same property, as a plain path), hence the restart with it.
     */
    private String catalogOption(Path workDir, Duration window) {
        String catalog = """
                {"version": "load-timers", "catchAllDepartment": "district-command",
                 "departments": [{"code": "sanitation", "nameZh": "环卫中心", "nameEn": "Sanitation Centre"},
                   {"code": "district-command", "nameZh": "区城市运行指挥中心", "nameEn": "District Command Centre"}],
                 "matters": [{"code": "%s", "category": "sanitation", "nameZh": "垃圾满溢",
                   "nameEn": "Overflowing garbage", "tier": "COMMUNITY", "leadDepartment": "sanitation",
                   "assistingDepartments": [], "urgency": "URGENT", "signWithin": "%s", "feedbackWithin": "PT2H"}]}
                """.formatted(MATTER, window);
        try {
            Path file = Files.writeString(workDir.resolve("timer-catalog.json"), catalog);
            return "-Dcivic.catalog=file:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param reports       open the cases by writing accepted reports onto incident-reports (dispatch alone), not
     *                      through intake: a million cases through intake would take hours here
     * @param dispatchAlone stop notification and audit for the run, so that dispatch has the machine's cores
     */
    String run(int cases, Duration window, boolean reports, boolean dispatchAlone) throws Exception {
        String runId = "T" + Long.toString(System.currentTimeMillis(), 36);
        try (Session session = new Session(target, runId, 0, 64);
             ServiceJvms jvms = new ServiceJvms(options.workDir().resolve("logs"))) {
            if (dispatchAlone) {
                jvms.stop("notification-service");
                jvms.stop("audit-service");
            }
            jvms.crashAndRestart("dispatch-service", List.of(catalogOption(options.workDir(), window)));
            long openingStarted = System.nanoTime();
            session.send(reports ? Mix.reportsOf(runId, 9, MATTER, Urgency.URGENT)
                    : Mix.patrolsOf(runId, 9, MATTER, Urgency.URGENT), cases, 0);
            Duration patience = Duration.ofMinutes(5).plus(Duration.ofMillis(cases * 2L));
            Set<String> opened = session.awaitAccepted(patience);
            session.observer.awaitTasks(opened, patience);
            double openedPerSecond = opened.size() / ((System.nanoTime() - openingStarted) / 1e9);
            long heap = heapUsed();
            Duration recovery = jvms.crashAndRestart("dispatch-service");
            System.out.printf("dispatch killed with %d timers' cases open; back in %.1f s%n", opened.size(),
                    recovery.toMillis() / 1000.0);

            AtomicBoolean waving = new AtomicBoolean(true);
            LoadResult[] probes = new LoadResult[1];
            Thread prober = new Thread(() -> probes[0] = probe(waving), "timer-probes");
            prober.start();
            long deadline = System.nanoTime() + window.plusMinutes(3).toNanos();
            while (System.nanoTime() < deadline && fired(session, opened, "BREACH") < opened.size()) {
                Thread.sleep(500);
            }
            waving.set(false);
            prober.join();
            // RocksDB keeps fresh writes in memory: its files say more once the wave has gone through
            long disk = size(options.workDir().resolve("dispatch-state"));
            Observer seen = session.observer;
            int reminders = fired(session, opened, "REMINDER");
            int breaches = fired(session, opened, "BREACH");
            long twice = seen.slaEvents.values().stream().filter(n -> n.get() > 1).count();
            return String.format(Locale.ROOT, """
                    (4) SLA timers: %d open cases (opened at %.0f cases/s%s%s), signing due %s after dispatch \
                    (reminder at 3/4)
                      dispatch heap used with them open %.1f MB, local state on disk after the wave %.1f MB
                      kill -9 dispatch while they were pending: healthy again after %.1f s
                      fired: sign reminders %d/%d, breaches %d/%d, any timer more than once: %d
                      breaches, lateness (deadline → event readable on sla-events) %s%s""", opened.size(), openedPerSecond,
                    reports ? ", reports written onto incident-reports" : " through intake",
                    dispatchAlone ? ", notification and audit stopped" : "", window,
                    heap / 1e6, disk / 1e6, recovery.toMillis() / 1000.0, reminders, opened.size(), breaches,
                    opened.size(), twice, LoadResult.line("", seen.slaLateness).trim(),
                    probes[0] == null ? "" : "\n  probe cases during the wave: " + LoadResult.line("", probes[0]
                            .toTask()).trim());
        }
    }

    private LoadResult probe(AtomicBoolean waving) {
        try (Session probes = new Session(target, "P" + Long.toString(System.nanoTime(), 36), 0, 16)) {
            Mix mix = Mix.patrolsOnly(probes.runId, 11);
            while (waving.get()) {
                probes.send(mix, 5, 5);
            }
            return probes.result("probes", 5, Duration.ofMinutes(2));
        } catch (Exception e) {
            System.err.println("probes failed: " + e);
            return null;
        }
    }

    private static int fired(Session session, Set<String> cases, String kind) {
        int n = 0;
        for (String c : cases) {
            if (session.observer.slaEvents.getOrDefault(c + "|SIGN|" + kind, new AtomicInteger()).get() > 0) {
                n++;
            }
        }
        return n;
    }

    private long heapUsed() throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        stack.url("dispatch-service") + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)")
                .matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
