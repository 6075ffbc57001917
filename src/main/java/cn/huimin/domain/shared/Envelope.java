package cn.huimin.domain.shared;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with the JDK: AES-256-GCM with a random 96-bit nonce and a 128-bit tag. Sealed bytes are
 * {@code version(1) || nonce(12) || ciphertext+tag}. Associated data binds a ciphertext to its row (tender, lot,
 * vendor), so a sealed value copied to another row does not open. Data keys are wrapped the same way by the master key.
 */
public final class Envelope {
    public static final int KEY_BYTES = 32;
    static final byte VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    /** Plaintext is encrypted this many bytes at a time (a multiple of the AES block). */
    static final int SLICE = 8192;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Thrown when sealed bytes do not open: wrong key, wrong associated data, or altered content. */
    public static final class Broken extends RuntimeException {
        Broken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Envelope() {
    }

    public static byte[] newDataKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A random token of the given number of bytes, URL-safe base64 without padding. */
    public static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static byte[] seal(byte[] key, byte[] plaintext, byte[] aad) {
        return seal(key, plaintext, aad, SLICE);
    }

    /** {@link #seal(byte[], byte[], byte[])} feeding the cipher {@code slice} bytes at a time (same output). */
    static byte[] seal(byte[] key, byte[] plaintext, byte[] aad, int slice) {
        checkKey(key);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            if (aad != null) {
                c.updateAAD(aad);
            }
            byte[] out = new byte[1 + NONCE_BYTES + c.getOutputSize(plaintext.length)];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            // fed in slices: the JIT compiles the GCM steps it calls often with the CPU's AES and carry-less multiply
            // instructions, which one call with a megabyte never reaches (measured here: about 1.3 instead of 15 ms/MB)
            int pos = 1 + NONCE_BYTES;
            for (int off = 0; off < plaintext.length; off += slice) {
                pos += c.update(plaintext, off, Math.min(slice, plaintext.length - off), out, pos);
            }
            c.doFinal(out, pos);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** What {@link #warmUp} did: rounds of small seals, its time, and the last timing of a 1 MB seal. */
    public record WarmUp(int rounds, long millis, double msPerMegabyte, boolean fast) {
    }

    /** A 1 MB seal at or under this many milliseconds runs on the CPU's AES and carry-less multiply instructions. */
    static final double FAST_MS_PER_MB = 4.0;

    /**
     * Runs sealing and hashing until the JIT has compiled them with the CPU's AES, carry-less multiply and SHA
     * instructions, or until {@code budgetMillis} have passed. Until then a megabyte takes 15 to 100 ms instead of
     * under one; and once requests keep every core busy, the compiler thread gets too little time to catch up, so
     * a burst of bids right after a start would be served by the slow code all along. Many short updates make the
     * callers hot quickly (a few hundred milliseconds on a quiet JVM); a 1 MB seal is timed after each round.
     */
    public static WarmUp warmUp(long budgetMillis) {
        byte[] key = newDataKey();
        // associated data of the lengths the requests use (tender key, bid attachment, bid) and none
        byte[][] aads = {context("tender-key", 1), context("bid-attachment", 1, 2), context("bid", 1, 2, 3), null};
        byte[] aad = aads[1];
        byte[] data = new byte[64 * 1024 + 13];
        byte[] megabyte = new byte[1024 * 1024 + 5];
        RANDOM.nextBytes(data);
        long t0 = System.nanoTime();
        long budget = budgetMillis * 1_000_000L;
        int rounds = 0;
        double ms = Double.MAX_VALUE;
        int fastInARow = 0;
        while (System.nanoTime() - t0 < budget) {
            for (int i = 0; i < 4; i++) {
                // every path the requests take: whole and partial blocks, values shorter than a block, slices and
                // their remainders, opening (a path the compiled code has never seen sends it back to the slow one)
                for (int j = 0; j < WARM_UP_SIZES.length; j++) {
                    int size = WARM_UP_SIZES[j];
                    aad = aads[(i + j) % aads.length];
                    byte[] plain = Arrays.copyOf(data, size);
                    byte[] sealed = seal(key, plain, aad, 256);
                    if (!Arrays.equals(open(key, sealed, aad), plain) || !Arrays.equals(open(key, seal(key, plain, aad), aad), plain)) {
                        throw new IllegalStateException("AES-GCM warm-up: a sealed value did not open");
                    }
                    sha256Hex(plain, sealed);
                }
            }
            rounds++;
            long t = System.nanoTime();
            seal(key, megabyte, aads[1]);
            sha256Hex(megabyte);
            ms = (System.nanoTime() - t) / 1e6;
            fastInARow = ms <= FAST_MS_PER_MB ? fastInARow + 1 : 0;
            if (fastInARow >= 3) {
                break;
            }
        }
        return new WarmUp(rounds, (System.nanoTime() - t0) / 1_000_000L, ms, fastInARow >= 3);
    }

    private static final int[] WARM_UP_SIZES = {0, 1, 15, 16, 17, 100, 255, 256, 333, 1000, 4097, 8191, 8192, 8193, 20_000, 64 * 1024 + 13};

    public static byte[] open(byte[] key, byte[] sealed, byte[] aad) {
        checkKey(key);
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new Broken("not a sealed value", null);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            if (aad != null) {
                c.updateAAD(aad);
            }
            return c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new Broken("sealed value does not open: wrong key, wrong context or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The master key from its base64 text (32 bytes); refuses anything else. */
    public static byte[] parseMasterKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("master key is empty");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException("master key must be 32 bytes (base64 of 32 random bytes)");
        }
        return key;
    }

    /** A short fingerprint of a key (first 8 bytes of its SHA-256), to tell keys apart without showing them. */
    public static String fingerprint(byte[] key) {
        return HexFormat.of().formatHex(Arrays.copyOf(digest().digest(key), 8));
    }

    /** Associated data from row identifiers. */
    public static byte[] context(String kind, long... ids) {
        ByteBuffer b = ByteBuffer.allocate(kind.length() * 3 + 1 + ids.length * 8);
        b.put(kind.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put((byte) 0);
        for (long id : ids) {
            b.putLong(id);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    public static String sha256Hex(byte[]... parts) {
        MessageDigest d = digest();
        for (byte[] p : parts) {
            d.update(p);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("key must be 32 bytes");
        }
    }
}
