package org.civicdispatch.load;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** One run of traffic with its observer: send the mix, wait until the platform has done its work, measure. */
final class Session implements AutoCloseable {

    final String runId;
    final Target target;
    final Observer observer;
    final Traffic traffic;
    private long startedAt;
    private long sendNanos;

    Session(Target target, String runId, double signShare, int maxInFlight) throws InterruptedException {
        this(target, runId, signShare, maxInFlight, false);
    }

    /**
     * With {@code chaos}, the observer also reads notification's records and the dead-letter topics, and keeps the
     * tasks' signing clocks.
     */
    Session(Target target, String runId, double signShare, int maxInFlight, boolean chaos)
            throws InterruptedException {
        this.runId = runId;
        this.target = target;
        this.observer = new Observer(target, runId, signShare, chaos);
        this.traffic = new Traffic(target, maxInFlight);
        observer.awaitAssigned();
    }

    /** Runs the whole mix and measures it: what the CLI's mix, max and rate commands do. */
    static LoadResult measure(Target target, String name, double rate, int cases, double signShare,
                              java.util.function.Function<String, Mix> mixForRun) throws Exception {
        return measure(target, name, rate, cases, signShare, 64, mixForRun);
    }

    static LoadResult measure(Target target, String name, double rate, int cases, double signShare, int inFlight,
                              java.util.function.Function<String, Mix> mixForRun) throws Exception {
        String runId = "L" + Long.toString(System.nanoTime(), 36);
        try (Session session = new Session(target, runId, signShare, inFlight)) {
            session.send(mixForRun.apply(runId), cases, rate);
            return session.result(name, rate, Duration.ofMinutes(3));
        }
    }

    void send(Mix mix, int cases, double rate) throws InterruptedException {
        if (startedAt == 0) {
            startedAt = System.currentTimeMillis();
        }
        long begin = System.nanoTime();
        traffic.run(mix, cases, rate);
        sendNanos += System.nanoTime() - begin;
    }

    /** The run's cases: every case intake accepted from what this run sent, as read from incident-reports. */
    Set<String> awaitAccepted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !(observer.caseOfExternalId.keySet().containsAll(traffic.submitted)
                && observer.acceptedAt.keySet().containsAll(traffic.acceptedOverHttp))) {
            Thread.sleep(50);
        }
        return new HashSet<>(observer.acceptedAt.keySet());
    }

    LoadResult result(String name, double rate, Duration timeout) throws InterruptedException, SQLException {
        Set<String> cases = awaitAccepted(timeout);
        observer.awaitTasks(cases, timeout);
        Histogram toTask = histogram();
        LoadResult.Hops hops = new LoadResult.Hops(histogram(), histogram(), histogram());
        long lastTask = startedAt;
        int withTask = 0;
        for (String c : cases) {
            Long seen = observer.firstTaskSeenAt.get(c);
            if (seen != null) {
                withTask++;
                lastTask = Math.max(lastTask, seen);
                long accepted = observer.acceptedAt.get(c);
                long dispatched = observer.firstTaskDispatchedAt.getOrDefault(c, seen);
                toTask.recordValue(Math.max(0, seen - accepted) * 1000);
                hops.toReport().recordValue(Math.max(0, observer.reportSeenAt.get(c) - accepted) * 1000);
                hops.toDispatch().recordValue(Math.max(0, dispatched - accepted) * 1000);
                hops.dispatchToTask().recordValue(Math.max(0, seen - dispatched) * 1000);
            }
        }
        Histogram toAudit = histogram();
        if (target.auditDb() != null) {
            AuditLog audit = new AuditLog(target.auditDb());
            Map<String, Long> appended = audit.taskAppendedAt(cases);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (appended.size() < withTask && System.nanoTime() < deadline) {
                Thread.sleep(500);
                appended = audit.taskAppendedAt(cases);
            }
            appended.forEach((c, at) -> toAudit.recordValue(Math.max(0, at - observer.acceptedAt.get(c)) * 1000));
        }
        return new LoadResult(name, rate, cases.size(), withTask, traffic.refused.get(), traffic.resent.get(),
                Math.max(1, lastTask - startedAt) / 1000.0, Math.max(1, sendNanos) / 1e9, toTask, toAudit,
                traffic.httpLatency.copy(), hops);
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    }

    @Override
    public void close() {
        traffic.close();
        observer.close();
    }
}
