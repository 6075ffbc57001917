package cn.huimin.application;

import java.util.ArrayList;
import java.util.List;

/** What the administrator enters for an expert. The ID number is never stored: only its hash. */
public class ExpertForm {
    private Long id;
    private Long version;
    private String username;
    private String name;
    /** 18-character resident ID number; on an update, blank keeps the recorded one. */
    private String idNumber;
    private String employer;
    private String employerUscc;
    private String phone;
    private boolean available = true;
    private boolean active = true;
    private List<Long> specialties = new ArrayList<>();

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getEmployer() { return employer; }
    public void setEmployer(String employer) { this.employer = employer; }
    public String getEmployerUscc() { return employerUscc; }
    public void setEmployerUscc(String employerUscc) { this.employerUscc = employerUscc; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public boolean isAvailable() { return available; }
    public void setAvailable(boolean available) { this.available = available; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public List<Long> getSpecialties() { return specialties; }
    public void setSpecialties(List<Long> specialties) { this.specialties = specialties == null ? new ArrayList<>() : specialties; }
}
