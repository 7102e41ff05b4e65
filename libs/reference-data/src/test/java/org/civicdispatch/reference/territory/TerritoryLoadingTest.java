package org.civicdispatch.reference.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading territory files other than the bundled one: a tiny valid district, and the mistakes it must refuse. */
class TerritoryLoadingTest {

    private static final String SOURCE = "test-territory.geojson";

    /** Two grids side by side, sharing the edge at longitude 11: west T-S1-C1-G1 and east T-S1-C1-G2. */
    private static final String WEST = "[[[10,50],[11,50],[11,51],[10,51],[10,50]]]";
    private static final String EAST = "[[[11,50],[12,50],[12,51],[11,51],[11,50]]]";
    private static final String WHOLE = "[[[10,50],[12,50],[12,51],[10,51],[10,50]]]";

    private final List<String> features = new ArrayList<>(List.of(
            feature("district", "T", null, polygon(WHOLE), null),
            feature("street", "T-S1", "T", polygon(WHOLE), null),
            feature("community", "T-S1-C1", "T-S1", polygon(WHOLE), null),
            feature("grid", "T-S1-C1-G2", "T-S1-C1", polygon(EAST), "[\"东风路2号\"]"),
            feature("grid", "T-S1-C1-G1", "T-S1-C1", polygon(WEST), "[\"东风路1号\", \"东风路3号\"]")));

    @Test
    void shouldLoadASmallDistrict() {
        Territory territory = load(collection(features));

        assertThat(territory.version()).isEqualTo("test.1");
        assertThat(territory.districtCode()).isEqualTo("T");
        assertThat(territory.districtName()).isEqualTo("测试区");
        assertThat(List.of(territory.streetCount(), territory.communityCount(), territory.gridCount()))
                .containsExactly(1, 1, 2);
        assertThat(territory.locate(50.5, 10.5).map(Place::gridCode)).contains("T-S1-C1-G1");
        assertThat(territory.locate(50.5, 11.5).map(Place::gridCode)).contains("T-S1-C1-G2");
        assertThat(territory.locate(10.5, 50.5)).as("latitude first").isEmpty();
        assertThat(territory.byAddress("东风路 ２ 号").map(Place::gridCode)).contains("T-S1-C1-G2");
        assertThat(territory.byGridCode("T-S1-C1-G1")).contains(
                new Place("T", "T-S1", "T-S1 name", "T-S1-C1", "T-S1-C1 name", "T-S1-C1-G1", "T-S1-C1-G1 name"));
        assertThat(territory.grids()).extracting(g -> g.place().gridCode())
                .containsExactly("T-S1-C1-G2", "T-S1-C1-G1");
        assertThat(territory.grids().get(1).ring()).hasSize(5).first().isEqualTo(new double[] {10, 50});
    }

