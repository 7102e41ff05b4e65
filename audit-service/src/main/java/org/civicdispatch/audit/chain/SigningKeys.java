package org.civicdispatch.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys for checkpoints, from the JDK alone. A key file holds the private key (PKCS#8) and the public key
 * (X.509) as PEM blocks: the JDK cannot derive an Ed25519 public key from the private one.
 */
public final class SigningKeys {

    public static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile("-----BEGIN (PRIVATE|PUBLIC) KEY-----([^-]+)-----END \\1 KEY-----");

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    /** Reads the key file; when it is missing and {@code generate} is true, writes a new one (owner-only). */
    public static KeyPair loadOrGenerate(Path file, boolean generate) {
        if (Files.exists(file)) {
            String pem = read(file);
            PrivateKey privateKey = decode(pem, "PRIVATE");
            if (privateKey == null) {
                throw new IllegalArgumentException(file + " holds no PRIVATE KEY block");
            }
            return new KeyPair(publicKey(pem, file), privateKey);
        }
        if (!generate) {
            throw new IllegalStateException("no checkpoint signing key at " + file);
        }
        KeyPair pair = generate();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, pem("PRIVATE", pair.getPrivate().getEncoded()) + pem(pair.getPublic()));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signing key to " + file, e);
        }
        return pair;
    }

    /** The public key from a key file or a public-key file. */
    public static PublicKey readPublicKey(Path file) {
        return publicKey(read(file), file);
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC", key.getEncoded());
    }

    /** A short fingerprint naming the key: the first 16 hex digits of SHA-256 over its X.509 encoding. */
    public static String keyId(PublicKey key) {
        return ChainHash.hex(ChainHash.sha256().digest(key.getEncoded())).substring(0, 16);
    }

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey publicKey(String pem, Path file) {
        PublicKey key = decode(pem, "PUBLIC");
        if (key == null) {
            throw new IllegalArgumentException(file + " holds no PUBLIC KEY block");
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static <K> K decode(String pem, String kind) {
        Matcher matcher = PEM.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(kind)) {
                byte[] der = Base64.getMimeDecoder().decode(matcher.group(2).trim());
                try {
                    KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
                    return (K) (kind.equals("PRIVATE") ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                            : factory.generatePublic(new X509EncodedKeySpec(der)));
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("not an " + ALGORITHM + " " + kind.toLowerCase() + " key", e);
                }
            }
        }
        return null;
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + " KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + kind + " KEY-----\n";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }
}
