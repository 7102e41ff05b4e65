package org.civicdispatch.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicdispatch.audit.AuditTestDatabase;
import org.civicdispatch.audit.chain.SigningKeys;
import org.civicdispatch.audit.domain.AuditEntry;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process, on a real PostgreSQL, with the arguments an operator would type. */
class AuditCliTest {

    @TempDir
    Path dir;

    private AuditTestDatabase db;
    private Path keyFile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void threeEvents() {
        db = AuditTestDatabase.fresh("audit_cli_test");
        keyFile = dir.resolve("key.pem");
        SigningKeys.loadOrGenerate(keyFile, true);
        for (long offset = 1; offset <= 3; offset++) {
            db.log().append(AuditTestDatabase.event("case-events", offset, "C-CLI", AuditTestDatabase.AT,
                    "{\"step\": " + offset + "}"));
        }
    }

    @Test
    void shouldVerifyWithExitZeroAndExitOneOnceARowIsEdited() {
        assertThat(run("verify", "--public-key", keyFile.toString(), "--as", "cli:inspector")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ok\" : true", "\"rowsChecked\" : 3");

        db.tamper("UPDATE audit_event SET payload = '{}' WHERE chain_seq = 2", Map.of());
        out.reset();

        assertThat(run("verify", "--public-key", keyFile.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ok\" : false", "\"chainSeq\" : 2",
                "row altered");
    }

    @Test
    void shouldExportWithAProgressBarAndUnmaskOnlyWithTheRoleGivenExplicitly() throws Exception {
        Path file = dir.resolve("period.ndjson");
        String[] period = {"--from", "2026-11-23T00:00:00Z", "--to", "2026-11-24T00:00:00Z", "--format", "ndjson",
                "--out", file.toString(), "--as", "cli:dpo"};

        assertThat(run(concat(new String[] {"export", "--unmask"}, period))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused", "auditor-pii");
        assertThat(file).doesNotExist();
        err.reset();
        assertThat(run(concat(new String[] {"export", "--unmask", "--role", "auditor-pii"}, period))).isZero();

        assertThat(Files.readAllLines(file)).hasSize(3).allMatch(line -> line.contains("\"masked\":false"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("] 100%  3/3 rows");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"rows\" : 3", "\"sha256\"");
        assertThat(db.jdbc().sql("SELECT roles || ' ' || (parameters ->> 'unmasked') FROM audit_query_log "
                        + "WHERE caller = 'cli:dpo' AND query = 'export' ORDER BY id").query(String.class).list())
                .containsExactly("auditor true", "auditor,auditor-pii true");
    }

    @Test
    void shouldRebuildTheKpisFromTheStoreOrKafkaAndExitOneWhenKafkaDiffersFromTheStore() {
        AvroCodec codec = TestInfrastructure.codec();
        byte[] raw = codec.encode("incident-reports-value", IncidentReported.newBuilder().setCaseId("C-CLI-KPI")
                .setChannel(Channel.HOTLINE_12345).setCategory("sanitation.garbage-overflow").setDescription("bins")
                .setLocation(Location.newBuilder().setGridCode("NG-S01-C03-G07").setCommunityCode("NG-S01-C03")
                        .setStreetCode("NG-S01").build())
                .setUrgency(Urgency.ROUTINE).setReportedAt(AuditTestDatabase.AT).setAcceptedAt(AuditTestDatabase.AT)
                .build());
        db.log().append(new AuditEntry("incident-reports", 0, 1, "C-CLI-KPI", "C-CLI-KPI",
                "org.civicdispatch.events.IncidentReported", AvroCodec.schemaId(raw), raw, "{}", "{}", null,
                AuditTestDatabase.AT));
        String[] where = {"--registry-url", TestInfrastructure.schemaRegistryUrl(), "--bootstrap-servers",
                TestInfrastructure.kafkaBootstrapServers(), "--as", "cli:kpi"};

        assertThat(run(concat(new String[] {"rebuild-kpis", "--source", "store", "--period", "2026-11", "--by",
                "street"}, where))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"source\" : \"store\"", "\"records\" : 1",
                "\"unreadable\" : 3", "\"cases\" : 1", "\"assessment\" : {");
        out.reset();
        // The case never went through Kafka, so the rebuild from Kafka cannot equal the store's.
        assertThat(run(concat(new String[] {"rebuild-kpis", "--source", "kafka"}, where))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"source\" : \"kafka\"",
                "\"equalsStoreRebuild\" : false", "\"storeRecords\" : 1");
        assertThat(run(concat(new String[] {"rebuild-kpis", "--source", "tape"}, where))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("kafka or store");
        assertThat(db.jdbc().sql("SELECT parameters ->> 'source' FROM audit_query_log WHERE caller = 'cli:kpi' "
                + "AND query = 'assessment-rebuild' ORDER BY id").query(String.class).list())
                .containsExactly("store", "kafka", "tape");
    }

    @Test
    void shouldAnswerWrongUsageWithTheUsageAndExitTwo() {
        assertThat(run("export", "--from")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("export", "--from", "yesterday", "--to", "2026-11-24T00:00:00Z", "--format", "avro",
                "--out", dir.resolve("x.avro").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: audit", "ISO-8601");
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("frobnicate")) {
            all.addAll(List.of("--db-url", db.endpoint().jdbcUrl(), "--db-user", db.endpoint().username(),
                    "--db-password", db.endpoint().password()));
        }
        return AuditCli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
