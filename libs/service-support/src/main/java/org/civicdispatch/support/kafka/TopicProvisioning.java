package org.civicdispatch.support.kafka;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.civicdispatch.contract.Party;
import org.civicdispatch.contract.TopicSpec;
import org.civicdispatch.contract.Topics;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates at start-up the topics a service provisions according to {@link Topics}; existing ones are kept. */
public final class TopicProvisioning {

    private TopicProvisioning() {
    }

    public static KafkaAdmin.NewTopics topicsOf(Party service, Collection<String> departmentCodes,
                                               PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.provisionedBy(service, departmentCodes).stream()
                .map(spec -> newTopic(spec, properties))
                .toArray(NewTopic[]::new));
    }

    static NewTopic newTopic(TopicSpec spec, PlatformProperties properties) {
        return TopicBuilder.name(spec.name())
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplication())
                .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        String.valueOf(Math.max(1, properties.topicReplication() - 1))))
                .build();
    }
}
