package cn.huimin.domain.model.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The 18-character resident identity number (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit
 * sequence and an ISO 7064 MOD 11-2 check character (0-9 or X). Huimin keeps only a hash of it, enough to tell that
 * two expert records are the same person.
 */
public final class ResidentId {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentId() {
    }

    public static String normalize(String raw) {
        return raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
    }

    /** Null when valid, else the message key of the first problem. */
    public static String problem(String raw) {
        String id = normalize(raw);
        if (id.isEmpty()) {
            return "validation.required";
        }
        if (!id.matches("\\d{17}[\\dX]")) {
            return "expert.idNumber.format";
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1900) {
                return "expert.idNumber.birthDate";
            }
        } catch (DateTimeException e) {
            return "expert.idNumber.birthDate";
        }
        if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
            return "expert.idNumber.checkCharacter";
        }
        return null;
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** SHA-256 (hex) of the normalized number, under a fixed domain prefix. */
    public static String hash(String raw) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("huimin-resident-id:" + normalize(raw)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
