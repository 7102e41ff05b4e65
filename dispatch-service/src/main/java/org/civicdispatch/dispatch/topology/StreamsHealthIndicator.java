package org.civicdispatch.dispatch.topology;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code streams} in health and readiness: out of service until the topology runs. After a crash dispatch restores
 * its case files and timers from the changelogs first (a million cases: about 90 s), and until then it answers
 * queue queries from half a store and fires no timers, so it must not look ready. Not part of liveness: restarting
 * a restoring instance would only start the restore again.
 */
@Component
class StreamsHealthIndicator implements HealthIndicator {

    private final DispatchStreams streams;

    StreamsHealthIndicator(DispatchStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.outOfService())
                .withDetail("state", state.name()).build();
    }
}
