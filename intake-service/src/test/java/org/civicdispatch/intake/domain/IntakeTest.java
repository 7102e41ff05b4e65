package org.civicdispatch.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.intake.IntakeTestSupport;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.civicdispatch.reference.territory.Territory;
import org.junit.jupiter.api.Test;

class IntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T16:30:00Z");
    private static final Territory TERRITORY = Territory.bundled();
    private final Intake intake = new Intake(Clock.fixed(NOW, ZoneOffset.UTC),
            new CaseNumbers(ZoneId.of("Asia/Shanghai")), CatalogLoader.bundled(), TERRITORY);

    static IncidentDraft valid() {
        double[] inside = IntakeTestSupport.centre(TERRITORY.grids().get(0));
        return new IncidentDraft("HOTLINE_12345", null, "sanitation.garbage-overflow", "Bins overflowing at gate 3",
                inside[1], inside[0], null, null, "Li Wei", "+86 138 0000 0000", null, "zh-CN", null, null, null);
    }


    @Test
    void shouldAcceptAValidReportAsTheFirstEventOfACase() {
        IncidentReported event = accepted(valid());

        assertThat(event.getCaseId()).matches("C-20261123-[0-9A-Z]{8}");
        assertThat(event.getChannel()).isEqualTo(Channel.HOTLINE_12345);
        assertThat(event.getUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(event.getAcceptedAt()).isEqualTo(NOW);
        assertThat(event.getReporter().getPhone()).isEqualTo("+86 138 0000 0000");
        assertThat(event.getLocation().getGridCode()).isEqualTo(TERRITORY.grids().get(0).place().gridCode());
        assertThat(event.getLocation().getCommunityCode()).isNotBlank();
        assertThat(event.getLocation().getStreetCode()).isNotBlank();
    }

    @Test
    void shouldRefuseAPointOutsideTheDistrictWithTheReason() {
        IncidentDraft beijing = new IncidentDraft("MOBILE_APP", null, "sanitation", "far away", 39.9042, 116.4074,
                null, null, null, null, null, null, null, null, null);

        assertThat(rejected(beijing)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("location");
            assertThat(e.message()).contains("outside");
        });
    }

    @Test
    void shouldResolveAGridCodeOrAGazetteerAddressWhenThereAreNoCoordinates() {
        var grid = TERRITORY.grids().get(42).place();
        IncidentDraft byGrid = new IncidentDraft("GRID_PATROL", null, "sanitation", "x", null, null, null,
                grid.gridCode(), null, null, null, null, null, null, null);
        assertThat(accepted(byGrid).getLocation().getCommunityCode()).isEqualTo(grid.communityCode());

        IncidentDraft unknownGrid = new IncidentDraft("GRID_PATROL", null, "sanitation", "x", null, null, null,
                "NG-S99-C99-G99", null, null, null, null, null, null, null);
        assertThat(rejected(unknownGrid)).extracting(FieldError::field).containsExactly("location.gridCode");

        IncidentDraft unknownAddress = new IncidentDraft("HOTLINE_12345", null, "sanitation", "x", null, null,
                "Nowhere Road 999", null, null, null, null, null, null, null, null);
        assertThat(rejected(unknownAddress)).extracting(FieldError::field).containsExactly("location.address");
    }

    @Test
    void shouldRefuseACategoryOutsideTheMatterCatalog() {
        IncidentDraft ufo = new IncidentDraft("MOBILE_APP", null, "ufo.sighting", "lights", valid().latitude(),
                valid().longitude(), null, null, null, null, null, null, null, null, null);

        assertThat(rejected(ufo)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("category");
            assertThat(e.message()).contains("not in the matter catalog");
        });
    }

    @Test
    void shouldDeriveTheSameCaseNumberFromTheSameIdempotencyKey() {
        IncidentDraft withId = new IncidentDraft("GRID_PATROL", "patrol-77", "sanitation", "x", valid().latitude(),
                valid().longitude(), null, null, null, null, null, null, null, NOW.minusSeconds(600), null);

        assertThat(intake.accept(withId, "GRID_PATROL:patrol-77")).usingRecursiveComparison()
                .isEqualTo(intake.accept(withId, "GRID_PATROL:patrol-77"));
        assertThat(((IntakeOutcome.Accepted) intake.accept(withId, "other-key")).event().getCaseId())
                .isNotEqualTo(((IntakeOutcome.Accepted) intake.accept(withId, "GRID_PATROL:patrol-77")).event()
                        .getCaseId());
    }

    @Test
    void shouldNameEveryInvalidField() {
        IncidentDraft bad = new IncidentDraft("FAX", null, "Not A Code!", " ", 91.0, Double.NaN, null, null, null,
                "call me maybe", "not-an-email", null, "CRITICAL", NOW.plusSeconds(3600), null);

        assertThat(rejected(bad)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "channel", "urgency", "category", "description", "location.latitude", "location.longitude",
                "reporter.phone", "reporter.email", "reportedAt");
    }

    @Test
    void shouldRequireSomeLocation() {
        IncidentDraft nowhere = new IncidentDraft("MOBILE_APP", null, "sanitation", "text", null, null, null, null,
                null, null, null, null, null, null, null);

        assertThat(rejected(nowhere)).extracting(FieldError::field).containsExactly("location");
    }

    @Test
    void shouldRefuseOversizedTextControlCharactersAndBrokenUnicode() {
        IncidentDraft hostile = new IncidentDraft("MOBILE_APP", "id\u0000", "sanitation", "x".repeat(4001), null,
                null, "bad \uD800 surrogate", null, "a\u0007b", null, null, null, null, null, null);

        assertThat(rejected(hostile)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "externalId", "description", "location.address", "reporter.name");
    }

    @Test
    void shouldCountCharactersNotBytesForChineseText() {
        IncidentDraft chinese = new IncidentDraft("HOTLINE_12345", null, "sanitation", "垃圾".repeat(2000),
                valid().latitude(), valid().longitude(), null, null, null, null, null, null, null, null, null);

        assertThat(accepted(chinese).getDescription()).hasSize(4000);
    }

    private IncidentReported accepted(IncidentDraft draft) {
        IntakeOutcome outcome = intake.accept(draft, null);
        assertThat(outcome).isInstanceOf(IntakeOutcome.Accepted.class);
        return ((IntakeOutcome.Accepted) outcome).event();
    }

    private List<FieldError> rejected(IncidentDraft draft) {
        IntakeOutcome outcome = intake.accept(draft, null);
        assertThat(outcome).isInstanceOf(IntakeOutcome.Rejected.class);
        return ((IntakeOutcome.Rejected) outcome).errors();
    }
}
