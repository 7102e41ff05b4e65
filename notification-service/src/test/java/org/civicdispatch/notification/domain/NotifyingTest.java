package org.civicdispatch.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.civicdispatch.notification.domain.Fixtures.EMAIL;
import static org.civicdispatch.notification.domain.Fixtures.NAME;
import static org.civicdispatch.notification.domain.Fixtures.PHONE;
import static org.civicdispatch.notification.domain.Fixtures.dispatched;
import static org.civicdispatch.notification.domain.Fixtures.report;

import java.util.List;
import java.util.Locale;
import org.civicdispatch.events.Audience;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.TaskResolved;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifyingTest {

    private final NoticeTemplates templates = new NoticeTemplates();
    private final Notifying notifying = new Notifying(templates);

    @Test
    void shouldTellTheCitizenTheCaseNumberWhenAReportIsReceived() {
        List<Notice> notices = notifying.onReported(report("C-20261123-0001", null));

        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.audience()).isEqualTo(Audience.CITIZEN);
            assertThat(notice.recipientRef()).isEqualTo("citizen-of:C-20261123-0001");
            assertThat(notice.channel()).isEqualTo(NotificationChannel.IN_APP);
            assertThat(notice.templateId()).isEqualTo("citizen.received");
            assertThat(notice.caseId()).isEqualTo("C-20261123-0001");
            assertThat(notice.sourceEventId()).isEqualTo("reported:C-20261123-0001");
            assertThat(notice.locale()).isEqualTo("zh-CN");
            assertThat(notice.body()).isEqualTo("您的诉求已受理，案件编号为 C-20261123-0001。");
        });
    }

    @ParameterizedTest
    @CsvSource({
            "en, en, We have received your report. Your case number is C-1.",
            "en-GB, en, We have received your report. Your case number is C-1.",
            "zh-CN, zh-CN, 您的诉求已受理，案件编号为 C-1。",
            "zh_CN, zh-CN, 您的诉求已受理，案件编号为 C-1。",
            "fr, zh-CN, 您的诉求已受理，案件编号为 C-1。",
            "'', zh-CN, 您的诉求已受理，案件编号为 C-1。"})
    void shouldWriteToTheCitizenInTheirPreferredLanguageOrElseInChinese(String preferred, String locale,
                                                                         String body) {
        Notice notice = notifying.onReported(report("C-1", preferred)).get(0);

        assertThat(notice.locale()).isEqualTo(locale);
        assertThat(notice.body()).isEqualTo(body);
    }

    @Test
    void shouldTellTheCitizenAndEveryDepartmentWithATaskWhenACaseIsDispatched() {
        List<Notice> notices = notifying.onCaseEvent(
                dispatched("C-2", "urban-management", "environment", "market-regulation"));

        assertThat(notices).extracting(Notice::audience, Notice::recipientRef, Notice::templateId, Notice::locale)
                .containsExactly(
                        tuple(Audience.CITIZEN, "citizen-of:C-2", "citizen.dispatched", "zh-CN"),
                        tuple(Audience.DEPARTMENT_STAFF, "department:urban-management", "staff.new-task", "zh-CN"),
                        tuple(Audience.DEPARTMENT_STAFF, "department:environment", "staff.new-task", "zh-CN"),
                        tuple(Audience.DEPARTMENT_STAFF, "department:market-regulation", "staff.new-task", "zh-CN"));
        String task = "新任务：案件 C-2（vending.night-market-stalls），";
        assertThat(notices).extracting(Notice::body).containsExactly(
                "您的案件 C-2 已派发至 urban-management 办理。",
                task + "本部门为主办单位，请及时签收。",
                task + "本部门为协办单位，请及时签收。",
                task + "本部门为协办单位，请及时签收。");
        assertThat(notices).allSatisfy(notice -> assertThat(notice.sourceEventId()).isEqualTo("C-2/dispatched"));
    }

    @Test
    void shouldTellEachDepartmentOnceWhenItIsListedTwice() {
        List<Notice> notices = notifying.onCaseEvent(dispatched("C-3", "sanitation", "sanitation", "environment",
                "environment"));

        assertThat(notices).extracting(Notice::recipientRef).containsExactly(
                "citizen-of:C-3", "department:sanitation", "department:environment");
    }

    @Test
    void shouldNeverPutTheReportersContactDetailsOrTheDescriptionInANotice() {
        List<Notice> notices = notifying.onReported(report("C-4", "en"));

        assertThat(notices).allSatisfy(notice -> {
            for (String personal : List.of(PHONE, EMAIL, NAME, "夜市摊位占道")) {
                assertThat(notice.recipientRef()).doesNotContain(personal);
                assertThat(notice.body()).doesNotContain(personal);
                assertThat(notice.notificationId()).doesNotContain(personal);
            }
        });
    }

    @Test
    void shouldGiveARedeliveredEventTheSameNotificationIds() {
        List<String> first = ids(notifying.onCaseEvent(dispatched("C-5", "sanitation", "environment")));
        List<String> again = ids(notifying.onCaseEvent(dispatched("C-5", "sanitation", "environment")));

        assertThat(again).isEqualTo(first).doesNotHaveDuplicates().containsExactly(
                "C-5/dispatched/CITIZEN/citizen-of:C-5/IN_APP",
                "C-5/dispatched/DEPARTMENT_STAFF/department:sanitation/IN_APP",
                "C-5/dispatched/DEPARTMENT_STAFF/department:environment/IN_APP");
        assertThat(ids(notifying.onReported(report("C-5", "en"))))
                .containsExactly("reported:C-5/CITIZEN/citizen-of:C-5/IN_APP");
    }

    @Test
    void shouldHaveEveryTemplateInBothLanguages() {
        assertThat(templates.templateIds(Locale.ENGLISH))
                .containsExactlyInAnyOrderElementsOf(templates.templateIds(NoticeTemplates.CHINESE))
                .contains(Notifying.CITIZEN_RECEIVED, Notifying.CITIZEN_DISPATCHED, Notifying.STAFF_NEW_TASK);
    }

    private static List<String> ids(List<Notice> notices) {
        return notices.stream().map(Notice::notificationId).toList();
    }

    @Test
    void shouldUrgeTheDepartmentAndTellTheTierAnEscalationReaches() {
        SlaEvent escalation = SlaEvent.newBuilder().setEventId("C-9/sla/x").setCaseId("C-9").setTaskId("C-9/sanitation")
                .setDepartmentCode("sanitation").setStage(SlaStage.SIGN).setKind(SlaEventKind.ESCALATION)
                .setDeadline(Fixtures.NOW).setFiredAt(Fixtures.NOW).setEscalatedFrom(Tier.COMMUNITY)
                .setEscalatedTo(Tier.STREET).setEscalatedToUnit("NG-S04").build();

        List<Notice> notices = notifying.onSlaEvent(escalation);

        assertThat(notices).extracting(Notice::recipientRef).containsExactly("department:sanitation", "unit:NG-S04");
        assertThat(notices).allSatisfy(n -> assertThat(n.body()).contains("C-9", "升级至STREET"));
        assertThat(notifying.onSlaEvent(SlaEvent.newBuilder(escalation).setKind(SlaEventKind.BREACH)
                .setEscalatedTo(null).setEscalatedFrom(null).build()))
                .singleElement().satisfies(n -> assertThat(n.body()).startsWith("督办"));
        assertThat(notifying.onSlaEvent(SlaEvent.newBuilder(escalation).setDepartmentCode(null)
                .setTaskId(null).setStage(SlaStage.CITIZEN_CLOCK).build())).isEmpty();
    }

    @Test
    void shouldTellTheCitizenOnceTheLeadTaskIsResolvedAndAskForARatingInTheirLanguage() {
        CaseEvent resolved = CaseEvent.newBuilder().setEventId("C-7/resolved/1").setCaseId("C-7")
                .setOccurredAt(Fixtures.NOW).setPayload(TaskResolved.newBuilder().setTaskId("C-7/sanitation")
                        .setDepartmentCode("sanitation").setResponseId("r-1").build()).build();

        List<Notice> notices = notifying.onCaseEvent(resolved, new CaseFacts("en", "sanitation"));

        assertThat(notices).extracting(Notice::templateId, Notice::notificationId, Notice::locale).containsExactly(
                tuple("citizen.resolved", "C-7/resolved/1/CITIZEN/citizen-of:C-7/IN_APP", "en"),
                tuple("citizen.rating-request", "C-7/resolved/1/rating-request/CITIZEN/citizen-of:C-7/IN_APP", "en"));
        assertThat(notices.get(1).body()).contains("C-7", "rate");
        assertThat(notifying.onCaseEvent(resolved, new CaseFacts("en", "environment")))
                .as("an assisting department's task").isEmpty();
    }

    @Test
    void shouldTellTheGridWorkersOfAGridTierCaseAndTheCitizenInTheirLanguage() {
        CaseEvent event = dispatched("C-8", "sanitation");
        ((IncidentDispatched) event.getPayload()).setTier(Tier.GRID);
        ((IncidentDispatched) event.getPayload()).setOwnerUnit("NG-S01-C02-G03");

        List<Notice> notices = notifying.onCaseEvent(event, new CaseFacts("en", null));

        assertThat(notices).extracting(Notice::audience, Notice::recipientRef, Notice::locale).contains(
                tuple(Audience.CITIZEN, "citizen-of:C-8", "en"),
                tuple(Audience.GRID_WORKER, "unit:NG-S01-C02-G03", "zh-CN"));
    }
}
