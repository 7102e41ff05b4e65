package org.civicdispatch.intake.open311;

import java.time.Clock;
import java.time.ZoneId;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Open311 GeoReport v2 channel under {@code /open311/v2}. */
@Configuration
@EnableConfigurationProperties(Open311Properties.class)
public class Open311Configuration {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Configuration.class);

    @Bean
    Open311Representations open311Representations(MatterCatalog catalog,
                                                  @Value("${civic.zone:Asia/Shanghai}") String zone) {
        return new Open311Representations(catalog, ZoneId.of(zone));
    }

    @Bean
    Open311Queries open311Queries(Open311Properties properties, Clock clock,
                                  @Value("${civic.zone:Asia/Shanghai}") String zone) {
        return new Open311Queries(properties, clock, ZoneId.of(zone));
    }

    /** Development only: any non-empty key is accepted. Production supplies an {@link Open311ApiKeys} bean. */
    @Bean
    @ConditionalOnMissingBean
    Open311ApiKeys anyNonEmptyApiKey() {
        LOG.warn("Open311: no Open311ApiKeys bean, accepting any non-empty api_key (development setting)");
        return key -> key != null && !key.isBlank();
    }
}
