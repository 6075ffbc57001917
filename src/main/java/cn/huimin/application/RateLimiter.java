package cn.huimin.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits what one client may do without login (rate an event, give an acceptance opinion): at most a number of
 * attempts per minute and per hour for each key (client address, optionally with the event). Every attempt counts,
 * failed ones too, so guessing codes is as slow as flooding ratings. Kept in memory on each node.
 */
@ApplicationScoped
public class RateLimiter {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

    /** Records an attempt; false when the key already made perMinute attempts in the last minute or perHour in the last hour. */
    public boolean allow(String key, int perMinute, int perHour) {
        return allow(key, perMinute, perHour, System.currentTimeMillis());
    }

    boolean allow(String key, int perMinute, int perHour, long now) {
        if (attempts.size() > MAX_KEYS) {
            attempts.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - HOUR;
                }
            });
        }
        Deque<Long> d = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            while (!d.isEmpty() && d.peekFirst() <= now - HOUR) {
                d.pollFirst();
            }
            long lastMinute = d.stream().filter(t -> t > now - MINUTE).count();
            if (lastMinute >= perMinute || d.size() >= perHour) {
                return false;
            }
            d.addLast(now);
            return true;
        }
    }
}
