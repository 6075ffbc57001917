package cn.huimin.domain.model.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RatingCodesTest {

    @Test
    void theAlphabetHasThirtyOneCharactersWithoutConfusableOnes() {
        assertThat(RatingCodes.ALPHABET).hasSize(31);
        assertThat(RatingCodes.ALPHABET.chars().distinct().count()).isEqualTo(31);
        assertThat(RatingCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        assertThat(RatingCodes.ALPHABET).matches("[2-9A-Z]+");
        // about 8 x 10^14 codes
        BigInteger space = BigInteger.valueOf(31).pow(RatingCodes.LENGTH);
        assertThat(space).isBetween(BigInteger.valueOf(800_000_000_000_000L), BigInteger.valueOf(900_000_000_000_000L));
    }

    @Test
    void tenThousandNewCodesAreWellFormedAndUnique() {
        Set<String> codes = new HashSet<>();
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String c = RatingCodes.newCode();
            assertThat(c).hasSize(10).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
            assertThat(codes.add(c)).as("duplicate code " + c).isTrue();
            for (char ch : c.toCharArray()) {
                counts.merge(ch, 1, Integer::sum);
            }
        }
        // every character of the alphabet is used, roughly evenly (expected 100000/31 ~ 3226 each, sd ~ 56)
        assertThat(counts).hasSize(31);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(2_700, 3_750));
        // every position varies
        for (int pos = 0; pos < 10; pos++) {
            final int p = pos;
            assertThat(codes.stream().map(c -> c.charAt(p)).distinct().count()).as("position " + p).isEqualTo(31);
        }
    }

    @Test
    void aCodeIsPrintedAsTwoGroupsOfFive() {
        assertThat(RatingCodes.printed("ABCDEFGHJK")).isEqualTo("ABCDE-FGHJK");
        for (int i = 0; i < 100; i++) {
            String c = RatingCodes.newCode();
            String printed = RatingCodes.printed(c);
            assertThat(printed).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");
            assertThat(RatingCodes.normalize(printed)).isEqualTo(c);
            assertThat(RatingCodes.normalize(printed.toLowerCase())).isEqualTo(c);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ABCDEFGHJK", "ABCDE-FGHJK", "abcde-fghjk", "AbCdE fGhJk", "  abcde fghjk  ", "ABCDE\tFGHJK",
            "AB-CD-EF-GH-JK", "A B C D E F G H J K", "ABCDE--FGHJK", "abcde\nfghjk"})
    void whatWasTypedIsNormalizedToUpperCaseWithoutDashesOrSpaces(String typed) {
        assertThat(RatingCodes.normalize(typed)).isEqualTo("ABCDEFGHJK");
    }

    @Test
    void digitsAndTheRestOfTheAlphabetSurviveNormalizing() {
        assertThat(RatingCodes.normalize("23456-789mn")).isEqualTo("23456789MN");
        assertThat(RatingCodes.normalize("pqrst-uvwxy")).isEqualTo("PQRSTUVWXY");
        assertThat(RatingCodes.normalize("zzzzz-22222")).isEqualTo("ZZZZZ22222");
    }

    @ParameterizedTest(name = "\"{0}\" is no code")
    @ValueSource(strings = {
            "ABCD0-FGHJK", "ABCDO-FGHJK", "ABCD1-FGHJK", "ABCDI-FGHJK", "ABCDL-FGHJK", // confusable characters
            "abcdo-fghjk", "abcdi-fghjk", "abcdl-fghjk",                               // also in lower case
            "ABCDE-FGHJ", "ABCDEFGHJ", "ABCDE-FGHJKM", "ABCDEFGHJKMN", "A",             // wrong length
            "ABCDE_FGHJK", "ABCDE.FGHJK", "ABCDE/FGHJK",                               // other separators
            "ABCDÉ-FGHJK", "ABCDE-FGHJ€",                                              // not ASCII (full-width is folded: see below)
            "---------- ", "          "})
    void whatCannotBeACodeIsNull(String typed) {
        assertThat(RatingCodes.normalize(typed)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingTypedIsNull(String typed) {
        assertThat(RatingCodes.normalize(typed)).isNull();
    }

    @Test
    void theHashIsSha256OfTokenColonCode() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("tok123:ABCDEFGHJK".getBytes(StandardCharsets.UTF_8)));
        assertThat(RatingCodes.hash("tok123", "ABCDEFGHJK")).isEqualTo(expected).matches("[0-9a-f]{64}");
        assertThat(RatingCodes.hash("tok123", "ABCDEFGHJK")).isEqualTo(RatingCodes.hash("tok123", "ABCDEFGHJK"));
    }

    @Test
    void theSameCodeHashesDifferentlyForEachEvent() {
        String code = RatingCodes.newCode();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            hashes.add(RatingCodes.hash(RatingCodes.newToken(), code));
        }
        assertThat(hashes).hasSize(1_000);
        String token = RatingCodes.newToken();
        assertThat(RatingCodes.hash(token, "ABCDEFGHJK")).isNotEqualTo(RatingCodes.hash(token, "ABCDEFGHJM"));
    }

    @Test
    void aTokenIs128BitsUrlSafeWithoutPadding() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String t = RatingCodes.newToken();
            assertThat(t).hasSize(22).matches("[A-Za-z0-9_-]{22}");
            assertThat(Base64.getUrlDecoder().decode(t)).hasSize(16);
            assertThat(java.net.URLEncoder.encode(t, StandardCharsets.UTF_8)).isEqualTo(t);
            tokens.add(t);
        }
        assertThat(tokens).hasSize(1_000);
    }

    @org.junit.jupiter.api.Test
    void whatAChineseInputMethodTypesIsAcceptedFullWidthSpacesDashesAndLetters() {
        assertThat(RatingCodes.normalize("ABCDE\u3000FGHJK")).isEqualTo("ABCDEFGHJK");
        assertThat(RatingCodes.normalize("ABCDE\uFF0DFGHJK")).isEqualTo("ABCDEFGHJK");
        assertThat(RatingCodes.normalize("\uFF21\uFF22\uFF23\uFF24\uFF25-fghjk")).isEqualTo("ABCDEFGHJK");
        assertThat(RatingCodes.normalize("ABCDE\u2014FGHJK")).isEqualTo("ABCDEFGHJK");
        // folding never lets a look-alike through
        assertThat(RatingCodes.normalize("\uFF10BCDE-FGHJK")).as("full-width zero").isNull();
    }
}
