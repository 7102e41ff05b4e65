package org.civicdispatch.dispatch.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.civicdispatch.dispatch.routing.Department;
import org.civicdispatch.dispatch.routing.Matter;
import org.civicdispatch.dispatch.routing.MatterCatalog;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/** Reads the matter catalog from JSON data (a classpath default, or a file the city maintains). */
public final class CatalogLoader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogLoader() {
    }

    public static MatterCatalog load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            CatalogFile file = JSON.readValue(in, CatalogFile.class);
            return new MatterCatalog(file.version(), file.departments(), file.matters(), file.catchAllDepartment());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read matter catalog " + resource, e);
        }
    }

    record CatalogFile(String version, String catchAllDepartment, List<Department> departments,
                       List<Matter> matters) {
    }
}
