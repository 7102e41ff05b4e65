package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicdispatch.assessment.render.UnitNames;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.civicdispatch.reference.territory.Territory;
import org.junit.jupiter.api.Test;

class UnitNamesTest {

    @Test
    void shouldNameDepartmentsStreetsAndCommunitiesFromTheReferenceData() {
        UnitNames names = UnitNames.from(CatalogLoader.bundled(), Territory.bundled());
        assertThat(names.nameOf(Grouping.DEPARTMENT, "sanitation")).isEqualTo("环卫中心");
        assertThat(names.nameOf(Grouping.STREET, "NG-S01")).isEqualTo("永吉街道");
        assertThat(names.nameOf(Grouping.COMMUNITY, "NG-S01-C01")).isNotBlank();
        assertThat(names.nameOf(Grouping.STREET, "NG-S01-C01")).isNull();
        assertThat(names.nameOf(Grouping.DEPARTMENT, Grouping.UNPLACED)).isNull();
    }
}
