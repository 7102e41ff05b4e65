package org.civicdispatch.reference.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MatterCatalogTest {

    private final MatterCatalog bundled = CatalogLoader.bundled();

    @Nested
    class TheBundledDemoCatalog {

        @Test
        void shouldListAbout118MattersInNineCategories() {
            assertThat(bundled.matters()).hasSize(118);
            assertThat(bundled.categories()).extracting(Category::code).containsExactly("city-appearance",
                    "municipal", "greening", "environment", "utilities", "housing", "market", "community",
                    "public-safety");
            Map<String, Long> perCategory = bundled.matters().stream()
                    .collect(Collectors.groupingBy(Matter::category, Collectors.counting()));
            assertThat(perCategory).hasSize(9).allSatisfy((category, count) -> assertThat(count).isGreaterThan(5));
        }

        @Test
        void shouldKeepTheSourcesLimitsPerUrgency() {
            for (Matter m : bundled.matters()) {
                if (m.urgency() == Urgency.EMERGENCY) {
                    assertThat(m.feedbackWithin()).as(m.code()).isLessThanOrEqualTo(Duration.ofHours(2));
                } else if (m.urgency() == Urgency.URGENT || m.category().equals("utilities")
                        && m.urgency() != Urgency.ROUTINE) {
                    assertThat(m.feedbackWithin()).as(m.code()).isLessThanOrEqualTo(Duration.ofHours(24));
                } else {
                    assertThat(m.feedbackWithin()).as(m.code()).isIn(Duration.ofDays(3), Duration.ofDays(7),
                            Duration.ofDays(15));
                }
                assertThat(m.signWithin()).as(m.code()).isIn(Duration.ofMinutes(30), Duration.ofHours(2),
                        Duration.ofDays(1));
            }
        }

        @Test
        void shouldCountWorkingHoursForRoutineMattersAndEveryHourForTheRest() {
            assertThat(bundled.matters()).allSatisfy(m -> assertThat(m.countingMode()).as(m.code())
                    .isEqualTo(m.urgency() == Urgency.ROUTINE ? CountingMode.WORKING_HOURS : CountingMode.ALL_HOURS));
        }

        @Test
        void shouldGiveWhistleMattersThirtyMinutesToBeOnSite() {
            List<Matter> whistles = bundled.matters().stream().filter(Matter::isWhistle).toList();
            assertThat(whistles).hasSizeGreaterThan(10)
                    .allSatisfy(m -> assertThat(m.arrivalWithin()).isEqualTo(Duration.ofMinutes(30)))
                    .allSatisfy(m -> assertThat(m.tier()).as("the street calls, or above").isNotEqualTo(Tier.GRID));
            assertThat(bundled.matter("housing.illegal-construction").orElseThrow().isWhistle()).isTrue();
        }

        @Test
        void shouldClimbFromTheGridThroughTheCommunityToTheStreet() {
            Matter flyposting = bundled.matter("appearance.flyposting").orElseThrow();
            assertThat(flyposting.tier()).isEqualTo(Tier.GRID);
            assertThat(flyposting.escalationChain()).containsExactly(Tier.COMMUNITY, Tier.STREET);
            assertThat(bundled.matter("utilities.gas-leak").orElseThrow().escalationChain())
                    .containsExactly(Tier.DISTRICT);
        }

        @Test
        void shouldMarkTheTerritorialRespondersWithTheirTier() {
            assertThat(bundled.department("grid-station").orElseThrow().territorialTier()).isEqualTo(Tier.GRID);
            assertThat(bundled.department("community-committee").orElseThrow().territorialTier())
                    .isEqualTo(Tier.COMMUNITY);
            assertThat(bundled.department("street-office").orElseThrow().territorialTier()).isEqualTo(Tier.STREET);
            assertThat(bundled.department("sanitation").orElseThrow().isTerritorial()).isFalse();
        }

        @Test
        void shouldFindAMatterByItsGroupOrItsCategory() {
            assertThat(bundled.firstOfCategory("sanitation").orElseThrow().code())
                    .isEqualTo("sanitation.garbage-overflow");
            assertThat(bundled.firstOfCategory("city-appearance").orElseThrow().category())
                    .isEqualTo("city-appearance");
            assertThat(bundled.firstOfCategory("nonsense")).isEmpty();
        }
    }

    @Nested
    class ACityMaintainedFile {

        @Test
        void shouldDeriveCountingAndEscalationWhenTheFileLeavesThemOut() {
            MatterCatalog catalog = load(matter("\"urgency\": \"URGENT\""));
            Matter m = catalog.matter("roads.pothole").orElseThrow();
            assertThat(m.countingMode()).isEqualTo(CountingMode.ALL_HOURS);
            assertThat(m.escalationChain()).isEmpty();
            assertThat(m.arrivalWithin()).isNull();
            assertThat(catalog.categories()).extracting(Category::code).containsExactly("roads");
        }

        @Test
        void shouldRefuseAnEscalationChainThatClimbsDown() {
            assertThatThrownBy(() -> load(matter("\"urgency\": \"ROUTINE\", \"escalationChain\": [\"DISTRICT\", \"COMMUNITY\"]")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not climb");
        }

        @Test
        void shouldRefuseAMatterOutsideTheListedCategories() {
            String json = catalogJson(matter("\"urgency\": \"ROUTINE\""))
                    .replace("\"departments\"", "\"categories\": [{\"code\": \"parks\"}], \"departments\"");
            assertThatThrownBy(() -> CatalogLoader.load(stream(json), "test"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown category roads");
        }

        @Test
        void shouldRefuseAnUnknownCountingMode() {
            assertThatThrownBy(() -> load(matter("\"urgency\": \"ROUTINE\", \"countingMode\": \"LUNAR\"")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid");
        }

        private MatterCatalog load(String matter) {
            return CatalogLoader.load(stream(catalogJson(matter)), "test");
        }

        private String matter(String extra) {
            return """
                    {"code": "roads.pothole", "category": "roads", "nameZh": "坑", "nameEn": "Pothole",
                     "tier": "STREET", "leadDepartment": "roads", "assistingDepartments": [],
                     "signWithin": "PT2H", "feedbackWithin": "P7D", %s}
                    """.formatted(extra);
        }

        private String catalogJson(String matter) {
            return """
                    {"version": "t1", "catchAllDepartment": "roads",
                     "departments": [{"code": "roads", "nameZh": "路", "nameEn": "Roads"}],
                     "matters": [%s]}
                    """.formatted(matter);
        }

        private ByteArrayInputStream stream(String json) {
            return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
