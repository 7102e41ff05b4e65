package org.civicdispatch.dispatch.http;

import java.util.Map;
import org.civicdispatch.dispatch.catalog.CurrentCatalog;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.civicdispatch.dispatch.topology.DispatchStreams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The matter catalog in force, and reloading it without a restart. */
@RestController
@RequestMapping("/api/dispatch")
public class CatalogController {

    private final CurrentCatalog current;
    private final DispatchStreams streams;

    public CatalogController(CurrentCatalog current, DispatchStreams streams) {
        this.current = current;
        this.streams = streams;
    }

    @GetMapping("/catalog")
    public MatterCatalogView catalog() {
        return MatterCatalogView.of(current.catalog());
    }

    @PostMapping("/catalog/reload")
    public MatterCatalogView reload() {
        return MatterCatalogView.of(current.reload());
    }

    @GetMapping("/status")
    public Map<String, String> status() {
        return Map.of("streams", streams.state().name(), "catalogVersion", current.catalog().version());
    }

    public record MatterCatalogView(String version, String catchAllDepartment, Object departments, Object matters) {

        static MatterCatalogView of(MatterCatalog c) {
            return new MatterCatalogView(c.version(), c.catchAllDepartment(), c.departments(), c.matters());
        }
    }
}
