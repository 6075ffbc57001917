package cn.huimin.domain.model.tender;

public enum TenderStatus {
    DRAFT, PENDING_APPROVAL, RETURNED, REJECTED, PUBLISHED, CANCELLED, OPENED, FAILED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
