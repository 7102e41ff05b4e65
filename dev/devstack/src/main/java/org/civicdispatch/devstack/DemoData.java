package org.civicdispatch.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentSubmission;
import org.civicdispatch.events.Location;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.wire.AvroCodec;

/**
 * Demo complaints through the real front doors: the REST API as the hotline desk uses it, and the submissions
 * topic as a grid worker's patrol app uses it.
 */
final class DemoData {

    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> COMPLAINTS = List.of(
            complaint("HOTLINE_12345", "sanitation.garbage-overflow", "人民大街5号小区门口垃圾桶满溢，三天未清运", 43.8868, 125.3245),
            complaint("MOBILE_APP", "vending.night-market-stalls", "Night-market stalls block Xinmin Street every evening", 43.8801, 125.3302),
            complaint("HOTLINE_12345", "municipal.manhole-cover", "解放大路与同志街交汇处井盖缺失，有人员跌落风险", 43.8712, 125.3391),
            complaint("MOBILE_APP", "environment.construction-noise", "Pile driving after 22:00 next to building 7", 43.8920, 125.3150),
            complaint("HOTLINE_12345", "utilities.no-heating", "南关区幸福街12栋暖气不热", 43.8650, 125.3400),
            complaint("HOTLINE_12345", "other.unclassified", "Stray dogs in the courtyard (no matter fits: the district takes it)", 43.8700, 125.3200));

    private final DevStack stack;

    DemoData(DevStack stack) {
        this.stack = stack;
    }

    String load() {
        List<String> caseIds = new ArrayList<>();
        for (String body : COMPLAINTS) {
            caseIds.add(post(body));
        }
        submitPatrolReport();
        StringBuilder out = new StringBuilder("Demo data: ").append(caseIds.size())
                .append(" complaints over HTTP and one grid patrol report over Kafka. Try:\n");
        out.append("  source ").append(stack.tokenFile()).append('\n');
        out.append("  curl -H \"Authorization: $AUDITOR\" ").append(stack.url("audit-service"))
                .append("/api/audit/incidents/").append(caseIds.get(0)).append('\n');
        out.append("  curl -H \"Authorization: $OPERATOR_DISTRICT\" ").append(stack.url("dispatch-service"))
                .append("/api/cases/").append(caseIds.get(0)).append('\n');
        out.append("  curl -X POST ").append(stack.url("intake-service")).append("/api/incidents")
                .append(" -H \"Authorization: $INTAKE_CLIENT\" -H 'Content-Type: application/json' -d '")
                .append(complaint("MOBILE_APP", "greening.fallen-tree", "Tree down on Renmin St", 43.88, 125.32))
                .append("'\n");
        return out.toString();
    }

    private String post(String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(stack.url("intake-service") + "/api/incidents"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", stack.tokens().get("INTAKE_CLIENT"))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CASE_ID.matcher(response.body());
            if (response.statusCode() != 202 || !m.find()) {
                throw new IllegalStateException("intake refused demo complaint: " + response.statusCode() + " "
                        + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach intake", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void submitPatrolReport() {
        AvroCodec codec = new AvroCodec(new SchemaRegistryClient(stack.registryUrl()), true);
        IncidentSubmission submission = IncidentSubmission.newBuilder()
                .setExternalId("patrol-demo-0001")
                .setChannel(Channel.GRID_PATROL)
                .setCategory("municipal.road-damage")
                .setDescription("网格员巡查：同光路路面塌陷约1平方米")
                .setLocation(Location.newBuilder().setLatitude(43.8755).setLongitude(125.3333)
                        .setGridCode("NG-0117").build())
                .setReportedAt(Instant.now())
                .build();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            String topic = Topics.INCIDENT_SUBMISSIONS.name();
            producer.send(new ProducerRecord<>(topic, "GRID_PATROL:patrol-demo-0001",
                    codec.encode(Topics.INCIDENT_SUBMISSIONS.valueSubject(), submission)))
                    .get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish the demo patrol report", e);
        }
    }

    private static String complaint(String channel, String category, String description, double lat, double lon) {
        return "{\"channel\":\"" + channel + "\",\"category\":\"" + category + "\",\"description\":\"" + description
                + "\",\"location\":{\"latitude\":" + lat + ",\"longitude\":" + lon + "}}";
    }
}
