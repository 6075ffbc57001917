package cn.huimin.interfaces.web;

import cn.huimin.application.BidService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** finance/security.xhtml: bid security payments to confirm before the opening. */
@Named
@ViewScoped
public class SecurityView extends ViewSupport {
    @EJB
    BidService bids;

    private List<Map<String, Object>> pending;

    public void load() {
        pending = bids.pendingSecurities(0, 200);
    }

    public void confirm(Long id) {
        if (attempt(() -> bids.confirmSecurity(id))) {
            info(text("security.confirmed"));
        }
        load();
    }

    public List<Map<String, Object>> getPending() {
        if (pending == null) {
            load();
        }
        return pending;
    }
}
