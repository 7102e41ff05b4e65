package org.civicdispatch.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.IncidentSubmission;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.reference.territory.GridShape;
import org.civicdispatch.reference.territory.Place;
import org.civicdispatch.reference.territory.Territory;

/**
 * What a day of the district sends, in proportion: hotline complaints over HTTP (most with the caller's phone, so
 * notification texts them), grid workers' patrol reports and bursts of sensor alarms over the submissions topic.
 * Seeded, so two runs send the same traffic.
 */
final class Mix {

    enum Kind { HOTLINE, PATROL, SENSOR_BURST, REPORT }

    private static final List<String> HOTLINE_MATTERS = List.of("sanitation.garbage-overflow",
            "municipal.road-damage", "vending.night-market-stalls", "environment.construction-noise",
            "greening.fallen-tree", "utilities.no-heating", "municipal.manhole-cover", "other.unclassified");
    private static final List<String> PATROL_MATTERS = List.of("municipal.road-damage", "municipal.manhole-cover",
            "sanitation.garbage-overflow", "vending.night-market-stalls");
    private static final String SENSOR_MATTER = "municipal.manhole-cover";

    private static final Territory TERRITORY = Territory.bundled();

    private final String runId;
    private final Random random;
    private final List<double[]> centroids = new ArrayList<>();
    private final List<String> gridCodes = new ArrayList<>();
    private final double hotlineShare;
    private final double patrolShare;
    private final int burstSize;
    private List<String> patrolMatters = PATROL_MATTERS;
    private Urgency urgency;
    private boolean reports;

    /**
     * @param hotlineShare share of hotline complaints among the items drawn; patrolShare of patrol reports; the
     *                     rest are sensor bursts of burstSize alarms each
     */
    Mix(String runId, long seed, double hotlineShare, double patrolShare, int burstSize) {
        this.runId = runId;
        this.random = new Random(seed);
        this.hotlineShare = hotlineShare;
        this.patrolShare = patrolShare;
        this.burstSize = burstSize;
        for (GridShape grid : TERRITORY.grids()) {
            List<double[]> ring = grid.ring().subList(0, grid.ring().size() - 1);
            double lon = ring.stream().mapToDouble(p -> p[0]).average().orElseThrow();
            double lat = ring.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            centroids.add(new double[] {lat, lon});
            gridCodes.add(grid.place().gridCode());
        }
    }

    /** The realistic default: 60 % hotline, 30 % patrols, 10 % sensor bursts of 5. */
    static Mix realistic(String runId, long seed) {
        return new Mix(runId, seed, 0.6, 0.3, 5);
    }

    /** Only submissions on the intake topic: what benchmark (1) pushes through. */
    static Mix patrolsOnly(String runId, long seed) {
        return new Mix(runId, seed, 0, 1, 1);
    }

    /** Patrol reports of one matter at one urgency only: what the timer benchmark opens cases with. */
    static Mix patrolsOf(String runId, long seed, String matter, Urgency urgency) {
        Mix mix = patrolsOnly(runId, seed);
        mix.patrolMatters = List.of(matter);
        mix.urgency = urgency;
        return mix;
    }

    /**
     * Accepted patrol reports written straight onto incident-reports, as intake writes them: what benchmark (1)
     * pushes through dispatch alone.
     */
    static Mix reportsOnly(String runId, long seed) {
        Mix mix = patrolsOnly(runId, seed);
        mix.reports = true;
        return mix;
    }

    /** Accepted reports of one matter at one urgency only: what the timer benchmark opens a million cases with. */
    static Mix reportsOf(String runId, long seed, String matter, Urgency urgency) {
        Mix mix = patrolsOf(runId, seed, matter, urgency);
        mix.reports = true;
        return mix;
    }

    synchronized Kind next() {
        if (reports) {
            return Kind.REPORT;
        }
        double r = random.nextDouble();
        return r < hotlineShare ? Kind.HOTLINE : r < hotlineShare + patrolShare ? Kind.PATROL : Kind.SENSOR_BURST;
    }

    int casesPer(Kind kind) {
        return kind == Kind.SENSOR_BURST ? burstSize : 1;
    }

    /** The JSON body of a hotline complaint; two in three callers leave a phone number. */
    synchronized String complaint(int n) {
        int grid = random.nextInt(centroids.size());
        double[] c = centroids.get(grid);
        String reporter = random.nextInt(3) == 0 ? "" : ",\"reporter\":{\"name\":\"Caller " + n
                + "\",\"phone\":\"139" + String.format("%08d", Math.floorMod((runId + n).hashCode(), 100_000_000))
                + "\",\"preferredLocale\":\"" + (random.nextBoolean() ? "zh-CN" : "en") + "\"}";
        return "{\"channel\":\"HOTLINE_12345\",\"externalId\":\"" + runId + "-h" + n + "\",\"category\":\""
                + HOTLINE_MATTERS.get(random.nextInt(HOTLINE_MATTERS.size())) + "\",\"description\":\"load "
                + runId + " complaint " + n + "\",\"location\":{\"latitude\":" + c[0] + ",\"longitude\":" + c[1]
                + "}" + reporter + "}";
    }

    synchronized IncidentSubmission patrol(int n) {
        int grid = random.nextInt(centroids.size());
        return submission(runId + "-p" + n, Channel.GRID_PATROL,
                patrolMatters.get(random.nextInt(patrolMatters.size())), "网格员巡查 " + runId + " #" + n, grid,
                null);
    }

    /** A patrol report as intake would have accepted it, its place resolved from the grid code. */
    synchronized IncidentReported report(int n) {
        IncidentSubmission s = patrol(n);
        Place place = TERRITORY.byGridCode(s.getLocation().getGridCode()).orElseThrow();
        Location l = s.getLocation();
        return IncidentReported.newBuilder().setCaseId(runId + "-c" + n).setChannel(s.getChannel())
                .setExternalId(s.getExternalId()).setCategory(s.getCategory()).setDescription(s.getDescription())
                .setLocation(Location.newBuilder(l).setCommunityCode(place.communityCode())
                        .setStreetCode(place.streetCode()).build())
                .setUrgency(s.getUrgency() == null ? Urgency.ROUTINE : s.getUrgency()).setReportedAt(s.getReportedAt()).setAcceptedAt(Instant.now()).build();
    }

    /** A burst of alarms from the manhole-cover sensors of one grid, all at once. */
    synchronized List<IncidentSubmission> sensorBurst(int n) {
        int grid = random.nextInt(centroids.size());
        List<IncidentSubmission> burst = new ArrayList<>();
        for (int i = 0; i < burstSize; i++) {
            burst.add(submission(runId + "-s" + n + "-" + i, Channel.SENSOR, SENSOR_MATTER,
                    "井盖位移传感器告警 " + runId + " #" + n + "/" + i, grid, null));
        }
        return burst;
    }

    private IncidentSubmission submission(String externalId, Channel channel, String matter, String description,
                                          int grid, Reporter reporter) {
        double[] c = centroids.get(grid);
        return IncidentSubmission.newBuilder().setExternalId(externalId).setChannel(channel).setCategory(matter)
                .setDescription(description).setReporter(reporter).setUrgency(urgency)
                .setLocation(Location.newBuilder().setLatitude(c[0]).setLongitude(c[1])
                        .setGridCode(gridCodes.get(grid)).build())
                .setReportedAt(Instant.now()).build();
    }
}
