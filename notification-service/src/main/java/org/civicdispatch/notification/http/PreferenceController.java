package org.civicdispatch.notification.http;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.directory.CitizenPreferences;
import org.civicdispatch.notification.domain.QuietHours;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's wishes, recorded by the hotline desk or a citizen app: which channels (SMS, EMAIL; the in-app inbox
 * always) and which quiet hours. Urgent notices still ignore quiet hours. Nothing is read back over HTTP.
 */
@RestController
@RequestMapping("/api/preferences")
public class PreferenceController {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final Set<NotificationChannel> CITIZEN_CHANNELS = EnumSet.of(NotificationChannel.SMS,
            NotificationChannel.EMAIL);

    private final CitizenPreferences preferences;

    public PreferenceController(CitizenPreferences preferences) {
        this.preferences = preferences;
    }

    public record QuietPeriod(String from, String to, String zone) {
    }

    public record CitizenWish(String phone, String email, List<String> channels, QuietPeriod quietHours) {
    }

    @PutMapping("/citizen")
    public ResponseEntity<Void> citizen(@RequestBody CitizenWish wish) {
        boolean byPhone = wish.phone() != null && !wish.phone().isBlank();
        boolean byEmail = wish.email() != null && !wish.email().isBlank();
        if (byPhone == byEmail) {
            throw new Invalid("phone", "give exactly one of phone or email: the contact the wish belongs to");
        }
        if (byPhone && !PHONE.matcher(wish.phone()).matches()) {
            throw new Invalid("phone", "is not a phone number");
        }
        if (byEmail && !EMAIL.matcher(wish.email()).matches()) {
            throw new Invalid("email", "is not an e-mail address");
        }
        CitizenPreferences.Preference preference = new CitizenPreferences.Preference(channels(wish.channels()),
                quiet(wish.quietHours()));
        preferences.save(byPhone ? wish.phone() : wish.email(), preference);
        return ResponseEntity.noContent().build();
    }

    private static Set<NotificationChannel> channels(List<String> names) {
        if (names == null) {
            throw new Invalid("channels", "is required: a list of SMS and EMAIL, empty for the in-app inbox only");
        }
        Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
        for (String name : names) {
            NotificationChannel channel = CITIZEN_CHANNELS.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new Invalid("channels", "a citizen is reached by SMS or EMAIL, not " + name));
            channels.add(channel);
        }
        return channels;
    }

    private static QuietHours quiet(QuietPeriod period) {
        if (period == null) {
            return null;
        }
        try {
            return new QuietHours(LocalTime.parse(period.from()), LocalTime.parse(period.to()),
                    ZoneId.of(period.zone() == null ? "Asia/Shanghai" : period.zone()));
        } catch (NullPointerException | DateTimeException e) {
            throw new Invalid("quietHours", "needs from and to as HH:mm and a valid time zone");
        }
    }

    @ExceptionHandler(Invalid.class)
    ResponseEntity<ProblemDetail> invalid(Invalid e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Invalid preference");
        problem.setProperty("errors", List.of(Map.of("field", e.field, "message", e.reason)));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    static final class Invalid extends RuntimeException {

        final String field;
        final String reason;

        Invalid(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }
    }
}
