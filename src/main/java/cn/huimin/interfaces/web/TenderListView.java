package cn.huimin.interfaces.web;

import cn.huimin.application.TenderRow;
import cn.huimin.application.TenderService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

@Named
@ViewScoped
public class TenderListView extends ViewSupport {
    @EJB
    TenderService tenders;

    private String status;
    private String query;

    private final LazyDataModel<TenderRow> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) tenders.count(status, query);
        }

        @Override
        public List<TenderRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            String field = "updatedAt";
            boolean asc = false;
            for (SortMeta s : sortBy.values()) {
                field = s.getField();
                asc = s.getOrder() == SortOrder.ASCENDING;
            }
            return tenders.list(status, query, first, pageSize, field, asc);
        }

        @Override
        public String getRowKey(TenderRow row) {
            return String.valueOf(row.getId());
        }
    };

    public LazyDataModel<TenderRow> getModel() { return model; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<String> getStatuses() {
        return java.util.Arrays.stream(cn.huimin.domain.model.tender.TenderStatus.values()).map(Enum::name).toList();
    }
}
