package cn.huimin.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Links new audit entries into the chain every second (see {@link AuditLog#chainPending()}). It waits for the first
 * request: start-up work runs alone.
 */
@Singleton
public class AuditChainer {
    private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());
    private static volatile boolean started;

    @EJB
    AuditLog audit;

    /** Called once the application serves requests. */
    public static void start() {
        started = true;
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "audit chainer")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        if (!started) {
            return;
        }
        try {
            audit.chainPending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not link new audit entries (the next run tries again)", e);
        }
    }
}
