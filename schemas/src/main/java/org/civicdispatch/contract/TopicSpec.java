package org.civicdispatch.contract;

import java.util.Set;

/**
 * One topic of the contract.
 *
 * @param valueType   the Avro class of the value, or null for DLQs, which carry the failed bytes as they came
 * @param writer      the single party that writes it
 * @param provisioner the service that creates it at start-up: the writer, or the reader when outsiders write
 */
public record TopicSpec(
        String name,
        Class<?> valueType,
        String key,
        Party writer,
        Party provisioner,
        Set<Party> readers,
        boolean containsPersonalData,
        String purpose) {

    public TopicSpec {
        if (!Topics.isValidName(name)) {
            throw new IllegalArgumentException("topic names are lowercase kebab-case nouns: " + name);
        }
    }

    /** Subject of the value schema under the TopicNameStrategy. */
    public String valueSubject() {
        return name + "-value";
    }
}
