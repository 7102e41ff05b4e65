package org.civicdispatch.assessment.report;

import java.util.Objects;
import org.civicdispatch.assessment.kpi.Weights;

/**
 * How a ranking is drawn up.
 *
 * @param redListSize    the best N units make the red list (红榜), as long as they are not below the threshold
 * @param blackListSize  the worst N units make the black list (黑榜)
 * @param blackListBelow units scoring below this also make the black list; null for none
 * @param minimumTasks   units with fewer assessed tasks in the period are listed but not ranked: a department with
 *                       one task is not "the best" on one lucky case
 */
public record RankingPolicy(Weights weights, int redListSize, int blackListSize, Double blackListBelow,
                            long minimumTasks) {

    /** Default weights; three red, three black, black below 0.6, ranked from 5 tasks. */
    public static final RankingPolicy DEFAULT = new RankingPolicy(Weights.DEFAULT, 3, 3, 0.6, 5);

    public RankingPolicy {
        Objects.requireNonNull(weights, "weights");
        if (redListSize < 0 || blackListSize < 0 || minimumTasks < 0) {
            throw new IllegalArgumentException("list sizes and the minimum of tasks cannot be negative");
        }
        if (blackListBelow != null && !(blackListBelow >= 0 && blackListBelow <= 1)) {
            throw new IllegalArgumentException("the black-list threshold is a score in [0, 1], not " + blackListBelow);
        }
    }
}
