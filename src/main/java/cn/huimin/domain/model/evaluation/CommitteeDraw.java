package cn.huimin.domain.model.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The random draw of experts, reproducible by anyone who has the recorded seed and candidate list: every eligible
 * candidate gets the rank SHA-256(seed + ":" + expert id) (hex); candidates in ascending rank order fill the expert
 * seats, the next ones are the reserves, in that order. The seed is 128 random bits chosen at the draw.
 */
public final class CommitteeDraw {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CommitteeDraw() {
    }

    public static String newSeed() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String rank(String seed, long expertId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + expertId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All candidates in draw order (members first, then reserves). Ties of rank cannot happen for distinct ids. */
    public static List<Long> order(String seed, List<Long> candidates) {
        List<Long> ordered = new ArrayList<>(candidates.stream().distinct().toList());
        ordered.sort(Comparator.comparing((Long id) -> rank(seed, id)).thenComparing(id -> id));
        return ordered;
    }
}
