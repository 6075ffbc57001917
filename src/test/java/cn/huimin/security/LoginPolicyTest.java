package cn.huimin.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The fifth wrong password in a row locks the account for 15 minutes. */
class LoginPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void constantsAreFiveFailuresAndFifteenMinutes() {
        assertThat(LoginPolicy.MAX_FAILURES).isEqualTo(5);
        assertThat(LoginPolicy.LOCK_TIME).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void upToTheFourthFailureTheAccountStaysOpen(int failures) {
        assertThat(LoginPolicy.lockAfterFailure(failures, NOW)).isNull();
    }

    @Test
    void fifthFailureLocksForFifteenMinutes() {
        assertThat(LoginPolicy.lockAfterFailure(5, NOW)).isEqualTo(Instant.parse("2026-12-01T02:15:00Z"));
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 10, 1000, Integer.MAX_VALUE})
    void furtherFailuresLockAgainFromNow(int failures) {
        Instant later = NOW.plusSeconds(3600);
        assertThat(LoginPolicy.lockAfterFailure(failures, later)).isEqualTo(later.plus(Duration.ofMinutes(15)));
    }

    @Test
    void lockIsMeasuredFromTheFailureNotFromAFixedTime() {
        Instant t = Instant.parse("2026-12-31T23:50:00Z");
        assertThat(LoginPolicy.lockAfterFailure(5, t)).isEqualTo(Instant.parse("2027-01-01T00:05:00Z"));
    }

    @Test
    void countingFailuresOneByOneLocksExactlyOnTheFifth() {
        Instant lock = null;
        int lockedAt = -1;
        for (int failures = 1; failures <= 5 && lock == null; failures++) {
            lock = LoginPolicy.lockAfterFailure(failures, NOW);
            if (lock != null) {
                lockedAt = failures;
            }
        }
        assertThat(lockedAt).isEqualTo(5);
        assertThat(Duration.between(NOW, lock)).isEqualTo(Duration.ofMinutes(15));
    }
}
