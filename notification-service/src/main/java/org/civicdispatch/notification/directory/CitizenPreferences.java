package org.civicdispatch.notification.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.domain.QuietHours;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Citizens' own wishes (which channels, which quiet hours), keyed by a SHA-256 of the normalised phone number or
 * e-mail address: the same person is recognised on their next case, and no contact data is stored here.
 */
public class CitizenPreferences {

    /** A citizen's wish; {@code quietHours} null means none. */
    public record Preference(Set<NotificationChannel> channels, QuietHours quietHours) {

        public Preference {
            channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public CitizenPreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void save(String phoneOrEmail, Preference preference) {
        QuietHours quiet = preference.quietHours();
        jdbc.sql("""
                insert into citizen_preference (contact_hash, channels, quiet_from, quiet_to, zone, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (contact_hash) do update set channels = excluded.channels,
                    quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to, zone = excluded.zone,
                    updated_at = excluded.updated_at""")
                .params(hash(phoneOrEmail), preference.channels().stream().map(Enum::name).sorted()
                                .collect(Collectors.joining(",")),
                        quiet == null ? null : Time.valueOf(quiet.start()), quiet == null ? null : Time.valueOf(quiet.end()),
                        quiet == null ? null : quiet.zone().getId(), Timestamp.from(clock.instant()))
                .update();
    }

    /** The wish recorded for any of the contact's phones or addresses, phones first. */
    public Optional<Preference> of(Contact contact) {
        for (String key : contact.phones()) {
            Optional<Preference> found = find(key);
            if (found.isPresent()) {
                return found;
            }
        }
        return contact.emails().stream().map(this::find).flatMap(Optional::stream).findFirst();
    }

    private Optional<Preference> find(String phoneOrEmail) {
        return jdbc.sql("select channels, quiet_from, quiet_to, zone from citizen_preference where contact_hash = ?")
                .param(hash(phoneOrEmail))
                .query((rs, n) -> new Preference(channels(rs.getString(1)), rs.getTime(2) == null ? null
                        : new QuietHours(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime(),
                        ZoneId.of(rs.getString(4)))))
                .optional();
    }

    private static Set<NotificationChannel> channels(String names) {
        return names.isBlank() ? Set.of() : Arrays.stream(names.split(",")).map(NotificationChannel::valueOf)
                .collect(Collectors.toSet());
    }

    /** Digits only for phones (so "+86 139 1234 5678" and "+8613912345678" match), lower case for addresses. */
    static String hash(String phoneOrEmail) {
        String normalised = phoneOrEmail.contains("@") ? phoneOrEmail.strip().toLowerCase(Locale.ROOT)
                : phoneOrEmail.replaceAll("[^0-9]", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
