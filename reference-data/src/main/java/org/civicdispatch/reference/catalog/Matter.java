package org.civicdispatch.reference.catalog;

import java.time.Duration;
import java.util.List;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;

/**
 * One entry of the call/response matter list (呼叫/响应事项清单): who leads (主办), who assists (协办), which tier owns
 * it, and how long each stage may take.
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
        Duration feedbackWithin) {

    public Matter {
        assistingDepartments = List.copyOf(assistingDepartments);
    }
}
