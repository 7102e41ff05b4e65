package org.civicdispatch.intake.open311;

/**
 * Whether an {@code api_key} may post service requests. GeoReport v2 requires a key on every POST; the city issues
 * keys to the apps it trusts. One method, so a deployment supplies its own bean and a test passes a lambda.
 */
@FunctionalInterface
public interface Open311ApiKeys {

    boolean accepts(String apiKey);
}
