package org.civicdispatch.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civicdispatch.devstack.DevStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small chaos run of the suite: the whole platform on the embedded default under light mixed load, with the
 * SMS gateway failing every message for a few seconds, then notification and audit killed by SIGKILL at the same
 * moment and restarted. Dispatch runs a catalog whose matters are all to be signed for within 20 s, so sign
 * reminders and breaches fall due meanwhile. Every accepted case is then dispatched once, every record of its case
 * audited once, every task nobody signed for had its sign reminder and breach once, no task signed in time
 * breached, every text due went out in the end, and none went out twice. The full run (every fault in turn, longer
 * load) is load/chaos.sh.
 */
class ChaosUnderLoadTest {

    @TempDir
    Path workDir;

    @Test
    void shouldDispatchAuditTextAndFireTimersExactlyOnceWhenTextsFailAndNotificationAndAuditAreKilledUnderLoad()
            throws Exception {
        Path root = Path.of(System.getProperty("civicdispatch.root", "../..")).toAbsolutePath().normalize();
        List<String> jvm = new ArrayList<>(Target.SHORT_SESSIONS);
        jvm.addAll(Target.QUICK_TEXT_RETRIES);
        jvm.add(Target.directoryWithoutQuietHours(root, workDir));
        DevStack.Options options = Target.embedded(root, workDir, jvm);
        try (DevStack stack = DevStack.start(options)) {
            // signing within 20 s: reminders and breaches fall due while notification and audit are down
            Chaos.Counts counts = new Chaos(stack, options, Target.of(stack), null, Duration.ofSeconds(5),
                    Duration.ofSeconds(20))
                    .run(40, 4, List.of("sms-fail", "kill:notification-service+kill:audit-service"));
            System.out.println(counts.report());

            assertThat(counts.faults()).containsOnlyKeys("sms-fail", "kill:notification-service",
                    "kill:audit-service");
            assertThat(counts.cases()).as("cases accepted").isGreaterThanOrEqualTo(40);
            assertThat(counts.acceptedOverHttp()).as("complaints over HTTP").isPositive();
            assertThat(counts.submittedOnKafka()).as("patrol and sensor submissions").isPositive();
            assertThat(counts.texts().inbox()).as("text messages to callers").isPositive();
            assertThat(counts.dispatchedOnce()).as(counts.report()).isEqualTo(counts.cases());
            assertThat(counts.auditedOnce()).as(counts.report()).isEqualTo(counts.records());
            assertThat(counts.exactlyOnce()).as(counts.report()).isTrue();
            assertThat(counts.timers().unsigned()).as("tasks nobody signed for\n" + counts.report()).isPositive();
            assertThat(counts.timers().signedEarly()).as("tasks signed in time\n" + counts.report()).isPositive();
            assertThat(counts.timers().once()).as(counts.report()).isEqualTo(counts.timers().due());
            assertThat(counts.timers().breachedSigned()).as(counts.report()).isZero();
            assertThat(counts.texts().retried()).as("texts the outage made fail\n" + counts.report()).isPositive();
            assertThat(counts.texts().pending()).as("texts still retrying\n" + counts.report()).isZero();
            assertThat(counts.texts().parked()).as("texts given up on\n" + counts.report()).isZero();
            assertThat(counts.texts().delivered()).as(counts.report()).isTrue();
        }
    }
}
