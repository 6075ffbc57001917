package cn.huimin.interfaces.web;

import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

/** Marks the pages as initialized (Faces application built); readiness waits for it. Logs the cold-start time. */
public class FacesReady implements SystemEventListener {
    private static final Logger LOG = Logger.getLogger(FacesReady.class.getName());
    private static volatile boolean ready;

    public static boolean isReady() {
        return ready;
    }

    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        ready = true;
        long took = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("Huimin ready: cold start took " + took + " ms");
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return true;
    }
}
