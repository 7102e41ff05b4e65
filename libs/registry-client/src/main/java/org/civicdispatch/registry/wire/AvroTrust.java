package org.civicdispatch.registry.wire;

/** Avro 1.12 refuses to instantiate classes outside trusted packages; this trusts the contract's and the JDK's. */
public final class AvroTrust {

    public static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    public static final String PACKAGES =
            "org.civicdispatch.events,org.civicdispatch.state,java.lang,java.math,java.io,java.net,java.util,org.apache.avro.util";

    private AvroTrust() {
    }

    /** Call first thing in main, before any Avro class loads. An operator's own setting wins. */
    public static void trustContractPackages() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, PACKAGES);
        }
    }
}
