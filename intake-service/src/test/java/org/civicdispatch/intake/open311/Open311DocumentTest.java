package org.civicdispatch.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Open311DocumentTest {

    @Test
    void shouldWriteTheSpecsXmlElementsWithEscapedTextAndEmptyElementsForNulls() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", "C-1");
        request.put("description", "<b>垃圾</b> & \u0007bell");
        request.put("zipcode", null);
        request.put("lat", 43.85);

        String xml = new String(Open311Document.serviceRequests(List.of(request)).render(Open311Format.XML),
                StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<service_requests><request><service_request_id>C-1</service_request_id>"
                        + "<description>&lt;b&gt;垃圾&lt;/b&gt; &amp; bell</description><zipcode/>"
                        + "<lat>43.85</lat></request></service_requests>");
    }

    @Test
    void shouldWriteErrorsAsTheSpecsArrayAndElements() {
        Open311Document errors = Open311Document.errors(Open311Representations.errors(400,
                List.of("service_code: is required", "lat: must be a number between -90 and 90")));

        assertThat(new String(errors.render(Open311Format.JSON), StandardCharsets.UTF_8)).isEqualTo(
                "[{\"code\":400,\"description\":\"service_code: is required\"},"
                        + "{\"code\":400,\"description\":\"lat: must be a number between -90 and 90\"}]");
        assertThat(new String(errors.render(Open311Format.XML), StandardCharsets.UTF_8)).endsWith(
                "<errors><error><code>400</code><description>service_code: is required</description></error>"
                        + "<error><code>400</code><description>lat: must be a number between -90 and 90"
                        + "</description></error></errors>");
    }

    @Test
    void shouldNameNestedListItemsByTheirSingular() {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", "x");
        definition.put("attributes", List.of(Map.of("code", "a")));

        assertThat(new String(Open311Document.serviceDefinition(definition).render(Open311Format.XML),
                StandardCharsets.UTF_8)).contains("<service_definition><service_code>x</service_code>"
                + "<attributes><attribute><code>a</code></attribute></attributes></service_definition>");
    }
}
