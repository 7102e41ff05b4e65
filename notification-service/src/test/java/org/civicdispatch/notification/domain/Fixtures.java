package org.civicdispatch.notification.domain;

import java.time.Instant;
import java.util.List;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.events.Tier;

/** Reports and case events to notify about, readable at a glance. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    public static final String PHONE = "+86 138 0000 0000";
    public static final String EMAIL = "li.wei@example.cn";
    public static final String NAME = "李伟";

    private Fixtures() {
    }

    /** A hotline report from a citizen who left contact details and, maybe, a preferred language. */
    public static IncidentReported report(String caseId, String preferredLocale) {
        return IncidentReported.newBuilder()
                .setCaseId(caseId)
                .setChannel(Channel.HOTLINE_12345)
                .setCategory("vending.night-market-stalls")
                .setDescription("夜市摊位占道，联系我 " + PHONE)
                .setLocation(Location.newBuilder().setAddress("Renmin St 5").build())
                .setReporter(Reporter.newBuilder().setName(NAME).setPhone(PHONE).setEmail(EMAIL)
                        .setPreferredLocale(preferredLocale).build())
                .setReportedAt(NOW.minusSeconds(60))
                .setAcceptedAt(NOW.minusSeconds(30))
                .build();
    }

    /** Dispatch's decision for a case: one lead department and some assisting ones. */
    public static CaseEvent dispatched(String caseId, String lead, String... assisting) {
        return CaseEvent.newBuilder()
                .setEventId(caseId + "/dispatched")
                .setCaseId(caseId)
                .setOccurredAt(NOW)
                .setPayload(IncidentDispatched.newBuilder()
                        .setMatterCode("vending.night-market-stalls")
                        .setTier(Tier.STREET)
                        .setLeadDepartment(lead)
                        .setAssistingDepartments(List.of(assisting))
                        .setCatalogVersion("test-1")
                        .setRoutingReason("catalog match")
                        .build())
                .build();
    }
}
