package org.civicdispatch.dispatch.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.dispatch.routing.Fixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.dispatch.routing.Router;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEscalated;
import org.civicdispatch.events.CaseRerouted;
import org.civicdispatch.events.Closure;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.ExtensionGranted;
import org.civicdispatch.events.ResponseKind;
import org.civicdispatch.events.ResponseRefused;
import org.civicdispatch.events.TaskAccepted;
import org.civicdispatch.events.TaskReturned;
import org.civicdispatch.events.Urgency;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest {

    /** A fixed 24 h return window keeps these tests about the lifecycle; calendars are tested on their own. */
    private final CaseLifecycle lifecycle = new CaseLifecycle(at -> at.plus(Duration.ofHours(24)), 3,
            Duration.ofDays(3));
    private final Dispatching dispatching = new Dispatching(new Router(Fixtures.catalog()));

    private CaseFile nightMarketCase() {
        Dispatching.Dispatched d = dispatching.dispatch(
                Fixtures.report("C-L1", "vending.night-market-stalls", Urgency.ROUTINE), NOW);
        return CaseLifecycle.opened("C-L1", "vending.night-market-stalls", d.tasks());
    }

    private static DepartmentResponse response(String id, String dept, ResponseKind kind, String reason) {
        return DepartmentResponse.newBuilder().setResponseId(id).setTaskId("C-L1/" + dept).setCaseId("C-L1")
                .setDepartmentCode(dept).setKind(kind).setReturnReason(reason).setRespondedAt(NOW).build();
    }

    private static CaseFile fileOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Applied.class);
        return ((Decision.Applied) decision).file();
    }

    private static List<SpecificRecord> eventsOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Applied.class);
        return ((Decision.Applied) decision).events();
    }

    @Test
    void shouldFollowTheLeadDepartmentFromSigningToResolution() {
        CaseFile file = nightMarketCase();
        file = fileOf(lifecycle.respond(file, response("r1", "urban-management", ResponseKind.ACCEPTED, null), NOW));
        assertThat(file.state()).isEqualTo(CaseState.ACCEPTED);
        file = fileOf(lifecycle.respond(file, response("r2", "urban-management", ResponseKind.PROGRESS, null), NOW));
        assertThat(file.state()).isEqualTo(CaseState.IN_PROGRESS);
        file = fileOf(lifecycle.respond(file, response("r3", "urban-management", ResponseKind.RESOLVED, null), NOW));
        assertThat(file.state()).isEqualTo(CaseState.RESOLVED);
        assertThat(file.version()).isEqualTo(4);
    }

    @Test
    void shouldLetAssistingDepartmentsReportWithoutMovingTheCase() {
        CaseFile file = fileOf(lifecycle.respond(nightMarketCase(),
                response("r1", "environment", ResponseKind.ACCEPTED, null), NOW));

        assertThat(file.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(file.task("C-L1/environment")).hasValueSatisfying(
                t -> assertThat(t.status()).isEqualTo(TaskStatus.ACCEPTED));
    }

    @Test
    void shouldIgnoreAResentResponse() {
        CaseFile file = fileOf(lifecycle.respond(nightMarketCase(),
                response("r1", "urban-management", ResponseKind.ACCEPTED, null), NOW));

        assertThat(lifecycle.respond(file, response("r1", "urban-management", ResponseKind.ACCEPTED, null), NOW))
                .isInstanceOf(Decision.Ignored.class);
    }

    @Test
    void shouldTakeAReturnWithAReasonWithinTheWindowAndRefuseItAfter() {
        DepartmentResponse ret = response("r1", "urban-management", ResponseKind.RETURNED, "not a vending matter");

        Decision inTime = lifecycle.respond(nightMarketCase(), ret, NOW.plus(Duration.ofHours(23)));
        assertThat(fileOf(inTime).state()).isEqualTo(CaseState.RETURNED);
        assertThat(eventsOf(inTime)).singleElement().isInstanceOf(TaskReturned.class);

        Decision late = lifecycle.respond(nightMarketCase(), ret, NOW.plus(Duration.ofHours(25)));
        assertThat(fileOf(late).state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(eventsOf(late)).singleElement().isInstanceOfSatisfying(ResponseRefused.class,
                r -> assertThat(r.getReason()).contains("return window closed", "owns the case"));
    }

    @Test
    void shouldRefuseAReturnWithoutReasonOrAfterSigning() {
        Decision noReason = lifecycle.respond(nightMarketCase(),
                response("r1", "urban-management", ResponseKind.RETURNED, " "), NOW);
        assertThat(eventsOf(noReason)).singleElement().isInstanceOf(ResponseRefused.class);

        CaseFile signed = fileOf(lifecycle.respond(nightMarketCase(),
                response("r2", "urban-management", ResponseKind.ACCEPTED, null), NOW));
        Decision afterSigning = lifecycle.respond(signed,
                response("r3", "urban-management", ResponseKind.RETURNED, "changed our mind"), NOW);
        assertThat(eventsOf(afterSigning)).singleElement().isInstanceOfSatisfying(ResponseRefused.class,
                r -> assertThat(r.getReason()).contains("owns it"));
    }

    @Test
    void shouldRefuseResponsesFromADepartmentWithoutATask() {
        Decision stranger = lifecycle.respond(nightMarketCase(),
                response("r1", "gas-utility", ResponseKind.ACCEPTED, null), NOW);

        assertThat(eventsOf(stranger)).singleElement().isInstanceOfSatisfying(ResponseRefused.class,
                r -> assertThat(r.getReason()).contains("has no task"));
    }

    @Test
    void shouldRerouteAReturnedLeadTaskToAnotherDepartment() {
        CaseFile returned = fileOf(lifecycle.respond(nightMarketCase(),
                response("r1", "urban-management", ResponseKind.RETURNED, "market regulation leads this"), NOW));
        Instant later = NOW.plus(Duration.ofHours(3));

        Decision.Applied rerouted = (Decision.Applied) lifecycle.reroute(returned, "C-L1/urban-management",
                "market-regulation", "op-li", "per the call list", later);

        assertThat(rerouted.file().state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(rerouted.file().lead().departmentCode()).isEqualTo("market-regulation");
        assertThat(rerouted.events()).singleElement().isInstanceOfSatisfying(CaseRerouted.class,
                e -> assertThat(e.getArbitrated()).isFalse());
        DepartmentTask issued = rerouted.newTasks().get(0);
        assertThat(issued.getDepartmentCode()).isEqualTo("market-regulation");
        assertThat(issued.getDispatchedAt()).isEqualTo(later);
        assertThat(issued.getSignBy()).isEqualTo(later.plus(Duration.ofHours(2)));
        assertThat(rerouted.file().task("C-L1/urban-management")).hasValueSatisfying(
                t -> assertThat(t.status()).isEqualTo(TaskStatus.WITHDRAWN));
    }

    @Test
    void shouldGiveARerouteToATerritorialResponderItsUnitAndANewArrivalWindow() {
        Dispatching.Dispatched d = dispatching.dispatch(
                Fixtures.report("C-L1", "housing.illegal-construction", Urgency.ROUTINE), NOW);
        CaseFile returned = fileOf(lifecycle.respond(CaseLifecycle.opened("C-L1", "housing.illegal-construction",
                d.tasks()), response("r1", "urban-management", ResponseKind.RETURNED, "a matter for the grid"), NOW));
        Instant later = NOW.plus(Duration.ofHours(1));

        DepartmentTask issued = ((Decision.Applied) lifecycle.reroute(returned, "C-L1/urban-management",
                "grid-station", "NG-S01-C03-G07", "op-li", "grid handles it", later)).newTasks().get(0);

        assertThat(issued.getAssignedUnit()).isEqualTo("NG-S01-C03-G07");
        assertThat(issued.getArriveBy()).isEqualTo(later.plus(Duration.ofMinutes(30)));
    }

    @Test
    void shouldEscalateAnOpenCaseOnceToAnotherUnitAndRefuseAClosedOne() {
        CaseFile file = nightMarketCase();

        assertThat(eventsOf(lifecycle.escalate(file, "NG-S01", "district", "op-li", "third complaint")))
                .singleElement().isInstanceOfSatisfying(CaseEscalated.class, e -> {
                    assertThat(e.getToUnit()).isEqualTo("district");
                    assertThat(e.getReason()).isEqualTo("third complaint");
                });
        assertThat(lifecycle.escalate(file, "district", "district", "op-li", "again"))
                .isInstanceOf(Decision.Refused.class);
        CaseFile merged = fileOf(lifecycle.merge(file, "C-OTHER", "op-li"));
        assertThat(lifecycle.escalate(merged, "NG-S01", "district", "op-li", "too late"))
                .isInstanceOf(Decision.Refused.class);
    }

    @Test
    void shouldMakeTheDepartmentOwnTheCaseWhenTheOperatorArbitrates() {
        CaseFile returned = fileOf(lifecycle.respond(nightMarketCase(),
                response("r1", "urban-management", ResponseKind.RETURNED, "not ours"), NOW));
        Decision.Applied arbitrated = (Decision.Applied) lifecycle.reroute(returned, "C-L1/urban-management",
                "urban-management", "op-li", "it is on the call list", NOW);
        String newTask = arbitrated.newTasks().get(0).getTaskId();

        Decision againReturned = lifecycle.respond(arbitrated.file(), DepartmentResponse.newBuilder()
                .setResponseId("r2").setTaskId(newTask).setCaseId("C-L1").setDepartmentCode("urban-management")
                .setKind(ResponseKind.RETURNED).setReturnReason("still not ours").setRespondedAt(NOW).build(), NOW);

        assertThat(eventsOf(againReturned)).singleElement().isInstanceOf(ResponseRefused.class);
    }

    @Test
    void shouldBoundExtensionsInNumberAndLength() {
        CaseFile file = nightMarketCase();
        for (int i = 1; i <= 3; i++) {
            Decision granted = lifecycle.extend(file, "C-L1/urban-management", Duration.ofDays(1), "op", "rain");
            assertThat(eventsOf(granted)).singleElement().isInstanceOfSatisfying(ExtensionGranted.class,
                    e -> assertThat(e.getExtensionMillis()).isEqualTo(Duration.ofDays(1).toMillis()));
            file = fileOf(granted);
        }
        assertThat(lifecycle.extend(file, "C-L1/urban-management", Duration.ofDays(1), "op", "more rain"))
                .isInstanceOfSatisfying(Decision.Refused.class, r -> assertThat(r.reason()).contains("3 extensions"));
        assertThat(lifecycle.extend(nightMarketCase(), "C-L1/urban-management", Duration.ofDays(4), "op", "x"))
                .isInstanceOf(Decision.Refused.class);
    }

    @Test
    void shouldCloseOnASatisfiedRatingAndReopenOnAnUnsatisfiedOne() {
        CaseFile resolved = fileOf(lifecycle.respond(nightMarketCase(),
                response("r1", "urban-management", ResponseKind.RESOLVED, null), NOW));

        Decision satisfied = lifecycle.rate(resolved, true, "thanks");
        assertThat(fileOf(satisfied).state()).isEqualTo(CaseState.CLOSED);
        assertThat(eventsOf(satisfied)).last().isInstanceOfSatisfying(CaseClosed.class,
                c -> assertThat(c.getClosure()).isEqualTo(Closure.RATED));

        CaseFile reopened = fileOf(lifecycle.rate(resolved, false, "stalls are back"));
        assertThat(reopened.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(lifecycle.rate(nightMarketCase(), true, null)).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void shouldCloseAMergedCaseAndRefuseResponsesAfterwards() {
        CaseFile merged = fileOf(lifecycle.merge(nightMarketCase(), "C-L0", "op-wang"));

        assertThat(merged.state()).isEqualTo(CaseState.CLOSED);
        assertThat(eventsOf(lifecycle.respond(merged,
                response("r9", "urban-management", ResponseKind.ACCEPTED, null), NOW)))
                .singleElement().isInstanceOfSatisfying(ResponseRefused.class,
                        r -> assertThat(r.getReason()).contains("closed"));
        assertThat(lifecycle.merge(nightMarketCase(), "C-L1", "op")).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void shouldMoveResolutionDeadlinesByTheTimeSpentWaitingOnTheCitizen() {
        CaseFile paused = fileOf(lifecycle.pause(nightMarketCase(), "op", "no access to the courtyard", NOW));
        assertThat(paused.isPaused()).isTrue();
        assertThat(lifecycle.pause(paused, "op", "again", NOW)).isInstanceOf(Decision.Refused.class);

        CaseFile resumed = fileOf(lifecycle.resume(paused, "op", NOW.plus(Duration.ofHours(5))));

        assertThat(resumed.isPaused()).isFalse();
        assertThat(resumed.lead().issued().getResolveBy())
                .isEqualTo(nightMarketCase().lead().issued().getResolveBy().plus(Duration.ofHours(5)));
        assertThat(lifecycle.resume(resumed, "op", NOW)).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void shouldSignOnlyOnce() {
        CaseFile signed = fileOf(lifecycle.respond(nightMarketCase(),
                response("r1", "urban-management", ResponseKind.ACCEPTED, null), NOW));

        assertThat(eventsOf(lifecycle.respond(signed,
                response("r2", "urban-management", ResponseKind.ACCEPTED, null), NOW)))
                .singleElement().isInstanceOf(ResponseRefused.class);
        assertThat(eventsOf(lifecycle.respond(nightMarketCase(),
                response("r1", "urban-management", ResponseKind.ACCEPTED, null), NOW)))
                .singleElement().isInstanceOf(TaskAccepted.class);
    }
}
