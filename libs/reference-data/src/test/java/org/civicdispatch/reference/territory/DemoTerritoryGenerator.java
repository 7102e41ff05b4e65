/*
 * Generates the bundled demo territory, libs/reference-data/src/main/resources/reference/territory.geojson.
 *
 * Regenerate (from /work/main, the repository root):
 *
 *     ./mvnw -B -q -pl reference-data install -Dterritory.regenerate=true
 *
 * Without the property, DemoTerritoryFileTest only checks that the committed file is exactly what this generator
 * produces, so an edit here that is not followed by a regeneration fails the build.
 *
 * The output is a pure function of the constants below (fixed seed, StrictMath, fixed number formatting).
 */
package org.civicdispatch.reference.territory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A Nanguan-like demo district: 8 streets, 58 communities, 586 grids, about 10 km × 8 km around 43.87 N, 125.35 E.
 *
 * <p>How the shapes tile: the district is a lattice of 50 m cells. Streets, communities and grids are rectangles of
 * whole cells, found by splitting a rectangle in two along its longer side, again and again (a guillotine partition,
 * in proportion to random weights). Every boundary walks through every lattice vertex it passes, and every lattice
 * vertex is moved by one smooth displacement field, so neighbours share exactly the same vertices: no gaps, no
 * overlaps, and the lines bend a little like real streets do.
 */
final class DemoTerritoryGenerator {

    static final String VERSION = "2026.11-demo.1";
    static final long SEED = 20261101L;

    private static final double CENTRE_LAT = 43.87;
    private static final double CENTRE_LON = 125.35;
    private static final double CELL_METRES = 50;
    private static final int COLUMNS = 200;  // 10 km west-east
    private static final int ROWS = 160;     // 8 km south-north
    private static final double METRES_PER_DEGREE_LAT = 111_132.954;
    private static final double METRES_PER_DEGREE_LON = 111_319.491 * StrictMath.cos(StrictMath.toRadians(CENTRE_LAT));

    private static final String[][] STREETS = {
            {"永吉", "Yongji"}, {"南岭", "Nanling"}, {"自由大路", "Ziyou Dalu"}, {"鸿城", "Hongcheng"},
            {"民康", "Minkang"}, {"新春", "Xinchun"}, {"长通", "Changtong"}, {"全安", "Quan'an"},
    };

    private static final String[][] COMMUNITIES = {
            {"幸福", "Xingfu"}, {"和平", "Heping"}, {"光明", "Guangming"}, {"友谊", "Youyi"}, {"建设", "Jianshe"},
            {"民主", "Minzhu"}, {"团结", "Tuanjie"}, {"胜利", "Shengli"}, {"繁荣", "Fanrong"}, {"兴华", "Xinghua"},
            {"安居", "Anju"}, {"福顺", "Fushun"}, {"康平", "Kangping"}, {"永安", "Yong'an"}, {"吉祥", "Jixiang"},
            {"明珠", "Mingzhu"}, {"桃源", "Taoyuan"}, {"春晖", "Chunhui"}, {"南湖", "Nanhu"}, {"西岭", "Xiling"},
            {"东盛", "Dongsheng"}, {"北安", "Bei'an"}, {"长青", "Changqing"}, {"新华", "Xinhua"}, {"文化", "Wenhua"},
            {"育才", "Yucai"}, {"青年", "Qingnian"}, {"红旗", "Hongqi"}, {"曙光", "Shuguang"}, {"朝阳", "Chaoyang"},
            {"富民", "Fumin"}, {"利民", "Limin"}, {"惠民", "Huimin"}, {"宏图", "Hongtu"}, {"锦绣", "Jinxiu"},
            {"金城", "Jincheng"}, {"银河", "Yinhe"}, {"华庭", "Huating"}, {"丰乐", "Fengle"}, {"安康", "Ankang"},
            {"双德", "Shuangde"}, {"通达", "Tongda"}, {"五环", "Wuhuan"}, {"绿园", "Lüyuan"}, {"清华", "Qinghua"},
            {"嘉和", "Jiahe"}, {"瑞祥", "Ruixiang"}, {"泰来", "Tailai"}, {"仁和", "Renhe"}, {"德惠", "Dehui"},
            {"诚信", "Chengxin"}, {"平安", "Ping'an"}, {"盛世", "Shengshi"}, {"翠湖", "Cuihu"}, {"松苑", "Songyuan"},
            {"桂园", "Guiyuan"}, {"梅园", "Meiyuan"}, {"枫林", "Fenglin"},
    };

