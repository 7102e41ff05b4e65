package org.civicdispatch.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.civicdispatch.intake.ledger.CaseSearch;
import org.junit.jupiter.api.Test;

class Open311QueriesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T16:30:00Z");
    private final Open311Queries queries = new Open311Queries(new Open311Properties("nanguan.demo", 50,
            Duration.ofDays(90)), Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    @Test
    void shouldSearchTheLast90DaysWhenNoDatesAreGiven() {
        CaseSearch search = queries.search(null, "sanitation.garbage-overflow, municipal.road-damage", null, null,
                "open", Open311Format.JSON);

        assertThat(search.from()).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(search.to()).isEqualTo(NOW);
        assertThat(search.categories()).containsExactly("sanitation.garbage-overflow", "municipal.road-damage");
        assertThat(search.status()).isEqualTo("open");
        assertThat(search.limit()).isEqualTo(50);
    }

    @Test
    void shouldIgnoreEveryOtherFilterWhenIdsAreGiven() {
        CaseSearch search = queries.search("C-1, C-2,,C-1", "x", "not a date", null, "nonsense", Open311Format.XML);

        assertThat(search).isEqualTo(new CaseSearch(List.of("C-1", "C-2"), null, null, null, null, 2));
    }

    @Test
    void shouldReadW3cDatetimesWithOffsetsLocalTimesAndDays() {
        assertThat(queries.search(null, null, "2026-11-01T08:00:00+08:00", "2026-11-02", null, Open311Format.JSON))
                .satisfies(s -> {
                    assertThat(s.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
                    assertThat(s.to()).isEqualTo(Instant.parse("2026-11-02T15:59:59.999999Z"));
                });
        // "+08:00" sent unencoded in a query string arrives as " 08:00"
        assertThat(queries.search(null, null, "2026-11-01T08:00 08:00", null, null, Open311Format.JSON).from())
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(queries.search(null, null, "2026-11-01T08:00:00", null, "open,closed", Open311Format.JSON))
                .satisfies(s -> {
                    assertThat(s.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
                    assertThat(s.to()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z").plus(Duration.ofDays(90)));
                    assertThat(s.status()).isNull();
                });
    }

    @Test
    void shouldNameEveryBadFilter() {
        assertThatThrownBy(() -> queries.search(null, null, "yesterday", "2026-02-30", "pending", Open311Format.XML))
                .isInstanceOfSatisfying(Open311Refusal.class, r -> {
                    assertThat(r.status().value()).isEqualTo(400);
                    assertThat(r.format()).isEqualTo(Open311Format.XML);
                    assertThat(r.descriptions()).hasSize(3).anySatisfy(d -> assertThat(d).startsWith("start_date:"))
                            .anySatisfy(d -> assertThat(d).startsWith("end_date:"))
                            .anySatisfy(d -> assertThat(d).startsWith("status:"));
                });
        assertThatThrownBy(() -> queries.search(null, null, "2026-03-01", "2026-02-01", null, Open311Format.JSON))
                .hasMessageContaining("end_date: must be after start_date");
        assertThatThrownBy(() -> queries.search(null, null, "2025-01-01", "2026-01-01", null, Open311Format.JSON))
                .hasMessageContaining("at most 90 days");
    }
}
