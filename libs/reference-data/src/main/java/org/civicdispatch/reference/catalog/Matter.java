package org.civicdispatch.reference.catalog;

import java.time.Duration;
import java.util.List;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;

/**
 * One entry of the call/response matter list (呼叫/响应事项清单): who leads (主办), who assists (协办), which tier owns
 * it, how long each stage may take and in which time, and whom an unanswered breach reaches.
 *
 * @param countingMode    absent in the data: routine matters count working hours, urgent ones every hour
 * @param arrivalWithin   whistle matters (吹哨报到) only: how soon the called departments must be on site; else null
 * @param escalationChain the tiers an unanswered breach climbs, in order; absent: one tier up from {@code tier}
 */
public record Matter(
        String code,
        String category,
        String nameZh,
        String nameEn,
        Tier tier,
        String leadDepartment,
        List<String> assistingDepartments,
        Urgency urgency,
        Duration signWithin,
        Duration feedbackWithin,
        CountingMode countingMode,
        Duration arrivalWithin,
        List<Tier> escalationChain) {

    public Matter {
        assistingDepartments = List.copyOf(assistingDepartments);
        if (countingMode == null) {
            countingMode = urgency == Urgency.ROUTINE ? CountingMode.WORKING_HOURS : CountingMode.ALL_HOURS;
        }
        escalationChain = escalationChain == null ? List.of() : List.copyOf(escalationChain);
    }

    public Matter(String code, String category, String nameZh, String nameEn, Tier tier, String leadDepartment,
                  List<String> assistingDepartments, Urgency urgency, Duration signWithin, Duration feedbackWithin) {
        this(code, category, nameZh, nameEn, tier, leadDepartment, assistingDepartments, urgency, signWithin,
                feedbackWithin, null, null, null);
    }

    /** The sub-group the code starts with ("sanitation" of "sanitation.garbage-overflow"). */
    public String group() {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    public boolean isWhistle() {
        return arrivalWithin != null;
    }
}
