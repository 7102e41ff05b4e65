package org.civicdispatch.intake.open311;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An answer in the GeoReport v2 error format ({@code [{"code":400,"description":"…"}]}): thrown by the Open311
 * channel and rendered by {@link Open311Errors}, so the controller reads as the happy path.
 */
final class Open311Refusal extends RuntimeException {

    private final HttpStatus status;
    private final Open311Format format;
    private final List<String> descriptions;

    Open311Refusal(HttpStatus status, Open311Format format, List<String> descriptions) {
        super(status.value() + " " + String.join("; ", descriptions), null, false, false);
        this.status = status;
        this.format = format;
        this.descriptions = List.copyOf(descriptions);
    }

    static Open311Refusal badRequest(Open311Format format, String description) {
        return new Open311Refusal(HttpStatus.BAD_REQUEST, format, List.of(description));
    }

    static Open311Refusal notFound(Open311Format format, String description) {
        return new Open311Refusal(HttpStatus.NOT_FOUND, format, List.of(description));
    }

    HttpStatus status() {
        return status;
    }

    Open311Format format() {
        return format;
    }

    List<String> descriptions() {
        return descriptions;
    }

    /** A caller's value quoted back in an error, cut short so an error never echoes a whole request. */
    static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
