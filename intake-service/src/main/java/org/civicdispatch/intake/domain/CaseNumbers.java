package org.civicdispatch.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Case numbers citizens can read out on the phone: {@code C-20261122-7K3QX9MZ} (date of acceptance in the city's
 * zone, then 8 base-32 characters). A report with an idempotency key gets a number derived from the key, so a resend
 * names the same case even if the first answer was lost.
 */
public final class CaseNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    public CaseNumbers(ZoneId zone) {
        this.zone = zone;
    }

    public String next(Instant acceptedAt) {
        byte[] bytes = new byte[5];
        random.nextBytes(bytes);
        return format(acceptedAt, bytes);
    }

    /** The same key (and report date) always gives the same number. */
    public String forKey(String idempotencyKey, Instant reportedAt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return format(reportedAt, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String format(Instant at, byte[] bytes) {
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (bytes[i] & 0xff);
        }
        char[] suffix = new char[8];
        for (int i = 7; i >= 0; i--) {
            suffix[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return "C-" + DAY.format(at.atZone(zone)) + "-" + new String(suffix);
    }
}
