package org.civicdispatch.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.reference.catalog.CountingMode;
import org.civicdispatch.reference.catalog.Department;
import org.civicdispatch.reference.catalog.Matter;
import org.civicdispatch.reference.catalog.MatterCatalog;

/** A small catalog and reports to route, readable at a glance. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private Fixtures() {
    }

    public static MatterCatalog catalog() {
        return new MatterCatalog("test-1",
                List.of(new Department("sanitation", "环卫", "Sanitation"),
                        new Department("urban-management", "城管", "Urban management"),
                        new Department("environment", "环保", "Environment"),
                        new Department("market-regulation", "市场监管", "Market regulation"),
                        new Department("gas-utility", "燃气", "Gas"),
                        new Department("district-command", "区指挥中心", "District command"),
                        new Department("grid-station", "网格站", "Grid station", Tier.GRID),
                        new Department("community-committee", "居委会", "Community committee", Tier.COMMUNITY)),
                List.of(new Matter("sanitation.garbage-overflow", "sanitation", "垃圾满溢", "Overflowing garbage",
                                Tier.COMMUNITY, "sanitation", List.of(), Urgency.ROUTINE, Duration.ofHours(2),
                                Duration.ofDays(3)),
                        new Matter("vending.night-market-stalls", "vending", "夜市占道", "Night-market stalls",
                                Tier.STREET, "urban-management", List.of("environment", "market-regulation"),
                                Urgency.ROUTINE, Duration.ofHours(2), Duration.ofDays(7)),
                        new Matter("utilities.gas-leak", "utilities", "燃气泄漏", "Gas leak", Tier.DISTRICT,
                                "gas-utility", List.of(), Urgency.EMERGENCY, Duration.ofMinutes(30),
                                Duration.ofHours(2)),
                        // A whistle matter: the street calls, the department is on site within 30 minutes.
                        new Matter("housing.illegal-construction", "housing", "违建", "Illegal construction",
                                Tier.STREET, "urban-management", List.of(), Urgency.ROUTINE, Duration.ofHours(2),
                                Duration.ofDays(15), CountingMode.WORKING_HOURS, Duration.ofMinutes(30),
                                List.of(Tier.DISTRICT)),
                        // Small matters stay in the grid; unanswered, they climb to the community, then the street.
                        new Matter("community.corridor-clutter", "community", "楼道堆物", "Corridor clutter",
                                Tier.GRID, "grid-station", List.of("community-committee"), Urgency.ROUTINE,
                                Duration.ofHours(2), Duration.ofDays(3), null, null,
                                List.of(Tier.COMMUNITY, Tier.STREET)),
                        // Routine, yet nights count: noise at night is answered at night.
                        new Matter("environment.night-noise", "environment", "夜间噪声", "Noise at night",
                                Tier.COMMUNITY, "environment", List.of(), Urgency.ROUTINE, Duration.ofHours(2),
                                Duration.ofDays(1), CountingMode.ALL_HOURS, null, null)),
                "district-command");
    }

    public static IncidentReported report(String caseId, String category, Urgency urgency) {
        return IncidentReported.newBuilder()
                .setCaseId(caseId)
                .setChannel(Channel.HOTLINE_12345)
                .setCategory(category)
                .setDescription("report about " + category)
                .setLocation(Location.newBuilder().setLatitude(43.88).setLongitude(125.32).setGridCode("NG-S01-C03-G07")
                        .setCommunityCode("NG-S01-C03").setStreetCode("NG-S01").build())
                .setUrgency(urgency)
                .setReportedAt(NOW.minusSeconds(60))
                .setAcceptedAt(NOW.minusSeconds(30))
                .build();
    }
}
