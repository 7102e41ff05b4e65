package org.civicdispatch.dispatch.routing;

import java.time.Duration;
import java.util.List;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.reference.catalog.CountingMode;

/**
 * Who handles a case and why.
 *
 * @param urgency         the higher of the reported urgency and the matter's
 * @param countingMode    the matter's, except that a report raised above routine counts every hour
 * @param arrivalWithin   whistle matters: how soon the called departments must be on site (all hours); else null
 * @param escalationChain the tiers an unanswered breach climbs; empty: one tier up
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
        Urgency urgency,
        CountingMode countingMode,
        Duration arrivalWithin,
        List<Tier> escalationChain) {
}
