package cn.huimin.security;

import java.time.Duration;
import java.time.Instant;

/** Account lockout: the fifth wrong password in a row locks the account for 15 minutes. */
public final class LoginPolicy {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private LoginPolicy() {
    }

    /** @return the new lock end after one more failure, or null while the account stays open */
    public static Instant lockAfterFailure(int failuresIncludingThisOne, Instant now) {
        return failuresIncludingThisOne >= MAX_FAILURES ? now.plus(LOCK_TIME) : null;
    }
}
