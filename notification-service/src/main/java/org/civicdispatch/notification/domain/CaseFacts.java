package org.civicdispatch.notification.domain;

/**
 * What notification remembers of a case from earlier events, since case events carry neither: the language the
 * citizen asked for (from the report) and the lead department (from the dispatch). Either may be unknown.
 */
public record CaseFacts(String citizenLocale, String leadDepartment) {

    public static final CaseFacts UNKNOWN = new CaseFacts(null, null);
}
