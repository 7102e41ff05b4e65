package org.civicdispatch.registry.wire;

import org.apache.avro.Schema;

/** A record read from the wire with the schema it was written with. */
public record DecodedRecord<T>(int schemaId, Schema writerSchema, T value) {
}
