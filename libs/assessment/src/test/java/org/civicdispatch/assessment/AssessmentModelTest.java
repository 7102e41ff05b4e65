package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdispatch.assessment.MarchFixture.T0;

import java.time.Duration;
import org.civicdispatch.assessment.model.AssessmentModel;
import org.civicdispatch.assessment.model.CaseFacts;
import org.civicdispatch.assessment.model.TaskStatus;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.assessment.report.UnitAssessment;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.ResponseKind;
import org.junit.jupiter.api.Test;

class AssessmentModelTest {

    private final AssessmentModel model = new AssessmentModel();

    @Test
    void shouldRefuseARecordThatIsNotWhatItsTopicCarriesSayingWhy() {
        CaseScript c = CaseScript.of("X", "S01", "C01").dispatched(T0, "san");
        CaseScript.Recorded task = c.records().get(0);
        assertThatThrownBy(() -> model.apply(Topics.CASE_EVENTS.name(), task.value()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case-events carries CaseEvent, not org.civicdispatch.events.DepartmentTask");
        assertThatThrownBy(() -> model.apply("department-tasks-water", task.value()))
                .hasMessage("task X/san of department san arrived on department-tasks-water, not on "
                        + "department-tasks-san");
        assertThatThrownBy(() -> model.apply(null, task.value())).hasMessageContaining("topic");
        assertThat(model.snapshot()).isEmpty();
    }

    @Test
    void shouldIgnoreTopicsAssessmentDoesNotRead() {
        DepartmentResponse response = DepartmentResponse.newBuilder().setResponseId("r").setTaskId("X/san")
                .setCaseId("X").setDepartmentCode("san").setKind(ResponseKind.ACCEPTED).setRespondedAt(T0).build();
        assertThat(model.apply(Topics.DEPARTMENT_RESPONSES.name(), response)).isEqualTo(AssessmentModel.Outcome.IGNORED);
        assertThat(model.snapshot()).isEmpty();
    }

    @Test
    void shouldMoveOnlyOpenTasksDeadlinesByTheCitizensWait() {
        Duration day = Duration.ofDays(1);
        // The assisting task is resolved before the wait: its deadline stays; the lead's moves by the day waited.
        feed(CaseScript.of("X", "S01", "C01").dispatched(T0, "san", "mun").resolved("mun", T0.plus(day))
                .paused(T0.plus(day)).resumed(T0.plus(day.multipliedBy(2)), day));
        CaseFacts x = model.snapshot().get("X");
        assertThat(x.tasks().get("X/san").progress().shiftMillis()).isEqualTo(day.toMillis());
        assertThat(x.tasks().get("X/mun").progress().shiftMillis()).isZero();
    }

    @Test
    void shouldHandTheCaseToTheDepartmentALeadTaskWasReroutedTo() {
        feed(CaseScript.of("X", "S01", "C01").dispatched(T0, "san").returned("san", T0.plusSeconds(60))
                .rerouted("san", "mun", T0.plusSeconds(120)).accepted("mun", T0.plusSeconds(180))
                .resolved("mun", T0.plusSeconds(240)));
        CaseFacts x = model.snapshot().get("X");
        assertThat(x.leadDepartment()).isEqualTo("mun");
        assertThat(x.tasks().get("X/san").progress().status()).isEqualTo(TaskStatus.WITHDRAWN);
        assertThat(x.leadStatus()).isEqualTo(TaskStatus.RESOLVED);
        Assessment march = Assessment.of(model, Period.month(2026, 3), Grouping.DEPARTMENT);
        assertThat(march.units()).extracting(UnitAssessment::unit).containsExactly("mun", "san");
        assertThat(march.units().get(0).tally().casesResolved()).isEqualTo(1);
        assertThat(march.units().get(1).tally().tasksReturned()).isEqualTo(1);
        assertThat(march.units().get(1).tally().cases()).isZero();
    }

    @Test
    void shouldCountACaseWithoutATerritoryCodeAsUnplaced() {
        feed(CaseScript.of("X", null, null).reported(T0).dispatched(T0, "san"));
        assertThat(Assessment.of(model, Period.month(2026, 3), Grouping.STREET).units())
                .extracting(UnitAssessment::unit).containsExactly(Grouping.UNPLACED);
    }

    @Test
    void shouldNotAssessATaskWhoseRecordWasNeverSeen() {
        // Only the case stream: dispatch's task record (with the deadlines) is missing, so the task is not counted
        // (but the case is).
        CaseScript c = CaseScript.of("X", "S01", "C01").dispatched(T0, "san").accepted("san", T0);
        c.records().stream().filter(r -> r.topic().equals(Topics.CASE_EVENTS.name()))
                .forEach(r -> model.apply(r.topic(), r.value()));
        UnitAssessment total = Assessment.of(model, Period.month(2026, 3), Grouping.DEPARTMENT).total();
        assertThat(total.tally().tasks()).isZero();
        assertThat(total.tally().cases()).isEqualTo(1);
    }

    private void feed(CaseScript c) {
        c.records().forEach(r -> model.apply(r.topic(), r.value()));
    }
}
