package cn.huimin.domain.model.calendar;

import cn.huimin.domain.shared.DayKind;
import jakarta.persistence.*;
import java.time.LocalDate;

@Entity
@Table(name = "calendar_day")
public class CalendarDayRow {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "day_date")
    private LocalDate day;
    @Enumerated(EnumType.STRING)
    private DayKind kind;
    private String name;

    public LocalDate getDay() { return day; }
    public void setDay(LocalDate day) { this.day = day; }
    public DayKind getKind() { return kind; }
    public void setKind(DayKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getId() { return id; }
}
