package org.civicdispatch.reference.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicdispatch.reference.territory.TerritoryReader.Level;
import org.civicdispatch.reference.territory.TerritoryReader.Unit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The territory of one district (区 → 街道 → 社区 → 网格) with grid boundaries, read from GeoJSON. Answers "which
 * grid owns this point / this grid code / this building address". Immutable and safe to share between threads.
 *
 * <p>A point on a boundary shared by several grids belongs to the grid with the lowest code, so the same point always
 * resolves to the same owner.
 */
public final class Territory {

    /** The demo district shipped with the platform (a Nanguan-like district of Changchun). */
    public static final String BUNDLED = "/reference/territory.geojson";

    private static final Comparator<IndexedGrid> LOWEST_CODE = Comparator.comparing(g -> g.place().gridCode());

    private final String version;
    private final String districtCode;
    private final String districtName;
    private final int streetCount;
    private final int communityCount;
    private final Map<String, Place> byGridCode;
    private final Map<String, Place> byAddress;
    private final List<GridShape> grids;
    private final STRtree index;
    private final GeometryFactory geometries;

    private record IndexedGrid(Place place, PreparedGeometry shape) {
    }

    private Territory(TerritoryReader.Contents contents, GeometryFactory geometries) {
        this.geometries = geometries;
        this.version = contents.version();
        Map<String, Unit> units = new HashMap<>();
        contents.units().forEach(u -> units.put(u.code(), u));
        Unit district = contents.units().stream().filter(u -> u.level() == Level.DISTRICT).findFirst().orElseThrow();
        this.districtCode = district.code();
        this.districtName = district.name();
        this.streetCount = (int) contents.units().stream().filter(u -> u.level() == Level.STREET).count();
        this.communityCount = (int) contents.units().stream().filter(u -> u.level() == Level.COMMUNITY).count();

        Map<String, Place> gridPlaces = new LinkedHashMap<>();
        Map<String, Place> addressPlaces = new HashMap<>();
        List<GridShape> shapes = new ArrayList<>();
        STRtree tree = new STRtree();
        for (Unit grid : contents.units()) {
            if (grid.level() != Level.GRID) {
                continue;
            }
            Unit community = units.get(grid.parent());
            Unit street = units.get(community.parent());
            Place place = new Place(district.code(), street.code(), street.name(), community.code(), community.name(),
                    grid.code(), grid.name());
            gridPlaces.put(grid.code(), place);
            grid.addresses().forEach(a -> addressPlaces.put(normalizeAddress(a), place));
            Polygon polygon = (Polygon) grid.geometry();
            shapes.add(new GridShape(place, ring(polygon)));
            tree.insert(polygon.getEnvelopeInternal(), new IndexedGrid(place, PreparedGeometryFactory.prepare(polygon)));
        }
        tree.build();
        this.byGridCode = Map.copyOf(gridPlaces);
        this.byAddress = Map.copyOf(addressPlaces);
        this.grids = List.copyOf(shapes);
        this.index = tree;
    }

    /** The bundled demo territory, read once. */
    public static Territory bundled() {
        return Bundled.TERRITORY;
    }

    /**
     * Reads a territory FeatureCollection. Refuses, with an {@link IllegalArgumentException} naming {@code source}
     * and the offending feature, files with duplicate codes, unknown or wrong-level parents, grids that are not valid
     * Polygons, or building addresses listed twice.
     */
    public static Territory load(InputStream in, String source) {
        GeometryFactory geometries = new GeometryFactory();
        return new Territory(new TerritoryReader(source, geometries).read(in), geometries);
    }

    public String version() {
        return version;
    }

    public String districtCode() {
        return districtCode;
    }

    public String districtName() {
        return districtName;
    }

    public int streetCount() {
        return streetCount;
    }

    public int communityCount() {
        return communityCount;
    }

    public int gridCount() {
        return byGridCode.size();
    }

    /** The grid that owns a WGS84 point; empty outside the district. Note the order: latitude first. */
    public Optional<Place> locate(double latitude, double longitude) {
        if (!Double.isFinite(latitude) || !Double.isFinite(longitude)) {
            return Optional.empty();
        }
        Point point = geometries.createPoint(new Coordinate(longitude, latitude));
        @SuppressWarnings("unchecked")
        List<IndexedGrid> candidates = index.query(point.getEnvelopeInternal());
        return candidates.stream()
                .filter(g -> g.shape().covers(point))
                .min(LOWEST_CODE)
                .map(IndexedGrid::place);
    }

    public boolean contains(double latitude, double longitude) {
        return locate(latitude, longitude).isPresent();
    }

    public Optional<Place> byGridCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byGridCode.get(code.strip()));
    }

    /**
     * The grid of a building address, matched exactly after {@link #normalizeAddress normalization}: "幸福路12号",
     * "幸福路 １２ 号" and "幸福路12号 " are the same building.
     */
    public Optional<Place> byAddress(String address) {
        return address == null ? Optional.empty() : Optional.ofNullable(byAddress.get(normalizeAddress(address)));
    }

    /** Every grid with its boundary, in file order. */
    public List<GridShape> grids() {
        return grids;
    }

    /**
     * The form addresses are compared in: Unicode NFKC (full-width digits, letters and spaces become their
     * half-width forms), without any whitespace, lower case.
     */
    static String normalizeAddress(String address) {
        String folded = Normalizer.normalize(address, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .map(Character::toLowerCase)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static List<double[]> ring(Polygon polygon) {
        List<double[]> ring = new ArrayList<>();
        for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
            ring.add(new double[] {c.x, c.y});
        }
        return ring;
    }

    private static final class Bundled {
        private static final Territory TERRITORY = read();

        private static Territory read() {
            try (InputStream in = Territory.class.getResourceAsStream(BUNDLED)) {
                return load(in, BUNDLED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
