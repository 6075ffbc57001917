package cn.huimin.application;

import cn.huimin.domain.shared.FileTypes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets a few bid requests at a time do their work (sealing, database), first come first served; the others wait here
 * after their body has arrived. Request threads are many, so that slow connections uploading files do not hold up the
 * rest; but when every one of them seals and writes at once on a node of two cores, each takes many times longer and
 * the slowest answers come late. Measured with the bench's deadline burst: with 64 request threads working at once
 * the 99th percentile of a submission was 212 ms, with 8 working at once 88 ms.
 *
 * <p>Uploaded bodies are held in memory from their first byte until they are sealed and stored, so the bytes of the
 * uploads under way are bounded too (a quarter of the heap by default): an upload whose declared size does not fit
 * waits before it is read. Whoever waits longer than {@link #MAX_WAIT_SECONDS} is told to try again shortly
 * ({@code bid.busy}: 503 with Retry-After in the API); nothing of the request was taken.
 */
@ApplicationScoped
public class BidGate {
    private static final Logger LOG = Logger.getLogger(BidGate.class.getName());
    static final long MAX_WAIT_SECONDS = 60;

    @Inject
    @ConfigProperty(name = "huimin.bid.workers", defaultValue = "0")
    int configuredWorkers;

    @Inject
    @ConfigProperty(name = "huimin.bid.upload.mb", defaultValue = "0")
    int configuredUploadMb;

    /** How long a request waits for a worker or for memory before it is told to come back. */
    long maxWaitMillis = MAX_WAIT_SECONDS * 1000;

    private Semaphore workers;
    /** in KiB */
    private Semaphore uploadBytes;
    private int workerCount;
    private int uploadKib;

    @PostConstruct
    void init() {
        workerCount = configuredWorkers > 0 ? configuredWorkers : Math.max(4, 4 * Runtime.getRuntime().availableProcessors());
        long mb = configuredUploadMb > 0 ? configuredUploadMb : Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        // at least one largest file fits, or it could never be taken
        uploadKib = (int) Math.max(FileTypes.MAX_BYTES / 1024, Math.min(mb * 1024, Integer.MAX_VALUE));
        workers = new Semaphore(workerCount, true);
        uploadBytes = new Semaphore(uploadKib, true);
        LOG.info("Bid requests working at once: at most " + workerCount + "; uploads held in memory: at most " + uploadKib / 1024 + " MB");
    }

    public int workers() {
        return workerCount;
    }

    /** Requests waiting for memory to read their upload into. */
    int waitingForMemory() {
        return uploadBytes.getQueueLength();
    }

    /** Runs the work when a worker is free (in arrival order). */
    public <T> T run(Supplier<T> work) {
        acquire(workers, 1);
        try {
            return work.get();
        } finally {
            workers.release();
        }
    }

    /**
     * Reads an upload once its declared size (unknown: the largest allowed file) fits in the memory for uploads, then
     * runs the work on it when a worker is free. A declared size over the file limit goes straight to {@code read},
     * which refuses it without reading.
     */
    public <T> T upload(long declaredLength, Supplier<byte[]> read, Function<byte[], T> work) {
        if (declaredLength > FileTypes.MAX_BYTES) {
            return work.apply(read.get());
        }
        long bytes = declaredLength >= 0 ? declaredLength : FileTypes.MAX_BYTES;
        int kib = (int) Math.min(uploadKib, Math.max(1, (bytes + 1023) / 1024));
        acquire(uploadBytes, kib);
        try {
            byte[] content = read.get();
            return run(() -> work.apply(content));
        } finally {
            uploadBytes.release(kib);
        }
    }

    private void acquire(Semaphore s, int permits) {
        boolean acquired;
        try {
            acquired = s.tryAcquire(permits, maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw AppException.busy("bid.busy");
        }
    }
}
