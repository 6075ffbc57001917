package cn.huimin.application;

import cn.huimin.domain.model.catalogue.ServiceCategory;
import cn.huimin.domain.model.evaluation.ConflictRules;
import cn.huimin.domain.model.evaluation.Expert;
import cn.huimin.domain.model.evaluation.ExpertRelation;
import cn.huimin.domain.model.evaluation.ResidentId;
import cn.huimin.domain.model.user.AppUser;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Uscc;
import cn.huimin.domain.model.vendor.Vendor;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/**
 * The expert pool, kept by administrators: who the experts are, what they know, and their relations with
 * organizations, which the draw screens against the bidders. Nothing is deleted: experts and relations are deactivated.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.SUPERVISOR, Role.OFFICER, Role.EXPERT})
public class ExpertService {
    public static final Set<String> RELATION_KINDS = Set.of("EMPLOYER", "RELATIVE", "WORK");

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @RolesAllowed({Role.ADMIN, Role.SUPERVISOR})
    public List<Expert> list(int first, int size, String query) {
        return em.createQuery("select e from Expert e where (:q = '' or lower(e.name) like :p or lower(e.username) like :p "
                        + "or lower(e.employer) like :p) order by e.name, e.id", Expert.class)
                .setParameter("q", query == null ? "" : query.trim())
                .setParameter("p", PublicNotices.pattern(query))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 100)).getResultList();
    }

    @RolesAllowed({Role.ADMIN, Role.SUPERVISOR})
    public long count(String query) {
        return em.createQuery("select count(e) from Expert e where (:q = '' or lower(e.name) like :p or lower(e.username) like :p "
                        + "or lower(e.employer) like :p)", Long.class)
                .setParameter("q", query == null ? "" : query.trim())
                .setParameter("p", PublicNotices.pattern(query)).getSingleResult();
    }

    @RolesAllowed({Role.ADMIN, Role.SUPERVISOR})
    public Expert get(Long id) {
        Expert e = id == null ? null : em.find(Expert.class, id);
        if (e == null) {
            throw AppException.notFound("expert.notFound");
        }
        return e;
    }

    @RolesAllowed({Role.ADMIN, Role.SUPERVISOR})
    public List<ExpertRelation> relations(Long expertId) {
        return em.createQuery("select r from ExpertRelation r where r.expertId = :e order by r.active desc, r.id", ExpertRelation.class)
                .setParameter("e", expertId).getResultList();
    }

    @RolesAllowed(Role.ADMIN)
    public Expert save(ExpertForm f) {
        String actor = callers.current().username();
        List<Violation> v = new ArrayList<>();
        Expert e = f.getId() == null ? new Expert() : em.find(Expert.class, f.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw AppException.notFound("expert.notFound");
        }
        if (f.getId() != null && f.getVersion() != null && f.getVersion() != e.getVersion()) {
            throw AppException.conflict("expert.changedMeanwhile");
        }
        String username = trim(f.getUsername());
        if (f.getId() == null) {
            if (username == null) {
                v.add(new Violation("username", "validation.required"));
            } else {
                AppUser u = callers.user(username);
                if (u == null || !u.roleSet().contains(Role.EXPERT)) {
                    v.add(new Violation("username", "expert.loginMissing", username));
                } else if (!em.createQuery("select e.id from Expert e where e.username = :u", Long.class)
                        .setParameter("u", username).getResultList().isEmpty()) {
                    v.add(new Violation("username", "expert.usernameTaken", username));
                }
            }
        }
        require(v, "name", f.getName(), 100);
        require(v, "employer", f.getEmployer(), 300);
        String uscc = trim(f.getEmployerUscc()) == null ? null : Uscc.normalize(f.getEmployerUscc());
        if (uscc != null && Uscc.check(uscc) != null) {
            v.add(new Violation("employerUscc", "uscc." + Uscc.check(uscc).name()));
        }
        if (trim(f.getPhone()) != null && trim(f.getPhone()).length() > 40) {
            v.add(new Violation("phone", "validation.tooLong", 40));
        }
        String idHash = null;
        if (f.getId() == null || trim(f.getIdNumber()) != null) {
            String problem = ResidentId.problem(f.getIdNumber());
            if (problem != null) {
                v.add(new Violation("idNumber", problem));
            } else {
                idHash = ResidentId.hash(f.getIdNumber());
                List<Long> same = em.createQuery("select e.id from Expert e where e.idNumberHash = :h", Long.class)
                        .setParameter("h", idHash).getResultList();
                if (!same.isEmpty() && !same.get(0).equals(e.getId())) {
                    v.add(new Violation("idNumber", "expert.idNumber.duplicate"));
                }
            }
        }
        Set<Long> specialties = new LinkedHashSet<>(f.getSpecialties());
        if (specialties.isEmpty()) {
            v.add(new Violation("specialties", "expert.specialtyRequired"));
        }
        for (Long c : specialties) {
            if (c == null || em.find(ServiceCategory.class, c) == null) {
                v.add(new Violation("specialties", "validation.unknownValue"));
                break;
            }
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Object> before = f.getId() == null ? null : describe(e);
        Instant now = Instant.now();
        if (f.getId() == null) {
            e.setUsername(username);
            e.setCreatedAt(now);
        }
        e.setName(trim(f.getName()));
        if (idHash != null) {
            e.setIdNumberHash(idHash);
        }
        e.setEmployer(trim(f.getEmployer()));
        e.setEmployerUscc(uscc == null ? null : uscc.toUpperCase(Locale.ROOT));
        e.setPhone(trim(f.getPhone()));
        e.setAvailable(f.isAvailable());
        e.setActive(f.isActive());
        e.getSpecialties().clear();
        e.getSpecialties().addAll(specialties);
        e.setUpdatedAt(now);
        if (f.getId() == null) {
            em.persist(e);
        }
        em.flush();
        audit.record(actor, f.getId() == null ? "EXPERT_CREATED" : "EXPERT_UPDATED", "expert", e.getId(), before, describe(e));
        return e;
    }

    /** Records a relation of an expert with an organization (by name, USCC or registered vendor). */
    @RolesAllowed(Role.ADMIN)
    public ExpertRelation addRelation(Long expertId, String kind, String organization, String uscc, Long vendorId,
                                      LocalDate lastDate, String note) {
        Expert e = get(expertId);
        List<Violation> v = new ArrayList<>();
        if (kind == null || !RELATION_KINDS.contains(kind)) {
            v.add(new Violation("kind", "validation.unknownValue"));
        }
        String org = trim(organization);
        String code = trim(uscc) == null ? null : Uscc.normalize(uscc);
        Vendor vendor = vendorId == null ? null : em.find(Vendor.class, vendorId);
        if (vendorId != null && vendor == null) {
            v.add(new Violation("vendorId", "vendor.notFound"));
        }
        if (org == null && code == null && vendor == null) {
            v.add(new Violation("organization", "expert.relation.whoRequired"));
        }
        if (org != null && org.length() > 300) {
            v.add(new Violation("organization", "validation.tooLong", 300));
        }
        if (code != null && Uscc.check(code) != null) {
            v.add(new Violation("uscc", "uscc." + Uscc.check(code).name()));
        }
        if (lastDate != null && lastDate.isAfter(LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE))) {
            v.add(new Violation("lastDate", "expert.relation.lastDateFuture"));
        }
        if (note != null && note.length() > 500) {
            v.add(new Violation("note", "validation.tooLong", 500));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        ExpertRelation r = new ExpertRelation();
        r.setExpertId(e.getId());
        r.setKind(kind);
        r.setOrganization(org != null ? org : vendor != null ? vendor.getName() : null);
        r.setUscc(code != null ? code.toUpperCase(Locale.ROOT) : vendor != null ? vendor.getUscc() : null);
        r.setVendorId(vendor == null ? null : vendor.getId());
        r.setLastDate("WORK".equals(kind) ? lastDate : null);
        r.setNote(trim(note));
        r.setActive(true);
        r.setCreatedAt(Instant.now());
        em.persist(r);
        em.flush();
        audit.record(callers.current().username(), "EXPERT_RELATION_ADDED", "expert", e.getId(), null, Map.of(
                "relation", r.getId(), "kind", kind, "organization", String.valueOf(r.getOrganization()),
                "uscc", String.valueOf(r.getUscc())));
        return r;
    }

    /** Ends a relation (kept, inactive): it no longer counts in later draws. */
    @RolesAllowed(Role.ADMIN)
    public void endRelation(Long relationId) {
        ExpertRelation r = relationId == null ? null : em.find(ExpertRelation.class, relationId);
        if (r == null) {
            throw AppException.notFound("expert.notFound");
        }
        if (!r.isActive()) {
            return;
        }
        r.setActive(false);
        audit.record(callers.current().username(), "EXPERT_RELATION_ENDED", "expert", r.getExpertId(), null,
                Map.of("relation", r.getId(), "kind", r.getKind(), "organization", String.valueOf(r.getOrganization())));
    }

    /** The relations the conflict screening uses: the employer and the active recorded relations. */
    static List<ConflictRules.Relation> screeningRelations(Expert e, List<ExpertRelation> recorded) {
        List<ConflictRules.Relation> out = new ArrayList<>();
        out.add(new ConflictRules.Relation(ConflictRules.Kind.EMPLOYER, e.getEmployer(), e.getEmployerUscc(), null, null));
        for (ExpertRelation r : recorded) {
            if (r.isActive()) {
                out.add(new ConflictRules.Relation(ConflictRules.Kind.valueOf(r.getKind()), r.getOrganization(), r.getUscc(),
                        r.getVendorId(), r.getLastDate()));
            }
        }
        return out;
    }

    private static Map<String, Object> describe(Expert e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", e.getUsername());
        m.put("name", e.getName());
        m.put("employer", e.getEmployer());
        m.put("employerUscc", String.valueOf(e.getEmployerUscc()));
        m.put("available", e.isAvailable());
        m.put("active", e.isActive());
        m.put("specialties", new TreeSet<>(e.getSpecialties()).toString());
        return m;
    }

    private static void require(List<Violation> v, String field, String value, int max) {
        String t = trim(value);
        if (t == null) {
            v.add(new Violation(field, "validation.required"));
        } else if (t.length() > max) {
            v.add(new Violation(field, "validation.tooLong", max));
        }
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
