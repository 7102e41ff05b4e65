package org.civicdispatch.devregistry;

import org.civicdispatch.devinfra.EmbeddedBroker;

/** The one place these tests start a broker: a real in-JVM KRaft broker on free ports. */
final class TestBroker {

    private TestBroker() {
    }

    static EmbeddedBroker start() {
        return EmbeddedBroker.start();
    }
}
