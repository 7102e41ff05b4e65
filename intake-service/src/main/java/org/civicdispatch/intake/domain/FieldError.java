package org.civicdispatch.intake.domain;

/** One thing wrong with a report, by field path as the caller sent it (e.g. {@code location.latitude}). */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
