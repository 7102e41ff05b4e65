package org.civicdispatch.devregistry;

import org.apache.avro.Schema;

/** One registered version of a subject, as stored in the _schemas topic. */
record SchemaVersion(String subject, int version, int id, Schema schema, boolean deleted) {

    String schemaText() {
        return schema.toString();
    }

    SchemaVersion asDeleted() {
        return new SchemaVersion(subject, version, id, schema, true);
    }
}
