package cn.huimin.interfaces.web;

import cn.huimin.application.TaskActions;
import cn.huimin.application.TaskRow;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The inbox: a user's own tasks and his groups' unclaimed tasks, paged and sorted in the database. */
@Named
@ViewScoped
public class InboxView extends ViewSupport {
    @EJB
    TaskActions tasks;

    private final LazyDataModel<TaskRow> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) tasks.inboxCount();
        }

        @Override
        public List<TaskRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            String field = "created";
            boolean asc = false;
            for (SortMeta s : sortBy.values()) {
                field = s.getField();
                asc = s.getOrder() == SortOrder.ASCENDING;
            }
            return tasks.inbox(first, pageSize, field, asc);
        }

        @Override
        public String getRowKey(TaskRow row) {
            return row.getId();
        }
    };

    public LazyDataModel<TaskRow> getModel() {
        return model;
    }

    public void claim(String taskId) {
        if (attempt(() -> tasks.claim(taskId))) {
            info(text("task.claimed"));
        }
    }
}
