package org.civicdispatch.notification.listener;

import java.time.Instant;

/** A retry record read before its time: the error handler seeks back and waits, it is no failure. */
public class NotYetDueException extends RuntimeException {

    private final Instant due;

    public NotYetDueException(String notificationId, Instant due) {
        super("notice " + notificationId + " is due at " + due, null, false, false);
        this.due = due;
    }

    public Instant due() {
        return due;
    }
}
