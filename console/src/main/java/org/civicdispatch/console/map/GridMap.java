package org.civicdispatch.console.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdispatch.reference.territory.GridShape;
import org.civicdispatch.reference.territory.Place;
import org.civicdispatch.reference.territory.Territory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The district's grids as one GeoJSON FeatureCollection for the map page: a polygon per grid with its grid,
 * community and street, and the streets and communities listed for the filters. Vector tiles cannot be fetched
 * where the console runs, so the district's own polygons are the map.
 */
public final class GridMap {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String version;
    private final byte[] geoJson;

    private GridMap(String version, byte[] geoJson) {
        this.version = version;
        this.geoJson = geoJson;
    }

    public static GridMap of(Territory territory) {
        List<Map<String, Object>> features = new ArrayList<>();
        Map<String, String> streets = new LinkedHashMap<>();
        Map<String, Map<String, String>> communities = new LinkedHashMap<>();
        for (GridShape grid : territory.grids()) {
            Place place = grid.place();
            streets.put(place.streetCode(), place.streetName());
            communities.put(place.communityCode(), Map.of("code", place.communityCode(), "name",
                    place.communityName(), "street", place.streetCode()));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("grid", place.gridCode());
            properties.put("gridName", place.gridName());
            properties.put("community", place.communityCode());
            properties.put("communityName", place.communityName());
            properties.put("street", place.streetCode());
            properties.put("streetName", place.streetName());
            features.add(Map.of("type", "Feature", "id", place.gridCode(), "properties", properties,
                    "geometry", Map.of("type", "Polygon", "coordinates", List.of(grid.ring()))));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("version", territory.version());
        collection.put("district", Map.of("code", territory.districtCode(), "name", territory.districtName()));
        collection.put("streets", streets.entrySet().stream()
                .map(e -> Map.of("code", e.getKey(), "name", e.getValue())).toList());
        collection.put("communities", List.copyOf(communities.values()));
        collection.put("features", features);
        return new GridMap("\"" + territory.version() + "\"", JSON.writeValueAsBytes(collection));
    }

    /** The territory version, quoted as an entity tag. */
    public String version() {
        return version;
    }

    public byte[] geoJson() {
        return geoJson.clone();
    }
}
