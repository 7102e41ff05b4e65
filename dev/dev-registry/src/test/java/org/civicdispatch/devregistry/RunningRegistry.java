package org.civicdispatch.devregistry;

import org.civicdispatch.devinfra.EmbeddedBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real in-JVM KRaft broker and a dev registry on it, for the tests of one class. */
final class RunningRegistry implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedBroker broker;
    private DevSchemaRegistry registry;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedBroker.start();
        registry = start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** Stops the registry and starts a new one on the same broker, as after a crash or redeploy. */
    DevSchemaRegistry restart() {
        registry.close();
        registry = start();
        return registry;
    }

    String url() {
        return registry.url();
    }

    private DevSchemaRegistry start() {
        return DevSchemaRegistry.start(broker.bootstrapServers(), "127.0.0.1", 0);
    }
}
