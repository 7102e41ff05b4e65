package org.civicdispatch.intake.open311;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Open311 channel's settings ({@code civic.open311.*}).
 *
 * @param jurisdictionId the one {@code jurisdiction_id} this endpoint serves
 * @param maxResults     how many requests a {@code GET requests} answers at most (the spec allows up to 1000)
 * @param window         the longest {@code start_date}..{@code end_date} span, and the default one (90 days per spec)
 */
@ConfigurationProperties("civic.open311")
public record Open311Properties(
        @DefaultValue("nanguan.demo") String jurisdictionId,
        @DefaultValue("50") int maxResults,
        @DefaultValue("P90D") Duration window) {

    public Open311Properties {
        if (maxResults < 1 || maxResults > 1000) {
            throw new IllegalArgumentException("civic.open311.max-results must be 1..1000, was " + maxResults);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("civic.open311.window must be positive, was " + window);
        }
    }
}
