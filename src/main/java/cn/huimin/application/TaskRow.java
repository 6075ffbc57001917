package cn.huimin.application;

import java.time.Instant;
import org.camunda.bpm.engine.task.Task;

/** A task as the inbox shows it. */
public class TaskRow implements java.io.Serializable {
    private String id;
    private String key;
    private String name;
    private String assignee;
    private Instant created;
    private Instant due;
    private String processInstanceId;
    private String businessKey;
    private Long tenderId;
    private String tenderTitle;
    private Long contractId;
    private String vendorName;

    public static TaskRow of(Task t) {
        TaskRow r = new TaskRow();
        r.id = t.getId();
        r.key = t.getTaskDefinitionKey();
        r.name = t.getName();
        r.assignee = t.getAssignee();
        r.created = t.getCreateTime() == null ? null : t.getCreateTime().toInstant();
        r.due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
        r.processInstanceId = t.getProcessInstanceId();
        return r;
    }

    public boolean isOverdue() {
        return due != null && due.isBefore(Instant.now());
    }

    public String getId() { return id; }
    public String getKey() { return key; }
    public String getName() { return name; }
    public String getAssignee() { return assignee; }
    public Instant getCreated() { return created; }
    public Instant getDue() { return due; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getBusinessKey() { return businessKey; }
    public void setBusinessKey(String businessKey) { this.businessKey = businessKey; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public String getTenderTitle() { return tenderTitle; }
    /** The contract a contract or performance step is about, or null. */
    public Long getContractId() { return contractId; }
    public void setContractId(Long contractId) { this.contractId = contractId; }
    public void setTenderTitle(String tenderTitle) { this.tenderTitle = tenderTitle; }
    /** The vendor a task is about (verification, documents, price explanation, challenge), or null. */
    public String getVendorName() { return vendorName; }
    public void setVendorName(String vendorName) { this.vendorName = vendorName; }
}
