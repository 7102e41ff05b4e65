package org.civicdispatch.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.civicdispatch.dispatch.routing.Fixtures.NOW;
import static org.civicdispatch.dispatch.routing.Fixtures.report;

import java.time.Duration;
import java.util.List;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.TaskRole;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.reference.catalog.CountingMode;
import org.civicdispatch.reference.catalog.Department;
import org.civicdispatch.reference.catalog.Matter;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.junit.jupiter.api.Test;

class DispatchingTest {

    private final Dispatching dispatching = new Dispatching(new Router(Fixtures.catalog()));

    @Test
    void shouldSendAMatterToItsLeadDepartmentWithTheCatalogVersion() {
        Dispatching.Dispatched result = dispatching.dispatch(
                report("C-1", "sanitation.garbage-overflow", Urgency.ROUTINE), NOW);

        assertThat(result.tasks()).singleElement().satisfies(task -> {
            assertThat(task.getDepartmentCode()).isEqualTo("sanitation");
            assertThat(task.getRole()).isEqualTo(TaskRole.LEAD);
            assertThat(task.getTier()).isEqualTo(Tier.COMMUNITY);
            assertThat(task.getSignBy()).isEqualTo(NOW.plus(Duration.ofHours(2)));
            assertThat(task.getResolveBy()).isEqualTo(NOW.plus(Duration.ofDays(3)));
            assertThat(task.getCatalogVersion()).isEqualTo("test-1");
        });
        IncidentDispatched dispatched = (IncidentDispatched) result.caseEvent().getPayload();
        assertThat(dispatched.getLeadDepartment()).isEqualTo("sanitation");
        assertThat(dispatched.getCatchAll()).isFalse();
        assertThat(dispatched.getCatalogVersion()).isEqualTo("test-1");
        assertThat(dispatched.getTaskIds()).containsExactly("C-1/sanitation");
    }

    @Test
    void shouldMakeTheUnitOfTheMattersTierAtThePlaceTheOwner() {
        IncidentDispatched community = (IncidentDispatched) dispatching.dispatch(
                report("C-O1", "sanitation.garbage-overflow", Urgency.ROUTINE), NOW).caseEvent().getPayload();
        IncidentDispatched street = (IncidentDispatched) dispatching.dispatch(
                report("C-O2", "vending.night-market-stalls", Urgency.ROUTINE), NOW).caseEvent().getPayload();
        IncidentDispatched district = (IncidentDispatched) dispatching.dispatch(
                report("C-O3", "utilities.gas-leak", Urgency.ROUTINE), NOW).caseEvent().getPayload();

        assertThat(community.getOwnerUnit()).isEqualTo("NG-S01-C03");
        assertThat(street.getOwnerUnit()).isEqualTo("NG-S01");
        assertThat(district.getOwnerUnit()).isEqualTo("district");
        assertThat(dispatching.dispatch(report("C-O4", "vending.night-market-stalls", Urgency.ROUTINE), NOW)
                .tasks()).extracting(DepartmentTask::getOwnerUnit).containsOnly("NG-S01");
    }

    @Test
    void shouldFallToTheNextUnitUpWhenThePlaceIsOnlyPartlyResolved() {
        assertThat(Territories.unitOf(org.civicdispatch.events.Location.newBuilder().setStreetCode("NG-S02").build(),
                org.civicdispatch.events.Tier.GRID)).isEqualTo("NG-S02");
        assertThat(Territories.unitOf(null, org.civicdispatch.events.Tier.COMMUNITY)).isEqualTo("district");
    }

    @Test
    void shouldGiveAJointMatterOneLeadAndAnAssistingTaskPerDepartment() {
        List<DepartmentTask> tasks = dispatching.dispatch(
                report("C-2", "vending.night-market-stalls", Urgency.ROUTINE), NOW).tasks();

        assertThat(tasks).extracting(DepartmentTask::getDepartmentCode, DepartmentTask::getRole).containsExactly(
                tuple("urban-management", TaskRole.LEAD),
                tuple("environment", TaskRole.ASSIST),
                tuple("market-regulation", TaskRole.ASSIST));
    }

    @Test
    void shouldSendWhatMatchesNothingToTheDistrictCatchAll() {
        Dispatching.Dispatched result = dispatching.dispatch(report("C-3", "ufo.sighting", Urgency.ROUTINE), NOW);

        IncidentDispatched dispatched = (IncidentDispatched) result.caseEvent().getPayload();
        assertThat(dispatched.getCatchAll()).isTrue();
        assertThat(dispatched.getTier()).isEqualTo(Tier.DISTRICT);
        assertThat(result.tasks()).extracting(DepartmentTask::getDepartmentCode).containsExactly("district-command");
    }

    @Test
    void shouldRouteABareCategoryToItsFirstMatter() {
        assertThat(dispatching.dispatch(report("C-4", "utilities", Urgency.ROUTINE), NOW).tasks())
                .extracting(DepartmentTask::getDepartmentCode).containsExactly("gas-utility");
    }

