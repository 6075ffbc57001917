package cn.huimin.domain.model.vendor;

import java.util.Locale;

/**
 * The Unified Social Credit Code (统一社会信用代码) of GB 32100-2015: 18 characters from the 31-character alphabet
 * {@code 0-9 A-H J-N P-R T-U W-Y} (no I, O, S, V, Z).
 *
 * <ul>
 *   <li>position 1: registration authority code (登记管理部门代码),</li>
 *   <li>position 2: organization type code (机构类别代码),</li>
 *   <li>positions 3-8: administrative division code (登记管理机关行政区划码), digits only,</li>
 *   <li>positions 9-17: organization code (主体标识码, GB 11714),</li>
 *   <li>position 18: check character over positions 1-17.</li>
 * </ul>
 *
 * The check character is {@code C18 = 31 - (sum of c_i * w_i mod 31)}, with 31 written as 0, where {@code c_i} is the
 * index of the i-th character in the alphabet and {@code w_i = 3^(i-1) mod 31}. Only the 18th character is verified:
 * the GB 11714 check character at position 17 of the organization code is not, since codes issued under the new
 * scheme need not carry a valid one.
 *
 * <p>{@link #check(String)} and {@link #valid(String)} are strict: pass a value through {@link #normalize(String)}
 * first to accept surrounding blanks and lower-case letters.
 */
public final class Uscc {
    /** The 31 characters of the code, in the order of their values 0..30. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public static final int LENGTH = 18;

    /** w_i = 3^(i-1) mod 31 for i = 1..17. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int MODULUS = 31;

    /** Why a code is not valid; {@link Uscc#check(String)} returns the first that applies, in this order. */
    public enum Problem {
        /** null, empty or only blanks. */
        EMPTY,
        /** not 18 characters. */
        LENGTH,
        /** a character outside the alphabet (this includes lower-case letters and I, O, S, V, Z). */
        CHARACTERS,
        /** positions 3-8 are not all digits. */
        DIVISION,
        /** the 18th character is not the one computed from the first 17. */
        CHECK_CHARACTER
    }

    private Uscc() {
    }

    /** The problem with a code, or null when it is valid. Does not normalize: see {@link #normalize(String)}. */
    public static Problem check(String code) {
        if (code == null || code.isBlank()) {
            return Problem.EMPTY;
        }
        if (code.length() != LENGTH) {
            return Problem.LENGTH;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (value(code.charAt(i)) < 0) {
                return Problem.CHARACTERS;
            }
        }
        for (int i = 2; i < 8; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return Problem.DIVISION;
            }
        }
        return code.charAt(LENGTH - 1) == compute(code) ? null : Problem.CHECK_CHARACTER;
    }

    /** True when {@link #check(String)} finds no problem. */
    public static boolean valid(String code) {
        return check(code) == null;
    }

    /** The code trimmed and in upper case (null stays null). Corrects nothing else, e.g. O is not turned into 0. */
    public static String normalize(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 characters of the alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected the first 17 characters of a unified social credit code");
        }
        for (int i = 0; i < first17.length(); i++) {
            if (value(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a character of a unified social credit code at position "
                        + (i + 1));
            }
        }
        return compute(first17);
    }

    /** The check character over the first 17 characters, which must all be in the alphabet. */
    private static char compute(String code) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += value(code.charAt(i)) * WEIGHTS[i];
        }
        int c = MODULUS - sum % MODULUS;
        return ALPHABET.charAt(c == MODULUS ? 0 : c);
    }

    /** The value 0..30 of a character, or -1 when it is not in the alphabet. */
    private static int value(char c) {
        return ALPHABET.indexOf(c);
    }
}
