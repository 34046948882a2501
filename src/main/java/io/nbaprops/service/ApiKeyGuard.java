package io.nbaprops.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Decides whether a write action may run: the {@code X-API-Key} header against the configured key, compared in
 * constant time over SHA-256 digests (equal length whatever was sent, so neither content nor length leaks through
 * timing). Callers are identified by a key fingerprint, never by the key.
 */
public final class ApiKeyGuard {
    public static final String HEADER = "X-API-Key";

    /** The outcome: allowed or not, who asked (for the audit trail), and why not. */
    public record Verdict(boolean allowed, String who, String reason) {}

    private final byte[] expectedDigest;
    private final String secretName;

    /** {@code key} null or blank: no key configured, every write action is refused. */
    public ApiKeyGuard(String key, String secretName) {
        this.expectedDigest = key == null || key.isBlank() ? null : sha256(key);
        this.secretName = secretName;
    }

    public boolean configured() {
        return expectedDigest != null;
    }

    public Verdict check(String presented) {
        if (expectedDigest == null) {
            return new Verdict(false, presented == null || presented.isEmpty() ? "anonymous" : "invalid-key:" + fingerprint(presented),
                    "write actions are disabled: no API key is configured. Set the secret " + secretName
                            + " (environment or secrets file) and restart `nbaprops serve`");
        }
        if (presented == null || presented.isEmpty()) {
            return new Verdict(false, "anonymous", "missing API key: send it in the " + HEADER + " header");
        }
        byte[] got = sha256(presented);
        if (!MessageDigest.isEqual(expectedDigest, got)) {
            return new Verdict(false, "invalid-key:" + fingerprint(presented), "wrong API key");
        }
        return new Verdict(true, "key:" + fingerprint(presented), null);
    }

    /** The first 12 hex digits of the key's SHA-256: tells keys apart in the audit trail without revealing them. */
    public static String fingerprint(String key) {
        return HexFormat.of().formatHex(sha256(key)).substring(0, 12);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
