package org.civicdispatch.reference.territory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks a territory GeoJSON FeatureCollection. Every refusal names the source and, where there is one,
 * the feature (its position in {@code features} and its code), so whoever maintains the file can find the mistake.
 */
final class TerritoryReader {

    enum Level {
        DISTRICT, STREET, COMMUNITY, GRID;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The level a unit's parent must have; null for the district, which has none. */
        Level parentLevel() {
            return this == DISTRICT ? null : values()[ordinal() - 1];
        }

        static Level of(String key) {
            for (Level level : values()) {
                if (level.key().equals(key)) {
                    return level;
                }
            }
            return null;
        }
    }

    /** One feature of the file: a district, street, community or grid with its boundary. */
    record Unit(int index, Level level, String code, String name, String nameEn, String parent, Geometry geometry,
                List<String> addresses) {
    }

    /** The checked content of a file, units in file order. */
    record Contents(String version, List<Unit> units) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String source;
    private final GeometryFactory geometries;

    TerritoryReader(String source, GeometryFactory geometries) {
        this.source = source;
        this.geometries = geometries;
    }

    Contents read(InputStream in) {
        if (in == null) {
            throw new IllegalArgumentException("territory not found: " + source);
        }
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("territory " + source + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(text(root, "type"))) {
            throw refused("the root must be a GeoJSON FeatureCollection");
        }
        String version = text(root, "version");
        if (version == null || version.isBlank()) {
            throw refused("the FeatureCollection has no \"version\"");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            throw refused("the FeatureCollection has no \"features\"");
        }
        List<Unit> units = new ArrayList<>();
        Map<String, Unit> byCode = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode feature : features.values()) {
            Unit unit = unit(index++, feature);
            Unit earlier = byCode.putIfAbsent(unit.code(), unit);
            if (earlier != null) {
                throw refused(unit, "duplicate code, already used by feature #" + earlier.index());
            }
            units.add(unit);
        }
        checkHierarchy(units, byCode);
        checkAddresses(units);
        return new Contents(version, List.copyOf(units));
    }

    private Unit unit(int index, JsonNode feature) {
        if (!feature.isObject() || !"Feature".equals(text(feature, "type"))) {
            throw refused("feature #" + index + " is not a GeoJSON Feature");
        }
        JsonNode properties = feature.get("properties");
        if (properties == null || !properties.isObject()) {
            throw refused("feature #" + index + " has no properties");
        }
        String code = text(properties, "code");
        if (code == null || code.isBlank()) {
            throw refused("feature #" + index + " has no \"code\"");
        }
        String where = "feature #" + index + " (" + code + ")";
        String levelKey = text(properties, "level");
        Level level = Level.of(levelKey);
        if (level == null) {
            throw refused(where + " has unknown level " + quoted(levelKey)
                    + ", expected district, street, community or grid");
        }
        String name = text(properties, "name");
        if (name == null || name.isBlank()) {
            throw refused(where + " has no \"name\"");
        }
        String parent = text(properties, "parent");
        Geometry geometry = geometry(where, level, feature.get("geometry"));
        List<String> addresses = new ArrayList<>();
        JsonNode list = properties.get("addresses");
        if (list != null && !list.isNull()) {
            if (level != Level.GRID || !list.isArray()) {
                throw refused(where + ": \"addresses\" must be an array of strings on a grid");
            }
            for (JsonNode address : list.values()) {
                if (!address.isString() || Territory.normalizeAddress(address.stringValue()).isEmpty()) {
                    throw refused(where + " has an empty or non-text address");
                }
                addresses.add(address.stringValue());
            }
        }
        return new Unit(index, level, code, name, text(properties, "nameEn"), parent, geometry,
                List.copyOf(addresses));
    }

    private Geometry geometry(String where, Level level, JsonNode geometry) {
        String type = geometry == null || geometry.isNull() ? null : text(geometry, "type");
        if (level == Level.GRID && !"Polygon".equals(type)) {
            throw refused(where + ": a grid's geometry must be a Polygon, was " + (type == null ? "none" : type));
        }
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            throw refused(where + ": geometry must be a Polygon or MultiPolygon, was "
                    + (type == null ? "none" : type));
        }
        JsonNode coordinates = geometry.get("coordinates");
        Geometry parsed;
        if ("Polygon".equals(type)) {
            parsed = polygon(where, coordinates);
        } else {
            if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
                throw refused(where + ": a MultiPolygon needs at least one polygon");
            }
            List<Polygon> polygons = new ArrayList<>();
            for (JsonNode polygon : coordinates.values()) {
                polygons.add(polygon(where, polygon));
            }
            parsed = geometries.createMultiPolygon(polygons.toArray(Polygon[]::new));
        }
        TopologyValidationError error = new IsValidOp(parsed).getValidationError();
        if (error != null) {
            throw refused(where + ": invalid geometry, " + error.getMessage() + " at "
                    + error.getCoordinate().x + "," + error.getCoordinate().y);
        }
        return parsed;
    }

    private Polygon polygon(String where, JsonNode rings) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw refused(where + ": a Polygon needs at least its exterior ring");
        }
        List<LinearRing> parsed = new ArrayList<>();
        for (JsonNode ring : rings.values()) {
            parsed.add(ring(where, ring));
        }
        return geometries.createPolygon(parsed.get(0),
                parsed.subList(1, parsed.size()).toArray(LinearRing[]::new));
    }

    private LinearRing ring(String where, JsonNode ring) {
        if (ring == null || !ring.isArray() || ring.size() < 4) {
            throw refused(where + ": a ring needs at least 4 positions");
        }
        Coordinate[] coordinates = new Coordinate[ring.size()];
        int i = 0;
        for (JsonNode position : ring.values()) {
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                    || !position.get(1).isNumber()) {
                throw refused(where + ": a position must be [longitude, latitude]");
            }
            double longitude = position.get(0).doubleValue();
            double latitude = position.get(1).doubleValue();
            if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90)) {
                throw refused(where + ": position [" + longitude + ", " + latitude
                        + "] is outside [-180..180, -90..90] (GeoJSON is [longitude, latitude])");
            }
            coordinates[i++] = new Coordinate(longitude, latitude);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw refused(where + ": a ring must end where it starts");
        }
        return geometries.createLinearRing(coordinates);
    }

    private void checkHierarchy(List<Unit> units, Map<String, Unit> byCode) {
        List<Unit> districts = units.stream().filter(u -> u.level() == Level.DISTRICT).toList();
        if (districts.size() != 1) {
            throw refused("expected exactly one district feature, found " + districts.size());
        }
        for (Unit unit : units) {
            Level expected = unit.level().parentLevel();
            if (expected == null) {
                if (unit.parent() != null) {
                    throw refused(unit, "a district has no parent, found " + quoted(unit.parent()));
                }
                continue;
            }
            if (unit.parent() == null || unit.parent().isBlank()) {
                throw refused(unit, "a " + unit.level().key() + " needs a \"parent\" " + expected.key());
            }
            Unit parent = byCode.get(unit.parent());
            if (parent == null) {
                throw refused(unit, "unknown parent " + quoted(unit.parent()));
            }
            if (parent.level() != expected) {
                throw refused(unit, "parent " + quoted(unit.parent()) + " is a " + parent.level().key()
                        + ", a " + unit.level().key() + "'s parent must be a " + expected.key());
            }
        }
        if (units.stream().noneMatch(u -> u.level() == Level.GRID)) {
            throw refused("the territory has no grids");
        }
    }

    private void checkAddresses(List<Unit> units) {
        Map<String, Unit> owners = new HashMap<>();
        for (Unit unit : units) {
            for (String address : unit.addresses()) {
                Unit earlier = owners.putIfAbsent(Territory.normalizeAddress(address), unit);
                if (earlier != null) {
                    throw refused(unit, "address " + quoted(address) + " is already listed by "
                            + "feature #" + earlier.index() + " (" + earlier.code() + ")");
                }
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static String quoted(String value) {
        return value == null ? "none" : "\"" + value + "\"";
    }

    private IllegalArgumentException refused(Unit unit, String message) {
        return refused("feature #" + unit.index() + " (" + unit.code() + "): " + message);
    }

    private IllegalArgumentException refused(String message) {
        return new IllegalArgumentException("territory " + source + " refused: " + message);
    }
}
