package org.civicdispatch.dispatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.civicdispatch.dispatch.routing.DeadlinePolicy;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/** The city edits its catalog file; a reload applies it to the next case without a restart. */
class CurrentCatalogTest {

    private static final String CATALOG = """
            {"version": "%s", "catchAllDepartment": "district-command",
             "departments": [{"code": "district-command", "nameZh": "区", "nameEn": "District"},
                             {"code": "%s", "nameZh": "部门", "nameEn": "Department"}],
             "matters": [{"code": "sanitation.garbage-overflow", "category": "sanitation", "nameZh": "垃圾",
                          "nameEn": "Garbage", "tier": "COMMUNITY", "leadDepartment": "%s",
                          "assistingDepartments": [], "urgency": "ROUTINE", "signWithin": "PT2H",
                          "feedbackWithin": "P3D"}]}""";

    @TempDir
    Path dir;

    @Test
    void shouldRouteTheNextCaseByTheReloadedCatalogAndRecordItsVersion() throws Exception {
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, CATALOG.formatted("city-1", "sanitation", "sanitation"), StandardCharsets.UTF_8);
        CurrentCatalog current = new CurrentCatalog(new FileSystemResource(file), DeadlinePolicy.ALL_HOURS);
        DepartmentTask before = lead(current, "C-R1");

        Files.writeString(file, CATALOG.formatted("city-2", "environment-sanitation", "environment-sanitation"),
                StandardCharsets.UTF_8);
        current.reload();
        DepartmentTask after = lead(current, "C-R2");

        assertThat(before.getDepartmentCode()).isEqualTo("sanitation");
        assertThat(before.getCatalogVersion()).isEqualTo("city-1");
        assertThat(after.getDepartmentCode()).isEqualTo("environment-sanitation");
        assertThat(after.getCatalogVersion()).isEqualTo("city-2");
    }

    @Test
    void shouldKeepTheCatalogInForceWhenTheNewFileIsInvalid() throws Exception {
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, CATALOG.formatted("city-1", "sanitation", "sanitation"), StandardCharsets.UTF_8);
        CurrentCatalog current = new CurrentCatalog(new FileSystemResource(file), DeadlinePolicy.ALL_HOURS);

        Files.writeString(file, CATALOG.formatted("city-broken", "sanitation", "nobody"), StandardCharsets.UTF_8);

        assertThatThrownBy(current::reload).hasMessageContaining("unknown department nobody");
        assertThat(current.catalog().version()).isEqualTo("city-1");
        assertThat(lead(current, "C-R3").getDepartmentCode()).isEqualTo("sanitation");
    }

    private static DepartmentTask lead(CurrentCatalog current, String caseId) {
        return current.dispatching().dispatch(Fixtures.report(caseId, "sanitation.garbage-overflow", Urgency.ROUTINE),
                Fixtures.NOW).tasks().get(0);
    }
}
