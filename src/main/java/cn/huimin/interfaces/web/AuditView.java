package cn.huimin.interfaces.web;

import cn.huimin.application.AuditLog;
import cn.huimin.application.AuditReader;
import cn.huimin.domain.model.audit.AuditEntry;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

@Named
@ViewScoped
public class AuditView extends ViewSupport {
    @EJB
    AuditReader reader;

    private AuditLog.Verification verification;

    private final LazyDataModel<AuditEntry> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> f) {
            return (int) reader.count();
        }

        @Override
        public List<AuditEntry> load(int first, int size, Map<String, SortMeta> s, Map<String, FilterMeta> f) {
            return reader.page(first, size);
        }

        @Override
        public String getRowKey(AuditEntry e) {
            return String.valueOf(e.getSeq());
        }
    };

    public void verify() {
        attempt(() -> verification = reader.verify());
    }

    public LazyDataModel<AuditEntry> getModel() { return model; }
    public AuditLog.Verification getVerification() { return verification; }
}
