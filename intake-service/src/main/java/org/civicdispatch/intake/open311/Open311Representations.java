package org.civicdispatch.intake.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicdispatch.intake.application.Submission;
import org.civicdispatch.intake.ledger.CaseRecord;
import org.civicdispatch.reference.catalog.Matter;
import org.civicdispatch.reference.catalog.MatterCatalog;

/**
 * What the Open311 channel shows: catalog matters as services, stored cases as service requests. A request shows
 * the case, never the reporter: no name, phone or email ever leaves through a lookup.
 */
final class Open311Representations {

    static final String TOKEN_PREFIX = "tk-";

    private final MatterCatalog catalog;
    private final ZoneId zone;

    Open311Representations(MatterCatalog catalog, ZoneId zone) {
        this.catalog = catalog;
        this.zone = zone;
    }

    List<Map<String, Object>> services(boolean english) {
        return catalog.matters().stream().map(m -> service(m, english)).toList();
    }

    Optional<Matter> matter(String serviceCode) {
        return catalog.matter(serviceCode);
    }

    Map<String, Object> service(Matter m, boolean english) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", m.code());
        service.put("service_name", english ? m.nameEn() : m.nameZh());
        service.put("description", description(m, english));
        service.put("metadata", false);
        service.put("type", "realtime");
        service.put("keywords", keywords(m));
        service.put("group", catalog.categories().stream().filter(c -> c.code().equals(m.category())).findFirst()
                .map(c -> english ? c.nameEn() : c.nameZh()).orElse(m.category()));
        return service;
    }

    /** The definition of a service: no attributes yet, the catalog asks nothing beyond the core fields. */
    Map<String, Object> serviceDefinition(Matter m) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", m.code());
        definition.put("attributes", List.of());
        return definition;
    }

    /** The answer to a POST: the case number, the token to look it up by, and what happens next. */
    Map<String, Object> accepted(Submission.Accepted accepted, String accountId, boolean english) {
        String notice = english
                ? "Accepted as case " + accepted.caseId() + "; it is being routed to the responsible department."
                : "已受理，案件编号 " + accepted.caseId() + "，正在分拨至责任部门。";
        if (accepted.suspectedDuplicateOf() != null) {
            notice += (english ? " " : "") + duplicateNotice(accepted.suspectedDuplicateOf(), english);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_request_id", accepted.caseId());
        body.put("service_notice", notice);
        body.put("account_id", accountId);
        body.put("token", token(accepted.caseId()));
        return body;
    }

    Map<String, Object> serviceRequest(CaseRecord r, boolean english) {
        Optional<Matter> matter = catalog.matter(r.category()).or(() -> catalog.firstOfCategory(r.category()));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", r.caseId());
        request.put("status", "closed".equalsIgnoreCase(r.caseStatus()) ? "closed" : "open");
        request.put("status_notes", r.statusNotes());
        request.put("service_name", matter.map(m -> english ? m.nameEn() : m.nameZh()).orElse(r.category()));
        request.put("service_code", r.category());
        request.put("description", r.description());
        request.put("agency_responsible", agency(r.agencyResponsible(), english));
        request.put("service_notice", r.suspectedDuplicateOf() == null ? null
                : duplicateNotice(r.suspectedDuplicateOf(), english));
        request.put("requested_datetime", datetime(r.acceptedAt()));
        request.put("updated_datetime", datetime(r.updatedAt()));
        request.put("expected_datetime", null);
        request.put("address", r.address());
        request.put("address_id", r.gridCode());
        request.put("zipcode", null);
        request.put("lat", r.latitude());
        request.put("long", r.longitude());
        request.put("media_url", r.mediaUrl());
        return request;
    }

    Map<String, Object> tokenOf(String caseId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_request_id", caseId);
        body.put("token", token(caseId));
        return body;
    }

    static List<Map<String, Object>> errors(int code, List<String> descriptions) {
        return descriptions.stream().map(d -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("description", d);
            return error;
        }).toList();
    }

    static String token(String caseId) {
        return TOKEN_PREFIX + caseId;
    }

    /** The case a token names, if it is one of ours. */
    static Optional<String> caseOfToken(String token) {
        return token.startsWith(TOKEN_PREFIX) && token.length() > TOKEN_PREFIX.length()
                ? Optional.of(token.substring(TOKEN_PREFIX.length())) : Optional.empty();
    }

    /** ISO-8601 with the district's offset, to the second: {@code 2026-11-23T00:30:00+08:00}. */
    String datetime(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String agency(String departmentCode, boolean english) {
        if (departmentCode == null) {
            return null;
        }
        return catalog.departments().stream().filter(d -> d.code().equals(departmentCode)).findFirst()
                .map(d -> english ? d.nameEn() : d.nameZh()).orElse(departmentCode);
    }

    private String description(Matter m, boolean english) {
        String lead = agency(m.leadDepartment(), english);
        return english
                ? m.nameEn() + ". Handled by " + lead + "; signed for within " + span(m.signWithin(), true)
                        + ", first feedback within " + span(m.feedbackWithin(), true) + "."
                : m.nameZh() + "。主办：" + lead + "；" + span(m.signWithin(), false) + "内签收，"
                        + span(m.feedbackWithin(), false) + "内反馈。";
    }

    private static String keywords(Matter m) {
        Set<String> words = new LinkedHashSet<>();
        words.add(m.category());
        words.add(m.group());
        for (String part : m.code().substring(m.code().indexOf('.') + 1).split("-")) {
            words.add(part);
        }
        words.add(m.nameZh());
        words.add(m.nameEn().toLowerCase(Locale.ROOT));
        return String.join(",", words);
    }

    private static String duplicateNotice(String caseId, boolean english) {
        return english ? "Possibly the same problem as case " + caseId + "." : "疑似与案件 " + caseId + " 重复。";
    }

    private static String span(Duration d, boolean english) {
        if (d == null) {
            return english ? "the agreed time" : "规定时限";
        }
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return english ? plural(d.toDays(), "day") : d.toDays() + "天";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return english ? plural(d.toHours(), "hour") : d.toHours() + "小时";
        }
        return english ? plural(d.toMinutes(), "minute") : d.toMinutes() + "分钟";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
