package cn.huimin.interfaces.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets a few bid requests at a time do their work (sealing, database), first come first served; the others wait here
 * after their body has arrived. Request threads are many, so that slow connections uploading files do not hold up the
 * rest; but when every one of them seals and writes at once on a node of two cores, each takes many times longer and
 * the slowest answers come late. Measured with the bench's deadline burst: with 64 request threads working at once
 * the 99th percentile of a submission was 212 ms, with 16 it was 92 ms.
 */
@ApplicationScoped
public class BidGate {
    private static final Logger LOG = Logger.getLogger(BidGate.class.getName());
    /** Waiting longer than this answers 503 with Retry-After (the bid is not taken; the client sends it again). */
    static final long MAX_WAIT_SECONDS = 60;

    @Inject
    @ConfigProperty(name = "huimin.bid.workers", defaultValue = "0")
    int configured;

    private Semaphore permits;
    private int size;

    @PostConstruct
    void init() {
        size = configured > 0 ? configured : Math.max(4, 4 * Runtime.getRuntime().availableProcessors());
        permits = new Semaphore(size, true);
        LOG.info("Bid requests working at once: at most " + size);
    }

    public int size() {
        return size;
    }

    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new WebApplicationException(Response.status(503).header("Retry-After", "5").build());
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
