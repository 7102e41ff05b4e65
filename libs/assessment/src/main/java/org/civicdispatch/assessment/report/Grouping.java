package org.civicdispatch.assessment.report;

import org.civicdispatch.assessment.model.CaseFacts;
import org.civicdispatch.assessment.model.Place;
import org.civicdispatch.assessment.model.TaskFacts;

/**
 * The units an assessment compares. Departments answer for their tasks and for the cases they lead; streets and
 * communities for the tasks and cases at their place (the street that calls is assessed on how its calls end).
 */
public enum Grouping {
    DEPARTMENT, STREET, COMMUNITY;

    /** The unit of a case whose place was never resolved to a street or community. */
    public static final String UNPLACED = "unplaced";

    /**
     * The grouping named in lower or upper case ({@code department}, {@code street}, {@code community}).
     *
     * @throws IllegalArgumentException naming the groupings there are
     */
    public static Grouping parse(String name) {
        for (Grouping g : values()) {
            if (g.name().equalsIgnoreCase(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no grouping '" + name + "'; known: department, street, community");
    }

    /** The unit a task of the case counts for. */
    String unitOf(CaseFacts c, TaskFacts t) {
        return this == DEPARTMENT ? t.issue().departmentCode() : placeOf(c);
    }

    /** The unit the case itself counts for: its lead department, or its place. */
    String unitOf(CaseFacts c) {
        return this == DEPARTMENT ? c.leadDepartment() : placeOf(c);
    }

    private String placeOf(CaseFacts c) {
        Place place = c.place();
        String code = this == STREET ? place.streetCode() : place.communityCode();
        return code == null ? UNPLACED : code;
    }
}
