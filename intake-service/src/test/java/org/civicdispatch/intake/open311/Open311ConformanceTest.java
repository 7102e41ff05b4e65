package org.civicdispatch.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.civicdispatch.reference.catalog.Matter;
import org.civicdispatch.reference.territory.GridShape;
import org.civicdispatch.reference.territory.Territory;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoReport v2 as a client sees it (https://wiki.open311.org/GeoReport_v2): a running intake over real HTTP, a real
 * broker and a real database. Written from the spec: element and field names, the error format, form posts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Open311ConformanceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GridShape GRID = Territory.bundled().grids().get(0);
    /** A point well inside the first grid of the demo district. */
    private static final Point INSIDE = interiorPoint(GRID);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.kafkaAndRegistry(registry);
        TestTokens.register(registry);
        PostgresEndpoint db = TestInfrastructure.postgres("intake_open311");
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    @Test
    void shouldListEveryCatalogMatterAsAServiceInJsonAndXml() throws Exception {
        List<Matter> matters = CatalogLoader.bundled().matters();

        HttpResponse<String> json = get("/services.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode services = JSON.readTree(json.body());
        assertThat(services.isArray()).isTrue();
        assertThat(services.size()).isEqualTo(matters.size());
        JsonNode garbage = find(services, "service_code", "sanitation.garbage-overflow");
        assertThat(garbage.get("service_name").stringValue()).isEqualTo("垃圾满溢");
        assertThat(garbage.get("metadata").booleanValue()).isFalse();
        assertThat(garbage.get("type").stringValue()).isEqualTo("realtime");
        assertThat(garbage.get("group").stringValue()).as("its category's name").isEqualTo("市容环卫");
        assertThat(garbage.get("keywords").stringValue()).contains("garbage").contains("sanitation");
        assertThat(garbage.get("description").stringValue()).isNotBlank();

        HttpResponse<String> xml = get("/services.xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/xml"));
        Element root = xml(xml.body());
        assertThat(root.getTagName()).isEqualTo("services");
        List<Element> items = children(root, "service");
        assertThat(items).hasSize(matters.size());
        Element first = items.get(0);
        assertThat(childNames(first)).containsExactly("service_code", "service_name", "description", "metadata",
                "type", "keywords", "group");
        assertThat(text(first, "service_code")).isEqualTo(matters.get(0).code());
        assertThat(text(first, "metadata")).isEqualTo("false");
    }

    @Test
    void shouldNameServicesInEnglishWhenTheClientAsks() throws Exception {
        HttpResponse<String> byHeader = send(HttpRequest.newBuilder(uri("/services.json"))
                .header("Accept-Language", "en-US,en;q=0.9").GET());
        HttpResponse<String> byParameter = get("/services.json?lang=en");

        assertThat(find(JSON.readTree(byHeader.body()), "service_code", "sanitation.garbage-overflow")
                .get("service_name").stringValue()).isEqualTo("Overflowing garbage");
        assertThat(find(JSON.readTree(byParameter.body()), "service_code", "sanitation.garbage-overflow")
                .get("service_name").stringValue()).isEqualTo("Overflowing garbage");
    }

    @Test
    void shouldServeOnlyItsOwnJurisdiction() throws Exception {
        assertThat(get("/services.json?jurisdiction_id=nanguan.demo").statusCode()).isEqualTo(200);

        assertError(get("/services.json?jurisdiction_id=elsewhere.gov"), 404, "jurisdiction_id");
        assertXmlError(get("/services.xml?jurisdiction_id=elsewhere.gov"), 404, "jurisdiction_id");
    }

    @Test
    void shouldDefineAServiceAndAnswerAnUnknownCodeWithAnOpen311Error() throws Exception {
        HttpResponse<String> json = get("/services/sanitation.garbage-overflow.json");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode definition = JSON.readTree(json.body());
        assertThat(definition.get("service_code").stringValue()).isEqualTo("sanitation.garbage-overflow");
        assertThat(definition.get("attributes").isArray()).isTrue();

        Element xml = xml(get("/services/sanitation.garbage-overflow.xml").body());
        assertThat(xml.getTagName()).isEqualTo("service_definition");
        assertThat(text(xml, "service_code")).isEqualTo("sanitation.garbage-overflow");
        assertThat(children(xml, "attributes")).hasSize(1);

        assertError(get("/services/no.such-service.json"), 404, "service_code");
        assertXmlError(get("/services/no.such-service.xml"), 404, "service_code");
    }

    @Test
    void shouldAcceptAFormPostedRequestAndShowItByIdAndByServiceCode() throws Exception {
        HttpResponse<String> posted = post("/requests.json", form(Map.of(
                "api_key", "dev-key",
                "service_code", "municipal.streetlight-out",
                "lat", String.valueOf(INSIDE.getY()),
                "long", String.valueOf(INSIDE.getX()),
                "description", "路灯不亮，幸福路口，晚上很黑",
                "account_id", "acct-77")));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(posted.body());
        assertThat(answer.isArray()).isTrue();
        assertThat(answer.size()).isEqualTo(1);
        String id = answer.get(0).get("service_request_id").stringValue();
        assertThat(id).isNotBlank();
        assertThat(answer.get(0).get("token").stringValue()).isEqualTo("tk-" + id);
        assertThat(answer.get(0).get("account_id").stringValue()).isEqualTo("acct-77");
        assertThat(answer.get(0).get("service_notice").stringValue()).contains(id);

        HttpResponse<String> byId = get("/requests/" + id + ".json");
        assertThat(byId.statusCode()).isEqualTo(200);
        JsonNode request = JSON.readTree(byId.body()).get(0);
        assertThat(request.get("service_request_id").stringValue()).isEqualTo(id);
        assertThat(request.get("status").stringValue()).isEqualTo("open");
        assertThat(request.get("service_code").stringValue()).isEqualTo("municipal.streetlight-out");
        assertThat(request.get("service_name").stringValue()).isEqualTo("路灯不亮");
        assertThat(request.get("description").stringValue()).isEqualTo("路灯不亮，幸福路口，晚上很黑");
        assertThat(request.get("lat").doubleValue()).isEqualTo(INSIDE.getY());
        assertThat(request.get("long").doubleValue()).isEqualTo(INSIDE.getX());
        assertThat(request.get("address_id").stringValue()).isEqualTo(GRID.place().gridCode());
        assertThat(request.has("expected_datetime")).isTrue();
        assertThat(request.has("zipcode")).isTrue();
        assertThat(request.has("media_url")).isTrue();
        assertThat(request.has("agency_responsible")).isTrue();
        OffsetDateTime requested = OffsetDateTime.parse(request.get("requested_datetime").stringValue());
        assertThat(requested.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        OffsetDateTime.parse(request.get("updated_datetime").stringValue());

        Element xml = xml(get("/requests/" + id + ".xml").body());
        assertThat(xml.getTagName()).isEqualTo("service_requests");
        Element xmlRequest = children(xml, "request").get(0);
        assertThat(text(xmlRequest, "service_request_id")).isEqualTo(id);
        assertThat(text(xmlRequest, "description")).isEqualTo("路灯不亮，幸福路口，晚上很黑");
        assertThat(childNames(xmlRequest)).contains("lat", "long", "requested_datetime", "expected_datetime",
                "address_id", "zipcode", "media_url");

        JsonNode byCode = JSON.readTree(get("/requests.json?service_code=municipal.streetlight-out,"
                + "sanitation.street-cleaning").body());
        assertThat(ids(byCode)).contains(id);
        assertThat(byCode.values()).allSatisfy(r -> assertThat(r.get("service_code").stringValue())
                .isIn("municipal.streetlight-out", "sanitation.street-cleaning"));
        assertThat(ids(JSON.readTree(get("/requests.json?service_code=sanitation.street-cleaning").body())))
                .doesNotContain(id);
        assertThat(ids(JSON.readTree(get("/requests.json?status=open").body()))).contains(id);
        assertThat(ids(JSON.readTree(get("/requests.json?status=closed").body()))).doesNotContain(id);
        assertThat(ids(JSON.readTree(get("/requests.json?service_request_id=" + id + ",C-NOPE").body())))
                .containsExactly(id);
    }

    @Test
    void shouldAcceptAGridCodeAsAddressIdAndAnswerInXml() throws Exception {
        HttpResponse<String> posted = post("/requests.xml", form(Map.of(
                "api_key", "dev-key",
                "service_code", "sanitation.garbage-overflow",
                "address_id", GRID.place().gridCode(),
                "address_string", "幸福路5号")));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        Element root = xml(posted.body());
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element request = children(root, "request").get(0);
        assertThat(childNames(request)).containsExactly("service_request_id", "service_notice", "account_id",
                "token");
        String id = text(request, "service_request_id");
        JsonNode found = JSON.readTree(get("/requests/" + id + ".json").body()).get(0);
        assertThat(found.get("address_id").stringValue()).isEqualTo(GRID.place().gridCode());
        assertThat(found.get("address").stringValue()).isEqualTo("幸福路5号");
        assertThat(found.get("description").stringValue()).as("the service name when none is given")
                .isEqualTo("垃圾满溢");
    }

    @Test
    void shouldAnswerTheFirstRequestWhenAClientResendsUnderTheSameIdempotencyKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = form(Map.of("api_key", "k", "service_code", "greening.fallen-tree", "description", "树倒了",
                "lat", String.valueOf(INSIDE.getY()), "long", String.valueOf(INSIDE.getX())));

        HttpResponse<String> first = post("/requests.json", body, "Idempotency-Key", key);
        HttpResponse<String> again = post("/requests.json", body, "Idempotency-Key", key);
        HttpResponse<String> other = post("/requests.json", body.replace("%E6%A0%91", "%E5%A4%A7%E6%A0%91"),
                "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(JSON.readTree(again.body()).get(0).get("service_request_id").stringValue())
                .isEqualTo(JSON.readTree(first.body()).get(0).get("service_request_id").stringValue());
        assertError(other, 409, "Idempotency-Key");
    }

    @Test
    void shouldNameEveryMissingOrBadFieldInTheOpen311ErrorFormat() throws Exception {
        HttpResponse<String> missing = post("/requests.json", form(Map.of("api_key", "k", "description", "x")));
        assertError(missing, 400, "service_code");
        assertThat(descriptions(missing)).anySatisfy(d -> assertThat(d).startsWith("lat/long:"));

        HttpResponse<String> badPoint = post("/requests.json", form(Map.of("api_key", "k",
                "service_code", "sanitation.garbage-overflow", "description", "x", "lat", "north", "long", "200")));
        assertThat(badPoint.statusCode()).isEqualTo(400);
        assertThat(descriptions(badPoint)).anySatisfy(d -> assertThat(d).startsWith("lat: "))
                .anySatisfy(d -> assertThat(d).startsWith("long: "));
        JsonNode error = JSON.readTree(badPoint.body()).get(0);
        assertThat(error.get("code").intValue()).isEqualTo(400);

        HttpResponse<String> outside = post("/requests.json", form(Map.of("api_key", "k",
                "service_code", "sanitation.garbage-overflow", "description", "x", "lat", "39.9", "long", "116.4")));
        assertError(outside, 400, "lat/long");

        HttpResponse<String> xml = post("/requests.xml", form(Map.of("api_key", "k",
                "service_code", "no.such-service", "description", "x", "lat", "91", "long",
                String.valueOf(INSIDE.getX()))));
        assertXmlError(xml, 400, "service_code");
        List<String> xmlDescriptions = children(xml(xml.body()), "error").stream().map(e -> text(e, "description"))
                .toList();
        assertThat(xmlDescriptions).anySatisfy(d -> assertThat(d).startsWith("lat: "));
    }

    @Test
    void shouldRefuseAJsonBodyAndAMissingApiKeyPlainly() throws Exception {
        HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/requests.json"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service_code\":\"sanitation.garbage-overflow\"}")));
        assertError(json, 415, "application/x-www-form-urlencoded");

        HttpResponse<String> noKey = post("/requests.json", form(Map.of("service_code",
                "sanitation.garbage-overflow", "lat", String.valueOf(INSIDE.getY()),
                "long", String.valueOf(INSIDE.getX()))));
        assertError(noKey, 403, "api_key");
    }

    @Test
    void shouldFindARequestByItsTokenOnly() throws Exception {
        String id = submitted("utilities.no-heating", "暖气不热");

        HttpResponse<String> json = get("/tokens/tk-" + id + ".json");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode token = JSON.readTree(json.body()).get(0);
        assertThat(token.get("service_request_id").stringValue()).isEqualTo(id);
        assertThat(token.get("token").stringValue()).isEqualTo("tk-" + id);
        Element xml = children(xml(get("/tokens/tk-" + id + ".xml").body()), "request").get(0);
        assertThat(text(xml, "service_request_id")).isEqualTo(id);

        assertError(get("/tokens/tk-C-20000101-NOPE0000.json"), 404, "token");
        assertError(get("/tokens/" + id + ".json"), 404, "token");
        assertError(get("/requests/C-20000101-NOPE0000.json"), 404, "service_request_id");
    }

    @Test
    void shouldRefuseBadDateFiltersAndAcceptW3cDatetimes() throws Exception {
        String id = submitted("sanitation.street-cleaning", "路面脏");
        String yesterday = OffsetDateTime.now().minusDays(1).toString();

        assertThat(ids(JSON.readTree(get("/requests.json?start_date=" + enc(yesterday)).body()))).contains(id);
        assertThat(ids(JSON.readTree(get("/requests.json?end_date=2020-01-01T00:00:00Z").body())))
                .doesNotContain(id);
        assertError(get("/requests.json?start_date=yesterday"), 400, "start_date");
        assertXmlError(get("/requests.xml?end_date=2026-13-40"), 400, "end_date");
        assertError(get("/requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z"), 400,
                "end_date: must be after start_date");
        assertError(get("/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"), 400,
                "90 days");
        assertError(get("/requests.json?status=pending"), 400, "status");
    }

    @Test
    void shouldNeverShowTheReportersPersonalDataInLookups() throws Exception {
        HttpResponse<String> posted = post("/requests.json", form(Map.of(
                "api_key", "k", "service_code", "community.neighbour-dispute", "description", "楼上噪音",
                "lat", String.valueOf(INSIDE.getY()), "long", String.valueOf(INSIDE.getX()),
                "first_name", "伟", "last_name", "李", "phone", "+86 138 1234 5678",
                "email", "li.wei@example.cn")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        String id = JSON.readTree(posted.body()).get(0).get("service_request_id").stringValue();

        for (String path : List.of("/requests/" + id + ".json", "/requests/" + id + ".xml",
                "/requests.json?service_request_id=" + id, "/requests.xml?service_code=community.neighbour-dispute",
                "/tokens/tk-" + id + ".json")) {
            HttpResponse<String> lookup = get(path);
            assertThat(lookup.statusCode()).isEqualTo(200);
            assertThat(lookup.body()).as(path).contains(id)
                    .doesNotContain("李伟", "138 1234 5678", "li.wei@example.cn", "first_name", "last_name",
                            "phone", "email");
        }
    }

    @Test
    void shouldAnswerUnknownFormatsAndPathsWithOpen311Errors() throws Exception {
        assertError(get("/services.yaml"), 400, "format");
        assertError(get("/services/sanitation.garbage-overflow.csv"), 400, "format");
        assertError(get("/discovery-of-nothing.json"), 404, "Open311");
        assertXmlError(get("/nothing/here.xml"), 404, "Open311");
    }

    @Test
    void shouldRefuseAnOversizedFormSentWithoutContentLength() throws Exception {
        byte[] huge = ("api_key=k&service_code=sanitation.garbage-overflow&description="
                + "x".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

        assertThat(response.statusCode()).as(response.body()).isIn(400, 413);
    }

    // --- helpers

    private String submitted(String serviceCode, String description) throws Exception {
        HttpResponse<String> posted = post("/requests.json", form(Map.of("api_key", "k", "service_code", serviceCode,
                "description", description, "lat", String.valueOf(INSIDE.getY()),
                "long", String.valueOf(INSIDE.getX()))));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        return JSON.readTree(posted.body()).get(0).get("service_request_id").stringValue();
    }

    private static void assertError(HttpResponse<String> response, int code, String mentioning) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode errors = JSON.readTree(response.body());
        assertThat(errors.isArray()).as(response.body()).isTrue();
        assertThat(errors.values()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("code").intValue()).isEqualTo(code);
            assertThat(e.get("description").isString()).isTrue();
        });
        assertThat(descriptions(response)).anySatisfy(d -> assertThat(d).contains(mentioning));
    }

    private static void assertXmlError(HttpResponse<String> response, int code, String mentioning) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/xml"));
        Element root = xml(response.body());
        assertThat(root.getTagName()).isEqualTo("errors");
        List<Element> errors = children(root, "error");
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(childNames(e)).containsExactly("code", "description");
            assertThat(text(e, "code")).isEqualTo(String.valueOf(code));
        });
        assertThat(errors).anySatisfy(e -> assertThat(text(e, "description")).contains(mentioning));
    }

    private static List<String> descriptions(HttpResponse<String> response) {
        List<String> out = new ArrayList<>();
        JSON.readTree(response.body()).values().forEach(e -> out.add(e.get("description").stringValue()));
        return out;
    }

    private static List<String> ids(JsonNode requests) {
        List<String> out = new ArrayList<>();
        requests.values().forEach(r -> out.add(r.get("service_request_id").stringValue()));
        return out;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array.values()) {
            if (value.equals(node.get(field).stringValue())) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    /** Parses with the JDK's DocumentBuilder: a body that is not well-formed XML fails here. */
    private static Element xml(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + body, e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> childNames(Element parent) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                out.add(e.getTagName());
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<" + name + "> in <" + parent.getTagName() + ">").hasSize(1);
        return found.get(0).getTextContent();
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/open311/v2" + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path, String formBody, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Point interiorPoint(GridShape grid) {
        GeometryFactory geometries = new GeometryFactory();
        Coordinate[] ring = grid.ring().stream().map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new);
        Point point = geometries.createPolygon(ring).getInteriorPoint();
        assertThat(Territory.bundled().locate(point.getY(), point.getX()))
                .hasValueSatisfying(p -> assertThat(p.gridCode()).isEqualTo(grid.place().gridCode()));
        return point;
    }
}
