package cn.huimin.interfaces.web;

import cn.huimin.application.PerformanceService;
import cn.huimin.application.TaskActions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;

/** A vendor's credit record where decisions about it are taken: verifying the vendor, checking a bidder's qualification. */
@Named
@RequestScoped
public class CreditView {
    @EJB
    PerformanceService performance;

    @EJB
    TaskActions tasks;

    @PersistenceContext
    EntityManager em;

    private final Map<String, PerformanceService.Credit> cache = new HashMap<>();

    /** The credit of the vendor a task is about (verifyVendor), or null. */
    public PerformanceService.Credit forTask(String taskId) {
        return cache.computeIfAbsent("t" + taskId, k -> {
            Object v = tasks.variable(taskId, "vendorId");
            return v instanceof Long id ? performance.credit(id) : null;
        });
    }

    /** The credit of a bid's vendor (scoring sheet). */
    public PerformanceService.Credit forBid(Long bidId) {
        return cache.computeIfAbsent("b" + bidId, k -> {
            Long vendorId = em.createQuery("select b.vendorId from Bid b where b.id = :b", Long.class).setParameter("b", bidId)
                    .getResultStream().findFirst().orElse(null);
            return vendorId == null ? null : performance.credit(vendorId);
        });
    }
}
