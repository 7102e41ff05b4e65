package org.civicdispatch.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Urgency;
import org.junit.jupiter.api.Test;

class IntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T16:30:00Z");
    private final Intake intake = new Intake(Clock.fixed(NOW, ZoneOffset.UTC),
            new CaseNumbers(ZoneId.of("Asia/Shanghai")));

    static IncidentDraft valid() {
        return new IncidentDraft("HOTLINE_12345", null, "sanitation.garbage-overflow", "Bins overflowing at gate 3",
                43.88, 125.32, null, null, "Li Wei", "+86 138 0000 0000", null, "zh-CN", null, null);
    }

    @Test
    void shouldAcceptAValidReportAsTheFirstEventOfACase() {
        IncidentReported event = accepted(valid());

        assertThat(event.getCaseId()).matches("C-20261123-[0-9A-Z]{8}");
        assertThat(event.getChannel()).isEqualTo(Channel.HOTLINE_12345);
        assertThat(event.getUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(event.getAcceptedAt()).isEqualTo(NOW);
        assertThat(event.getReporter().getPhone()).isEqualTo("+86 138 0000 0000");
    }

    @Test
    void shouldNameTheSameCaseWhenAChannelResendsTheSameReport() {
        IncidentDraft withId = new IncidentDraft("GRID_PATROL", "patrol-77", "sanitation", "x", null, null,
                "No. 5 Renmin St", null, null, null, null, null, null, NOW.minusSeconds(600));

        assertThat(accepted(withId).getCaseId()).isEqualTo(accepted(withId).getCaseId());
    }

    @Test
    void shouldNameEveryInvalidField() {
        IncidentDraft bad = new IncidentDraft("FAX", null, "Not A Code!", " ", 91.0, Double.NaN, null, null, null,
                "call me maybe", "not-an-email", null, "CRITICAL", NOW.plusSeconds(3600));

        assertThat(rejected(bad)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "channel", "urgency", "category", "description", "location.latitude", "location.longitude",
                "reporter.phone", "reporter.email", "reportedAt");
    }

    @Test
    void shouldRequireSomeLocation() {
        IncidentDraft nowhere = new IncidentDraft("MOBILE_APP", null, "sanitation", "text", null, null, null, null,
                null, null, null, null, null, null);

        assertThat(rejected(nowhere)).extracting(FieldError::field).containsExactly("location");
    }

    @Test
    void shouldRefuseOversizedTextControlCharactersAndBrokenUnicode() {
        IncidentDraft hostile = new IncidentDraft("MOBILE_APP", "id\u0000", "sanitation", "x".repeat(4001), null,
                null, "bad \uD800 surrogate", null, "a\u0007b", null, null, null, null, null);

        assertThat(rejected(hostile)).extracting(FieldError::field).containsExactlyInAnyOrder(
                "externalId", "description", "location.address", "reporter.name");
    }

    @Test
    void shouldCountCharactersNotBytesForChineseText() {
        IncidentDraft chinese = new IncidentDraft("HOTLINE_12345", null, "sanitation", "垃圾".repeat(2000), null,
                null, "人民大街5号", null, null, null, null, null, null, null);

        assertThat(accepted(chinese).getDescription()).hasSize(4000);
    }

    private IncidentReported accepted(IncidentDraft draft) {
        IntakeOutcome outcome = intake.accept(draft);
        assertThat(outcome).isInstanceOf(IntakeOutcome.Accepted.class);
        return ((IntakeOutcome.Accepted) outcome).event();
    }

    private java.util.List<FieldError> rejected(IncidentDraft draft) {
        IntakeOutcome outcome = intake.accept(draft);
        assertThat(outcome).isInstanceOf(IntakeOutcome.Rejected.class);
        return ((IntakeOutcome.Rejected) outcome).errors();
    }
}
