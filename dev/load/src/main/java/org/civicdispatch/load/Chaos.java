package org.civicdispatch.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.civicdispatch.devstack.DevStack;

/**
 * Faults under load: while the mix runs, each named fault in turn (see {@link Faults}: services killed with
 * SIGKILL, the broker restarted, the registry and PostgreSQL stopped, the SMS gateway failing); then the platform
 * must have done everything exactly once, every sign reminder and breach due must have fired once (when dispatch
 * was given short signing limits), and every text due must have gone out. Counts what it checks and prints them.
 */
final class Chaos {

    static final List<String> SERVICES = List.of("intake-service", "dispatch-service", "notification-service",
            "audit-service");

    /**
     * Every fault once, the default of load/chaos.sh. The SMS outage comes first, so that notification's retries
     * (30 s, then 2 min later) are over by the time the run counts.
     */
    static final List<String> ALL_FAULTS = List.of("sms-fail", "kill:intake-service", "kill:dispatch-service",
            "broker-restart", "kill:notification-service", "registry-stop", "kill:audit-service", "postgres-stop");

    private final DevStack stack;
    private final DevStack.Options options;
    private final Target target;
    private final ChaosInfrastructure infra;
    private final Duration outage;
    private final Duration signWithin;

    /**
     * @param infra  the run's own broker and PostgreSQL, or null where DevStack owns them (then only the service,
     *               registry and SMS faults are possible)
     * @param outage how long registry-stop, postgres-stop and sms-fail last unless a fault names its own
     * @param signWithin the signing limit of every matter, counted in all hours, that dispatch is restarted with
     *                   before the load, so that sign reminders and breaches fall due during the run and are
     *                   checked; null keeps the demo catalog (deadlines hours away) and checks no timers
     */
    Chaos(DevStack stack, DevStack.Options options, Target target, ChaosInfrastructure infra, Duration outage,
          Duration signWithin) {
        this.stack = stack;
        this.options = options;
        this.target = target;
        this.infra = infra;
        this.outage = outage;
        this.signWithin = signWithin;
    }

    /**
     * Sends at least {@code cases} at {@code rate} cases/s, and goes on until the last fault is over; the faults
     * are spread over the first {@code cases / rate} seconds, one after the other; faults joined with '+'
     * ({@code kill:notification-service+kill:audit-service}) happen at the same moment.
     */
    Counts run(int cases, double rate, List<String> faults) throws Exception {
        String runId = "X" + Long.toString(System.currentTimeMillis(), 36);
        try (Session session = new Session(target, runId, 0.5, 64, true);
             ServiceJvms jvms = new ServiceJvms(options.workDir().resolve("logs"))) {
            if (signWithin != null) {
                // only dispatch gets the catalog; a later kill:dispatch-service restarts it with the same option
                Duration restart = jvms.crashAndRestart("dispatch-service", List.of(
                        Target.catalogSignedWithin(options.root(), options.workDir(), signWithin)));
                System.out.printf("dispatch restarted in %.1f s with every matter to be signed for within %s "
                        + "(all hours)%n", restart.toMillis() / 1000.0, signWithin);
            }
            List<List<Faults.Fault>> groups = Faults.parse(faults,
                    new Faults.Platform(stack, jvms, infra, session.traffic, outage));
            AtomicReference<Exception> failed = new AtomicReference<>();
            AtomicBoolean crashing = new AtomicBoolean(true);
            Mix mix = Mix.realistic(runId, 7);
            int second = (int) Math.max(1, Math.round(rate));
            // load runs until every fault is over and at least the cases asked for are sent
            Thread sender = new Thread(() -> {
                try {
                    for (int sent = 0; crashing.get() || sent < cases; sent += second) {
                        session.send(mix, second, rate);
                    }
                } catch (Exception e) {
                    failed.set(e);
                }
            }, "chaos-traffic");
            sender.start();
            long pause = (long) (cases / rate * 1000 / (groups.size() + 1));
            Map<String, String> happened = Collections.synchronizedMap(new LinkedHashMap<>());
            try {
                injectInTurn(groups, pause, System.nanoTime(), happened);
            } finally {
                crashing.set(false);
            }
            sender.join();
            if (failed.get() != null) {
                throw failed.get();
            }
            long countFrom = System.nanoTime();
            Counts counts = count(session, happened);
            System.out.printf("counted in %.1f s%n", (System.nanoTime() - countFrom) / 1e9);
            jvms.killAll();
            return counts;
        }
    }