    @Test
    void shouldShortenTheFeedbackLimitForAnEmergencyReport() {
        DepartmentTask task = dispatching.dispatch(
                report("C-5", "sanitation.garbage-overflow", Urgency.EMERGENCY), NOW).tasks().get(0);

        assertThat(task.getResolveBy()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldCountEveryHourForAnEmergencyMatterEvenWhenReportedAsRoutine() {
        DeadlinePolicy slowForRoutine = (from, within, mode) ->
                mode == CountingMode.WORKING_HOURS ? from.plus(within.multipliedBy(3)) : from.plus(within);
        Dispatching byOfficeHours = new Dispatching(new Router(Fixtures.catalog()), slowForRoutine);

        DepartmentTask task = byOfficeHours.dispatch(report("C-7", "utilities.gas-leak", Urgency.ROUTINE), NOW)
                .tasks().get(0);

        assertThat(task.getUrgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(task.getSignBy()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(task.getResolveBy()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldGiveEveryCalledDepartmentOfAWhistleMatterThirtyMinutesOnTheClockToBeOnSite() {
        DeadlinePolicy officeHoursOnly = (from, within, mode) ->
                mode == CountingMode.WORKING_HOURS ? from.plus(within.multipliedBy(3)) : from.plus(within);
        Dispatching byOfficeHours = new Dispatching(new Router(Fixtures.catalog()), officeHoursOnly);

        DepartmentTask task = byOfficeHours.dispatch(
                report("C-W1", "housing.illegal-construction", Urgency.ROUTINE), NOW).tasks().get(0);

        assertThat(task.getArriveBy()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(task.getSignBy()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(dispatching.dispatch(report("C-W2", "sanitation.garbage-overflow", Urgency.ROUTINE), NOW)
                .tasks().get(0).getArriveBy()).isNull();
    }

    @Test
    void shouldCountTheHoursTheMatterSaysEvenForARoutineReport() {
        DeadlinePolicy officeHoursOnly = (from, within, mode) ->
                mode == CountingMode.WORKING_HOURS ? from.plus(within.multipliedBy(3)) : from.plus(within);
        Dispatching byOfficeHours = new Dispatching(new Router(Fixtures.catalog()), officeHoursOnly);

        DepartmentTask nightNoise = byOfficeHours.dispatch(
                report("C-N1", "environment.night-noise", Urgency.ROUTINE), NOW).tasks().get(0);
        DepartmentTask garbage = byOfficeHours.dispatch(
                report("C-N2", "sanitation.garbage-overflow", Urgency.ROUTINE), NOW).tasks().get(0);
        DepartmentTask garbageReportedUrgent = byOfficeHours.dispatch(
                report("C-N3", "sanitation.garbage-overflow", Urgency.URGENT), NOW).tasks().get(0);

        assertThat(nightNoise.getSignBy()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(garbage.getSignBy()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(garbageReportedUrgent.getSignBy()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldAssignATerritorialResponderTheUnitAtTheCasesPlace() {
        List<DepartmentTask> tasks = dispatching.dispatch(
                report("C-G1", "community.corridor-clutter", Urgency.ROUTINE), NOW).tasks();

        assertThat(tasks).extracting(DepartmentTask::getDepartmentCode, DepartmentTask::getAssignedUnit,
                DepartmentTask::getOwnerUnit).containsExactly(
                        tuple("grid-station", "NG-S01-C03-G07", "NG-S01-C03-G07"),
                        tuple("community-committee", "NG-S01-C03", "NG-S01-C03-G07"));
        assertThat(dispatching.dispatch(report("C-G2", "sanitation.garbage-overflow", Urgency.ROUTINE), NOW)
                .tasks().get(0).getAssignedUnit()).as("departments act district-wide").isNull();
    }

    @Test
    void shouldCarryTheMattersEscalationChainOnEveryTask() {
        assertThat(dispatching.dispatch(report("C-E1", "community.corridor-clutter", Urgency.ROUTINE), NOW)
                .tasks()).allSatisfy(t -> assertThat(t.getEscalationChain())
                        .containsExactly(Tier.COMMUNITY, Tier.STREET));
        assertThat(dispatching.dispatch(report("C-E2", "sanitation.garbage-overflow", Urgency.ROUTINE), NOW)
                .tasks().get(0).getEscalationChain()).as("the catalog names none: one tier up").isEmpty();
    }

    @Test
    void shouldDeriveIdsFromTheCaseSoAReplayYieldsTheSameEvents() {
        var first = dispatching.dispatch(report("C-6", "sanitation.garbage-overflow", Urgency.ROUTINE), NOW);
        var again = dispatching.dispatch(report("C-6", "sanitation.garbage-overflow", Urgency.ROUTINE), NOW);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void shouldRefuseACatalogThatNamesAnUnknownDepartment() {
        assertThatThrownBy(() -> new MatterCatalog("bad", List.of(new Department("a", "a", "a")),
                List.of(new Matter("x.y", "x", "x", "x", Tier.GRID, "nobody", List.of(), Urgency.ROUTINE,
                        Duration.ofHours(1), Duration.ofHours(1))), "a"))
                .hasMessageContaining("unknown department nobody");
    }
}
