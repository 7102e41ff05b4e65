package org.civicdispatch.audit.cli;

import java.io.PrintStream;
import org.civicdispatch.audit.replay.ExportingAPeriod;

/** {@code [##########----------]  50%  500/1000 rows} on one terminal line, redrawn as the percentage moves. */
final class ProgressBar implements ExportingAPeriod.Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private int shown = -1;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void advanced(long done, long total) {
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (percent == shown && done != total) {
            return;
        }
        shown = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent)
                + "  " + done + "/" + total + " rows");
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
