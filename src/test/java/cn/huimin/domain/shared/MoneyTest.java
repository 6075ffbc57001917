package cn.huimin.domain.shared;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** CNY amounts as text: plain ASCII digits, at most one dot and 2 decimals, positive (or zero where allowed). */
class MoneyTest {

    private Locale savedLocale;

    @BeforeEach
    void pinLocale() {
        // Money.format uses the JVM default locale; pin it so the expected grouping is known.
        savedLocale = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedLocale);
    }

    // ---------------------------------------------------------------- check: valid amounts

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "1", "1.5", "288000", "288000.00", "288000.5", "5760.00", " 12.50 ", "\t7\n",
            "007", "9999999999999.99", "9999999999999"})
    void validPositiveAmountsHaveNoProblem(String text) {
        assertThat(Money.check(text, false)).isNull();
        assertThat(Money.check(text, true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.00", "-0", "-0.00", "000"})
    void zeroIsAllowedOnlyWhereAllowed(String text) {
        assertThat(Money.check(text, true)).isNull();
        assertThat(Money.check(text, false)).isEqualTo(Money.Problem.NOT_POSITIVE);
    }

    // ---------------------------------------------------------------- check: problems

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\n"})
    void blankIsMissing(String text) {
        assertThat(Money.check(text, false)).isEqualTo(Money.Problem.MISSING);
        assertThat(Money.check(text, true)).isEqualTo(Money.Problem.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,000", "1,200.50", "１２", "１２.００", "١٢", "12a", "1e5", "1E5", "+5", ".5", "5.",
            "1.2.3", "¥100", "100元", "- 5", "0x10", "1 000", "12,", "NaN", "Infinity", "--1", "1-", "1.-5"})
    void nonNumbersAreRefused(String text) {
        assertThat(Money.check(text, false)).isEqualTo(Money.Problem.NOT_A_NUMBER);
        assertThat(Money.check(text, true)).isEqualTo(Money.Problem.NOT_A_NUMBER);
        assertThat(Money.parse(text)).isNull();
        assertThat(Money.of(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "0.001", "288000.001", "1.230", "1.000"})
    void moreThanTwoDecimalsAreRefused(String text) {
        assertThat(Money.check(text, false)).isEqualTo(Money.Problem.TOO_MANY_DECIMALS);
        assertThat(Money.check(text, true)).isEqualTo(Money.Problem.TOO_MANY_DECIMALS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.01", "-288000.00", " -5 "})
    void negativeAmountsAreRefused(String text) {
        assertThat(Money.check(text, false)).isEqualTo(Money.Problem.NEGATIVE);
        assertThat(Money.check(text, true)).isEqualTo(Money.Problem.NEGATIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000000000", "10000000000000.00", "99999999999999", "9999999999999999"})
    void amountsAboveTheMaximumAreTooLarge(String text) {
        assertThat(Money.check(text, false)).isEqualTo(Money.Problem.TOO_LARGE);
        assertThat(Money.check(text, true)).isEqualTo(Money.Problem.TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567", "99999999999999999999999999"})
    void absurdlyLongNumbersAreRefused(String text) {
        assertThat(Money.check(text, false)).isNotNull();
        assertThat(Money.check(text, true)).isNotNull();
    }

    @Test
    void maximumIsJustBelowTenTrillion() {
        assertThat(Money.MAX).isEqualByComparingTo("9999999999999.99");
        assertThat(Money.check(Money.MAX.toPlainString(), false)).isNull();
        assertThat(Money.check(Money.MAX.add(new BigDecimal("0.01")).toPlainString(), false))
                .isEqualTo(Money.Problem.TOO_LARGE);
    }

    // ---------------------------------------------------------------- parse and of

    @ParameterizedTest
    @CsvSource({
            "12.5, 12.5",
            "' 288000.00 ', 288000.00",
            "-3, -3",
            "1.234, 1.234",
            "007, 7"
    })
    void parseKeepsTheTypedValue(String text, String expected) {
        assertThat(Money.parse(text)).isEqualByComparingTo(expected);
    }

    @Test
    void parseKeepsTheTypedScale() {
        assertThat(Money.parse("1.5").scale()).isEqualTo(1);
        assertThat(Money.parse("1.50").scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void parseOfBlankIsNull(String text) {
        assertThat(Money.parse(text)).isNull();
        assertThat(Money.of(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "288000, 288000.00",
            "12.5, 12.50",
            "0, 0.00",
            "' 5760.00 ', 5760.00",
            "0.01, 0.01"
    })
    void ofAlwaysHasTwoDecimals(String text, String expected) {
        BigDecimal v = Money.of(text);
        assertThat(v).isEqualTo(new BigDecimal(expected)); // equals compares the scale as well
        assertThat(v.scale()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- format

    @ParameterizedTest
    @CsvSource({
            "288000.00, '288,000.00'",
            "5760, '5,760.00'",
            "0.5, 0.50",
            "0, 0.00",
            "1234567.89, '1,234,567.89'",
            "9999999999999.99, '9,999,999,999,999.99'"
    })
    void formatGroupsThousandsWithTwoDecimals(String value, String expected) {
        assertThat(Money.format(new BigDecimal(value))).isEqualTo(expected);
    }

    @Test
    void formatOfNullIsEmpty() {
        assertThat(Money.format(null)).isEmpty();
    }

    @Test
    void everyProblemIsDistinct() {
        assertThat(Money.Problem.values()).extracting(Enum::name).containsExactlyInAnyOrder(
                "MISSING", "NOT_A_NUMBER", "TOO_MANY_DECIMALS", "NOT_POSITIVE", "NEGATIVE", "TOO_LARGE");
    }
}
