package org.civicdispatch.audit.access;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicdispatch.contract.TopicSpec;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.IncidentSubmission;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Citizens' personal data in the audit log, and how it is hidden from callers without {@link Caller#AUDITOR_PII}:
 * the reporter's name, phone and e-mail wherever a {@code reporter} appears, and phone numbers and e-mail addresses
 * typed into the free-text fields of reports and submissions (description, address).
 */
public final class PersonalData {

    public static final String MASK = "***";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> REPORTER_FIELDS = List.of("name", "phone", "email");
    private static final List<String> REPORT_TYPES = List.of(IncidentReported.class.getName(),
            IncidentSubmission.class.getName());
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    /** Seven or more digits, optionally with +, spaces, dots, dashes or brackets between: phone-like. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d(?:[\\d ().-]{5,}\\d)");
    private static final Map<String, Boolean> TOPICS = Topics.all(List.of()).stream()
            .collect(Collectors.toMap(TopicSpec::name, TopicSpec::containsPersonalData));

    private PersonalData() {
    }

    /** The payload JSON with personal data masked; null stays null. */
    public static String mask(String eventType, String payloadJson) {
        if (payloadJson == null) {
            return null;
        }
        JsonNode payload = JSON.readTree(payloadJson);
        maskReporters(payload);
        if (REPORT_TYPES.contains(eventType) && payload instanceof ObjectNode report) {
            scrub(report, "description");
            if (report.get("location") instanceof ObjectNode location) {
                scrub(location, "address");
            }
        }
        return JSON.writeValueAsString(payload);
    }

    /** Free text with phone numbers and e-mail addresses masked. */
    public static String scrub(String text) {
        return text == null ? null : PHONE.matcher(EMAIL.matcher(text).replaceAll(MASK)).replaceAll(MASK);
    }

    /**
     * Whether records of this topic may carry personal data as received (raw bytes included). Topics outside the
     * contract count as carrying it: when unsure, hide.
     */
    public static boolean carriedBy(String topic) {
        if (topic.startsWith(Topics.DEPARTMENT_TASKS_PREFIX)) {
            return false;
        }
        return TOPICS.getOrDefault(topic, true);
    }

    private static void maskReporters(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("reporter") instanceof ObjectNode reporter) {
                for (String field : REPORTER_FIELDS) {
                    if (reporter.hasNonNull(field)) {
                        reporter.put(field, MASK);
                    }
                }
            }
            object.values().forEach(PersonalData::maskReporters);
        } else if (node != null && node.isArray()) {
            node.values().forEach(PersonalData::maskReporters);
        }
    }

    private static void scrub(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isString()) {
            node.put(field, scrub(value.asString()));
        }
    }
}
