package org.civicdispatch.audit.replay;

import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.QueryLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Republishing to replay topics on the platform's broker. Exports run from the CLI, where the files are. */
@Configuration(proxyBeanMethods = false)
public class ReplayConfiguration {

    @Bean(destroyMethod = "close")
    KafkaReplayTarget replayTarget(KafkaProperties kafka) {
        return new KafkaReplayTarget(kafka.buildAdminProperties(), kafka.buildProducerProperties());
    }

    @Bean
    RepublishingAPeriod republishingAPeriod(ChainRows rows, QueryLog queries, KafkaReplayTarget target,
                                            @Value("${civic.audit.replay-partitions:3}") int partitions) {
        return new RepublishingAPeriod(rows, queries, target, partitions);
    }

    @Bean(destroyMethod = "close")
    BackgroundReplays backgroundReplays(RepublishingAPeriod republishing) {
        return new BackgroundReplays(republishing);
    }
}
