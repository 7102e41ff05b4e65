package org.civicdispatch.audit.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A signed statement that the chain's row {@code seq} (database id {@code eventId}) had {@code rowHash}. */
public record Checkpoint(long seq, long eventId, byte[] rowHash, Instant createdAt, String keyId, byte[] signature) {

    /** The exact bytes that are signed; the signature itself and the key id are not part of them. */
    public static byte[] signedBytes(long seq, long eventId, byte[] rowHash, Instant createdAt) {
        return ("civic-audit-checkpoint-v1\n" + seq + "\n" + eventId + "\n" + ChainHash.hex(rowHash) + "\n"
                + createdAt).getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] signedBytes() {
        return signedBytes(seq, eventId, rowHash, createdAt);
    }
}
