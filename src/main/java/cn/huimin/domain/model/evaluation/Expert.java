package cn.huimin.domain.model.evaluation;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** An expert of the pool: a login with the expert role, specialties, and the relations screened for conflicts. */
@Entity
@Table(name = "expert")
public class Expert {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    private String username;
    private String name;
    @Column(name = "id_number_hash")
    private String idNumberHash;
    private String employer;
    @Column(name = "employer_uscc")
    private String employerUscc;
    private String phone;
    private boolean available;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "expert_specialty", joinColumns = @JoinColumn(name = "expert_id"))
    @Column(name = "category_id")
    private Set<Long> specialties = new HashSet<>();

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    @jakarta.json.bind.annotation.JsonbTransient
    public String getIdNumberHash() { return idNumberHash; }
    public void setIdNumberHash(String idNumberHash) { this.idNumberHash = idNumberHash; }
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
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Set<Long> getSpecialties() { return specialties; }
}
