package cn.huimin.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** PBKDF2-HMAC-SHA256 hashes stored as pbkdf2-sha256$iterations$salt$hash. */
class PasswordHasherTest {

    private static final char[] PASSWORD = "Wenhua-2026!".toCharArray();
    private static String stored;

    @BeforeAll
    static void hashOnce() {
        stored = PasswordHasher.hash(PASSWORD.clone());
    }

    private static String[] parts(String s) {
        return s.split("\\$");
    }

    /** Replaces one character of a Base64 text by another valid Base64 character (keeping the length). */
    private static String flipBase64(String b64, int index) {
        char c = b64.charAt(index);
        char replacement = c == 'A' ? 'B' : 'A';
        return b64.substring(0, index) + replacement + b64.substring(index + 1);
    }

    @Test
    void storedFormatHasAlgorithmIterationsSaltAndHash() {
        String[] p = parts(stored);
        assertThat(p).hasSize(4);
        assertThat(p[0]).isEqualTo("pbkdf2-sha256");
        assertThat(p[1]).isEqualTo(String.valueOf(PasswordHasher.ITERATIONS));
        assertThat(PasswordHasher.ITERATIONS).isGreaterThanOrEqualTo(100_000);
        assertThat(Base64.getDecoder().decode(p[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(p[3])).hasSize(32);
        assertThat(stored).doesNotContain(new String(PASSWORD));
    }

    @Test
    void rightPasswordVerifies() {
        assertThat(PasswordHasher.verify(PASSWORD.clone(), stored)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wenhua-2026!", "Wenhua-2026", "Wenhua-2026!!", " Wenhua-2026!", "", "x"})
    void wrongPasswordDoesNotVerify(String wrong) {
        assertThat(PasswordHasher.verify(wrong.toCharArray(), stored)).isFalse();
    }

    @Test
    void hashesAreSaltedSoTheSamePasswordGivesDifferentHashes() {
        String other = PasswordHasher.hash(PASSWORD.clone());
        assertThat(other).isNotEqualTo(stored);
        assertThat(parts(other)[2]).isNotEqualTo(parts(stored)[2]);
        assertThat(parts(other)[3]).isNotEqualTo(parts(stored)[3]);
        assertThat(PasswordHasher.verify(PASSWORD.clone(), other)).isTrue();
    }

    @Test
    void nonAsciiPasswordsWork() {
        String h = PasswordHasher.hash("惠民文化密码😀".toCharArray());
        assertThat(PasswordHasher.verify("惠民文化密码😀".toCharArray(), h)).isTrue();
        assertThat(PasswordHasher.verify("惠民文化密码".toCharArray(), h)).isFalse();
    }

    @Test
    void tamperedHashDoesNotVerify() {
        String[] p = parts(stored);
        String tampered = p[0] + "$" + p[1] + "$" + p[2] + "$" + flipBase64(p[3], 0);
        assertThat(PasswordHasher.verify(PASSWORD.clone(), tampered)).isFalse();
    }

    @Test
    void tamperedSaltDoesNotVerify() {
        String[] p = parts(stored);
        String tampered = p[0] + "$" + p[1] + "$" + flipBase64(p[2], 3) + "$" + p[3];
        assertThat(PasswordHasher.verify(PASSWORD.clone(), tampered)).isFalse();
    }

    @Test
    void tamperedIterationCountDoesNotVerify() {
        String[] p = parts(stored);
        String tampered = p[0] + "$" + (PasswordHasher.ITERATIONS - 1) + "$" + p[2] + "$" + p[3];
        assertThat(PasswordHasher.verify(PASSWORD.clone(), tampered)).isFalse();
    }

    @Test
    void hashOfAnotherPasswordDoesNotVerify() {
        String other = PasswordHasher.hash("another password".toCharArray());
        assertThat(PasswordHasher.verify(PASSWORD.clone(), other)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Wenhua-2026!", "plain", "$$$", "pbkdf2-sha256", "pbkdf2-sha256$120000$c2FsdA==",
            "pbkdf2-sha256$120000$$", "pbkdf2-sha1$120000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "PBKDF2-SHA256$120000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$120000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==$extra",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"})
    void malformedStoredValuesAreRefused(String malformed) {
        assertThat(PasswordHasher.verify(PASSWORD.clone(), malformed)).isFalse();
    }

    /** A stored value of the right shape but with a bad iteration count, bad Base64 or an empty salt is refused, never an error. */
    @ParameterizedTest
    @ValueSource(strings = {
            "pbkdf2-sha256$abc$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$99999999999$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$-1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$120000$!!!not-base64!!!$aGFzaA==",
            "pbkdf2-sha256$120000$c2FsdHNhbHRzYWx0c2FsdA==$!!!",
            "pbkdf2-sha256$120000$$aGFzaA=="})
    void malformedStoredValueIsRefusedWithoutThrowing(String malformed) {
        boolean result;
        try {
            result = PasswordHasher.verify(PASSWORD.clone(), malformed);
        } catch (RuntimeException e) {
            throw new AssertionError("verify threw " + e + " for stored value " + malformed + "; expected false", e);
        }
        assertThat(result).isFalse();
    }
}
