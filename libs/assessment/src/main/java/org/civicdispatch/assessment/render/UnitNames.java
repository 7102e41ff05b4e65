package org.civicdispatch.assessment.render;

import java.util.HashMap;
import java.util.Map;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.reference.catalog.Department;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.civicdispatch.reference.territory.GridShape;
import org.civicdispatch.reference.territory.Territory;

/** The display name of a unit code, or null when there is none. Names are data: they may hold any text. */
@FunctionalInterface
public interface UnitNames {

    /** No names: reports show codes only. */
    UnitNames NONE = (grouping, code) -> null;

    String nameOf(Grouping grouping, String code);

    /** Department names (Chinese) from the matter catalog, street and community names from the territory. */
    static UnitNames from(MatterCatalog catalog, Territory territory) {
        Map<String, String> departments = new HashMap<>();
        for (Department d : catalog.departments()) {
            departments.put(d.code(), d.nameZh());
        }
        Map<String, String> streets = new HashMap<>();
        Map<String, String> communities = new HashMap<>();
        for (GridShape grid : territory.grids()) {
            streets.put(grid.place().streetCode(), grid.place().streetName());
            communities.put(grid.place().communityCode(), grid.place().communityName());
        }
        return (grouping, code) -> switch (grouping) {
            case DEPARTMENT -> departments.get(code);
            case STREET -> streets.get(code);
            case COMMUNITY -> communities.get(code);
        };
    }
}
