package cn.huimin.interfaces.web;

import cn.huimin.application.Catalogue;
import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.catalogue.ServiceCategory;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.place.PurchasingUnit;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Names of catalogue entries in the page's language: #{names.place(id)}. */
@Named
@RequestScoped
public class Names {
    @EJB
    Catalogue catalogue;

    @Inject
    LocaleView locale;

    public String place(Long id) {
        Place p = catalogue.place(id);
        return p == null ? "" : p.name(locale.isZh());
    }

    public String unit(Long id) {
        PurchasingUnit u = catalogue.unit(id);
        return u == null ? "" : u.name(locale.isZh());
    }

    public String category(Long id) {
        ServiceCategory c = catalogue.category(id);
        return c == null ? "" : c.name(locale.isZh());
    }

    public String deliverable(Long id) {
        DeliverableType d = catalogue.deliverable(id);
        return d == null ? "" : d.name(locale.isZh()) + " (" + d.unit(locale.isZh()) + ")";
    }
}