    /** Road kinds for building addresses: a community's buildings stand on the road named after it. */
    private static final String[] ROAD_KINDS = {"路", "街", "大街", "路", "胡同", "路"};

    /** Communities per street (sum 58) and how many communities get 11 grids instead of 10 (58 × 10 + 6 = 586). */
    private static final int[] COMMUNITIES_PER_STREET = {8, 7, 7, 8, 7, 7, 7, 7};
    private static final int COMMUNITIES_WITH_ELEVEN_GRIDS = 6;

    private record Cells(int x0, int y0, int x1, int y1) {
        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }
    }

    /** Smooth displacement in metres: a few long waves, gentle enough that no lattice cell folds over. */
    private record Wave(double amplitude, double kx, double ky, double phase) {
        double at(double x, double y) {
            return amplitude * StrictMath.sin(kx * x + ky * y + phase);
        }
    }

    private final Random random = new Random(SEED);
    private final List<Wave> eastWaves = new ArrayList<>();
    private final List<Wave> northWaves = new ArrayList<>();
    private final StringBuilder out = new StringBuilder(1 << 20);

    String generate() {
        for (int i = 0; i < 3; i++) {
            eastWaves.add(wave());
            northWaves.add(wave());
        }
        List<Integer> gridsPerCommunity = new ArrayList<>(Collections.nCopies(58, 10));
        for (int i = 0; i < COMMUNITIES_WITH_ELEVEN_GRIDS; i++) {
            gridsPerCommunity.set(i, 11);
        }
        Collections.shuffle(gridsPerCommunity, random);

        Cells district = new Cells(0, 0, COLUMNS, ROWS);
        List<Double> streetWeights = new ArrayList<>();
        for (int count : COMMUNITIES_PER_STREET) {
            streetWeights.add(count * (0.85 + 0.3 * random.nextDouble()));
        }
        List<Cells> streets = split(district, streetWeights);

        StringBuilder streetFeatures = new StringBuilder();
        StringBuilder communityFeatures = new StringBuilder();
        StringBuilder gridFeatures = new StringBuilder();
        int community = 0;
        for (int s = 0; s < streets.size(); s++) {
            String streetCode = String.format("NG-S%02d", s + 1);
            feature(streetFeatures, "street", streetCode, STREETS[s][0] + "街道", STREETS[s][1] + " Street", "NG",
                    streets.get(s), null);
            List<Double> communityWeights = new ArrayList<>();
            for (int c = 0; c < COMMUNITIES_PER_STREET[s]; c++) {
                communityWeights.add(gridsPerCommunity.get(community + c) * (0.8 + 0.45 * random.nextDouble()));
            }
            List<Cells> communities = split(streets.get(s), communityWeights);
            for (int c = 0; c < communities.size(); c++, community++) {
                String[] name = COMMUNITIES[community];
                String communityCode = String.format("%s-C%02d", streetCode, c + 1);
                feature(communityFeatures, "community", communityCode, name[0] + "社区", name[1] + " Community",
                        streetCode, communities.get(c), null);
                String road = name[0] + ROAD_KINDS[community % ROAD_KINDS.length];
                int number = 1 + random.nextInt(6);
                List<Double> gridWeights = new ArrayList<>();
                for (int g = 0; g < gridsPerCommunity.get(community); g++) {
                    gridWeights.add(0.6 + 0.9 * random.nextDouble());
                }
                List<Cells> grids = split(communities.get(c), gridWeights);
                for (int g = 0; g < grids.size(); g++) {
                    List<String> addresses = new ArrayList<>();
                    int buildings = 2 + random.nextInt(3);
                    for (int b = 0; b < buildings; b++) {
                        addresses.add(road + number + "号");
                        number += 1 + random.nextInt(4);
                    }
                    feature(gridFeatures, "grid", String.format("%s-G%02d", communityCode, g + 1),
                            "第" + (g + 1) + "网格", "Grid " + (g + 1), communityCode, grids.get(g), addresses);
                }
            }
        }
        out.append("{\"type\":\"FeatureCollection\",\"version\":\"").append(VERSION).append("\",")
                .append("\"generator\":\"DemoTerritoryGenerator seed ").append(SEED).append("\",")
                .append("\"features\":[\n");
        feature(out, "district", "NG", "南关区 (demo)", "Nanguan District (demo)", null, district, null);
        out.append(streetFeatures).append(communityFeatures).append(gridFeatures);
        out.setLength(out.length() - 2); // the last ",\n"
        out.append("\n]}\n");
        return out.toString();
    }

    private Wave wave() {
        double wavelength = 1_800 + 2_400 * random.nextDouble();
        double angle = 2 * Math.PI * random.nextDouble();
        double k = 2 * Math.PI / wavelength;
        return new Wave(18 + 12 * random.nextDouble(), k * StrictMath.cos(angle), k * StrictMath.sin(angle),
                2 * Math.PI * random.nextDouble());
    }

    /** Splits a rectangle of cells into one rectangle per weight, areas in proportion to the weights. */
    private static List<Cells> split(Cells cells, List<Double> weights) {
        if (weights.size() == 1) {
            return List.of(cells);
        }
        int half = weights.size() / 2;
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double first = weights.subList(0, half).stream().mapToDouble(Double::doubleValue).sum();
        boolean vertical = cells.width() >= cells.height();
        int length = vertical ? cells.width() : cells.height();
        int cut = (int) Math.round(length * first / total);
        cut = Math.max(2, Math.min(length - 2, cut));
        Cells a;
        Cells b;
        if (vertical) {
            a = new Cells(cells.x0(), cells.y0(), cells.x0() + cut, cells.y1());
            b = new Cells(cells.x0() + cut, cells.y0(), cells.x1(), cells.y1());
        } else {
            a = new Cells(cells.x0(), cells.y0(), cells.x1(), cells.y0() + cut);
            b = new Cells(cells.x0(), cells.y0() + cut, cells.x1(), cells.y1());
        }
        List<Cells> parts = new ArrayList<>(split(a, weights.subList(0, half)));
        parts.addAll(split(b, weights.subList(half, weights.size())));
        return parts;
    }

    private void feature(StringBuilder to, String level, String code, String name, String nameEn, String parent,
                         Cells cells, List<String> addresses) {
        if (cells.width() < 2 || cells.height() < 2) {
            throw new IllegalStateException(code + " is too small: " + cells);
        }
        to.append("{\"type\":\"Feature\",\"id\":\"").append(code).append("\",\"properties\":{")
                .append("\"level\":\"").append(level).append("\",")
                .append("\"code\":\"").append(code).append("\",")
                .append("\"name\":\"").append(name).append("\",")
                .append("\"nameEn\":\"").append(nameEn).append("\"");
        if (parent != null) {
            to.append(",\"parent\":\"").append(parent).append("\"");
        }
        if (addresses != null) {
            to.append(",\"addresses\":[");
            for (int i = 0; i < addresses.size(); i++) {
                to.append(i == 0 ? "" : ",").append('"').append(addresses.get(i)).append('"');
            }
            to.append("]");
        }
        to.append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
        // counter-clockwise (RFC 7946): along the south edge east, up the east edge, west along the north, down.
        List<int[]> ring = new ArrayList<>();
        for (int x = cells.x0(); x < cells.x1(); x++) {
            ring.add(new int[] {x, cells.y0()});
        }
        for (int y = cells.y0(); y < cells.y1(); y++) {
            ring.add(new int[] {cells.x1(), y});
        }
        for (int x = cells.x1(); x > cells.x0(); x--) {
            ring.add(new int[] {x, cells.y1()});
        }
        for (int y = cells.y1(); y > cells.y0(); y--) {
            ring.add(new int[] {cells.x0(), y});
        }
        ring.add(ring.get(0));
        for (int i = 0; i < ring.size(); i++) {
            to.append(i == 0 ? "" : ",").append(position(ring.get(i)[0], ring.get(i)[1]));
        }
        to.append("]]}},\n");
    }

    /** The [longitude, latitude] of a lattice vertex after displacement, rounded to 6 decimals (~0.1 m). */
    private String position(int x, int y) {
        double east = (x - COLUMNS / 2.0) * CELL_METRES;
        double north = (y - ROWS / 2.0) * CELL_METRES;
        double movedEast = east;
        double movedNorth = north;
        for (Wave w : eastWaves) {
            movedEast += w.at(east, north);
        }
        for (Wave w : northWaves) {
            movedNorth += w.at(east, north);
        }
        double longitude = CENTRE_LON + movedEast / METRES_PER_DEGREE_LON;
        double latitude = CENTRE_LAT + movedNorth / METRES_PER_DEGREE_LAT;
        return "[" + sixDecimals(longitude) + "," + sixDecimals(latitude) + "]";
    }

    private static String sixDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
