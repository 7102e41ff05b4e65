package org.civicdispatch.notification.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.domain.QuietHours;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.io.Resource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff contacts, webhooks, preferences and quiet hours of departments and territorial units, and the defaults for
 * citizens, from a directory file (JSON, {@code civic.notification.directory}). Values may name environment
 * variables or properties as {@code ${NAME}}, so webhook secrets stay out of the file.
 */
public final class RecipientDirectory {

    private final Entry citizens;
    private final Map<String, Entry> departments;
    private final Map<String, Entry> units;

    private RecipientDirectory(Entry citizens, Map<String, Entry> departments, Map<String, Entry> units) {
        this.citizens = citizens == null ? new Entry(null, null, null, null, null) : citizens;
        this.departments = departments == null ? Map.of() : Map.copyOf(departments);
        this.units = units == null ? Map.of() : Map.copyOf(units);
    }

    public static RecipientDirectory load(Resource file, PropertyResolver placeholders) {
        try (InputStream in = file.getInputStream()) {
            String text = placeholders.resolveRequiredPlaceholders(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            FileFormat parsed = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build().readValue(text, FileFormat.class);
            return new RecipientDirectory(parsed.citizens(), parsed.departments(), parsed.units());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recipient directory " + file, e);
        }
    }

    /** A department ({@code department:<code>}) or unit ({@code unit:<code>}) of the directory. */
    public Optional<Entry> entry(String recipientRef) {
        if (recipientRef.startsWith("department:")) {
            return Optional.ofNullable(departments.get(recipientRef.substring("department:".length())));
        }
        if (recipientRef.startsWith("unit:")) {
            return Optional.ofNullable(units.get(recipientRef.substring("unit:".length())));
        }
        return Optional.empty();
    }

    /** Which channels citizens are told on when they left the contact data for them, and their quiet hours. */
    public Entry citizenDefaults() {
        return citizens;
    }

    record FileFormat(Entry citizens, Map<String, Entry> departments, Map<String, Entry> units) {
    }

    /** One recipient's preferences and contacts; {@code channels} are those it wants besides the inbox. */
    public record Entry(Set<NotificationChannel> channels, List<String> phones, List<String> emails,
                        Quiet quietHours, Contact.Webhook webhook) {

        public Entry {
            channels = channels == null || channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels);
        }

        public Contact contact() {
            return new Contact(phones, emails, webhook);
        }

        public QuietHours quiet() {
            return quietHours == null ? null : new QuietHours(LocalTime.parse(quietHours.from()),
                    LocalTime.parse(quietHours.to()), ZoneId.of(quietHours.zone()));
        }
    }

    /** Quiet hours as written in the file: {@code {"from": "22:00", "to": "07:00", "zone": "Asia/Shanghai"}}. */
    public record Quiet(String from, String to, String zone) {
    }
}
