package cn.huimin.domain.model.vendor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unified Social Credit Code, GB 32100-2015: alphabet, layout and the check character at position 18. */
class UsccTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Codes whose 18th character was verified with an independent implementation of the standard's formula. */
    private static final String[] VALID = {
            "91350100M000100Y43",
            "91110000600037341L",
            "91440300192448589C",
            "91110108551385082Q",
            "914403001922038216",
            "12110000MB0000000Q",
            "52310115MJ12345675",
            "Y1440300ABCDEFGHJR",
            "93320583KLMNPQRTUJ",
            "9132058300000000WP",
            "91330106MA27XL8000", // weighted sum is 0 mod 31: 31 is written as 0
            "91330106MA27XL500Y", // check character is the last letter of the alphabet
            "000000000000000000",
    };

    /** The check character straight from the standard's text, written independently of the class under test. */
    private static char expectedCheck(String first17) {
        int sum = 0;
        int w = 1;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * w;
            w = w * 3 % 31;
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c % 31);
    }

    private static String randomValid(Random r) {
        StringBuilder b = new StringBuilder(18);
        for (int i = 0; i < 17; i++) {
            b.append(i >= 2 && i < 8 ? (char) ('0' + r.nextInt(10)) : ALPHABET.charAt(r.nextInt(31)));
        }
        return b.append(Uscc.checkCharacter(b.toString())).toString();
    }

    private static String replace(String s, int index, char c) {
        return s.substring(0, index) + c + s.substring(index + 1);
    }

    // ---------------------------------------------------------------- valid codes

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L"})
    void wellKnownCodesAreValid(String code) {
        assertThat(Uscc.check(code)).isNull();
        assertThat(Uscc.valid(code)).isTrue();
    }

    @Test
    void computedCodesAreValidAndAgreeWithTheIndependentFormula() {
        for (String code : VALID) {
            assertThat(Uscc.check(code)).as(code).isNull();
            assertThat(Uscc.checkCharacter(code.substring(0, 17))).as(code).isEqualTo(code.charAt(17));
            assertThat(expectedCheck(code.substring(0, 17))).as(code).isEqualTo(code.charAt(17));
        }
    }

    @Test
    void checkCharacterOfKnownPrefixes() {
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(Uscc.checkCharacter("91110000600037341")).isEqualTo('L');
        assertThat(Uscc.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(Uscc.checkCharacter("91330106MA27XL800")).isEqualTo('0');
        assertThat(Uscc.checkCharacter("91330106MA27XL500")).isEqualTo('Y');
    }

    @Test
    void weightsArePowersOfThreeModulo31() {
        // one at a time: a code whose only non-zero character is a 1 at position i has check character 31 - w_i
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int w = 1;
        for (int i = 0; i < 17; i++) {
            assertThat(weights[i]).isEqualTo(w);
            String first17 = replace("00000000000000000", i, '1');
            assertThat(Uscc.checkCharacter(first17)).as("position %d", i + 1).isEqualTo(ALPHABET.charAt(31 - w));
            w = w * 3 % 31;
        }
    }

    @Test
    void thousandRandomValidCodesRoundTrip() {
        Random r = new Random(32100_2015L);
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < 1000; n++) {
            String code = randomValid(r);
            seen.add(code);
            assertThat(code).hasSize(18);
            assertThat(code.charAt(17)).as(code).isEqualTo(expectedCheck(code.substring(0, 17)));
            assertThat(Uscc.check(code)).as(code).isNull();
            assertThat(Uscc.valid(code)).as(code).isTrue();
            assertThat(Uscc.normalize(code)).isEqualTo(code);
            assertThat(Uscc.check(Uscc.normalize(" " + code.toLowerCase() + "\t"))).as(code).isNull();
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void everyCheckCharacterValueOccurs() {
        Random r = new Random(7);
        Set<Character> checks = new HashSet<>();
        for (int n = 0; n < 2000; n++) {
            checks.add(randomValid(r).charAt(17));
        }
        assertThat(checks).hasSize(31);
    }

    // ---------------------------------------------------------------- normalize

    @Test
    void lowerCaseIsAcceptedOnlyAfterNormalize() {
        String lower = "91350100m000100y43";
        assertThat(Uscc.check(lower)).isEqualTo(Uscc.Problem.CHARACTERS);
        assertThat(Uscc.valid(lower)).isFalse();
        assertThat(Uscc.normalize(lower)).isEqualTo("91350100M000100Y43");
        assertThat(Uscc.check(Uscc.normalize(lower))).isNull();
        assertThat(Uscc.check(Uscc.normalize("91110000600037341l"))).isNull();
    }

    @Test
    void surroundingBlanksAreAcceptedOnlyAfterNormalize() {
        String padded = "  91110000600037341L \n";
        assertThat(Uscc.check(padded)).isEqualTo(Uscc.Problem.LENGTH);
        assertThat(Uscc.normalize(padded)).isEqualTo("91110000600037341L");
        assertThat(Uscc.valid(Uscc.normalize(padded))).isTrue();
        // U+3000, the ideographic space of Chinese input methods
        assertThat(Uscc.valid(Uscc.normalize("\u300091110000600037341L\u3000"))).isTrue();
    }

    @Test
    void normalizeFixesNothingElse() {
        assertThat(Uscc.normalize(null)).isNull();
        assertThat(Uscc.normalize("")).isEmpty();
        assertThat(Uscc.normalize("9111 0000 6000 3734 1L")).isEqualTo("9111 0000 6000 3734 1L");
        // O for 0 stays O, and the inner blanks stay
        assertThat(Uscc.normalize("91110000600O37341l")).isEqualTo("91110000600O37341L");
        assertThat(Uscc.check(Uscc.normalize("91110000600O37341l"))).isEqualTo(Uscc.Problem.CHARACTERS);
        assertThat(Uscc.check(Uscc.normalize("9111 0000 6000 3734 1L"))).isEqualTo(Uscc.Problem.LENGTH);
        // upper-casing does not depend on the default locale (in Turkish "i" would become "\u0130")
        assertThat(Uscc.normalize("i")).isEqualTo("I");
    }

    // ---------------------------------------------------------------- problems

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n", "\u3000"})
    void emptyIsEmpty(String code) {
        assertThat(Uscc.check(code)).isEqualTo(Uscc.Problem.EMPTY);
        assertThat(Uscc.valid(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "91350100M000100Y4", "91350100M000100Y433", "91350100M000100Y43 ",
            " 91350100M000100Y43", "9135 0100 M000 100Y 43", "91350100M000100Y4391350100M000100Y43",
            "M000100Y4" /* the old 9-character organization code alone */})
    void wrongLengthIsLength(String code) {
        assertThat(Uscc.check(code)).isEqualTo(Uscc.Problem.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'a', 'm', 'y', '-', ' ', '*', '\u0000', 'Ａ', '１', '中'})
    void characterOutsideTheAlphabetIsCharacters(char c) {
        String valid = "91350100M000100Y43";
        for (int i = 0; i < 18; i++) {
            assertThat(Uscc.check(replace(valid, i, c))).as("'%s' at position %d", c, i + 1)
                    .isEqualTo(Uscc.Problem.CHARACTERS);
        }
    }

    @Test
    void allFiveExcludedLettersAreRefusedEvenWhereLettersAreAllowed() {
        for (char c : "IOSVZ".toCharArray()) {
            assertThat(Uscc.check("91350100" + c + "000100Y43")).as("%s", c).isEqualTo(Uscc.Problem.CHARACTERS);
        }
    }

    @Test
    void charactersIsReportedBeforeDivision() {
        assertThat(Uscc.check("91O50100M000100Y43")).isEqualTo(Uscc.Problem.CHARACTERS);
    }

    @Test
    void letterInTheDivisionCodeIsDivision() {
        String valid = "91350100M000100Y43";
        for (int i = 2; i < 8; i++) {
            for (char c : "ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
                String first17 = replace(valid, i, c).substring(0, 17);
                // with a correct check character, so that only the division code is wrong
                String code = first17 + Uscc.checkCharacter(first17);
                assertThat(Uscc.check(code)).as(code).isEqualTo(Uscc.Problem.DIVISION);
            }
        }
    }

    @Test
    void lettersOutsideTheDivisionCodeAreFine() {
        for (int i : new int[]{0, 1, 8, 9, 10, 11, 12, 13, 14, 15, 16}) {
            String first17 = replace("91350100M000100Y4", i, 'X');
            assertThat(Uscc.check(first17 + Uscc.checkCharacter(first17))).as(first17).isNull();
        }
    }

    @Test
    void everyWrongCheckCharacterIsRefused() {
        for (String code : VALID) {
            int refused = 0;
            for (char c : ALPHABET.toCharArray()) {
                String other = replace(code, 17, c);
                if (c == code.charAt(17)) {
                    assertThat(Uscc.check(other)).isNull();
                } else {
                    assertThat(Uscc.check(other)).as(other).isEqualTo(Uscc.Problem.CHECK_CHARACTER);
                    assertThat(Uscc.valid(other)).isFalse();
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(30);
        }
    }

    @Test
    void everySingleSubstitutionAnywhereIsDetected() {
        Random r = new Random(11714);
        for (int n = 0; n < 50; n++) {
            String code = randomValid(r);
            for (int i = 0; i < 17; i++) {
                for (char c : ALPHABET.toCharArray()) {
                    if (c == code.charAt(i)) {
                        continue;
                    }
                    String other = replace(code, i, c);
                    Uscc.Problem expected = i >= 2 && i < 8 && !Character.isDigit(c)
                            ? Uscc.Problem.DIVISION : Uscc.Problem.CHECK_CHARACTER;
                    assertThat(Uscc.check(other)).as(other).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void everyAdjacentTranspositionIsDetected() {
        Random r = new Random(31);
        for (int n = 0; n < 200; n++) {
            String code = randomValid(r);
            for (int i = 0; i < 17; i++) {
                char a = code.charAt(i);
                char b = code.charAt(i + 1);
                if (a == b) {
                    continue;
                }
                String swapped = code.substring(0, i) + b + a + code.substring(i + 2);
                assertThat(Uscc.valid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void organizationCodeCheckCharacterIsNotVerified() {
        // a GB 11714 organization code ends in a digit or X; "ABCDEFGHJ" is no valid one, yet the USCC is
        String first17 = "91350100ABCDEFGHJ";
        assertThat(Uscc.check(first17 + Uscc.checkCharacter(first17))).isNull();
    }

    // ---------------------------------------------------------------- checkCharacter arguments

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"9135010OM000100Y4", "91350100m000100Y4", "91350100M000100Y", "91350100M000100Y43",
            " 91350100M000100Y"})
    void checkCharacterRefusesWhatIsNotSeventeenCharactersOfTheAlphabet(String first17) {
        assertThatThrownBy(() -> Uscc.checkCharacter(first17)).isInstanceOf(IllegalArgumentException.class);
    }
}
