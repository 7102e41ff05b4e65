package org.civicdispatch.audit.chain;

/** The answer of a verification run; {@code firstBroken} is null when the log is intact. */
public record VerificationReport(boolean ok, long rowsChecked, int checkpointsChecked, long chainHeadSeq,
                                 BrokenLink firstBroken) {
}
