package org.civicdispatch.dispatch.routing;

import java.time.Duration;
import java.util.List;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;

/**
 * Who handles a case and why.
 *
 * @param urgency the higher of the reported urgency and the matter's: it decides how deadlines count
 */
public record RoutingDecision(
        String matterCode,
        Tier tier,
        String leadDepartment,
        List<String> assistingDepartments,
        boolean catchAll,
        String reason,
        String catalogVersion,
        Duration signWithin,
        Duration feedbackWithin,
        Urgency urgency) {
}
