package org.civicdispatch.support.kafka;

/**
 * Something a record needs (the event log, a database) is down: the record is not at fault, so a listener that
 * throws this is retried without end rather than dead-lettered.
 */
public class OutageException extends RuntimeException {

    public OutageException(String message, Throwable cause) {
        super(message, cause);
    }
}
