package org.civicdispatch.dispatch.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.reference.catalog.CountingMode;
import org.civicdispatch.reference.catalog.Department;
import org.civicdispatch.reference.catalog.Matter;
import org.civicdispatch.reference.catalog.MatterCatalog;

/**
 * Routing rules: the report's category names a matter of the catalog (or just its category); the matter names
 * the lead and assisting departments. Whatever matches nothing goes to the district as the catch-all (兜底), so no
 * case is ever dropped.
 */
public final class Router {

    /** National practice: emergencies get feedback within 2 h, utilities-grade urgent cases within 24 h. */
    static final Duration EMERGENCY_FEEDBACK = Duration.ofHours(2);
    static final Duration URGENT_FEEDBACK = Duration.ofHours(24);
    static final Duration DEFAULT_SIGN = Duration.ofHours(2);
    static final Duration DEFAULT_FEEDBACK = Duration.ofDays(7);

    private final MatterCatalog catalog;

    public Router(MatterCatalog catalog) {
        this.catalog = catalog;
    }

    public RoutingDecision route(String category, Urgency reportedUrgency) {
        Optional<Matter> exact = catalog.matter(category);
        Optional<Matter> matter = exact.isPresent() ? exact : catalog.firstOfCategory(categoryOf(category));
        if (matter.isEmpty()) {
            return new RoutingDecision("unclassified", Tier.DISTRICT, catalog.catchAllDepartment(), List.of(), true,
                    "no catalog entry for '" + category + "': district catch-all", catalog.version(), DEFAULT_SIGN,
                    feedbackWithin(reportedUrgency, DEFAULT_FEEDBACK), reportedUrgency,
                    countingOf(reportedUrgency, CountingMode.WORKING_HOURS), null, List.of());
        }
        Matter m = matter.get();
        Urgency urgency = reportedUrgency.ordinal() > m.urgency().ordinal() ? reportedUrgency : m.urgency();
        String reason = exact.isPresent() ? "matter " + m.code() : "category " + m.category() + " via " + m.code();
        return new RoutingDecision(m.code(), m.tier(), m.leadDepartment(), m.assistingDepartments(), false,
                reason, catalog.version(), m.signWithin(), feedbackWithin(urgency, m.feedbackWithin()), urgency,
                countingOf(urgency, m.countingMode()), m.arrivalWithin(), m.escalationChain());
    }

    /**
     * The territorial unit that must act on a responder's task: a community committee's task goes to the case's
     * community, a grid station's to its grid. Null for departments, which act district-wide.
     */
    public String assignedUnitOf(String departmentCode, Location place) {
        return catalog.department(departmentCode).filter(Department::isTerritorial)
                .map(d -> Territories.unitOf(place, d.territorialTier())).orElse(null);
    }

    /** Urgent work counts every hour whatever the matter says: a routine matter reported as urgent included. */
    private static CountingMode countingOf(Urgency urgency, CountingMode matterMode) {
        return urgency == Urgency.ROUTINE ? matterMode : CountingMode.ALL_HOURS;
    }

    private static Duration feedbackWithin(Urgency urgency, Duration matterLimit) {
        Duration byUrgency = switch (urgency) {
            case EMERGENCY -> EMERGENCY_FEEDBACK;
            case URGENT -> URGENT_FEEDBACK;
            case ROUTINE -> matterLimit;
        };
        return byUrgency.compareTo(matterLimit) < 0 ? byUrgency : matterLimit;
    }

    private static String categoryOf(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }
}
