package org.civicdispatch.dispatch.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.civicdispatch.reference.catalog.CountingMode;

/**
 * The clock of one stage of a case (signing, returning, resolving, the citizen's own clock from intake): it counts
 * all hours or working hours from its start, stops while paused (the case waits on the citizen), and is due when
 * the counted time reaches its limit. Immutable: every change returns a new clock.
 *
 * <p>The clock keeps its runs (start or resume to pause) rather than a running total, so a deadline or reminder
 * that was reached before a pause keeps its true instant.
 *
 * @param counting what time counts ({@link CountedTime#ALL_HOURS} or a {@link WorkingCalendar})
 * @param limit    counted time allowed, extensions included
 * @param runs     when the clock ran, in order; only the last may still be running
 */
public record SlaClock(CountedTime counting, Duration limit, List<Run> runs) {

    public SlaClock {
        Objects.requireNonNull(counting, "counting");
        Objects.requireNonNull(limit, "limit");
        runs = List.copyOf(runs);
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a clock's limit must be positive: " + limit);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a clock has at least the run it started with");
        }
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (run.isRunning() && i < runs.size() - 1) {
                throw new IllegalArgumentException("only the last run may still be running: " + runs);
            }
            if (i > 0 && run.from().isBefore(runs.get(i - 1).until())) {
                throw new IllegalArgumentException("runs must be in order and not overlap: " + runs);
            }
        }
    }

    /** A clock counting with {@code counting}, started {@code at} with {@code limit} of counted time. */
    public static SlaClock start(CountedTime counting, Instant at, Duration limit) {
        return new SlaClock(counting, limit, List.of(Run.runningFrom(at)));
    }

    /** A clock counting in {@code mode}; {@code calendar} may be null for {@link CountingMode#ALL_HOURS}. */
    public static SlaClock start(CountingMode mode, WorkingCalendar calendar, Instant at, Duration limit) {
        return start(CountedTime.of(mode, calendar), at, limit);
    }

    public CountingMode mode() {
        return counting.mode();
    }

    public Instant startedAt() {
        return runs.get(0).from();
    }

    public boolean isPaused() {
        return !lastRun().isRunning();
    }

    /** Stops counting {@code at}, e.g. when the case starts waiting on the citizen. */
    public SlaClock pause(Instant at) {
        Run last = lastRun();
        if (!last.isRunning()) {
            throw new IllegalStateException("the clock is already paused since " + last.until());
        }
        if (at.isBefore(last.from())) {
            throw new IllegalArgumentException("cannot pause at " + at + ", before the clock ran from " + last.from());
        }
        List<Run> changed = new ArrayList<>(runs);
        changed.set(changed.size() - 1, new Run(last.from(), at));
        return new SlaClock(counting, limit, changed);
    }

    /** Counts again from {@code at}; the paused time never counts. */
    public SlaClock resume(Instant at) {
        Run last = lastRun();
        if (last.isRunning()) {
            throw new IllegalStateException("the clock is running since " + last.from());
        }
        if (at.isBefore(last.until())) {
            throw new IllegalArgumentException("cannot resume at " + at + ", before the pause at " + last.until());
        }
        List<Run> changed = new ArrayList<>(runs);
        changed.add(Run.runningFrom(at));
        return new SlaClock(counting, limit, changed);
    }

    /** Grants {@code more} counted time: the deadline moves by that much counted time. */
    public SlaClock extend(Duration more) {
        if (more.isNegative() || more.isZero()) {
            throw new IllegalArgumentException("an extension must be positive: " + more);
        }
        return new SlaClock(counting, limit.plus(more), runs);
    }

    /** Counted time from the start up to {@code now}, paused time excluded. */
    public Duration counted(Instant now) {
        Duration total = Duration.ZERO;
        for (Run run : runs) {
            if (!now.isAfter(run.from())) {
                break;
            }
            Instant to = run.isRunning() || now.isBefore(run.until()) ? now : run.until();
            total = total.plus(counting.between(run.from(), to));
        }
        return total;
    }

    /**
     * When the counted time reaches the limit: the last instant still on time, and the earliest instant at which
     * the limit is used up (so a limit ending with a working day gives 17:30 that day, not 08:30 the next). Empty
     * while the clock is paused before reaching it, since it then depends on when the clock resumes; once reached
     * it is known and stays, paused or not.
     */
    public Optional<Instant> deadline() {
        return whenCounted(limit, false);
    }

    /**
     * Counted time left until the deadline at {@code now}; negative once overdue by counted time. It is zero, not
     * negative, from the deadline until counted time runs again (after 17:30 on a working-hours clock), although
     * the clock is already {@linkplain #breached breached} then.
     */
    public Duration remaining(Instant now) {
        return limit.minus(counted(now));
    }

    /** Whether {@code now} is after the deadline. A clock paused before its deadline is not breached. */
    public boolean breached(Instant now) {
        return deadline().map(now::isAfter).orElse(false);
    }

    /**
     * When only {@code before} of counted time remains, e.g. urging a 5-working-day case with 3 working days left.
     * Counted on this clock's own runs, so it never falls inside a pause. It is the latest such instant, so on a
     * working-hours clock it falls at the start of a working period (08:30) rather than at the close before (17:30).
     * The start of counting when {@code before} is not less than the limit; empty while paused before reaching it.
     */
    public Optional<Instant> reminderAt(Duration before) {
        CountedTime.requireNotNegative(before);
        Duration target = limit.minus(before);
        return whenCounted(target.isNegative() ? Duration.ZERO : target, true);
    }

    /** The earliest (or latest) instant at which {@code target} has been counted, within the runs so far. */
    private Optional<Instant> whenCounted(Duration target, boolean latest) {
        Duration before = Duration.ZERO;
        for (Run run : runs) {
            Duration needed = target.minus(before);
            Instant at = latest ? latestAt(run.from(), needed) : counting.plus(run.from(), needed);
            if (run.isRunning()) {
                return Optional.of(at);
            }
            Duration ran = counting.between(run.from(), run.until());
            if (needed.compareTo(ran) <= 0) {
                return Optional.of(at.isAfter(run.until()) ? run.until() : at);
            }
            before = before.plus(ran);
        }
        return Optional.empty();
    }

    /** The latest instant at which exactly {@code amount} has been counted since {@code from}. */
    private Instant latestAt(Instant from, Duration amount) {
        Duration tick = Duration.ofNanos(1);
        return counting.minus(counting.plus(from, amount.plus(tick)), tick);
    }

    private Run lastRun() {
        return runs.get(runs.size() - 1);
    }

    /** The clock ran from {@code from} until {@code until}; {@code until} is null while it still runs. */
    public record Run(Instant from, Instant until) {

        public Run {
            Objects.requireNonNull(from, "from");
            if (until != null && until.isBefore(from)) {
                throw new IllegalArgumentException("a run cannot end before it starts: " + from + " → " + until);
            }
        }

        static Run runningFrom(Instant from) {
            return new Run(from, null);
        }

        public boolean isRunning() {
            return until == null;
        }
    }
}
