package org.civicdispatch.dispatch.routing;

import java.time.Duration;
import java.util.List;
import org.civicdispatch.events.Tier;

/** Who handles a case and why. */
public record RoutingDecision(
        String matterCode,
        Tier tier,
        String leadDepartment,
        List<String> assistingDepartments,
        boolean catchAll,
        String reason,
        String catalogVersion,
        Duration signWithin,
        Duration feedbackWithin) {
}
