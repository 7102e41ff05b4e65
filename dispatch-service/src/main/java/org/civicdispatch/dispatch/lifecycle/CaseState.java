package org.civicdispatch.dispatch.lifecycle;

/** Where a case stands. The lead task drives it; assisting tasks report alongside. */
public enum CaseState {
    DISPATCHED, ACCEPTED, IN_PROGRESS, RESOLVED, CLOSED,
    /** The lead department returned it as wrongly routed: the street operator re-routes or arbitrates. */
    RETURNED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
