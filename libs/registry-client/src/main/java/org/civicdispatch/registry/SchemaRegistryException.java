package org.civicdispatch.registry;

/** The registry answered with an error: {@code error_code} and message as in the Confluent REST API. */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** 40403: schema not found, e.g. an unknown id. */
    public boolean isSchemaNotFound() {
        return errorCode == ErrorCodes.SCHEMA_NOT_FOUND;
    }
}
