package org.civicdispatch.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.TaskRole;

/**
 * Whether the signing timers of a run's tasks fired as due, counted per task (lead and assisting tasks each have
 * their own timers, and SlaEvent names the task) from the deadlines dispatch wrote on the tasks. A task nobody
 * signed for owes, once its deadline has passed, a sign reminder (a quarter of the window before the deadline) and
 * a sign breach, each exactly once. A task the harness signed for before its reminder time owes no breach: one is a
 * defect. Left out: tasks signed later than that (dispatch may have read the signature after the deadline) or whose
 * signature the broker never acknowledged, and deadlines still ahead when counting.
 *
 * @param due            timers due: a reminder and a breach per task nobody signed for whose deadline has passed
 * @param once           of those, fired exactly once
 * @param never          never fired
 * @param more           fired more than once
 * @param unsigned       the tasks these timers belong to (nobody signed for them), of which {@code assisting} are
 *                       assisting tasks
 * @param signedEarly    tasks signed for before their reminder time, with their deadline passed
 * @param breachedSigned of those, breached all the same
 * @param leftOut        tasks neither check applies to
 * @param examples       up to five timers that are off, to look into
 */
record SignTimers(int due, int once, int never, int more, int unsigned, int assisting, int signedEarly,
                  int breachedSigned, int leftOut, List<String> examples) {

    /** Every timer due fired exactly once, and no signed task breached. */
    boolean exact() {
        return never == 0 && more == 0 && breachedSigned == 0;
    }

    /**
     * Waits until the latest sign deadline of the run's tasks is {@code margin} past (at most {@code limit} from
     * now), then until every timer due has fired (at most {@code patience} more), and counts. The deadlines are
     * the ones on the tasks, so how fast the machine is decides only how long this waits, not what is due.
     */
    static SignTimers await(Observer seen, Set<String> cases, Duration margin, Duration limit, Duration patience)
            throws InterruptedException {
        Map<String, Observer.SignClock> clocks = seen.signClocks.entrySet().stream()
                .filter(e -> cases.contains(e.getValue().caseId()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long latest = clocks.values().stream().mapToLong(Observer.SignClock::signBy).max().orElse(0);
        long countAt = Math.min(latest + margin.toMillis(), System.currentTimeMillis() + limit.toMillis());
        long wait = countAt - System.currentTimeMillis();
        if (wait > 0) {
            System.out.printf("waiting %.1f s for the last sign deadlines of the run (+%d s)%n", wait / 1000.0,
                    margin.toSeconds());
            Thread.sleep(wait);
        }
        // what is due is fixed now; a timer still missing may only be late, so it gets patience
        long dueBy = countAt - margin.toMillis();
        long giveUp = System.nanoTime() + patience.toNanos();
        SignTimers counted = count(seen, clocks, dueBy);
        while (counted.never > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(500);
            counted = count(seen, clocks, dueBy);
        }
        return counted;
    }

    private static SignTimers count(Observer seen, Map<String, Observer.SignClock> clocks, long dueBy) {
        List<Integer> fired = new ArrayList<>();
        List<String> off = new ArrayList<>();
        int unsigned = 0;
        int assisting = 0;
        int signedEarly = 0;
        int breachedSigned = 0;
        int leftOut = 0;
        for (Map.Entry<String, Observer.SignClock> e : clocks.entrySet()) {
            String task = e.getKey();
            Observer.SignClock clock = e.getValue();
            Long signedAt = seen.signatureAcknowledgedAt.get(task);
            if (clock.signBy() > dueBy) {
                leftOut++;
            } else if (!seen.signatureSent.contains(task)) {
                unsigned++;
                assisting += clock.role() == TaskRole.ASSIST ? 1 : 0;
                for (SlaEventKind kind : List.of(SlaEventKind.REMINDER, SlaEventKind.BREACH)) {
                    int n = fired(seen, task, kind);
                    fired.add(n);
                    if (n != 1) {
                        off.add(task + " sign " + kind + " fired " + n + "×");
                    }
                }
            } else if (signedAt != null && signedAt < clock.reminderAt()) {
                signedEarly++;
                if (fired(seen, task, SlaEventKind.BREACH) > 0) {
                    breachedSigned++;
                    off.add(task + " breached after its signature");
                }
            } else {
                leftOut++;
            }
        }
        Chaos.Tally tally = Chaos.Tally.of(fired);
        return new SignTimers(fired.size(), tally.once(), tally.none(), tally.more(), unsigned, assisting,
                signedEarly, breachedSigned, leftOut, off.stream().sorted().limit(5).toList());
    }

    private static int fired(Observer seen, String task, SlaEventKind kind) {
        return seen.slaEventsPerTask.getOrDefault(task + "|" + SlaStage.SIGN + "|" + kind, new AtomicInteger())
                .get();
    }
}
