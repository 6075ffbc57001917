package cn.huimin.domain.model.tender;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What an officer edits: the same shape for the page and for PUT /api/tenders/{id}. Amounts are text until checked. */
public class TenderForm implements java.io.Serializable {
    private Long id;
    private Long version;
    private String status;
    private String title;
    private Long unitId;
    private Long categoryId;
    private String method;
    private String singleSourceReason;
    private String proposedSupplier;
    @JsonbTypeDeserializer(LenientString.class)
    private String budget;
    @JsonbTypeDeserializer(LenientString.class)
    private String bidSecurity;
    private Integer priceWeight;
    private String qualification;
    private String description;
    private LocalDate preferredDeadline;
    private String noticeNumber;
    private String publishedAt;
    private String bidDeadline;
    private String lastComment;
    private List<Lot> lots = new ArrayList<>();
    private List<Factor> factors = new ArrayList<>();

    public static class Lot implements java.io.Serializable {
        /** The lot's id once saved (read only: bids name it); lots are saved by position. */
        private Long id;
        private String title;
        @JsonbTypeDeserializer(LenientString.class)
        private String budgetCeiling;
        private LocalDate serviceStart;
        private LocalDate serviceEnd;
        private List<Deliverable> deliverables = new ArrayList<>();

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getBudgetCeiling() { return budgetCeiling; }
        public void setBudgetCeiling(String budgetCeiling) { this.budgetCeiling = budgetCeiling; }
        public LocalDate getServiceStart() { return serviceStart; }
        public void setServiceStart(LocalDate serviceStart) { this.serviceStart = serviceStart; }
        public LocalDate getServiceEnd() { return serviceEnd; }
        public void setServiceEnd(LocalDate serviceEnd) { this.serviceEnd = serviceEnd; }
        public List<Deliverable> getDeliverables() { return deliverables; }
        public void setDeliverables(List<Deliverable> deliverables) { this.deliverables = deliverables == null ? new ArrayList<>() : deliverables; }
    }

    public static class Deliverable implements java.io.Serializable {
        private Long deliverableTypeId;
        private Long placeId;
        private Integer quantity;
        private String perPeriod;

        public Long getDeliverableTypeId() { return deliverableTypeId; }
        public void setDeliverableTypeId(Long deliverableTypeId) { this.deliverableTypeId = deliverableTypeId; }
        public Long getPlaceId() { return placeId; }
        public void setPlaceId(Long placeId) { this.placeId = placeId; }
        public Integer getQuantity() { return quantity; }
        public void setQuantity(Integer quantity) { this.quantity = quantity; }
        public String getPerPeriod() { return perPeriod; }
        public void setPerPeriod(String perPeriod) { this.perPeriod = perPeriod; }
    }

    public static class Factor implements java.io.Serializable {
        private String name;
        private Integer points;
        private String description;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Integer getPoints() { return points; }
        public void setPoints(Integer points) { this.points = points; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }

    public String getNoticeNumber() { return noticeNumber; }
    public void setNoticeNumber(String noticeNumber) { this.noticeNumber = noticeNumber; }
    public String getPublishedAt() { return publishedAt; }
    public void setPublishedAt(String publishedAt) { this.publishedAt = publishedAt; }
    public String getBidDeadline() { return bidDeadline; }
    public void setBidDeadline(String bidDeadline) { this.bidDeadline = bidDeadline; }
    public String getLastComment() { return lastComment; }
    public void setLastComment(String lastComment) { this.lastComment = lastComment; }
    /** The fields everyone may read once the tender is published (no internal comments). */
    public java.util.Map<String, Object> asPublicMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("noticeNumber", noticeNumber);
        m.put("status", status);
        m.put("title", title);
        m.put("unitId", unitId);
        m.put("categoryId", categoryId);
        m.put("method", method);
        m.put("singleSourceReason", singleSourceReason);
        m.put("proposedSupplier", proposedSupplier);
        m.put("budget", budget);
        m.put("bidSecurity", bidSecurity);
        m.put("priceWeight", priceWeight);
        m.put("qualification", qualification);
        m.put("description", description);
        m.put("publishedAt", publishedAt);
        m.put("bidDeadline", bidDeadline);
        m.put("lots", lots);
        m.put("factors", factors);
        return m;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getSingleSourceReason() { return singleSourceReason; }
    public void setSingleSourceReason(String singleSourceReason) { this.singleSourceReason = singleSourceReason; }
    public String getProposedSupplier() { return proposedSupplier; }
    public void setProposedSupplier(String proposedSupplier) { this.proposedSupplier = proposedSupplier; }
    public String getBudget() { return budget; }
    public void setBudget(String budget) { this.budget = budget; }
    public String getBidSecurity() { return bidSecurity; }
    public void setBidSecurity(String bidSecurity) { this.bidSecurity = bidSecurity; }
    public Integer getPriceWeight() { return priceWeight; }
    public void setPriceWeight(Integer priceWeight) { this.priceWeight = priceWeight; }
    public String getQualification() { return qualification; }
    public void setQualification(String qualification) { this.qualification = qualification; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getPreferredDeadline() { return preferredDeadline; }
    public void setPreferredDeadline(LocalDate preferredDeadline) { this.preferredDeadline = preferredDeadline; }
    public List<Lot> getLots() { return lots; }
    public void setLots(List<Lot> lots) { this.lots = lots == null ? new ArrayList<>() : lots; }
    public List<Factor> getFactors() { return factors; }
    public void setFactors(List<Factor> factors) { this.factors = factors == null ? new ArrayList<>() : factors; }
}
