package cn.huimin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final VerifiedCredentials cache = new VerifiedCredentials(clock, Duration.ofMinutes(5), 3);

    @Test
    void aRememberedPasswordMatchesOnlyTheSameUserPasswordAndStoredHash() {
        cache.remember("vendor1", "secret-1", "hash-A");
        assertThat(cache.matches("vendor1", "secret-1", "hash-A")).isTrue();
        assertThat(cache.matches("vendor1", "secret-2", "hash-A")).isFalse();
        assertThat(cache.matches("vendor1", "secret-1x", "hash-A")).isFalse();
        assertThat(cache.matches("vendor2", "secret-1", "hash-A")).isFalse();
    }

    @Test
    void aChangedStoredHashEndsTheEntry() {
        cache.remember("vendor1", "secret-1", "hash-A");
        assertThat(cache.matches("vendor1", "secret-1", "hash-B")).isFalse();
        // and it stays gone, even for the old hash
        assertThat(cache.matches("vendor1", "secret-1", "hash-A")).isFalse();
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        cache.remember("vendor1", "secret-1", "hash-A");
        clock.now = clock.now.plus(Duration.ofMinutes(5)).minusMillis(1);
        assertThat(cache.matches("vendor1", "secret-1", "hash-A")).isTrue();
        clock.now = clock.now.plusMillis(1);
        assertThat(cache.matches("vendor1", "secret-1", "hash-A")).isFalse();
    }

    @Test
    void forgetRemovesTheEntry() {
        cache.remember("vendor1", "secret-1", "hash-A");
        cache.forget("vendor1");
        assertThat(cache.matches("vendor1", "secret-1", "hash-A")).isFalse();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        for (int i = 0; i < 10; i++) {
            cache.remember("user" + i, "pw", "hash");
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.matches("user9", "pw", "hash")).isTrue();
    }

    @Test
    void noStoredHashNeverMatches() {
        cache.remember("vendor1", "secret-1", "hash-A");
        assertThat(cache.matches("vendor1", "secret-1", null)).isFalse();
    }

    @Test
    void twoCachesDoNotShareTheirKeys() {
        VerifiedCredentials other = new VerifiedCredentials(clock, Duration.ofMinutes(5), 3);
        cache.remember("vendor1", "secret-1", "hash-A");
        assertThat(other.matches("vendor1", "secret-1", "hash-A")).isFalse();
    }
}
