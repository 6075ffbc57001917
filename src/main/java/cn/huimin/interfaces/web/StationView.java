package cn.huimin.interfaces.web;

import cn.huimin.application.DeliveryService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.*;

/** Station staff: events at their places waiting for verification, and the recent ones. */
@Named
@ViewScoped
public class StationView extends ViewSupport {
    @EJB
    DeliveryService deliveries;

    private List<DeliveryService.EventView> pending;
    private List<DeliveryService.EventView> recent;
    private final Map<Long, String> reasons = new HashMap<>();

    public List<DeliveryService.EventView> getPending() {
        if (pending == null) {
            pending = new ArrayList<>();
            attempt(() -> pending = deliveries.toCheck(0, 200));
        }
        return pending;
    }

    public List<DeliveryService.EventView> getRecent() {
        if (recent == null) {
            recent = new ArrayList<>();
            attempt(() -> recent = deliveries.atMyPlaces(0, 100));
        }
        return recent;
    }

    public void verify(Long eventId) {
        if (attempt(() -> deliveries.check(eventId, "VERIFY", null))) {
            info(text("delivery.verified"));
            pending = null;
            recent = null;
        }
    }

    public void dispute(Long eventId) {
        if (attempt(() -> deliveries.check(eventId, "DISPUTE", reasons.get(eventId)))) {
            info(text("delivery.disputed"));
            pending = null;
            recent = null;
        }
    }

    public Map<Long, String> getReasons() { return reasons; }
}
