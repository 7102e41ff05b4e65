package org.civicdispatch.audit.chain;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Walks the chain row by row in sequence order and stops at the first row that is not what was sealed: a broken
 * link to the row before (a row deleted or re-hashed), a sequence gap, content that no longer matches its hash (a
 * row edited), or a row that disagrees with a signed checkpoint (the chain rewritten from some row on). At the end,
 * the chain head and any checkpoint beyond the last row show rows missing at the end.
 */
public final class ChainVerifier {

    private final PublicKey trustedKey;
    private final String trustedKeyId;
    private final List<Checkpoint> checkpoints;
    private final long headSeq;
    private final byte[] headHash;
    private int nextCheckpoint;
    private long expectedSeq = 1;
    private byte[] previousHash = ChainHash.GENESIS;
    private long rowsChecked;
    private int checkpointsChecked;
    private BrokenLink broken;

    /**
     * @param headSeq  the chain head's last sequence number, read in the same snapshot as the rows
     * @param headHash the chain head's last hash
     */
    public ChainVerifier(List<Checkpoint> checkpoints, PublicKey trustedKey, long headSeq, byte[] headHash) {
        this.headSeq = headSeq;
        this.headHash = headHash;
        this.trustedKey = trustedKey;
        this.trustedKeyId = SigningKeys.keyId(trustedKey);
        this.checkpoints = new ArrayList<>(checkpoints);
        this.checkpoints.sort(Comparator.comparingLong(Checkpoint::seq));
    }

    /** Checks the next row; false once the chain is broken, so the caller can stop reading. */
    public boolean accept(ChainedRow row) {
        if (broken != null) {
            return false;
        }
        rowsChecked++;
        ChainedContent content = row.content();
        if (!Arrays.equals(row.prevHash(), previousHash)) {
            broken = BrokenLink.at(row, "link broken: the row before this one is missing or was changed",
                    ChainHash.hex(previousHash), ChainHash.hex(row.prevHash()));
        } else if (content.seq() != expectedSeq) {
            broken = BrokenLink.at(row, "sequence broken: rows are missing or were inserted",
                    "seq " + expectedSeq, "seq " + content.seq());
        } else {
            byte[] recomputed = ChainHash.of(row.prevHash(), content);
            if (!Arrays.equals(recomputed, row.rowHash())) {
                broken = BrokenLink.at(row, "row altered: its content does not match its hash",
                        ChainHash.hex(recomputed), ChainHash.hex(row.rowHash()));
            } else if (content.seq() > headSeq) {
                broken = BrokenLink.at(row, "row beyond the chain head: appended outside the chain",
                        "last seq " + headSeq, "seq " + content.seq());
            }
        }
        while (broken == null && nextCheckpoint < checkpoints.size()
                && checkpoints.get(nextCheckpoint).seq() == content.seq()) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
            checkpointsChecked++;
            String refusal = signatureRefusal(checkpoint);
            if (refusal != null) {
                broken = BrokenLink.at(row, refusal, trustedKeyId, checkpoint.keyId());
            } else if (!Arrays.equals(checkpoint.rowHash(), row.rowHash())) {
                broken = BrokenLink.at(row, "row differs from the signed checkpoint of " + checkpoint.createdAt(),
                        ChainHash.hex(checkpoint.rowHash()), ChainHash.hex(row.rowHash()));
            }
        }
        previousHash = row.rowHash();
        expectedSeq = content.seq() + 1;
        return broken == null;
    }

    /** The report, after the last row; the chain head must name the last row. */
    public VerificationReport finish() {
        long lastSeq = expectedSeq - 1;
        if (broken == null && nextCheckpoint < checkpoints.size()) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint);
            checkpointsChecked++;
            String refusal = signatureRefusal(checkpoint);
            broken = refusal != null
                    ? BrokenLink.beyondRows(checkpoint.seq(), refusal, trustedKeyId, checkpoint.keyId())
                    : BrokenLink.beyondRows(checkpoint.seq(), "rows sealed by a signed checkpoint are missing",
                    "seq " + checkpoint.seq(), "last seq " + lastSeq);
        }
        if (broken == null && headSeq != lastSeq) {
            broken = BrokenLink.beyondRows(lastSeq + 1, "the chain head disagrees with the rows: rows missing at "
                    + "the end, or appended outside the chain", "last seq " + headSeq, "last seq " + lastSeq);
        } else if (broken == null && !Arrays.equals(headHash, previousHash)) {
            broken = BrokenLink.beyondRows(lastSeq, "the chain head disagrees with the last row's hash",
                    ChainHash.hex(headHash), ChainHash.hex(previousHash));
        }
        return new VerificationReport(broken == null, rowsChecked, checkpointsChecked, headSeq, broken);
    }

    private String signatureRefusal(Checkpoint checkpoint) {
        if (!trustedKeyId.equals(checkpoint.keyId())) {
            return "checkpoint signed by an unknown key";
        }
        if (!SigningKeys.verify(trustedKey, checkpoint.signedBytes(), checkpoint.signature())) {
            return "checkpoint signature invalid";
        }
        return null;
    }
}
