package org.civicdispatch.intake.open311;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The two response formats of GeoReport v2, chosen by the extension of the resource ({@code requests.xml}). */
enum Open311Format {

    JSON(MediaType.APPLICATION_JSON),
    XML(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8));

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format named by an extension, or a 400 Open311 error (in JSON, the client's format being unknown). */
    static Open311Format of(String extension) {
        return parse(extension).orElseThrow(() -> Open311Refusal.badRequest(JSON,
                "format: '" + Open311Refusal.shorten(extension) + "' is not served; use .json or .xml"));
    }

    static Optional<Open311Format> parse(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    /** The format a request path asks for, for answering errors raised before the controller chose one. */
    static Open311Format ofPath(String path) {
        int dot = path == null ? -1 : path.lastIndexOf('.');
        int slash = path == null ? -1 : path.lastIndexOf('/');
        return dot > slash ? parse(path.substring(dot + 1)).orElse(JSON) : JSON;
    }

    /** Splits {@code name.ext} at the last dot: the name, and the format of the extension. */
    static Named split(String file) {
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            throw Open311Refusal.notFound(JSON, "format: add .json or .xml to " + Open311Refusal.shorten(file));
        }
        return new Named(file.substring(0, dot), of(file.substring(dot + 1)));
    }

    record Named(String name, Open311Format format) {
    }
}
