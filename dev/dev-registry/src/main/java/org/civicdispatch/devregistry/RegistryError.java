package org.civicdispatch.devregistry;

import org.civicdispatch.registry.ErrorCodes;

/** An error answered as {@code {"error_code": ..., "message": ...}}, the Confluent way. */
class RegistryError extends RuntimeException {

    final int status;
    final int errorCode;

    RegistryError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, ErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String subject, String version) {
        return new RegistryError(404, ErrorCodes.VERSION_NOT_FOUND,
                "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, ErrorCodes.SCHEMA_NOT_FOUND, "Schema " + what + " not found");
    }

    static RegistryError invalidSchema(String why) {
        return new RegistryError(422, ErrorCodes.INVALID_SCHEMA, "Invalid schema: " + why);
    }

    static RegistryError badRequest(String why) {
        return new RegistryError(400, 400, why);
    }
}