    @Test
    void shouldResolveAPointOnASharedEdgeOrCornerToTheLowestGridCode() {
        Territory territory = load(collection(features));

        assertThat(territory.locate(50.5, 11.0).map(Place::gridCode)).contains("T-S1-C1-G1");
        assertThat(territory.locate(51.0, 11.0).map(Place::gridCode)).contains("T-S1-C1-G1");
        assertThat(territory.locate(50.0, 12.0).map(Place::gridCode)).as("outer corner").contains("T-S1-C1-G2");
        assertThat(territory.locate(50.5, 12.000001)).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownParent() {
        features.set(4, feature("grid", "T-S1-C1-G1", "T-S1-C9", polygon(WEST), null));

        assertRefused(collection(features), "feature #4 (T-S1-C1-G1)", "unknown parent \"T-S1-C9\"");
    }

    @Test
    void shouldRefuseAParentOfTheWrongLevel() {
        features.set(4, feature("grid", "T-S1-C1-G1", "T-S1", polygon(WEST), null));

        assertRefused(collection(features), "feature #4 (T-S1-C1-G1)", "parent \"T-S1\" is a street",
                "must be a community");
    }

    @Test
    void shouldRefuseAGridThatIsNotAPolygon() {
        features.set(4, feature("grid", "T-S1-C1-G1", "T-S1-C1",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[" + WEST + "]}", null));
        assertRefused(collection(features), "feature #4 (T-S1-C1-G1)", "must be a Polygon, was MultiPolygon");

        features.set(4, feature("grid", "T-S1-C1-G1", "T-S1-C1",
                "{\"type\":\"Point\",\"coordinates\":[10.5,50.5]}", null));
        assertRefused(collection(features), "feature #4 (T-S1-C1-G1)", "must be a Polygon, was Point");

        features.set(4, feature("grid", "T-S1-C1-G1", "T-S1-C1", "null", null));
        assertRefused(collection(features), "feature #4 (T-S1-C1-G1)", "must be a Polygon, was none");
    }

    @Test
    void shouldRefuseAnInvalidPolygon() {
        String bowTie = "[[[10,50],[11,51],[11,50],[10,51],[10,50]]]";
        features.set(4, feature("grid", "T-S1-C1-G1", "T-S1-C1", polygon(bowTie), null));
        assertRefused(collection(features), "feature #4 (T-S1-C1-G1)", "invalid geometry", "Self-intersection");

        String open = "[[[10,50],[11,50],[11,51],[10,51]]]";
        features.set(4, feature("grid", "T-S1-C1-G1", "T-S1-C1", polygon(open), null));
        assertRefused(collection(features), "feature #4 (T-S1-C1-G1)", "must end where it starts");

        String latitudeFirst = "[[[50,100],[51,100],[51,101],[50,101],[50,100]]]";
        features.set(4, feature("grid", "T-S1-C1-G1", "T-S1-C1", polygon(latitudeFirst), null));
        assertRefused(collection(features), "feature #4 (T-S1-C1-G1)", "[longitude, latitude]");
    }

    @Test
    void shouldRefuseADuplicateCode() {
        features.add(feature("grid", "T-S1-C1-G2", "T-S1-C1", polygon(WEST), null));

        assertRefused(collection(features), "feature #5 (T-S1-C1-G2)", "duplicate code", "feature #3");
    }

    @Test
    void shouldRefuseTheSameAddressInTwoGrids() {
        features.set(4, feature("grid", "T-S1-C1-G1", "T-S1-C1", polygon(WEST), "[\"东风路 ２号\"]"));

        assertRefused(collection(features), "feature #4 (T-S1-C1-G1)", "address \"东风路 ２号\"",
                "feature #3 (T-S1-C1-G2)");
    }

    @Test
    void shouldRefuseFilesThatAreNotTerritories() {
        assertRefused("{\"type\":\"FeatureCollection\",", "not valid JSON");
        assertRefused("[]", "must be a GeoJSON FeatureCollection");
        assertRefused(collection(features).replace("\"version\":\"test.1\",", ""), "no \"version\"");
        assertRefused(collection(List.of()), "no \"features\"");
        assertRefused(collection(features.subList(3, 5)), "exactly one district", "found 0");
        assertRefused(collection(features.subList(0, 3)), "no grids");
        assertRefused(collection(List.of(feature("town", "T", null, polygon(WHOLE), null))),
                "feature #0 (T)", "unknown level \"town\"");
        assertThatThrownBy(() -> Territory.load(null, "missing.geojson"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.geojson");
    }

    private static void assertRefused(String json, String... fragments) {
        assertThatThrownBy(() -> load(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContainingAll(fragments);
    }

    private static Territory load(String json) {
        InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        return Territory.load(in, SOURCE);
    }

    private static String collection(List<String> features) {
        return "{\"type\":\"FeatureCollection\",\"version\":\"test.1\",\"features\":["
                + String.join(",", features) + "]}";
    }

    private static String polygon(String coordinates) {
        return "{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}";
    }

    private static String feature(String level, String code, String parent, String geometry, String addresses) {
        String name = level.equals("district") ? "测试区" : code + " name";
        return "{\"type\":\"Feature\",\"properties\":{\"level\":\"" + level + "\",\"code\":\"" + code
                + "\",\"name\":\"" + name + "\""
                + (parent == null ? "" : ",\"parent\":\"" + parent + "\"")
                + (addresses == null ? "" : ",\"addresses\":" + addresses)
                + "},\"geometry\":" + geometry + "}";
    }
}
