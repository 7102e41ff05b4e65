package org.civicdispatch.dispatch.http;

import java.io.UncheckedIOException;
import java.util.Map;
import org.civicdispatch.dispatch.catalog.CurrentCatalog;
import org.civicdispatch.dispatch.topology.DispatchStreams;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.civicdispatch.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
        Scopes.mayChangeTheCatalog(Caller.current());
        return MatterCatalogView.of(current.reload());
    }

    /** A catalog file with errors is refused whole; the catalog in force stays. */
    @ExceptionHandler({IllegalArgumentException.class, UncheckedIOException.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()
                + "; the catalog in force is still " + current.catalog().version());
        problem.setTitle("Catalog refused");
        return ResponseEntity.unprocessableContent().body(problem);
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
