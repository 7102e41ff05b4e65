package org.civicdispatch.reference.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the matter catalog from JSON data: the bundled demo catalog, or a file the city maintains. */
public final class CatalogLoader {

    /** The demo catalog shipped with the platform (Nanguan-like district, sources' SLA limits). */
    public static final String BUNDLED = "/reference/matter-catalog.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogLoader() {
    }

    public static MatterCatalog bundled() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BUNDLED)) {
            return load(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MatterCatalog load(InputStream in, String source) {
        if (in == null) {
            throw new IllegalArgumentException("matter catalog not found: " + source);
        }
        try {
            CatalogFile file = JSON.readValue(in, CatalogFile.class);
            return new MatterCatalog(file.version(), file.categories(), file.departments(), file.matters(),
                    file.catchAllDepartment());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("matter catalog " + source + " is not valid: " + e.getMessage(), e);
        }
    }

    record CatalogFile(String version, String catchAllDepartment, List<Category> categories,
                       List<Department> departments, List<Matter> matters) {
    }
}
