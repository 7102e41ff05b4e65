package org.civicdispatch.registry;

/** The registry could not be reached or failed on its side: try again later, the record is not at fault. */
public class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
