package org.civicdispatch.dispatch.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import org.civicdispatch.dispatch.routing.DeadlinePolicy;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.dispatch.routing.Router;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.springframework.core.io.Resource;

/** The catalog in force. Reloading swaps it atomically; cases already dispatched keep the version they used. */
public class CurrentCatalog {

    private final Resource source;
    private final DeadlinePolicy deadlines;
    private final AtomicReference<Dispatching> dispatching = new AtomicReference<>();
    private final AtomicReference<MatterCatalog> catalog = new AtomicReference<>();

    public CurrentCatalog(Resource source, DeadlinePolicy deadlines) {
        this.source = source;
        this.deadlines = deadlines;
        reload();
    }

    public final MatterCatalog reload() {
        MatterCatalog loaded;
        try (InputStream in = source.getInputStream()) {
            loaded = CatalogLoader.load(in, source.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read matter catalog " + source, e);
        }
        dispatching.set(new Dispatching(new Router(loaded), deadlines));
        catalog.set(loaded);
        return loaded;
    }

    public MatterCatalog catalog() {
        return catalog.get();
    }

    public Dispatching dispatching() {
        return dispatching.get();
    }
}
