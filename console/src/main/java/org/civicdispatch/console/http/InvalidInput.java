package org.civicdispatch.console.http;

/** A request the console refuses before bothering a service: {@code field} names what is wrong. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
