package org.civicdispatch.audit.access;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who asks the audit log, and in which roles. Resolved in one place per entry point (HTTP: {@code http/CallerResolver};
 * the CLI: its arguments) and recorded with every query.
 */
public record Caller(String name, Set<String> roles, Set<String> streets) {

    public static final String AUDITOR = "auditor";
    /** May see citizens' personal data in exports, timelines and replays. */
    public static final String AUDITOR_PII = "auditor-pii";

    public Caller {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a caller has a name");
        }
        roles = Set.copyOf(new TreeSet<>(roles));
        streets = streets == null ? Set.of() : Set.copyOf(streets);
    }

    public Caller(String name, Set<String> roles) {
        this(name, roles, Set.of());
    }

    /** An operator reads the timelines of their streets' cases ({@code *}: the whole district). */
    public boolean operatesIn(String street) {
        return streets.contains("*") || streets.contains(street);
    }

    public static Caller auditor(String name) {
        return new Caller(name, Set.of(AUDITOR));
    }

    public boolean maySeePersonalData() {
        return roles.contains(AUDITOR_PII);
    }

    /** The roles in a stable order, as the query log records them. */
    public String rolesText() {
        return String.join(",", new TreeSet<>(roles));
    }
}
