package org.civicdispatch.audit.replay;

/** A replay (export or republish) that will not be done, and why. */
public class ReplayRefusedException extends RuntimeException {

    public enum Reason {
        INVALID_REQUEST, NOT_A_REPLAY_TOPIC, LIVE_TOPIC, TOPIC_EXISTS, FORBIDDEN, OTHER_EXPORT_IN_PROGRESS
    }

    private final Reason reason;

    public ReplayRefusedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static void requirePeriod(java.time.Instant from, java.time.Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ReplayRefusedException(Reason.INVALID_REQUEST, "a period needs from and to, from before to");
        }
    }
}
