package org.civicdispatch.intake.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Duplicate suspicion against a real PostgreSQL with intake's migrations and a busy day's worth of cases. */
class CaseLedgerTest {

    private static final double LAT = 43.875;
    private static final double LON = 125.325;
    private static final String BUSY = "sanitation.litter";

    private static SingleConnectionDataSource dataSource;
    private static JdbcClient jdbc;
    private static CaseLedger ledger;

    @BeforeAll
    static void ledgerWithAMonthOfCases() {
        PostgresEndpoint db = TestInfrastructure.postgres("intake_ledger_test");
        dataSource = new SingleConnectionDataSource(db.jdbcUrl(), db.username(), db.password(), true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        ledger = new CaseLedger(jdbc);
        // 30 days of 20,000 cases over the district, a fifth of them one busy matter; most older ones closed
        jdbc.sql("""
                insert into intake_case (case_id, idempotency_key, fingerprint, state, channel, category, description,
                    latitude, longitude, event_avro, reported_at, accepted_at, case_status, updated_at)
                select 'C-BG-' || g, 'bg:' || g, 'f', 'PUBLISHED', 'HOTLINE_12345',
                    case when g % 5 = 0 then :busy else 'other.m' || (g % 199) end, 'd',
                    43.80 + random() * 0.15, 125.20 + random() * 0.25, '\\x00'::bytea,
                    now() - g * interval '130 seconds', now() - g * interval '130 seconds',
                    case when g > 4000 and g % 10 <> 0 then 'closed' else 'open' end, now()
                from generate_series(1, 20000) g""").param("busy", BUSY).update();
        jdbc.sql("analyze intake_case").update();
    }

    @AfterAll
    static void close() {
        dataSource.destroy();
    }

    @Test
    void shouldSuspectOnlyARecentOpenCaseOfTheSameMatterWithinTheRadius() {
        Instant now = Instant.now();
        Instant since = now.minus(Duration.ofHours(24));
        claim("C-NEAR-OLD", BUSY, LAT + 0.0005, now.minus(Duration.ofHours(30)));
        claim("C-NEAR-CLOSED", BUSY, LAT + 0.0004, now.minusSeconds(60));
        jdbc.sql("update intake_case set case_status = 'closed' where case_id = 'C-NEAR-CLOSED'").update();
        claim("C-NEAR-OTHER-MATTER", "municipal.manhole-cover", LAT + 0.0003, now.minusSeconds(50));
        claim("C-FAR", BUSY, LAT + 0.0030, now.minusSeconds(40)); // ~330 m north

        assertThat(ledger.nearestOpenCase(BUSY, LAT, LON, 100, since)).isEmpty();

        claim("C-NEAR", BUSY, LAT + 0.0006, now.minusSeconds(30)); // ~67 m north
        assertThat(ledger.nearestOpenCase(BUSY, LAT, LON, 100, since)).contains("C-NEAR");
    }

    @Test
    void shouldReadOnlyTheOpenCasesInTheLatitudeBandNotTheMattersWholeDay() {
        String plan = String.join("\n", ledger.planOfNearestOpenCase(BUSY, LAT, LON, 100,
                Instant.now().minus(Duration.ofHours(24))));

        assertThat(plan).contains("intake_case_open_near").doesNotContain("intake_case_recent");
    }

    private static void claim(String caseId, String category, double lat, Instant acceptedAt) {
        assertThat(ledger.claim(CaseRecord.builder().caseId(caseId).idempotencyKey("test:" + caseId).fingerprint("f")
                .channel("MOBILE_APP").category(category).description("d").latitude(lat).longitude(LON)
                .eventAvro(new byte[] {0}).reportedAt(acceptedAt).acceptedAt(acceptedAt).caseStatus("open")
                .updatedAt(acceptedAt).build())).isTrue();
    }
}
