package org.civicdispatch.audit.domain;

/** Text as the audit log can store it. */
final class SafeText {

    private SafeText() {
    }

    /**
     * PostgreSQL text and jsonb cannot hold U+0000, and one such character would stop the log for good; it becomes
     * U+FFFD, while the raw bytes keep the original.
     */
    static String of(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
