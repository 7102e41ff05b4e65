package org.civicdispatch.support.kafka;

/** A readable record that the service refuses on its merits (invalid, unknown category, ...): DLQ, no retry. */
public class RejectedRecordException extends RuntimeException {

    public RejectedRecordException(String reason) {
        super(reason);
    }
}
