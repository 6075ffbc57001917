package cn.huimin.domain.model.delivery;

import cn.huimin.domain.shared.Envelope;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time rating codes handed out at an event, and the public token of the event's rating link. Codes are 10
 * characters from 31 that cannot be confused (no 0/O, 1/I/L), about 8 × 10^14 possibilities, so guessing one is
 * hopeless within the rate limit; printed as XXXXX-XXXXX. Only SHA-256(token:code) is stored.
 */
public final class RatingCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RatingCodes() {
    }

    public static String newCode() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The code as printed: two groups of five. */
    public static String printed(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    /** A random URL-safe token for an event's public rating link (128 bits). */
    public static String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** What a resident typed, in canonical form (upper case, without spaces or dashes, full-width folded), or null if it cannot be a code. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        // Chinese input methods give full-width spaces and dashes; full-width letters and digits are folded too
        String c = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\s\\-\u2010-\u2015\u3000]", "").toUpperCase(Locale.ROOT);
        if (c.length() != LENGTH) {
            return null;
        }
        for (char ch : c.toCharArray()) {
            if (ALPHABET.indexOf(ch) < 0) {
                return null;
            }
        }
        return c;
    }

    public static String hash(String eventToken, String code) {
        return Envelope.sha256Hex((eventToken + ":" + code).getBytes(StandardCharsets.UTF_8));
    }
}
