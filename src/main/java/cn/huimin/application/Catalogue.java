package cn.huimin.application;

import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.catalogue.Indicator;
import cn.huimin.domain.model.catalogue.ServiceCategory;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.place.PurchasingUnit;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Read access to places, units and the service-category catalogue. */
@Stateless
@PermitAll
public class Catalogue {
    @PersistenceContext
    EntityManager em;

    public List<ServiceCategory> categories(boolean activeOnly) {
        return em.createQuery("select c from ServiceCategory c where c.active = true or :all = true order by c.code",
                ServiceCategory.class).setParameter("all", !activeOnly).getResultList();
    }

    public List<DeliverableType> deliverables(Long categoryId) {
        return em.createQuery("select d from DeliverableType d where (:c is null or d.categoryId = :c) order by d.code",
                DeliverableType.class).setParameter("c", categoryId).getResultList();
    }

    public List<Indicator> indicators(Long categoryId) {
        return em.createQuery("select i from Indicator i where i.categoryId = :c order by i.code", Indicator.class)
                .setParameter("c", categoryId).getResultList();
    }

    public List<Place> places() {
        return em.createQuery("select p from Place p order by p.level, p.code", Place.class).getResultList();
    }

    public List<PurchasingUnit> units() {
        return em.createQuery("select u from PurchasingUnit u order by u.code", PurchasingUnit.class).getResultList();
    }

    public Place place(Long id) {
        return id == null ? null : em.find(Place.class, id);
    }

    public PurchasingUnit unit(Long id) {
        return id == null ? null : em.find(PurchasingUnit.class, id);
    }

    public ServiceCategory category(Long id) {
        return id == null ? null : em.find(ServiceCategory.class, id);
    }

    public DeliverableType deliverable(Long id) {
        return id == null ? null : em.find(DeliverableType.class, id);
    }

    /** The unit's own place and every place below it (the network has three levels). */
    public Set<Long> jurisdiction(Long unitId) {
        PurchasingUnit u = unit(unitId);
        Set<Long> ids = new HashSet<>();
        if (u == null) {
            return ids;
        }
        List<Long> frontier = new ArrayList<>(List.of(u.getPlaceId()));
        while (!frontier.isEmpty()) {
            ids.addAll(frontier);
            frontier = em.createQuery("select p.id from Place p where p.parentId in :ids and p.active = true", Long.class)
                    .setParameter("ids", frontier).getResultList();
            frontier.removeAll(ids);
        }
        return ids;
    }

    public List<Place> placesIn(Long unitId) {
        Set<Long> ids = jurisdiction(unitId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Place p where p.id in :ids order by p.level, p.code", Place.class)
                .setParameter("ids", ids).getResultList();
    }
}