    /** Prints each fault as it ends: when it began (seconds into the run), what happened, what intake answered. */
    private static void injectInTurn(List<List<Faults.Fault>> groups, long pause, long runStart,
                                     Map<String, String> happened) throws InterruptedException {
        for (List<Faults.Fault> group : groups) {
            Thread.sleep(pause);
            double at = (System.nanoTime() - runStart) / 1e9;
            List<CompletableFuture<Void>> together = new ArrayList<>();
            for (Faults.Fault fault : group) {
                // a thread each: faults joined with '+' happen together, whatever the common pool's size
                together.add(CompletableFuture.runAsync(() -> {
                    try {
                        String line = fault.inject();
                        happened.put(fault.name(), line);
                        System.out.printf("%6.1f s  %s%n", at, line);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }, task -> new Thread(task, "chaos-" + fault.name()).start()));
            }
            CompletableFuture.allOf(together.toArray(CompletableFuture[]::new)).join();
        }
        Thread.sleep(pause); // the load goes on a while after the last fault too, so recovery is seen under load
    }

    private Counts count(Session session, Map<String, String> faults) throws Exception {
        Observer seen = session.observer;
        Set<String> cases = session.awaitAccepted(Duration.ofMinutes(3));
        seen.awaitTasks(cases, Duration.ofMinutes(3));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!seen.dispatchedPerCase.keySet().containsAll(cases) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        long t0 = System.nanoTime();
        Set<String> lostOverHttp = new HashSet<>(session.traffic.acceptedOverHttp);
        lostOverHttp.removeAll(cases);
        Set<String> lostSubmissions = new HashSet<>(session.traffic.submitted);
        lostSubmissions.removeAll(seen.caseOfExternalId.keySet());
        Tally dispatched = Tally.of(cases.stream().map(c -> seen.dispatchedPerCase.getOrDefault(c,
                new AtomicInteger()).get()).toList());
        int reportedTwice = (int) seen.reportsPerCase.values().stream().filter(n -> n.get() > 1).count();
        int tasksTwice = (int) seen.recordsPerTask.values().stream().filter(n -> n.get() > 1).count();

        // before audit and the texts: the SLA events are audited, and breaches and reminders text departments too
        SignTimers timers = null;
        if (signWithin != null) {
            long t2 = System.nanoTime();
            timers = SignTimers.await(seen, cases, Duration.ofSeconds(3), signWithin.plusMinutes(1),
                    Duration.ofMinutes(2));
            System.out.printf("sign timers checked after %.1f s more%n", (System.nanoTime() - t2) / 1e9);
        }
        Map<Observer.Coordinate, String> records = new HashMap<>(seen.caseOfRecord);
        records.values().retainAll(cases);
        AuditLog audit = new AuditLog(target.auditDb());
        long auditDeadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Tally audited;
        while (true) {
            Map<Observer.Coordinate, Integer> rows = audit.rowsPerRecord();
            audited = Tally.of(records.keySet().stream().map(r -> rows.getOrDefault(r, 0)).toList());
            if (audited.none() == 0 || System.nanoTime() > auditDeadline) {
                break;
            }
            Thread.sleep(500);
        }

        System.out.printf("dispatch checked, audit caught up after %.1f s more%n", (System.nanoTime() - t0) / 1e9);
        Thread.sleep(3_000); // notification's last sends of the run
        long t1 = System.nanoTime();
        // the last retry comes 10 min (+20 %) after the third attempt; a crashed claim is resumed after 2 min
        TextsDue texts = TextsDue.await(seen, cases, target.smsUrl(), Duration.ofMinutes(13),
                Duration.ofSeconds(150));
        System.out.printf("texts checked after %.1f s more%n", (System.nanoTime() - t1) / 1e9);
        Map<String, String> deadLetters = new TreeMap<>();
        seen.deadLetters.forEach((topic, n) -> deadLetters.put(topic, n.get() + " (first: "
                + seen.deadLetterReason.getOrDefault(topic, "no reason header") + ")"));
        Map<String, Integer> smsFailures = new LinkedHashMap<>();
        seen.smsFailureReasons.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().get(), a.getValue().get())).limit(3)
                .forEach(e -> smsFailures.put(e.getKey(), e.getValue().get()));
        Map<String, String> inOrder;
        synchronized (faults) {
            inOrder = Collections.unmodifiableMap(new LinkedHashMap<>(faults));
        }
        return new Counts(inOrder, session.traffic.acceptedOverHttp.size(),
                session.traffic.submitted.size(), cases.size(), lostOverHttp.size(), lostSubmissions.size(),
                reportedTwice, dispatched.once(), dispatched.none(), dispatched.more(), seen.recordsPerTask.size(),
                tasksTwice, records.size(), audited.once(), audited.none(), audited.more(), texts, smsFailures,
                deadLetters, seen.signed.get(), signWithin, timers);
    }

    /** How many of some things happened once, never, and more than once. */
    record Tally(int once, int none, int more) {

        static Tally of(List<Integer> counts) {
            int once = (int) counts.stream().filter(n -> n == 1).count();
            int none = (int) counts.stream().filter(n -> n == 0).count();
            return new Tally(once, none, counts.size() - once - none);
        }
    }

    /**
     * The counts checked after a chaos run; {@code faults} maps each fault to what happened, in order; {@code
     * timers} is null when the run checked none ({@code signWithin} null: dispatch kept the demo catalog).
     */
    record Counts(Map<String, String> faults, int acceptedOverHttp, int submittedOnKafka,
                  int cases, int lostOverHttp, int lostSubmissions, int reportedTwice, int dispatchedOnce,
                  int notDispatched, int dispatchedTwice, int tasks, int tasksTwice, int records, int auditedOnce,
                  int notAudited, int auditedTwice, TextsDue texts, Map<String, Integer> smsFailures,
                  Map<String, String> deadLetters, long signed, Duration signWithin, SignTimers timers) {

        boolean exactlyOnce() {
            // reportedTwice is shown, not failed on: intake's publish is at-least-once across a crash by design,
            // and every reader dedupes by case id (what the other counts check)
            return lostOverHttp == 0 && lostSubmissions == 0 && notDispatched == 0
                    && dispatchedTwice == 0 && tasksTwice == 0 && notAudited == 0 && auditedTwice == 0
                    && texts.twice() == 0 && dispatchedOnce == cases && auditedOnce == records
                    && (timers == null || timers.exact());
        }

        /** Exactly once, and every text due went out (or was given up on with a record). */
        boolean passed() {
            return exactlyOnce() && texts.delivered();
        }

        String report() {
            TextsDue t = texts;
            return String.format(Locale.ROOT, """
                    chaos run — faults, in order: %s
                      complaints accepted over HTTP (202)         %6d   of which never reached incident-reports %d
                      submissions acknowledged on Kafka           %6d   of which never became a case           %d
                      cases accepted (incident-reports)           %6d   published more than once by intake      %d
                      cases dispatched exactly once               %6d   never %d, more than once %d
                      department tasks                            %6d   written more than once                  %d
                      records of these cases (reports, events, tasks, SLA events) %6d audited exactly once %d, missing %d, twice %d
                      SMS sent (dev gateway inbox)                %6d   same text to the same number twice      %d
                      SMS notices of these cases (notification)   %6d   sent %d, still retrying %d, given up %d \
                    (DEAD_LETTERED on notification-failures)
                      SMS notices that failed at least once       %6d   sent later %d; reported sent but not in the \
                    gateway inbox %d
                        why attempts failed (most frequent)       %s
                      texts owed to callers (received, dispatched) %5d   %s
                      dead-lettered during the run (all services) %s
                      department signatures sent                  %6d
                    %s
                    exactly once: %s
                    every text due sent (or given up on with a record): %s""", faults.keySet(), acceptedOverHttp,
                    lostOverHttp, submittedOnKafka, lostSubmissions, cases, reportedTwice, dispatchedOnce,
                    notDispatched, dispatchedTwice, tasks, tasksTwice, records, auditedOnce, notAudited,
                    auditedTwice, t.inbox(), t.twice(), t.notices(), t.sent(), t.pending(), t.parked(), t.retried(),
                    t.retriedSent(), t.notInInbox(), smsFailures.isEmpty() ? "-" : smsFailures, t.callersDue(),
                    "missing from the inbox " + t.callersMissing() + ", of which given up on "
                            + t.callersParked() + (t.shortCases().isEmpty() ? "" : "; e.g. " + t.shortCases()),
                    deadLetters.isEmpty() ? "none" : deadLetters, signed, timersReport(),
                    exactlyOnce() ? "YES" : "NO", t.delivered() ? "YES" : "NO");
        }

        private String timersReport() {
            if (timers == null) {
                return "  SLA timers due                              not checked: dispatch kept the demo catalog, "
                        + "whose deadlines are hours away (--sign-within)";
            }
            SignTimers s = timers;
            return String.format(Locale.ROOT, """
                      SLA timers due (sign reminders, breaches)   %6d   fired exactly once %d, never %d, more than \
                    once %d; breaches after a signature %d
                        per task (signing within %s, all hours): %d tasks nobody signed for (%d assisting), %d signed \
                    before their reminder; left out %d (signed later, or deadline not passed)%s""", s.due(), s.once(),
                    s.never(), s.more(), s.breachedSigned(), signWithin, s.unsigned(), s.assisting(),
                    s.signedEarly(), s.leftOut(), s.examples().isEmpty() ? "" : "\n    off: " + s.examples());
        }
    }
}
