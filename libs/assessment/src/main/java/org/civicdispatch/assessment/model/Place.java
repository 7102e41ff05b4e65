package org.civicdispatch.assessment.model;

import org.civicdispatch.events.Location;

/**
 * Where a case is, as far as assessment groups it: its street and community codes (null when not resolved).
 */
public record Place(String streetCode, String communityCode) {

    public static final Place UNKNOWN = new Place(null, null);

    static Place of(Location location) {
        return location == null ? UNKNOWN : new Place(location.getStreetCode(), location.getCommunityCode());
    }

    boolean isKnown() {
        return streetCode != null || communityCode != null;
    }
}
