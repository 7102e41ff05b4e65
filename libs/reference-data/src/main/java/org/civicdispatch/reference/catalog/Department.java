package org.civicdispatch.reference.catalog;

import org.civicdispatch.events.Tier;

/**
 * A functional department or public-service company that answers calls (职能部门), or a territorial responder (street
 * office, community committee, grid station).
 *
 * @param territorialTier for territorial responders, the tier of the unit at the case's place that must act (its
 *                        community committee, its grid station); null for departments, which act district-wide
 */
public record Department(String code, String nameZh, String nameEn, Tier territorialTier) {

    public Department(String code, String nameZh, String nameEn) {
        this(code, nameZh, nameEn, null);
    }

    public boolean isTerritorial() {
        return territorialTier != null;
    }
}
