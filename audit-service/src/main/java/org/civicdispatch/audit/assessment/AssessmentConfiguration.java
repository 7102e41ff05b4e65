package org.civicdispatch.audit.assessment;

import java.time.Clock;
import org.civicdispatch.audit.store.QueryLog;
import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    @Bean
    AssessmentRebuild assessmentRebuild(JdbcClient jdbc, AvroCodec codec) {
        return new AssessmentRebuild(jdbc, codec);
    }

    @Bean
    RebuildingTheAssessment rebuildingTheAssessment(AssessmentRebuild rebuild, QueryLog queries, KafkaProperties kafka,
                                                    Clock clock) {
        return new RebuildingTheAssessment(rebuild, queries, kafka.buildConsumerProperties(), clock);
    }
}
