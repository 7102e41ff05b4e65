package org.civicdispatch.audit.assessment;

import org.civicdispatch.registry.wire.AvroCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    @Bean
    AssessmentRebuild assessmentRebuild(JdbcClient jdbc, AvroCodec codec) {
        return new AssessmentRebuild(jdbc, codec);
    }
}
