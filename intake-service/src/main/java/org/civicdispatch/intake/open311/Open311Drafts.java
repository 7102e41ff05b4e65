package org.civicdispatch.intake.open311;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.civicdispatch.intake.domain.FieldError;
import org.civicdispatch.intake.domain.IncidentDraft;
import org.civicdispatch.reference.catalog.Matter;
import org.civicdispatch.reference.catalog.MatterCatalog;

/**
 * A GeoReport v2 {@code POST requests} form as an {@link IncidentDraft}, and the domain's field errors back in the
 * form's own parameter names ({@code location.latitude} → {@code lat}).
 *
 * <p>{@code address_id} is a grid code; {@code description} may be left out, as the spec allows, and then is the
 * service's name. {@code client_request_id} (not in the spec) is the client's id of the report: a resend with the same
 * id names the same case. {@code media_url} is kept with the case; {@code device_id}, {@code account_id} and
 * {@code attribute[…]} are not part of a case and are not kept.
 */
final class Open311Drafts {

    static final String CHANNEL = "OPEN311";
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,3}(\\.[0-9]{1,20})?");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?");

    private Open311Drafts() {
    }

    /**
     * @param form            the form's parameters, first value of each
     * @param preferredLocale the reporter's language (from {@code lang} or Accept-Language), or null
     */
    static IncidentDraft draftOf(Map<String, String> form, MatterCatalog catalog, String preferredLocale) {
        String serviceCode = text(form.get("service_code"));
        String description = text(form.get("description"));
        if (description == null && serviceCode != null) {
            description = catalog.matter(serviceCode).map(Matter::nameZh).orElse(null);
        }
        return new IncidentDraft(CHANNEL, text(form.get("client_request_id")), serviceCode, description,
                coordinate(form.get("lat")), coordinate(form.get("long")), text(form.get("address_string")),
                text(form.get("address_id")), name(text(form.get("first_name")), text(form.get("last_name"))),
                text(form.get("phone")), text(form.get("email")),
                preferredLocale != null && LANGUAGE_TAG.matcher(preferredLocale).matches() ? preferredLocale : null,
                null, null, text(form.get("media_url")));
    }

    /** The domain's refusal as Open311 error descriptions, one per field: {@code "lat: must be a number …"}. */
    static List<String> describe(List<FieldError> errors, IncidentDraft draft) {
        return errors.stream().map(e -> describe(e, draft)).toList();
    }

    private static String describe(FieldError error, IncidentDraft draft) {
        return switch (error.field()) {
            case "category" -> "service_code: " + error.message();
            case "location.latitude" -> "lat: " + error.message();
            case "location.longitude" -> "long: " + error.message();
            case "location.address" -> "address_string: " + error.message();
            case "location.gridCode" -> "address_id: " + error.message();
            case "location" -> draft.latitude() == null && draft.longitude() == null && draft.address() == null
                    && draft.gridCode() == null
                    ? "lat/long: required, unless address_string or address_id (a grid code) is given"
                    : "lat/long: " + error.message();
            case "reporter.name" -> "first_name/last_name: " + error.message();
            case "reporter.phone" -> "phone: " + error.message();
            case "reporter.email" -> "email: " + error.message();
            case "externalId" -> "client_request_id: " + error.message();
            default -> error.toString();
        };
    }

    /**
     * A decimal degree as the spec sends it ({@code 43.88}). Anything else (words, exponents, NaN, hex) becomes NaN,
     * which the domain refuses as not a coordinate.
     */
    static Double coordinate(String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        return DECIMAL.matcher(text).matches() ? Double.valueOf(text) : Double.NaN;
    }

    /** One name from the spec's two: family name first and unspaced when both are Chinese (李 + 伟 → 李伟). */
    static String name(String first, String last) {
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        return han(first) && han(last) ? last + first : first + " " + last;
    }

    private static boolean han(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
