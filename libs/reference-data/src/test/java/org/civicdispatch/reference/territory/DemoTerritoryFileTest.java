package org.civicdispatch.reference.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.civicdispatch.reference.territory.TerritoryReader.Level;
import org.civicdispatch.reference.territory.TerritoryReader.Unit;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The committed territory file: that the generator reproduces it, and that its levels tile each other. */
class DemoTerritoryFileTest {

    private static final String REGENERATE = "territory.regenerate";

    @Test
    void shouldMatchWhatTheGeneratorProduces() throws IOException {
        String generated = new DemoTerritoryGenerator().generate();
        if (Boolean.getBoolean(REGENERATE)) {
            Path root = Path.of(System.getProperty("civicdispatch.root", Path.of("").toAbsolutePath().getParent().getParent()
                    .toString()));
            Path file = root.resolve("libs/reference-data/src/main/resources/reference/territory.geojson");
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            System.out.println("wrote " + file + " (" + generated.length() + " chars); run the build again");
            return;
        }
        assertThat(committed().equals(generated))
                .as("territory.geojson differs from DemoTerritoryGenerator's output; regenerate it with "
                        + "./mvnw -B -q -pl reference-data install -D" + REGENERATE + "=true")
                .isTrue();
    }

    @Test
    void shouldStaySmallWithSixDecimalCoordinates() throws IOException {
        String file = committed();
        assertThat(file.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_500_000);
        assertThat(Pattern.compile("\\d\\.\\d{7,}").matcher(file).find()).isFalse();
        assertThat(file).contains("\"version\":\"" + DemoTerritoryGenerator.VERSION + "\"");
    }

    @Test
    void shouldTileEachLevelWithItsChildrenWithoutGapsOrOverlaps() throws IOException {
        List<Unit> units;
        try (InputStream in = getClass().getResourceAsStream(Territory.BUNDLED)) {
            units = new TerritoryReader(Territory.BUNDLED, new GeometryFactory()).read(in).units();
        }
        Map<String, List<Geometry>> children = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (unit.parent() != null) {
                children.computeIfAbsent(unit.parent(), p -> new ArrayList<>()).add(unit.geometry());
            }
        }
        int checked = 0;
        for (Unit parent : units) {
            if (parent.level() == Level.GRID) {
                continue;
            }
            List<Geometry> parts = children.get(parent.code());
            assertThat(parts).as("children of %s", parent.code()).isNotEmpty();
            double parentArea = parent.geometry().getArea();
            double sumOfParts = parts.stream().mapToDouble(Geometry::getArea).sum();
            Geometry union = UnaryUnionOp.union(parts);
            assertThat(sumOfParts).as("children of %s overlap or leave gaps", parent.code())
                    .isCloseTo(parentArea, within(parentArea * 1e-9));
            assertThat(union.symDifference(parent.geometry()).getArea())
                    .as("children of %s do not cover it exactly", parent.code())
                    .isLessThan(parentArea * 1e-9);
            checked++;
        }
        assertThat(checked).isEqualTo(1 + 8 + 58);
    }

    private String committed() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(Territory.BUNDLED)) {
            assertThat(in).as("bundled territory").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
