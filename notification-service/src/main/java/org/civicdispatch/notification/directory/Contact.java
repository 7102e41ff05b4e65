package org.civicdispatch.notification.directory;

import java.util.List;

/**
 * How to reach a recipient outside the inbox. Personal data: handed to channels only, never logged or put on a
 * topic ({@link #toString()} says so much and no more).
 */
public record Contact(List<String> phones, List<String> emails, Webhook webhook) {

    public static final Contact NONE = new Contact(List.of(), List.of(), null);

    public Contact {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    /** A department system's endpoint and the secret its requests are signed with. */
    public record Webhook(String url, String secret) {

        @Override
        public String toString() {
            return "Webhook[" + url + "]";
        }
    }

    @Override
    public String toString() {
        return "Contact[" + phones.size() + " phone(s), " + emails.size() + " e-mail(s), webhook "
                + (webhook != null) + "]";
    }
}
