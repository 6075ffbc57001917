package cn.huimin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, that a user's password matched the stored hash, so that an /api client sending its
 * credentials on every call does not pay the deliberately slow PBKDF2 check each time.
 *
 * <p>Nothing reversible is kept: an entry holds an HMAC of user name and password under a key that exists only in this
 * JVM's memory, and the stored password hash it was checked against. An entry counts only while that stored hash is
 * unchanged, so a password change (or reset) ends it at once; the caller still reads the account row on every call and
 * checks that it is active and not locked. Failed checks are never remembered.
 */
public final class VerifiedCredentials {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_ENTRIES = 20_000;

    private record Entry(byte[] mac, String storedHash, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;

    public VerifiedCredentials(Clock clock, Duration ttl, int maxEntries) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    public VerifiedCredentials() {
        this(Clock.systemUTC(), DEFAULT_TTL, DEFAULT_MAX_ENTRIES);
    }

    /** True when this user and password were verified against exactly this stored hash within the time to live. */
    public boolean matches(String username, String password, String storedHash) {
        Entry e = entries.get(username);
        if (e == null || storedHash == null) {
            return false;
        }
        if (!clock.instant().isBefore(e.expires()) || !e.storedHash().equals(storedHash)) {
            entries.remove(username, e);
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(username, password));
    }

    /** Records a successful full check. */
    public void remember(String username, String password, String storedHash) {
        if (entries.size() >= maxEntries) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(username, new Entry(mac(username, password), storedHash, clock.instant().plus(ttl)));
    }

    /** Forgets a user (password changed, account locked or deactivated). */
    public void forget(String username) {
        entries.remove(username);
    }

    int size() {
        return entries.size();
    }

    private byte[] mac(String username, String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(username.getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
