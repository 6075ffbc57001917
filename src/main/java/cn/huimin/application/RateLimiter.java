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

    /** Per client address: at most 5 attempts a minute and 30 an hour on one thing (an event, an acceptance), 20 a minute overall. */
    static final int PER_THING_MINUTE = 5;
    static final int PER_THING_HOUR = 30;
    static final int PER_CLIENT_MINUTE = 20;
    static final int PER_CLIENT_HOUR = 200;

    /** Records a public attempt (a rating, an opinion) of a client on one thing; false when either limit is reached. */
    public boolean allowPublic(String client, String thing) {
        return allow(client + "|" + thing, PER_THING_MINUTE, PER_THING_HOUR) && allow(client, PER_CLIENT_MINUTE, PER_CLIENT_HOUR);
    }

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
