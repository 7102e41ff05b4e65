package org.civicdispatch.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.civicdispatch.audit.AuditTestDatabase;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.domain.AuditEntry;
import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.QueryLog;
import org.civicdispatch.events.IncidentReported;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Period exports on a real PostgreSQL: deterministic, resumable, masked unless the caller may see personal data. */
class ExportingAPeriodTest {

    private static final Instant FROM = AuditTestDatabase.AT;
    private static final Instant TO = FROM.plusSeconds(3600);
    private static final Caller AUDITOR = Caller.auditor("cli:inspector");
    private static final Caller PII_AUDITOR = new Caller("cli:dpo", Set.of(Caller.AUDITOR, Caller.AUDITOR_PII));
    private static final String REPORT = "{\"caseId\": \"C-E1\", \"description\": \"call 13800138000\", "
            + "\"reporter\": {\"name\": \"Li Lei\", \"phone\": \"13800138000\", \"email\": null}}";

    private static AuditTestDatabase db;
    private static ExportingAPeriod exporting;

    @TempDir
    Path dir;

    @BeforeAll
    static void elevenEventsNineInThePeriod() {
        db = AuditTestDatabase.fresh("audit_export_test");
        db.log().append(new AuditEntry("incident-reports", 0, 1, "C-E1", "C-E1", IncidentReported.class.getName(), 1,
                "Li Lei 13800138000".getBytes(), "{}", REPORT, null, FROM));
        for (long offset = 1; offset <= 8; offset++) {
            db.log().append(AuditTestDatabase.event("case-events", offset, "C-E" + offset, FROM.plusSeconds(offset),
                    "{\"step\": " + offset + ", \"ratio\": 1.50}"));
        }
        db.log().append(AuditTestDatabase.event("case-events", 9, "C-LATE", TO, "{\"step\": 9}"));
        db.log().append(AuditTestDatabase.event("case-events", 10, "C-EARLY", FROM.minusMillis(1), "{\"step\": 0}"));
        exporting = new ExportingAPeriod(new ChainRows(db.jdbc()), new QueryLog(db.jdbc(), Clock.systemUTC()), 2);
    }

    @Test
    void shouldWriteTheSameBytesWhenRunTwiceOverTheSamePeriod() throws IOException {
        for (ExportFormat format : ExportFormat.values()) {
            ExportingAPeriod.Result first = export(format, false, dir.resolve("first." + format), AUDITOR);
            ExportingAPeriod.Result second = export(format, false, dir.resolve("second." + format), AUDITOR);

            assertThat(first.rows()).isEqualTo(9);
            assertThat(Files.readAllBytes(second.file())).as(format.name()).isEqualTo(Files.readAllBytes(first.file()));
            assertThat(second.sha256()).isEqualTo(first.sha256());
        }
        assertThat(readAvro(dir.resolve("first.AVRO"))).extracting(r -> r.get("chainSeq"))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(Files.readAllLines(dir.resolve("first.NDJSON"))).hasSize(9);
    }

    @Test
    void shouldContinueAnInterruptedExportFromItsCheckpointToTheSameBytes() throws IOException {
        for (ExportFormat format : ExportFormat.values()) {
            Path whole = export(format, false, dir.resolve("whole." + format), AUDITOR).file();
            Path interrupted = dir.resolve("interrupted." + format);
            List<Long> seen = new ArrayList<>();

            assertThatThrownBy(() -> exporting.export(AUDITOR, request(format, false, interrupted), (done, total) -> {
                seen.add(done);
                if (done == 5) {
                    throw new IllegalStateException("killed mid-export");
                }
            })).hasMessage("killed mid-export");
            assertThat(interrupted.resolveSibling(interrupted.getFileName() + ".progress")).exists();
            ExportingAPeriod.Result resumed = exporting.export(AUDITOR, request(format, false, interrupted),
                    (done, total) -> seen.add(done));

            assertThat(resumed.resumed()).isTrue();
            assertThat(resumed.rows()).isEqualTo(9);
            // Rows 1-4 were checkpointed; row 5 was written but not checkpointed, so it is written again.
            assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 5L, 6L, 7L, 8L, 9L);
            assertThat(Files.readAllBytes(interrupted)).as(format.name()).isEqualTo(Files.readAllBytes(whole));
            assertThat(interrupted.resolveSibling(interrupted.getFileName() + ".progress")).doesNotExist();
        }
    }

    @Test
    void shouldMaskPersonalDataUnlessTheCallerIsAnAuditorPii() throws IOException {
        Path masked = export(ExportFormat.NDJSON, false, dir.resolve("masked.ndjson"), AUDITOR).file();
        Path unmasked = export(ExportFormat.NDJSON, true, dir.resolve("unmasked.ndjson"), PII_AUDITOR).file();

        String maskedReport = Files.readAllLines(masked).get(0);
        assertThat(maskedReport).contains("\"name\":\"***\"", "\"description\":\"call ***\"", "\"raw\":null",
                "\"masked\":true").doesNotContain("13800138000", "Li Lei");
        assertThat(Files.readAllLines(unmasked).get(0)).contains("13800138000", "Li Lei", "\"masked\":false")
                .doesNotContain("\"raw\":null");
        GenericRecord avroMasked = readAvro(export(ExportFormat.AVRO, false, dir.resolve("m.avro"), AUDITOR).file())
                .get(0);
        assertThat(avroMasked.get("raw")).isNull();
        assertThat(avroMasked.get("payloadJson").toString()).doesNotContain("13800138000");
    }

    @Test
    void shouldRefuseAnUnmaskedExportWithoutTheRoleAndLogEveryExport() {
        Path file = dir.resolve("refused.ndjson");

        assertThatThrownBy(() -> export(ExportFormat.NDJSON, true, file, AUDITOR))
                .isInstanceOfSatisfying(ReplayRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(ReplayRefusedException.Reason.FORBIDDEN));
        assertThat(file).doesNotExist();
        assertThat(db.jdbc().sql("""
                        SELECT roles || ' ' || (parameters ->> 'unmasked') || ' ' || (parameters ->> 'from')
                        FROM audit_query_log WHERE caller = 'cli:inspector' AND query = 'export'
                          AND parameters ->> 'file' = :file""")
                .param("file", file.toAbsolutePath().toString()).query(String.class).list())
                .containsExactly("auditor true " + FROM);
    }

    private static ExportingAPeriod.Result export(ExportFormat format, boolean unmasked, Path file, Caller caller) {
        return exporting.export(caller, request(format, unmasked, file), ExportingAPeriod.Progress.NONE);
    }

    private static ExportingAPeriod.Request request(ExportFormat format, boolean unmasked, Path file) {
        return new ExportingAPeriod.Request(FROM, TO, format, unmasked, file);
    }

    private static List<GenericRecord> readAvro(Path file) throws IOException {
        List<GenericRecord> records = new ArrayList<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            reader.forEach(records::add);
        }
        return records;
    }
}
