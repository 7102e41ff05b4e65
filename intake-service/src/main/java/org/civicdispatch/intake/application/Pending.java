package org.civicdispatch.intake.application;

import java.util.concurrent.CompletableFuture;

/**
 * A submission whose answer is known but whose event may still be on its way to the broker.
 *
 * @param caseId  the case being published, or null when nothing was sent (refused, or already in the event log)
 * @param unkeyed whether the caller has no idempotency key to resend under
 * @param acked   completes when the broker has the case
 */
public record Pending(Submission submission, String caseId, boolean unkeyed, CompletableFuture<Void> acked) {

    static Pending settled(Submission submission) {
        return new Pending(submission, null, false, CompletableFuture.completedFuture(null));
    }

    /** The pending at {@code index} of a batch was not taken by the event log. */
    public record Failure(int index, RuntimeException cause) {
    }
}
