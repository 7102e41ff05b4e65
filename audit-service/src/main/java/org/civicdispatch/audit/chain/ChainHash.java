package org.civicdispatch.audit.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * row_hash = SHA-256(prev_hash || canonical content). The canonical encoding is a fixed field order in which every
 * field is tagged as absent or present and every variable field carries its length, so no two different rows
 * encode alike (no "ab"+"c" = "a"+"bc").
 */
public final class ChainHash {

    public static final int LENGTH = 32;
    /** The prev_hash of the first row. */
    public static final byte[] GENESIS = new byte[LENGTH];

    private static final byte[] VERSION = "civic-audit-chain-v1".getBytes(StandardCharsets.US_ASCII);

    private ChainHash() {
    }

    public static byte[] of(byte[] prevHash, ChainedContent row) {
        if (prevHash == null || prevHash.length != LENGTH) {
            throw new IllegalArgumentException("prev_hash must be " + LENGTH + " bytes");
        }
        MessageDigest sha = sha256();
        sha.update(VERSION);
        sha.update(prevHash);
        sha.update(canonical(row));
        return sha.digest();
    }

    static byte[] canonical(ChainedContent row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (row.raw() == null ? 0 : row.raw().length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(row.seq());
            text(out, row.topic());
            out.writeInt(row.partition());
            out.writeLong(row.offset());
            text(out, row.recordKey());
            text(out, row.caseId());
            text(out, row.eventType());
            if (present(out, row.schemaId())) {
                out.writeInt(row.schemaId());
            }
            blob(out, row.raw());
            text(out, row.headersJson());
            text(out, row.payloadJson());
            text(out, row.decodeError());
            instant(out, row.recordTimestamp());
            instant(out, row.appendedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean present(DataOutputStream out, Object value) throws IOException {
        out.writeByte(value == null ? 0 : 1);
        return value != null;
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        blob(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void blob(DataOutputStream out, byte[] value) throws IOException {
        if (present(out, value)) {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static void instant(DataOutputStream out, Instant value) throws IOException {
        if (present(out, value)) {
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, value));
        }
    }
}
