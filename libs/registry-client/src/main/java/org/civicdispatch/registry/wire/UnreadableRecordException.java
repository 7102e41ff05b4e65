package org.civicdispatch.registry.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes themselves are at fault (bad magic byte, unknown schema id, corrupt Avro): retrying cannot help, the
 * record belongs in the DLQ. A registry outage is a {@link org.civicdispatch.registry.RegistryUnavailableException}
 * instead, which is worth retrying.
 */
public class UnreadableRecordException extends SerializationException {

    public UnreadableRecordException(String message) {
        super(message);
    }

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
