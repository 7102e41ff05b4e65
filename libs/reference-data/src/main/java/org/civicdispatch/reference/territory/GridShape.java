package org.civicdispatch.reference.territory;

import java.util.List;

/**
 * The boundary of one grid for drawing: the exterior ring as {@code [longitude, latitude]} pairs, closed (the last
 * pair repeats the first), counter-clockwise as in the GeoJSON file.
 */
public record GridShape(Place place, List<double[]> ring) {

    public GridShape {
        ring = ring.stream().map(double[]::clone).toList();
    }
}
