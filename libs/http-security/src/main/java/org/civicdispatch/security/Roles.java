package org.civicdispatch.security;

/**
 * The platform's roles, as the {@code roles} claim of a token names them. Scopes travel in two more claims:
 * {@code streets} (the street codes an operator works for, {@code "*"} for the whole district) and
 * {@code department} (the one department a department user belongs to).
 */
public final class Roles {

    /** A channel system posting reports: the hotline system, an app back end, an Open311 client. */
    public static final String INTAKE_CLIENT = "intake-client";
    /** A street (or district) operator: queues, case decisions, within their streets. */
    public static final String OPERATOR = "operator";
    /** A department's staff or system: its own queue and its own cases' tasks. */
    public static final String DEPARTMENT = "department";
    /** Reads everything, personal data masked; changes nothing. */
    public static final String AUDITOR = "auditor";
    /** An auditor who may see personal data unmasked. */
    public static final String AUDITOR_PII = "auditor-pii";

    public static final String ALL_STREETS = "*";

    private Roles() {
    }
}
