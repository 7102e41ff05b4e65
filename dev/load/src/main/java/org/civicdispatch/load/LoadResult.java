package org.civicdispatch.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured: cases accepted and dispatched, throughput, and latency from intake's acceptance
 * (the {@code acceptedAt} intake stamps on the case) to the department task being readable (committed) on Kafka,
 * and to its append in the audit log. Histograms in microseconds.
 */
record LoadResult(String name, double targetRate, int accepted, int withTask, int refused, int resent,
                  double seconds, double sendSeconds, Histogram toTask, Histogram toAudit, Histogram http, Hops hops) {

    /**
     * Where the time to the task goes: acceptance to the report being readable on incident-reports (intake's
     * part), to dispatch's own clock on the task ({@code dispatchedAt}: intake, the hand-over and dispatch's poll),
     * and from there to the task being readable (dispatch's transaction commit and the reader's fetch).
     */
    record Hops(Histogram toReport, Histogram toDispatch, Histogram dispatchToTask) {
    }

    /** Complaints answered 202 per second while sending (the HTTP front door's rate). */
    double httpPerSecond() {
        return http.getTotalCount() / sendSeconds;
    }

    double casesPerSecond() {
        return withTask / seconds;
    }

    String report() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%s: target %s, accepted %d, with a department task %d, refused %d, resent %d; %.1f cases/s "
                        + "over %.1f s%n", name, targetRate > 0 ? String.format(Locale.ROOT, "%.0f cases/s",
                        targetRate) : "max", accepted, withTask, refused, resent, casesPerSecond(), seconds));
        out.append(line("  accepted → department task", toTask));
        out.append(line("    accepted → report readable", hops.toReport()));
        out.append(line("    accepted → dispatched (dispatch's clock)", hops.toDispatch()));
        out.append(line("    dispatched → task readable", hops.dispatchToTask()));
        out.append(line("  accepted → audit append of the task", toAudit));
        if (http.getTotalCount() > 0) {
            out.append(line("  HTTP POST → 202", http));
            out.append(String.format(Locale.ROOT, "  HTTP: %.1f complaints/s answered 202 while sending%n",
                    httpPerSecond()));
        }
        return out.toString();
    }

    static String line(String what, Histogram h) {
        return String.format(Locale.ROOT, "%-44s p50 %7.1f ms  p99 %7.1f ms  p99.9 %7.1f ms  max %7.1f ms  (n=%d)%n",
                what, ms(h, 50), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0, h.getTotalCount());
    }

    static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
