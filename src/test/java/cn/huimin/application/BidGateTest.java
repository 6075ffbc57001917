package cn.huimin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huimin.domain.shared.FileTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BidGateTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static BidGate gate(int workers, int uploadMb, long maxWaitMillis) {
        BidGate g = new BidGate();
        g.configuredWorkers = workers;
        g.configuredUploadMb = uploadMb;
        g.init();
        g.maxWaitMillis = maxWaitMillis;
        return g;
    }

    @Test
    void noMoreThanTheWorkersWorkAtOnceAndEveryRequestIsServed() throws Exception {
        BidGate g = gate(3, 0, 30_000);
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            fs.add(pool.submit(() -> g.run(() -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                now.decrementAndGet();
                return n;
            })));
        }
        int sum = 0;
        for (Future<Integer> f : fs) {
            sum += f.get(30, TimeUnit.SECONDS);
        }
        assertThat(sum).isEqualTo(23 * 24 / 2);
        assertThat(most.get()).isBetween(1, 3);
        assertThat(g.workers()).isEqualTo(3);
    }

    @Test
    void aWorkerIsFreedWhenTheWorkFails() {
        BidGate g = gate(1, 0, 200);
        assertThatThrownBy(() -> g.run(() -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(g.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void whoWaitsTooLongIsToldToComeBackAndNothingRuns() throws Exception {
        BidGate g = gate(1, 0, 150);
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = pool.submit(() -> g.run(() -> {
            working.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> g.run(() -> ran.getAndSet(true)))
                .isInstanceOfSatisfying(AppException.class, e -> {
                    assertThat(e.getKind()).isEqualTo(AppException.Kind.BUSY);
                    assertThat(e.getViolations().get(0).getKey()).isEqualTo("bid.busy");
                });
        assertThat(ran).isFalse();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void anUploadIsNotReadWhileTheUploadsUnderWayFillTheirMemory() throws Exception {
        // the smallest budget is one largest file: two 15 MB uploads do not fit together
        BidGate g = gate(4, 1, 30_000);
        long size = 15L * 1024 * 1024;
        CountDownLatch firstWorking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRead = new AtomicBoolean();
        Future<Integer> first = pool.submit(() -> g.upload(size, () -> new byte[16], c -> {
            firstWorking.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }));
        assertThat(firstWorking.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> second = pool.submit(() -> g.upload(size, () -> {
            secondRead.set(true);
            return new byte[16];
        }, c -> 2));
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); g.waitingForMemory() == 0; ) {
            assertThat(System.nanoTime()).as("the second upload waits for memory").isLessThan(until);
            Thread.onSpinWait();
        }
        assertThat(secondRead).as("read while the first upload still holds its memory").isFalse();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(secondRead).isTrue();
    }

    @Test
    void smallUploadsGoTogetherAndAnOversizedOneIsHandedStraightToTheReader() throws Exception {
        BidGate g = gate(2, 1, 10_000);
        // 20 uploads of 1 MB fit the 20 MB budget at once: none waits for memory
        CountDownLatch all = new CountDownLatch(20);
        List<Future<byte[]>> fs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fs.add(pool.submit(() -> g.upload(1024 * 1024, () -> {
                all.countDown();
                try {
                    all.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new byte[1];
            }, c -> c)));
        }
        for (Future<byte[]> f : fs) {
            assertThat(f.get(20, TimeUnit.SECONDS)).hasSize(1);
        }
        // over the file limit: the reader refuses it without waiting for anything
        assertThatThrownBy(() -> g.upload(FileTypes.MAX_BYTES + 1, () -> {
            throw new IllegalArgumentException("413");
        }, c -> c)).hasMessage("413");
    }
}
