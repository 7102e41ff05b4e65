package org.civicdispatch.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicdispatch.intake.application.ReportIntake;
import org.civicdispatch.intake.application.Submission;
import org.civicdispatch.intake.domain.IncidentDraft;
import org.civicdispatch.intake.ledger.CaseLedger;
import org.civicdispatch.intake.ledger.CaseRecord;
import org.civicdispatch.reference.catalog.Matter;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) for the apps and civic tools that speak it: the
 * matter catalog as services, reports posted as form fields, and lookups of cases by id, token, service and date.
 * Every resource in {@code .json} and {@code .xml}; errors in the spec's error format (see {@link Open311Errors}).
 * A posted report takes the same path as every other channel ({@link ReportIntake}); an {@code Idempotency-Key}
 * header makes a resend return the first case.
 */
@RestController
@RequestMapping("/open311/v2")
public class Open311Controller {

    private static final int MAX_KEY = 128;

    private final ReportIntake intake;
    private final CaseLedger ledger;
    private final MatterCatalog catalog;
    private final Open311Representations representations;
    private final Open311Queries queries;
    private final Open311ApiKeys apiKeys;
    private final Open311Properties properties;

    public Open311Controller(ReportIntake intake, CaseLedger ledger, MatterCatalog catalog,
                             Open311Representations representations, Open311Queries queries, Open311ApiKeys apiKeys,
                             Open311Properties properties) {
        this.intake = intake;
        this.ledger = ledger;
        this.catalog = catalog;
        this.representations = representations;
        this.queries = queries;
        this.apiKeys = apiKeys;
        this.properties = properties;
    }

    @GetMapping("/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format, HttpServletRequest request) {
        Open311Format f = Open311Format.of(format);
        Map<String, String> query = parameters(request, f);
        return Open311Document.services(representations.services(english(query, request)))
                .respond(HttpStatus.OK, f);
    }

