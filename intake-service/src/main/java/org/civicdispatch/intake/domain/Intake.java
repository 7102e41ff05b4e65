package org.civicdispatch.intake.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.civicdispatch.reference.territory.Place;
import org.civicdispatch.reference.territory.Territory;

/**
 * Accepting a report (受理): checks what every channel must provide, resolves the place to its grid, and turns a
 * valid draft into the first event of a case. Refusals name each field at fault, so a caller can fix the report and
 * resend it.
 */
public final class Intake {

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TEXT = 200;
    static final int MAX_EXTERNAL_ID = 128;
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern MEDIA_URL = Pattern.compile("https?://\\S+");

    private final Clock clock;
    private final CaseNumbers caseNumbers;
    private final MatterCatalog catalog;
    private final Territory territory;

    public Intake(Clock clock, CaseNumbers caseNumbers, MatterCatalog catalog, Territory territory) {
        this.clock = clock;
        this.caseNumbers = caseNumbers;
        this.catalog = catalog;
        this.territory = territory;
    }

    /**
     * @param idempotencyKey the caller's key for this report (an Idempotency-Key header, or channel:externalId),
     *                       from which the case number derives, or null for a fresh number
     */
    public IntakeOutcome accept(IncidentDraft draft, String idempotencyKey) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        Channel channel = enumValue(Channel.class, "channel", draft.channel(), errors, null);
        Urgency urgency = enumValue(Urgency.class, "urgency", draft.urgency(), errors, Urgency.ROUTINE);
        optional(errors, "externalId", draft.externalId(), MAX_EXTERNAL_ID, CODE);
        if (required(errors, "category", draft.category(), 64)) {
            if (!CATEGORY.matcher(draft.category()).matches()) {
                errors.add(new FieldError("category", "must be a matter code like sanitation.garbage-overflow"));
            } else if (catalog.matter(draft.category()).isEmpty()
                    && catalog.firstOfCategory(draft.category()).isEmpty()) {
                errors.add(new FieldError("category", "is not in the matter catalog " + catalog.version()
                        + " (use other.unclassified when unsure)"));
            }
        }
        required(errors, "description", draft.description(), MAX_DESCRIPTION);
        Place place = checkLocation(draft, errors);
        optional(errors, "reporter.name", draft.reporterName(), 100, null);
        optional(errors, "reporter.phone", draft.reporterPhone(), 20, PHONE);
        optional(errors, "reporter.email", draft.reporterEmail(), 254, EMAIL);
        optional(errors, "reporter.preferredLocale", draft.preferredLocale(), 16,
                Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?"));
        if (optional(errors, "mediaUrl", draft.mediaUrl(), 500, MEDIA_URL)) {
            checkMediaUrl(draft.mediaUrl(), errors);
        }
        Instant reportedAt = draft.reportedAt() == null ? now : draft.reportedAt();
        if (reportedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("reportedAt", "lies in the future"));
        }
        if (!errors.isEmpty()) {
            return new IntakeOutcome.Rejected(List.copyOf(errors));
        }
        String caseId = idempotencyKey == null ? caseNumbers.next(now)
                : caseNumbers.forKey(idempotencyKey, reportedAt);
        return new IntakeOutcome.Accepted(IncidentReported.newBuilder()
                .setCaseId(caseId)
                .setChannel(channel)
                .setExternalId(draft.externalId())
                .setCategory(draft.category())
                .setDescription(draft.description().strip())
                .setLocation(Location.newBuilder()
                        .setLatitude(draft.latitude())
                        .setLongitude(draft.longitude())
                        .setAddress(blankToNull(draft.address()))
                        .setGridCode(place.gridCode())
                        .setCommunityCode(place.communityCode())
                        .setStreetCode(place.streetCode())
                        .build())
                .setReporter(reporter(draft))
                .setUrgency(urgency)
                .setMediaUrl(blankToNull(draft.mediaUrl()))
                .setReportedAt(reportedAt)
                .setAcceptedAt(now)
                .build());
    }

    /**
     * Resolves the report to its grid: by point-in-polygon when it has coordinates, else by grid code, else by
     * a building address of the gazetteer. Returns null (with an error added) when it cannot.
     */
    private Place checkLocation(IncidentDraft draft, List<FieldError> errors) {
        boolean hasPoint = draft.latitude() != null || draft.longitude() != null;
        int before = errors.size();
        if (hasPoint) {
            coordinate(errors, "location.latitude", draft.latitude(), 90);
            coordinate(errors, "location.longitude", draft.longitude(), 180);
        }
        optional(errors, "location.address", draft.address(), MAX_TEXT, null);
        optional(errors, "location.gridCode", draft.gridCode(), 64, CODE);
        if (!hasPoint && isBlank(draft.address()) && isBlank(draft.gridCode())) {
            errors.add(new FieldError("location", "give coordinates, an address or a grid code"));
        }
        if (errors.size() > before) {
            return null;
        }
        if (hasPoint) {
            return territory.locate(draft.latitude(), draft.longitude()).orElseGet(() -> refuse(errors,
                    "location", "the point " + draft.latitude() + ", " + draft.longitude() + " lies outside "
                            + territory.districtName() + "; this platform serves that district only"));
        }
        if (!isBlank(draft.gridCode())) {
            return territory.byGridCode(draft.gridCode().strip()).orElseGet(() -> refuse(errors,
                    "location.gridCode", "is not a grid of " + territory.districtName()));
        }
        return territory.byAddress(draft.address()).orElseGet(() -> refuse(errors, "location.address",
                "is not an address of the district gazetteer; give coordinates or a grid code"));
    }

    private static Place refuse(List<FieldError> errors, String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }

    private static void coordinate(List<FieldError> errors, String field, Double value, double limit) {
        if (value == null) {
            errors.add(new FieldError(field, "is required when the other coordinate is given"));
        } else if (value.isNaN() || value.isInfinite() || Math.abs(value) > limit) {
            errors.add(new FieldError(field, "must be a number between -" + (int) limit + " and " + (int) limit));
        }
    }

    private static Reporter reporter(IncidentDraft draft) {
        if (isBlank(draft.reporterName()) && isBlank(draft.reporterPhone()) && isBlank(draft.reporterEmail())) {
            return null;
        }
        return Reporter.newBuilder()
                .setName(blankToNull(draft.reporterName()))
                .setPhone(blankToNull(draft.reporterPhone()))
                .setEmail(blankToNull(draft.reporterEmail()))
                .setPreferredLocale(blankToNull(draft.preferredLocale()))
                .build();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, List<FieldError> errors,
                                                   E fallback) {
        if (isBlank(value)) {
            if (fallback == null) {
                errors.add(new FieldError(field, "is required"));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return fallback;
        }
    }

    private static boolean required(List<FieldError> errors, String field, String value, int max) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        return withinLimits(errors, field, value, max);
    }

    /** True when the value is present and passed its checks. */
    private static boolean optional(List<FieldError> errors, String field, String value, int max, Pattern pattern) {
        if (isBlank(value) || !withinLimits(errors, field, value, max)) {
            return false;
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, "is not well-formed"));
            return false;
        }
        return true;
    }

    private static void checkMediaUrl(String url, List<FieldError> errors) {
        try {
            if (java.net.URI.create(url.strip()).getHost() == null) {
                errors.add(new FieldError("mediaUrl", "must be an absolute http(s) URL with a host"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("mediaUrl", "is not a URL"));
        }
    }

    private static boolean withinLimits(List<FieldError> errors, String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
            return false;
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                || !validSurrogates(value)) {
            errors.add(new FieldError(field, "contains control characters or broken Unicode"));
            return false;
        }
        // Decoders (Avro's among them) turn invalid UTF-8 into U+FFFD: refuse rather than keep mangled text.
        if (value.indexOf('\uFFFD') >= 0) {
            errors.add(new FieldError(field, "contains invalid UTF-8 (replacement characters)"));
            return false;
        }
        return true;
    }

    private static boolean validSurrogates(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
