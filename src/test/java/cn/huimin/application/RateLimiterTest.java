package cn.huimin.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final long T0 = 1_800_000_000_000L;
    static final long SECOND = 1_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;

    final RateLimiter limiter = new RateLimiter();

    @Test
    void atMostPerMinuteAttemptsInAMinute() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.allow("1.2.3.4", 5, 100, T0 + i * SECOND)).as("attempt " + (i + 1)).isTrue();
        }
        assertThat(limiter.allow("1.2.3.4", 5, 100, T0 + 5 * SECOND)).isFalse();
        assertThat(limiter.allow("1.2.3.4", 5, 100, T0 + 59 * SECOND)).isFalse();
    }

    @Test
    void theMinuteWindowSlidesWithTheClock() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.allow("k", 3, 100, T0 + i * 10 * SECOND)).isTrue(); // T0, T0+10s, T0+20s
        }
        // one millisecond before the first attempt is a minute old: still three in the last minute
        assertThat(limiter.allow("k", 3, 100, T0 + MINUTE - 1)).isFalse();
        // a minute after the first attempt it has left the window: one more is allowed, then none
        assertThat(limiter.allow("k", 3, 100, T0 + MINUTE)).isTrue();
        assertThat(limiter.allow("k", 3, 100, T0 + MINUTE + 1)).isFalse();
        // the second attempt (T0+10s) leaves the window at T0+70s
        assertThat(limiter.allow("k", 3, 100, T0 + MINUTE + 9 * SECOND)).isFalse();
        assertThat(limiter.allow("k", 3, 100, T0 + MINUTE + 10 * SECOND)).isTrue();
    }

    @Test
    void atMostPerHourAttemptsInAnHourEvenIfSpreadOut() {
        // one every ten minutes, well within the minute limit
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.allow("k", 5, 4, T0 + i * 10 * MINUTE)).as("attempt " + (i + 1)).isTrue();
        }
        assertThat(limiter.allow("k", 5, 4, T0 + 40 * MINUTE)).isFalse();
        assertThat(limiter.allow("k", 5, 4, T0 + HOUR - 1)).isFalse();
        // the first attempt is an hour old: one more
        assertThat(limiter.allow("k", 5, 4, T0 + HOUR)).isTrue();
        assertThat(limiter.allow("k", 5, 4, T0 + HOUR + MINUTE)).isFalse();
        // the second (T0+10min) leaves at T0+70min
        assertThat(limiter.allow("k", 5, 4, T0 + HOUR + 10 * MINUTE)).isTrue();
    }

    @Test
    void bothLimitsApplyTogether() {
        // 2 a minute, 3 an hour
        assertThat(limiter.allow("k", 2, 3, T0)).isTrue();
        assertThat(limiter.allow("k", 2, 3, T0 + SECOND)).isTrue();
        assertThat(limiter.allow("k", 2, 3, T0 + 2 * SECOND)).isFalse(); // minute
        assertThat(limiter.allow("k", 2, 3, T0 + 2 * MINUTE)).isTrue();
        assertThat(limiter.allow("k", 2, 3, T0 + 3 * MINUTE)).isFalse(); // hour, though the minute is free
        assertThat(limiter.allow("k", 2, 3, T0 + HOUR + SECOND)).isTrue();
    }

    @Test
    void afterAnHourOfSilenceTheKeyStartsAfresh() {
        for (int i = 0; i < 10; i++) {
            limiter.allow("k", 10, 10, T0 + i);
        }
        assertThat(limiter.allow("k", 10, 10, T0 + 30 * MINUTE)).isFalse();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.allow("k", 10, 10, T0 + 2 * HOUR + i)).isTrue();
        }
        assertThat(limiter.allow("k", 10, 10, T0 + 2 * HOUR + 10)).isFalse();
    }

    @Test
    void keysAreIndependent() {
        assertThat(limiter.allow("1.2.3.4|event-1", 1, 10, T0)).isTrue();
        assertThat(limiter.allow("1.2.3.4|event-1", 1, 10, T0)).isFalse();
        assertThat(limiter.allow("1.2.3.4|event-2", 1, 10, T0)).isTrue();
        assertThat(limiter.allow("1.2.3.5|event-1", 1, 10, T0)).isTrue();
        assertThat(limiter.allow("1.2.3.4", 1, 10, T0)).isTrue();
        assertThat(limiter.allow("1.2.3.4|event-2", 1, 10, T0 + SECOND)).isFalse();
    }

    @Test
    void limitersDoNotShareState() {
        assertThat(limiter.allow("k", 1, 1, T0)).isTrue();
        assertThat(new RateLimiter().allow("k", 1, 1, T0)).isTrue();
        assertThat(limiter.allow("k", 1, 1, T0)).isFalse();
    }

    @Test
    void aLimitOfZeroAllowsNothing() {
        assertThat(limiter.allow("k", 0, 10, T0)).isFalse();
        assertThat(limiter.allow("k", 10, 0, T0)).isFalse();
    }

    @Test
    void concurrentAttemptsAtTheSameMomentAllowExactlyTheLimit() throws Exception {
        int threads = 8;
        int perThread = 400;
        int limit = 1_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 30; round++) {
                String key = "shared-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Callable<Integer> task = () -> {
                        start.await();
                        int allowed = 0;
                        for (int i = 0; i < perThread; i++) {
                            if (limiter.allow(key, limit, 10_000, T0)) {
                                allowed++;
                            }
                        }
                        return allowed;
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get();
                }
                assertThat(total).as("round " + round).isEqualTo(limit);
                // and the limiter's own record agrees: no more attempts for that key this minute
                assertThat(limiter.allow(key, limit, 10_000, T0 + SECOND)).as("round " + round).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
