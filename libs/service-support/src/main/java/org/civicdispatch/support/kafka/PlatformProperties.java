package org.civicdispatch.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares.
 *
 * @param service             the service name: consumer group, DLQ name and client id derive from it
 * @param schemaRegistryUrl   any Confluent-compatible registry (dev registry, Confluent, Karapace, Apicurio ccompat)
 * @param autoRegisterSchemas false in production, where schemas are registered by the release pipeline
 * @param topicPartitions     partitions of the topics this service provisions
 * @param topicReplication    replication factor of those topics
 */
@ConfigurationProperties("civic")
public record PlatformProperties(
        String service,
        String schemaRegistryUrl,
        Boolean autoRegisterSchemas,
        Integer topicPartitions,
        Short topicReplication) {

    public PlatformProperties {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("civic.service must name the service");
        }
        schemaRegistryUrl = schemaRegistryUrl == null ? "http://localhost:8081" : schemaRegistryUrl;
        autoRegisterSchemas = autoRegisterSchemas == null || autoRegisterSchemas;
        topicPartitions = topicPartitions == null ? 3 : topicPartitions;
        topicReplication = topicReplication == null ? 1 : topicReplication;
    }

    public String deadLetterTopic() {
        return service + org.civicdispatch.contract.Topics.DEAD_LETTER_SUFFIX;
    }
}
