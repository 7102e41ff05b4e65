package org.civicdispatch.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.notification.domain.Fixtures.dispatched;

import java.util.List;
import java.util.Set;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.TaskResolved;
import org.junit.jupiter.api.Test;

class AwaitingTheReportTest {

    private final Notifying notifying = new Notifying(new NoticeTemplates());

    @Test
    void shouldHoldTheCitizensNoticeButTellTheDepartmentsAtOnceWhenTheReportIsNotKnownYet() {
        List<Notice> notices = notifying.onCaseEvent(dispatched("C-1", "urban-management", "environment"));

        AwaitingTheReport.Split split = AwaitingTheReport.split(notices, false);

        assertThat(split.awaitReport()).extracting(Notice::notificationId)
                .containsExactly("C-1/dispatched/CITIZEN/citizen-of:C-1/IN_APP");
        assertThat(split.deliverNow()).extracting(Notice::recipientRef)
                .containsExactly("department:urban-management", "department:environment");
    }

    @Test
    void shouldHoldTheResolvedNoticeAndTheRatingRequestAlike() {
        CaseEvent resolved = CaseEvent.newBuilder().setEventId("C-2/resolved/1").setCaseId("C-2")
                .setOccurredAt(Fixtures.NOW).setPayload(TaskResolved.newBuilder().setTaskId("C-2/sanitation")
                        .setDepartmentCode("sanitation").setResponseId("r-1").build()).build();

        AwaitingTheReport.Split split = AwaitingTheReport.split(
                notifying.onCaseEvent(resolved, new CaseFacts(null, "sanitation")), false);

        assertThat(split.awaitReport()).extracting(Notice::templateId)
                .containsExactly("citizen.resolved", "citizen.rating-request");
        assertThat(split.deliverNow()).isEmpty();
    }

    @Test
    void shouldDeliverEverythingAtOnceOnceTheReportIsKnown() {
        List<Notice> notices = notifying.onCaseEvent(dispatched("C-3", "urban-management"));

        AwaitingTheReport.Split split = AwaitingTheReport.split(notices, true);

        assertThat(split.deliverNow()).isEqualTo(notices);
        assertThat(split.awaitReport()).isEmpty();
    }

    @Test
    void shouldReleaseOnlyTheWaitingNoticesOfAnEventPlannedAgainInTheCitizensLanguage() {
        String waiting = "C-4/dispatched/CITIZEN/citizen-of:C-4/IN_APP";
        List<Notice> replanned = notifying.onCaseEvent(dispatched("C-4", "urban-management"),
                new CaseFacts("en", "urban-management"));

        assertThat(AwaitingTheReport.released(replanned, Set.of(waiting))).singleElement().satisfies(notice -> {
            assertThat(notice.notificationId()).isEqualTo(waiting);
            assertThat(notice.body())
                    .isEqualTo("Your case C-4 has been passed to urban-management, which will handle it.");
        });
    }
}
