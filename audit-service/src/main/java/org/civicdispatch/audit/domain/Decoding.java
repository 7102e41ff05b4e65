package org.civicdispatch.audit.domain;

/** What reading a record's value gave. */
public sealed interface Decoding {

    /** Read with the writer's schema; {@code datum} is Avro generic data. */
    record Decoded(int schemaId, String eventType, Object datum) implements Decoding {
    }

    /** The bytes are at fault: kept as they are, with the reason. */
    record Undecodable(String reason) implements Decoding {
    }

    /** No value at all (a tombstone). */
    record Absent() implements Decoding {
    }
}
