package org.civicdispatch.audit.replay;

import java.time.Instant;

/**
 * Where a replay started in the background stands, as {@code GET /api/audit/replays/{id}} answers it: the replay is
 * through {@code published + withheld} of {@code total} records (the period up to chain head {@code upToSeq});
 * {@code error} says why a {@link Status#FAILED} replay stopped. The id is the replay topic's name, since a replay
 * topic holds exactly one replay.
 */
public record ReplayProgress(String id, String topic, Instant from, Instant to, long upToSeq, long total,
                             long published, long withheld, Status status, String error) {

    /** QUEUED until its thread takes it; DONE once the broker has acknowledged every record. */
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }
}
