package org.civicdispatch.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.civicdispatch.devstack.DevStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crashes under load: while the mix runs, each named service in turn is killed with SIGKILL and restarted; then
 * the platform must have done everything exactly once. Counts what it checks and prints them.
 */
final class Chaos {

    static final List<String> SERVICES = List.of("intake-service", "dispatch-service", "notification-service",
            "audit-service");

    private final DevStack.Options options;
    private final Target target;

    Chaos(DevStack.Options options, Target target) {
        this.options = options;
        this.target = target;
    }

    /**
     * Sends at least {@code cases} at {@code rate} cases/s, and goes on until the last crashed service is back;
     * the crashes are spread over the first {@code cases / rate} seconds, one after the other; services
     * joined with '+' ({@code notification-service+audit-service}) crash at the same moment.
     */
    Counts run(int cases, double rate, List<String> victims) throws Exception {
        String runId = "X" + Long.toString(System.currentTimeMillis(), 36);
        try (Session session = new Session(target, runId, 0.5, 64);
             ServiceJvms jvms = new ServiceJvms(options.workDir().resolve("logs"))) {
            AtomicReference<Exception> failed = new AtomicReference<>();
            AtomicBoolean crashing = new AtomicBoolean(true);
            Mix mix = Mix.realistic(runId, 7);
            int second = (int) Math.max(1, Math.round(rate));
            // load runs until every crash is over and at least the cases asked for are sent
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
            long pause = (long) (cases / rate * 1000 / (victims.size() + 1));
            Map<String, Duration> restarts = new ConcurrentHashMap<>();
            try {
                crashInTurn(jvms, victims, pause, restarts);
            } finally {
                crashing.set(false);
            }
            sender.join();
            if (failed.get() != null) {
                throw failed.get();
            }
            long countFrom = System.nanoTime();
            Counts counts = count(session, restarts);
            System.out.printf("counted in %.1f s%n", (System.nanoTime() - countFrom) / 1e9);
            jvms.killAll();
            return counts;
        }
    }

    private static void crashInTurn(ServiceJvms jvms, List<String> victims, long pause,
                                    Map<String, Duration> restarts) throws InterruptedException {
        for (String group : victims) {
            Thread.sleep(pause);
            // services joined with '+' crash together
            List<CompletableFuture<Void>> crashes = new ArrayList<>();
            for (String victim : group.split("\\+")) {
                crashes.add(CompletableFuture.runAsync(() -> {
                    try {
                        Duration took = jvms.crashAndRestart(victim);
                        restarts.put(victim, took);
                        System.out.printf("kill -9 %s: back and healthy after %.1f s%n", victim,
                                took.toMillis() / 1000.0);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }));
            }
            CompletableFuture.allOf(crashes.toArray(CompletableFuture[]::new)).join();
        }
    }

    private Counts count(Session session, Map<String, Duration> restarts) throws Exception {
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
        Map<String, Integer> smsPerMessage = new HashMap<>();
        JsonNode inbox = JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(target.smsUrl() + "/v1/messages")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        inbox.forEach(m -> smsPerMessage.merge(m.get("to").asString() + "\n" + m.get("text").asString(), 1,
                Integer::sum));
        int smsTwice = (int) smsPerMessage.values().stream().filter(n -> n > 1).count();
        return new Counts(restarts, session.traffic.acceptedOverHttp.size(), session.traffic.submitted.size(),
                cases.size(), lostOverHttp.size(), lostSubmissions.size(), reportedTwice, dispatched.once(),
                dispatched.none(), dispatched.more(), seen.recordsPerTask.size(), tasksTwice, records.size(),
                audited.once(), audited.none(), audited.more(), inbox.size(), smsTwice, seen.signed.get());
    }

    /** How many of some things happened once, never, and more than once. */
    record Tally(int once, int none, int more) {

        static Tally of(List<Integer> counts) {
            int once = (int) counts.stream().filter(n -> n == 1).count();
            int none = (int) counts.stream().filter(n -> n == 0).count();
            return new Tally(once, none, counts.size() - once - none);
        }
    }

    /** The counts checked after a chaos run. */
    record Counts(Map<String, Duration> restarts, int acceptedOverHttp, int submittedOnKafka, int cases,
                  int lostOverHttp, int lostSubmissions, int reportedTwice, int dispatchedOnce, int notDispatched,
                  int dispatchedTwice, int tasks, int tasksTwice, int records, int auditedOnce, int notAudited,
                  int auditedTwice, int sms, int smsTwice, long signed) {

        boolean exactlyOnce() {
            // reportedTwice is shown, not failed on: intake's publish is at-least-once across a crash by design,
            // and every reader dedupes by case id (what the other counts check)
            return lostOverHttp == 0 && lostSubmissions == 0 && notDispatched == 0
                    && dispatchedTwice == 0 && tasksTwice == 0 && notAudited == 0 && auditedTwice == 0
                    && smsTwice == 0 && dispatchedOnce == cases && auditedOnce == records;
        }

        String report() {
            return String.format(Locale.ROOT, """
                    chaos run — services killed with SIGKILL and restarted: %s
                      complaints accepted over HTTP (202)         %6d   of which never reached incident-reports %d
                      submissions acknowledged on Kafka           %6d   of which never became a case           %d
                      cases accepted (incident-reports)           %6d   published more than once by intake      %d
                      cases dispatched exactly once               %6d   never %d, more than once %d
                      department tasks                            %6d   written more than once                  %d
                      records of these cases (reports, events, tasks) %6d audited exactly once %d, missing %d, twice %d
                      SMS sent (dev gateway inbox)                %6d   same text to the same number twice      %d
                      department signatures sent                  %6d
                    exactly once: %s""", restarts.keySet(), acceptedOverHttp, lostOverHttp, submittedOnKafka,
                    lostSubmissions, cases, reportedTwice, dispatchedOnce, notDispatched, dispatchedTwice, tasks,
                    tasksTwice, records, auditedOnce, notAudited, auditedTwice, sms, smsTwice, signed,
                    exactlyOnce() ? "YES" : "NO");
        }
    }
}
