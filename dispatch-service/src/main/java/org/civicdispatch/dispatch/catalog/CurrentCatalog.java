package org.civicdispatch.dispatch.catalog;

import java.util.concurrent.atomic.AtomicReference;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.dispatch.routing.MatterCatalog;
import org.civicdispatch.dispatch.routing.Router;
import org.springframework.core.io.Resource;

/** The catalog in force. Reloading swaps it atomically; cases already dispatched keep the version they used. */
public class CurrentCatalog {

    private final Resource source;
    private final AtomicReference<Dispatching> dispatching = new AtomicReference<>();
    private final AtomicReference<MatterCatalog> catalog = new AtomicReference<>();

    public CurrentCatalog(Resource source) {
        this.source = source;
        reload();
    }

    public final MatterCatalog reload() {
        MatterCatalog loaded = CatalogLoader.load(source);
        dispatching.set(new Dispatching(new Router(loaded)));
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