    @GetMapping("/services/{file}")
    ResponseEntity<byte[]> serviceDefinition(@PathVariable String file, HttpServletRequest request) {
        Open311Format.Named named = Open311Format.split(file);
        parameters(request, named.format());
        Matter matter = representations.matter(named.name()).orElseThrow(() -> Open311Refusal.notFound(
                named.format(), "service_code: '" + Open311Refusal.shorten(named.name()) + "' is not a service"));
        return Open311Document.serviceDefinition(representations.serviceDefinition(matter))
                .respond(HttpStatus.OK, named.format());
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<byte[]> submit(@PathVariable String format,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  HttpServletRequest request) {
        Open311Format f = Open311Format.of(format);
        requireForm(request, f);
        Map<String, String> form = parameters(request, f);
        if (!apiKeys.accepts(form.get("api_key"))) {
            throw new Open311Refusal(HttpStatus.FORBIDDEN, f, List.of("api_key: missing or not valid"));
        }
        if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
            throw Open311Refusal.badRequest(f, "Idempotency-Key: must be 1 to " + MAX_KEY + " characters");
        }
        IncidentDraft draft = Open311Drafts.draftOf(form, catalog, preferredLocale(form, request));
        Submission submission = intake.submit(draft, key);
        if (submission instanceof Submission.Rejected rejected) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST, f, Open311Drafts.describe(rejected.errors(), draft));
        }
        if (submission instanceof Submission.KeyReused) {
            throw new Open311Refusal(HttpStatus.CONFLICT, f, List.of("Idempotency-Key: was already used for a "
                    + "different request; use a new key for a new request"));
        }
        Submission.Accepted accepted = (Submission.Accepted) submission;
        return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(accepted.replayed()))
                .contentType(f.mediaType())
                .body(Open311Document.serviceRequests(List.of(representations.accepted(accepted,
                        form.get("account_id"), english(form, request)))).render(f));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<byte[]> serviceRequests(@PathVariable String format, HttpServletRequest request) {
        Open311Format f = Open311Format.of(format);
        Map<String, String> query = parameters(request, f);
        boolean english = english(query, request);
        List<Map<String, Object>> found = ledger.search(queries.search(query.get("service_request_id"),
                        query.get("service_code"), query.get("start_date"), query.get("end_date"),
                        query.get("status"), f))
                .stream().map(r -> representations.serviceRequest(r, english)).toList();
        return Open311Document.serviceRequests(found).respond(HttpStatus.OK, f);
    }

    @GetMapping("/requests/{file}")
    ResponseEntity<byte[]> serviceRequest(@PathVariable String file, HttpServletRequest request) {
        Open311Format.Named named = Open311Format.split(file);
        Map<String, String> query = parameters(request, named.format());
        CaseRecord found = publishedCase(named.name()).orElseThrow(() -> Open311Refusal.notFound(named.format(),
                "service_request_id: no request '" + Open311Refusal.shorten(named.name()) + "'"));
        return Open311Document.serviceRequests(List.of(representations.serviceRequest(found, english(query, request))))
                .respond(HttpStatus.OK, named.format());
    }

    @GetMapping("/tokens/{file}")
    ResponseEntity<byte[]> token(@PathVariable String file, HttpServletRequest request) {
        Open311Format.Named named = Open311Format.split(file);
        parameters(request, named.format());
        String caseId = Open311Representations.caseOfToken(named.name()).flatMap(this::publishedCase)
                .map(CaseRecord::caseId).orElseThrow(() -> Open311Refusal.notFound(named.format(),
                        "token: no request for token '" + Open311Refusal.shorten(named.name()) + "'"));
        return Open311Document.serviceRequests(List.of(representations.tokenOf(caseId)))
                .respond(HttpStatus.OK, named.format());
    }

    /** Any other path under the base: an Open311 404 rather than the service's problem+json one. */
    @RequestMapping(path = "/**", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        throw Open311Refusal.notFound(Open311Format.ofPath(request.getRequestURI()),
                "no Open311 resource here; GeoReport v2 serves services, requests and tokens as .json or .xml");
    }

    private Optional<CaseRecord> publishedCase(String caseId) {
        return caseId.length() > 64 ? Optional.empty()
                : ledger.byCaseId(caseId).filter(CaseRecord::published);
    }

    /**
     * The query or form parameters, first value of each, once the {@code jurisdiction_id} (if any) is known to be
     * ours. A form the container cannot read (too large, too many fields) is a 400, not a failure.
     */
    private Map<String, String> parameters(HttpServletRequest request, Open311Format format) {
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            request.getParameterMap().forEach((name, values) -> {
                if (values.length > 0) {
                    parameters.put(name, values[0]);
                }
            });
        } catch (IllegalStateException e) {
            throw Open311Refusal.badRequest(format, "form: the fields could not be read: too large, too many "
                    + "or badly encoded");
        }
        checkJurisdiction(parameters.get("jurisdiction_id"), format);
        return parameters;
    }

    private void checkJurisdiction(String jurisdiction, Open311Format format) {
        if (jurisdiction != null && !jurisdiction.isBlank()
                && !jurisdiction.strip().equals(properties.jurisdictionId())) {
            throw Open311Refusal.notFound(format, "jurisdiction_id: '" + Open311Refusal.shorten(jurisdiction)
                    + "' is not served here; this endpoint serves " + properties.jurisdictionId());
        }
    }

    /** GeoReport v2 posts form fields; a JSON body would be read as no fields at all, so it is refused plainly. */
    private static void requireForm(HttpServletRequest request, Open311Format format) {
        String contentType = request.getContentType();
        boolean form = false;
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            form = type != null && (type.equalsTypeAndSubtype(MediaType.APPLICATION_FORM_URLENCODED)
                    || type.equalsTypeAndSubtype(MediaType.MULTIPART_FORM_DATA));
        } catch (InvalidMediaTypeException e) {
            // not a form either
        }
        if (!form) {
            throw new Open311Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, format, List.of("Content-Type: "
                    + (contentType == null ? "missing" : "'" + Open311Refusal.shorten(contentType) + "' is not served")
                    + "; post the request's fields as application/x-www-form-urlencoded, as GeoReport v2 specifies"));
        }
    }

    /** English when {@code lang=en…}, or without {@code lang} when Accept-Language starts with en; else Chinese. */
    private static boolean english(Map<String, String> parameters, HttpServletRequest request) {
        String lang = parameters.get("lang");
        String language = lang != null && !lang.isBlank() ? lang : request.getHeader("Accept-Language");
        return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en");
    }

    private static String preferredLocale(Map<String, String> parameters, HttpServletRequest request) {
        String lang = parameters.get("lang");
        String language = lang != null && !lang.isBlank() ? lang : request.getHeader("Accept-Language");
        return language == null ? null : language.split(",")[0].split(";")[0].strip();
    }
}
