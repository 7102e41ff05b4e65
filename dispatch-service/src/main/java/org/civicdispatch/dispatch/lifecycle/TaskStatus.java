package org.civicdispatch.dispatch.lifecycle;

/** Where one department's task stands. */
public enum TaskStatus {
    DISPATCHED, ACCEPTED, IN_PROGRESS, RESOLVED, RETURNED, WITHDRAWN
}
