package org.civicdispatch.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.civicdispatch.devstack.DevStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small chaos run of the suite: the whole platform on the embedded default under light mixed load, with
 * notification and audit killed by SIGKILL at the same moment mid-run and restarted. Every accepted case is then
 * dispatched once, every record of its case audited once, and no text message went out twice. The full run (each
 * service in turn, longer load) is load/chaos.sh.
 */
class ChaosUnderLoadTest {

    @TempDir
    Path workDir;

    @Test
    void shouldDispatchAuditAndTextExactlyOnceWhenNotificationAndAuditAreKilledUnderLoad() throws Exception {
        Path root = Path.of(System.getProperty("civicdispatch.root", "..")).toAbsolutePath().normalize();
        DevStack.Options options = Target.embedded(root, workDir, Target.SHORT_SESSIONS);
        try (DevStack stack = DevStack.start(options)) {
            Chaos.Counts counts = new Chaos(options, Target.of(stack, options))
                    .run(40, 4, List.of("notification-service+audit-service"));
            System.out.println(counts.report());

            assertThat(counts.restarts()).containsOnlyKeys("notification-service", "audit-service");
            assertThat(counts.cases()).as("cases accepted").isGreaterThanOrEqualTo(40);
            assertThat(counts.acceptedOverHttp()).as("complaints over HTTP").isPositive();
            assertThat(counts.submittedOnKafka()).as("patrol and sensor submissions").isPositive();
            assertThat(counts.sms()).as("text messages to callers").isPositive();
            assertThat(counts.dispatchedOnce()).as(counts.report()).isEqualTo(counts.cases());
            assertThat(counts.auditedOnce()).as(counts.report()).isEqualTo(counts.records());
            assertThat(counts.exactlyOnce()).as(counts.report()).isTrue();
        }
    }
}
