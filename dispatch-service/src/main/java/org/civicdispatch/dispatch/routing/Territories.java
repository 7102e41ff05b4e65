package org.civicdispatch.dispatch.routing;

import org.civicdispatch.events.Location;
import org.civicdispatch.events.Tier;

/**
 * The territorial unit of a place at a tier: its grid, community or street code, or the district. A place resolved
 * only partly (no grid code, say) falls to the next unit up that it does name.
 */
public final class Territories {

    public static final String DISTRICT = "district";

    private Territories() {
    }

    public static String unitOf(Location place, Tier tier) {
        if (place == null) {
            return DISTRICT;
        }
        String[] byTier = {place.getGridCode(), place.getCommunityCode(), place.getStreetCode()};
        for (int t = tier.ordinal(); t < byTier.length; t++) {
            if (byTier[t] != null && !byTier[t].isBlank()) {
                return byTier[t];
            }
        }
        return DISTRICT;
    }
}
