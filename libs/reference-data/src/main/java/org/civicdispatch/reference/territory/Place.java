package org.civicdispatch.reference.territory;

/**
 * Where a report belongs: the grid (网格) that owns a location, with the community (社区), street (街道) and district
 * above it. Routing and escalation read the owner at each tier from here.
 */
public record Place(
        String districtCode,
        String streetCode,
        String streetName,
        String communityCode,
        String communityName,
        String gridCode,
        String gridName) {
}
