package org.civicdispatch.dispatch.sla;

import java.time.Instant;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.Tier;

/**
 * A timer to set: at {@code dueAt} tell about {@code stage}'s {@code deadline} ({@code kind}: a reminder before it,
 * the breach at it, an escalation after it).
 *
 * @param taskId         null for the citizen's clock, which belongs to the case
 * @param tier           the tier an escalation climbs from (the owning tier, or the previous step of the chain)
 * @param escalateTo     the tier an escalation reaches; null for reminders and breaches
 * @param escalateToUnit the unit of that tier at the case's place (its street when a community owns it, ...)
 */
public record PlannedTimer(String caseId, String taskId, String departmentCode, SlaStage stage, SlaEventKind kind,
                           Instant deadline, Instant dueAt, Tier tier, Tier escalateTo, String escalateToUnit) {
}
