package org.civicdispatch.console.http;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.civicdispatch.console.map.GridMap;
import org.civicdispatch.console.upstream.Upstream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the pages draw with: the catalog in force (departments, matters) and the district's grid polygons. */
@RestController
public class ReferenceApi {

    private final Upstream dispatch;
    private final GridMap grids;

    public ReferenceApi(@Qualifier("dispatch") Upstream dispatch, GridMap grids) {
        this.dispatch = dispatch;
        this.grids = grids;
    }

    @GetMapping("/api/catalog")
    public ResponseEntity<?> catalog(HttpServletRequest request) {
        return dispatch.get("/api/dispatch/catalog", Requests.forwardedHeaders(request));
    }

    @GetMapping("/api/territory/grids")
    public ResponseEntity<byte[]> grids() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).eTag(grids.version())
                .body(grids.geoJson());
    }
}
