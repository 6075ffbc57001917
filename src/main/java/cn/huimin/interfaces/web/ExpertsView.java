package cn.huimin.interfaces.web;

import cn.huimin.application.Catalogue;
import cn.huimin.application.ExpertForm;
import cn.huimin.application.ExpertService;
import cn.huimin.domain.model.catalogue.ServiceCategory;
import cn.huimin.domain.model.evaluation.Expert;
import cn.huimin.domain.model.evaluation.ExpertRelation;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.*;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The expert pool page (admin/experts.xhtml): list, add or change an expert, record and end relations. */
@Named
@ViewScoped
public class ExpertsView extends ViewSupport {
    @EJB
    ExpertService experts;

    @EJB
    Catalogue catalogue;

    private String query;
    private ExpertForm form = new ExpertForm();
    private Expert selected;
    private List<ExpertRelation> relations = List.of();
    private String relationKind = "EMPLOYER";
    private String relationOrganization;
    private String relationUscc;
    private LocalDate relationLastDate;
    private String relationNote;

    private final LazyDataModel<Expert> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> f) {
            return (int) experts.count(query);
        }

        @Override
        public List<Expert> load(int first, int size, Map<String, SortMeta> s, Map<String, FilterMeta> f) {
            return experts.list(first, size, query);
        }

        @Override
        public String getRowKey(Expert e) {
            return String.valueOf(e.getId());
        }

        @Override
        public Expert getRowData(String key) {
            try {
                return experts.get(Long.valueOf(key));
            } catch (RuntimeException e) {
                return null;
            }
        }
    };

    public void newExpert() {
        form = new ExpertForm();
        selected = null;
        relations = List.of();
    }

    public void select(Expert e) {
        selected = experts.get(e.getId());
        form = new ExpertForm();
        form.setId(selected.getId());
        form.setVersion(selected.getVersion());
        form.setUsername(selected.getUsername());
        form.setName(selected.getName());
        form.setEmployer(selected.getEmployer());
        form.setEmployerUscc(selected.getEmployerUscc());
        form.setPhone(selected.getPhone());
        form.setAvailable(selected.isAvailable());
        form.setActive(selected.isActive());
        form.setSpecialties(new ArrayList<>(selected.getSpecialties()));
        relations = experts.relations(selected.getId());
    }

    public void save() {
        Expert[] saved = new Expert[1];
        if (attempt(() -> saved[0] = experts.save(form))) {
            info(text("expert.saved", saved[0].getName()));
            select(saved[0]);
        }
    }

    public void addRelation() {
        if (selected == null) {
            return;
        }
        if (attempt(() -> experts.addRelation(selected.getId(), relationKind, relationOrganization, relationUscc, null,
                relationLastDate, relationNote))) {
            relations = experts.relations(selected.getId());
            relationOrganization = null;
            relationUscc = null;
            relationLastDate = null;
            relationNote = null;
            info(text("expert.relationAdded"));
        }
    }

    public void endRelation(ExpertRelation r) {
        if (attempt(() -> experts.endRelation(r.getId()))) {
            relations = experts.relations(selected.getId());
        }
    }

    public List<ServiceCategory> getCategories() {
        return catalogue.categories(true);
    }

    public String categoryNames(Expert e) {
        Map<Long, ServiceCategory> byId = new HashMap<>();
        catalogue.categories(false).forEach(c -> byId.put(c.getId(), c));
        StringBuilder b = new StringBuilder();
        for (Long id : new TreeSet<>(e.getSpecialties())) {
            ServiceCategory c = byId.get(id);
            if (c != null) {
                b.append(b.length() == 0 ? "" : ", ").append(localeView.isZh() ? c.getNameZh() : c.getNameEn());
            }
        }
        return b.toString();
    }

    public LazyDataModel<Expert> getModel() { return model; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public ExpertForm getForm() { return form; }
    public Expert getSelected() { return selected; }
    public List<ExpertRelation> getRelations() { return relations; }
    public String getRelationKind() { return relationKind; }
    public void setRelationKind(String relationKind) { this.relationKind = relationKind; }
    public String getRelationOrganization() { return relationOrganization; }
    public void setRelationOrganization(String relationOrganization) { this.relationOrganization = relationOrganization; }
    public String getRelationUscc() { return relationUscc; }
    public void setRelationUscc(String relationUscc) { this.relationUscc = relationUscc; }
    public LocalDate getRelationLastDate() { return relationLastDate; }
    public void setRelationLastDate(LocalDate relationLastDate) { this.relationLastDate = relationLastDate; }
    public String getRelationNote() { return relationNote; }
    public void setRelationNote(String relationNote) { this.relationNote = relationNote; }
}
