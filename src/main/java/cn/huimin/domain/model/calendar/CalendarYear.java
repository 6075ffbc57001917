package cn.huimin.domain.model.calendar;

import jakarta.persistence.*;
import java.time.Instant;

/** A year whose official holiday schedule has been entered. */
@Entity
@Table(name = "calendar_year")
public class CalendarYear {
    @Id @Column(name = "year_no")
    private Integer year;
    @Version
    private long version;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
}
