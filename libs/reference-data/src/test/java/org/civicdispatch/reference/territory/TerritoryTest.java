package org.civicdispatch.reference.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicdispatch.reference.territory.TerritoryReader.Level;
import org.civicdispatch.reference.territory.TerritoryReader.Unit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** The bundled demo district through the public API. */
class TerritoryTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static Territory territory;
    private static List<Unit> units;

    @BeforeAll
    static void readBundled() throws IOException {
        territory = Territory.bundled();
        try (InputStream in = TerritoryTest.class.getResourceAsStream(Territory.BUNDLED)) {
            units = new TerritoryReader(Territory.BUNDLED, GEOMETRY).read(in).units();
        }
    }

    @Test
    void shouldHoldEightStreetsFiftyEightCommunitiesAnd586Grids() {
        assertThat(territory.districtCode()).isEqualTo("NG");
        assertThat(territory.districtName()).isEqualTo("南关区 (demo)");
        assertThat(territory.version()).isEqualTo("2026.11-demo.1");
        assertThat(territory.streetCount()).isEqualTo(8);
        assertThat(territory.communityCount()).isEqualTo(58);
        assertThat(territory.gridCount()).isEqualTo(586);
        assertThat(territory.grids()).hasSize(586);
        assertThat(Territory.bundled()).isSameAs(territory);
    }

    @Test
    void shouldResolveEveryGridsParentChain() {
        Map<String, Unit> byCode = units.stream().collect(Collectors.toMap(Unit::code, u -> u));
        for (GridShape grid : territory.grids()) {
            Place place = grid.place();
            Unit gridUnit = byCode.get(place.gridCode());
            Unit community = byCode.get(gridUnit.parent());
            Unit street = byCode.get(community.parent());
            Unit district = byCode.get(street.parent());
            assertThat(community.level()).isEqualTo(Level.COMMUNITY);
            assertThat(street.level()).isEqualTo(Level.STREET);
            assertThat(district.level()).isEqualTo(Level.DISTRICT);
            assertThat(place).isEqualTo(new Place(district.code(), street.code(), street.name(), community.code(),
                    community.name(), gridUnit.code(), gridUnit.name()));
            assertThat(place.gridCode()).startsWith(place.communityCode() + "-G");
            assertThat(place.communityCode()).startsWith(place.streetCode() + "-C");
            assertThat(place.streetName()).endsWith("街道");
            assertThat(place.communityName()).endsWith("社区");
            assertThat(place.gridName()).matches("第\\d+网格");
        }
        Map<String, Long> gridsPerCommunity = territory.grids().stream()
                .collect(Collectors.groupingBy(g -> g.place().communityCode(), Collectors.counting()));
        assertThat(gridsPerCommunity).hasSize(58);
        assertThat(gridsPerCommunity.values()).allSatisfy(n -> assertThat(n).isBetween(10L, 11L));
        assertThat(territory.grids().stream().map(g -> g.place().streetCode()).distinct()).hasSize(8);
    }

    @Test
    void shouldLocateEveryGridsCentroidToThatGrid() {
        for (GridShape grid : territory.grids()) {
            Point centroid = polygon(grid).getCentroid();
            assertThat(territory.locate(centroid.getY(), centroid.getX()))
                    .as("centroid of %s", grid.place().gridCode())
                    .contains(grid.place());
        }
    }

    @Test
    void shouldLocateNothingOutsideTheDistrict() {
        assertThat(territory.locate(43.87, 125.35)).isPresent();
        assertThat(territory.contains(43.87, 125.35)).isTrue();
        assertThat(territory.locate(43.95, 125.35)).isEmpty();
        assertThat(territory.locate(43.87, 125.50)).isEmpty();
        assertThat(territory.locate(39.90, 116.40)).isEmpty();
        assertThat(territory.locate(125.35, 43.87)).as("latitude and longitude swapped").isEmpty();
        assertThat(territory.locate(Double.NaN, 125.35)).isEmpty();
        assertThat(territory.contains(43.95, 125.35)).isFalse();
    }

    @Test
    void shouldResolveGridCodes() {
        Place place = territory.byGridCode("NG-S01-C03-G07").orElseThrow();
        assertThat(place.districtCode()).isEqualTo("NG");
        assertThat(place.streetCode()).isEqualTo("NG-S01");
        assertThat(place.communityCode()).isEqualTo("NG-S01-C03");
        assertThat(place.gridName()).isEqualTo("第7网格");
        assertThat(territory.byGridCode(" NG-S01-C03-G07 ")).contains(place);
        assertThat(territory.byGridCode("NG-S01-C03-G99")).isEmpty();
        assertThat(territory.byGridCode("NG-S01-C03")).as("a community is not a grid").isEmpty();
        assertThat(territory.byGridCode(null)).isEmpty();
    }

    @Test
    void shouldResolveEveryBuildingAddressToItsGrid() {
        int addresses = 0;
        for (Unit grid : units) {
            for (String address : grid.addresses()) {
                assertThat(territory.byAddress(address).map(Place::gridCode)).as(address).contains(grid.code());
                addresses++;
            }
            if (grid.level() == Level.GRID) {
                assertThat(grid.addresses()).hasSizeBetween(2, 4);
            }
        }
        assertThat(addresses).isBetween(2 * 586, 4 * 586);
    }

    @Test
    void shouldMatchAddressesIgnoringWhitespaceAndFullWidthDigits() {
        Unit grid = units.stream().filter(u -> u.code().equals("NG-S01-C03-G07")).findFirst().orElseThrow();
        String address = grid.addresses().get(0);
        assertThat(address).matches("\\p{IsHan}+\\d+号");
        Place expected = territory.byGridCode(grid.code()).orElseThrow();

        String fullWidth = address.chars()
                .map(c -> c >= '0' && c <= '9' ? c - '0' + '０' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        String spaced = " " + address.replaceFirst("(\\d+)", " $1 ") + "\t";
        String ideographicSpace = address.replaceFirst("(\\d+)", "\u3000$1");

        assertThat(fullWidth).isNotEqualTo(address);
        assertThat(territory.byAddress(address)).contains(expected);
        assertThat(territory.byAddress(fullWidth)).contains(expected);
        assertThat(territory.byAddress(spaced)).contains(expected);
        assertThat(territory.byAddress(ideographicSpace)).contains(expected);
        assertThat(territory.byAddress(address.replaceFirst("\\d+", "9999"))).isEmpty();
        assertThat(territory.byAddress("")).isEmpty();
        assertThat(territory.byAddress(null)).isEmpty();
    }

    @Test
    void shouldGiveTheSameAnswerAsABruteForceScanForRandomPoints() {
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (GridShape grid : territory.grids()) {
            for (double[] p : grid.ring()) {
                minLon = Math.min(minLon, p[0]);
                maxLon = Math.max(maxLon, p[0]);
                minLat = Math.min(minLat, p[1]);
                maxLat = Math.max(maxLat, p[1]);
            }
        }
        List<Map.Entry<Place, Polygon>> scan = territory.grids().stream()
                .map(g -> Map.entry(g.place(), polygon(g)))
                .toList();
        Random random = new Random(7);
        int inside = 0;
        for (int i = 0; i < 2_000; i++) {
            double lat = minLat + (maxLat - minLat) * random.nextDouble();
            double lon = minLon + (maxLon - minLon) * random.nextDouble();
            Point point = GEOMETRY.createPoint(new Coordinate(lon, lat));
            Optional<Place> bruteForce = scan.stream()
                    .filter(e -> e.getValue().covers(point))
                    .map(Map.Entry::getKey)
                    .min(Comparator.comparing(Place::gridCode));
            assertThat(territory.locate(lat, lon)).as("%s,%s", lat, lon).isEqualTo(bruteForce);
            inside += bruteForce.isPresent() ? 1 : 0;
        }
        assertThat(inside).as("points inside the district").isGreaterThan(1_500).isLessThan(2_000);
    }

    @Test
    void shouldResolvePointsOnSharedBoundariesToTheLowestGridCode() {
        Map<String, Set<String>> gridsByVertex = new HashMap<>();
        for (GridShape grid : territory.grids()) {
            for (double[] p : grid.ring()) {
                gridsByVertex.computeIfAbsent(p[0] + "," + p[1], k -> new TreeSet<>()).add(grid.place().gridCode());
            }
        }
        int shared = 0;
        for (Map.Entry<String, Set<String>> vertex : gridsByVertex.entrySet()) {
            if (vertex.getValue().size() < 2) {
                continue;
            }
            String[] lonLat = vertex.getKey().split(",");
            Optional<String> located = territory.locate(Double.parseDouble(lonLat[1]), Double.parseDouble(lonLat[0]))
                    .map(Place::gridCode);
            assertThat(located).as("vertex %s shared by %s", vertex.getKey(), vertex.getValue())
                    .contains(((TreeSet<String>) vertex.getValue()).first());
            shared++;
        }
        assertThat(shared).isGreaterThan(1_000);
    }

    @Test
    void shouldGiveClosedCounterClockwiseLonLatRings() {
        for (GridShape grid : territory.grids()) {
            List<double[]> ring = grid.ring();
            assertThat(ring.get(0)).containsExactly(ring.get(ring.size() - 1));
            assertThat(ring).allSatisfy(p -> {
                assertThat(p[0]).as("longitude").isBetween(125.2, 125.5);
                assertThat(p[1]).as("latitude").isBetween(43.8, 43.95);
            });
            assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(polygon(grid).getExteriorRing()
                    .getCoordinateSequence())).isTrue();
        }
    }

    private static Polygon polygon(GridShape grid) {
        return GEOMETRY.createPolygon(grid.ring().stream()
                .map(p -> new Coordinate(p[0], p[1]))
                .toArray(Coordinate[]::new));
    }
}
