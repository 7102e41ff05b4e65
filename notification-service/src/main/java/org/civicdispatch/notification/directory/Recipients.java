package org.civicdispatch.notification.directory;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.domain.Recipient;

/**
 * Resolves a pseudonymous recipient ({@code citizen-of:}, {@code department:}, {@code unit:}) to its preferences
 * and, at delivery time, to its contact data. A channel is offered only when the recipient wants it and has the
 * contact data for it.
 */
public class Recipients {

    private static final String CITIZEN_PREFIX = "citizen-of:";

    private final RecipientDirectory directory;
    private final CaseContacts cases;
    private final CitizenPreferences preferences;

    public Recipients(RecipientDirectory directory, CaseContacts cases, CitizenPreferences preferences) {
        this.directory = directory;
        this.cases = cases;
        this.preferences = preferences;
    }

    public Recipient recipient(String recipientRef) {
        if (recipientRef.startsWith(CITIZEN_PREFIX)) {
            // The citizen's own wish wins over the city's defaults for citizens.
            RecipientDirectory.Entry defaults = directory.citizenDefaults();
            Contact contact = contact(recipientRef);
            Optional<CitizenPreferences.Preference> wish = preferences.of(contact);
            return new Recipient(recipientRef, reachable(wish.map(CitizenPreferences.Preference::channels)
                    .orElse(defaults.channels()), contact), wish.isPresent() ? wish.get().quietHours()
                    : defaults.quiet());
        }
        return directory.entry(recipientRef)
                .map(entry -> new Recipient(recipientRef, reachable(entry.channels(), entry.contact()), entry.quiet()))
                .orElseGet(() -> Recipient.inboxOnly(recipientRef));
    }

    public Contact contact(String recipientRef) {
        if (recipientRef.startsWith(CITIZEN_PREFIX)) {
            return cases.citizen(recipientRef.substring(CITIZEN_PREFIX.length())).orElse(Contact.NONE);
        }
        return directory.entry(recipientRef).map(RecipientDirectory.Entry::contact).orElse(Contact.NONE);
    }

    private static Set<NotificationChannel> reachable(Set<NotificationChannel> wanted, Contact contact) {
        Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
        if (wanted.contains(NotificationChannel.SMS) && !contact.phones().isEmpty()) {
            channels.add(NotificationChannel.SMS);
        }
        if (wanted.contains(NotificationChannel.EMAIL) && !contact.emails().isEmpty()) {
            channels.add(NotificationChannel.EMAIL);
        }
        if (wanted.contains(NotificationChannel.WEBHOOK) && contact.webhook() != null) {
            channels.add(NotificationChannel.WEBHOOK);
        }
        return channels;
    }
}
