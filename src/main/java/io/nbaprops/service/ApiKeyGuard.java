package io.nbaprops.service;

import io.javalin.security.RouteRole;
import io.nbaprops.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place that decides whether a presented key opens a route: the API key opens everything, the optional read
 * key opens reads. Keys come only from headers ({@code X-API-Key}, or {@code Authorization: Bearer}) and are compared
 * in constant time over HMAC-SHA256 digests (equal length whatever was sent). The HMAC's secret is random per process,
 * so a wrong key's fingerprint in the audit trail tells repeated attempts apart without letting anyone test guesses
 * offline; the configured keys are named ("api-key", "read-key"), never fingerprinted. Each guard also draws a local
 * token that may only read: {@code serve} hands it to the CLI on the same machine through the discovery file beside
 * the warehouse (readable by its owner only), so the CLI reads through the service without the operator's keys.
 */
public final class ApiKeyGuard {
    public static final String HEADER = "X-API-Key";
    /** Shorter keys are refused at start-up: a key is the only thing between the internet and the actions. */
    public static final int MIN_KEY_CHARS = 24;
    /** Who a request with the API key is in the audit trail (the only one that may act). */
    public static final String WRITER = "api-key";

    /** What a route needs: nothing, a key that may read, or the API key. */
    public enum Access implements RouteRole { PUBLIC, READ, WRITE }

    /** The outcome: allowed or not, who asked (for the audit trail), whether a key was presented, and why not. */
    public record Verdict(boolean allowed, String who, boolean keyPresented, int status, String reason) {}

    private final byte[] secret = new byte[32];
    private final byte[] writeDigest;
    private final byte[] readDigest;
    private final String writeName;
    private final String localToken;
    private final byte[] localDigest;

    /**
     * {@code writeKey}/{@code readKey} null or blank: not configured (without the API key every keyed route is refused).
     *
     * @throws ConfigException when a configured key is shorter than {@link #MIN_KEY_CHARS} or the two keys are equal
     */
    public ApiKeyGuard(String writeKey, String writeName, String readKey, String readName) {
        SecureRandom random = new SecureRandom();
        random.nextBytes(secret);
        byte[] token = new byte[32];
        random.nextBytes(token);
        this.localToken = HexFormat.of().formatHex(token);
        this.localDigest = hmac(localToken);
        this.writeName = writeName;
        this.writeDigest = digestOf(checked(writeKey, writeName));
        this.readDigest = digestOf(checked(readKey, readName));
        if (writeDigest != null && readDigest != null && MessageDigest.isEqual(writeDigest, readDigest)) {
            throw new ConfigException("the read key (" + readName + ") is the same as the API key (" + writeName
                    + "): give the read key its own value, or unset it");
        }
    }

    private static String checked(String key, String name) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() < MIN_KEY_CHARS) {
            throw new ConfigException("the key in secret " + name + " has " + key.length() + " characters; it must have at least "
                    + MIN_KEY_CHARS + " (e.g. the output of `openssl rand -base64 32`). `nbaprops serve` does not start with a short key");
        }
        return key;
    }

    private byte[] digestOf(String key) {
        return key == null ? null : hmac(key);
    }

    public boolean configured() {
        return writeDigest != null;
    }

    public boolean readKeyConfigured() {
        return readDigest != null;
    }

    /** This process's read-only token for the CLI on the same machine (see {@link ServiceDiscovery}); never logged. */
    public String localToken() {
        return localToken;
    }

    /** The key a request presents: {@code X-API-Key}, else an {@code Authorization: Bearer} token (what Prometheus sends). */
    public static String presented(UnaryOperator<String> header) {
        String k = header.apply(HEADER);
        if (k != null && !k.isEmpty()) {
            return k;
        }
        String auth = header.apply("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }

    public Verdict check(String presented, Access needed) {
        boolean given = presented != null && !presented.isEmpty();
        if (needed == Access.PUBLIC) {
            return new Verdict(true, "public", given, 200, null);
        }
        if (given && MessageDigest.isEqual(localDigest, hmac(presented))) {
            return needed == Access.READ ? new Verdict(true, "local-cli", true, 200, null)
                    : new Verdict(false, "local-cli", true, 403, "the local token may only read: writes need the API key (" + writeName + ")");
        }
        if (writeDigest == null) {
            return new Verdict(false, given ? "invalid-key:" + fingerprint(presented) : "anonymous", given, 401,
                    "the API is closed: no API key is configured. Set the secret " + writeName
                            + " (environment or secrets file; at least " + MIN_KEY_CHARS + " characters) and restart `nbaprops serve`");
        }
        if (!given) {
            return new Verdict(false, "anonymous", false, 401, "missing API key: send it in the " + HEADER + " header");
        }
        byte[] got = hmac(presented);
        // Both comparisons always run, so the time taken says nothing about which key (if any) matched.
        boolean write = MessageDigest.isEqual(writeDigest, got);
        boolean read = readDigest != null && MessageDigest.isEqual(readDigest, got);
        if (write) {
            return new Verdict(true, WRITER, true, 200, null);
        }
        if (read) {
            return needed == Access.READ ? new Verdict(true, "read-key", true, 200, null)
                    : new Verdict(false, "read-key", true, 403, "this key may only read: actions need the API key (" + writeName + ")");
        }
        return new Verdict(false, "invalid-key:" + fingerprint(presented), true, 401, "wrong API key");
    }

    /**
     * The first 12 hex digits of the key's HMAC under this process's secret: the same wrong key reads the same within
     * one run of the service, and nothing outside the process can check a guess against it.
     */
    public String fingerprint(String key) {
        return HexFormat.of().formatHex(hmac(key)).substring(0, 12);
    }

    private byte[] hmac(String s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
