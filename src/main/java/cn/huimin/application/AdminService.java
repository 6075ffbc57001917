package cn.huimin.application;

import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.catalogue.Indicator;
import cn.huimin.domain.model.catalogue.ServiceCategory;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.place.PlaceLevel;
import cn.huimin.domain.model.place.PurchasingUnit;
import cn.huimin.domain.model.user.AppUser;
import cn.huimin.domain.model.user.Role;
import cn.huimin.security.PasswordHasher;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.*;

/** Administration: users, places, purchasing units and the service-category catalogue. Nothing is deleted. */
@Stateless
@DeclareRoles({Role.ADMIN})
@RolesAllowed(Role.ADMIN)
public class AdminService {
    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    // ------------------------------------------------------------ users

    public List<AppUser> users(int first, int size) {
        return em.createQuery("select u from AppUser u order by u.username", AppUser.class)
                .setFirstResult(first).setMaxResults(Math.min(size, 200)).getResultList();
    }

    public long userCount() {
        return em.createQuery("select count(u) from AppUser u", Long.class).getSingleResult();
    }

    public AppUser createUser(String username, String displayName, String password, Set<String> roles, Long unitId) {
        List<Violation> v = new ArrayList<>();
        checkNewLogin(em, username, password, v);
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            v.add(new Violation("displayName", "validation.required"));
        }
        checkRoles(roles, unitId, v);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        AppUser u = new AppUser();
        u.setUsername(username);
        u.setDisplayName(displayName.trim());
        u.setPasswordHash(PasswordHasher.hash(password.toCharArray()));
        u.assignRoles(roles);
        u.setUnitId(unitId);
        u.setActive(true);
        u.setCreatedAt(Instant.now());
        em.persist(u);
        em.flush();
        audit.record(callers.current().username(), "USER_CREATED", "user", u.getId(), null, userState(u));
        return u;
    }

    public void updateUser(Long id, Set<String> roles, Long unitId, boolean active, long version) {
        AppUser u = user(id);
        if (u.getVersion() != version) {
            throw AppException.conflict("tender.stale");
        }
        List<Violation> v = new ArrayList<>();
        checkRoles(roles, unitId, v);
        if (!active && u.getUsername().equals(callers.current().username())) {
            v.add(new Violation("active", "user.cannotDeactivateSelf"));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Object> before = userState(u);
        u.assignRoles(roles);
        u.setUnitId(unitId);
        u.setActive(active);
        audit.record(callers.current().username(), "USER_UPDATED", "user", id, before, userState(u));
    }

    public void unlock(Long id) {
        AppUser u = user(id);
        Map<String, Object> before = userState(u);
        u.setFailedAttempts(0);
        u.setLockedUntil(null);
        audit.record(callers.current().username(), "USER_UNLOCKED", "user", id, before, userState(u));
    }

    public void resetPassword(Long id, String password) {
        AppUser u = user(id);
        List<Violation> v = new ArrayList<>();
        checkPassword(password, v);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        u.setPasswordHash(PasswordHasher.hash(password.toCharArray()));
        u.setFailedAttempts(0);
        u.setLockedUntil(null);
        audit.record(callers.current().username(), "PASSWORD_RESET", "user", id, null, null);
    }

    /** Any logged-in user changes his own password, knowing the current one. */
    @PermitAll
    public void changeOwnPassword(String current, String next) {
        String me = callers.current().username();
        AppUser u = callers.user(me);
        if (u == null) {
            throw AppException.forbidden("error.forbidden");
        }
        List<Violation> v = new ArrayList<>();
        if (current == null || !PasswordHasher.verify(current.toCharArray(), u.getPasswordHash())) {
            v.add(new Violation("currentPassword", "user.currentPasswordWrong"));
        }
        checkPassword(next, v);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        u.setPasswordHash(PasswordHasher.hash(next.toCharArray()));
        audit.record(me, "PASSWORD_CHANGED", "user", u.getId(), null, null);
    }

    private AppUser user(Long id) {
        AppUser u = id == null ? null : em.find(AppUser.class, id);
        if (u == null) {
            throw AppException.notFound("user.notFound");
        }
        return u;
    }

    private void checkRoles(Set<String> roles, Long unitId, List<Violation> v) {
        if (roles == null || roles.isEmpty() || !Role.ALL.containsAll(roles)) {
            v.add(new Violation("roles", "user.rolesRequired"));
        }
        if (unitId != null && em.find(PurchasingUnit.class, unitId) == null) {
            v.add(new Violation("unit", "validation.unknownValue"));
        }
        if (roles != null && roles.contains(Role.OFFICER) && unitId == null) {
            v.add(new Violation("unit", "user.officerNeedsUnit"));
        }
    }

    /** A new login: the name's pattern, not taken yet, and the password's length (admins and self-registration). */
    static void checkNewLogin(EntityManager em, String username, String password, List<Violation> v) {
        if (username == null || !username.matches("[a-z][a-z0-9_.-]{2,63}")) {
            v.add(new Violation("username", "user.usernamePattern"));
        } else if (!em.createQuery("select u.id from AppUser u where u.username = :n", Long.class)
                .setParameter("n", username).getResultList().isEmpty()) {
            v.add(new Violation("username", "user.usernameTaken"));
        }
        checkPassword(password, v);
    }

    private static void checkPassword(String password, List<Violation> v) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            v.add(new Violation("password", "user.passwordLength"));
        }
    }

    private static Map<String, Object> userState(AppUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.getUsername());
        m.put("roles", u.getRoles());
        m.put("unitId", u.getUnitId());
        m.put("active", u.isActive());
        m.put("lockedUntil", u.getLockedUntil() == null ? null : u.getLockedUntil().toString());
        return m;
    }

    // ------------------------------------------------------------ places and units

    public Place savePlace(Long id, String code, String nameZh, String nameEn, PlaceLevel level, Long parentId, boolean active) {
        List<Violation> v = new ArrayList<>();
        names(code, nameZh, nameEn, v);
        if (level == null) {
            v.add(new Violation("level", "validation.required"));
        }
        Place parent = parentId == null ? null : em.find(Place.class, parentId);
        if (level == PlaceLevel.COUNTY && parentId != null) {
            v.add(new Violation("parent", "place.countyHasNoParent"));
        }
        if (level != null && level != PlaceLevel.COUNTY && (parent == null || parent.getLevel().childLevel() != level)) {
            v.add(new Violation("parent", "place.parentLevel"));
        }
        Place p = id == null ? new Place() : em.find(Place.class, id);
        if (p == null) {
            throw AppException.notFound("place.notFound");
        }
        if (id != null && parentId != null && parentId.equals(id)) {
            v.add(new Violation("parent", "place.parentLevel"));
        }
        uniqueCode("Place", code, id, v);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Object> before = id == null ? null : Map.of("code", p.getCode(), "nameZh", p.getNameZh(), "active", p.isActive());
        p.setCode(code.trim());
        p.setNameZh(nameZh.trim());
        p.setNameEn(nameEn.trim());
        p.setLevel(level);
        p.setParentId(parentId);
        p.setActive(active);
        if (id == null) {
            em.persist(p);
        }
        em.flush();
        audit.record(callers.current().username(), id == null ? "PLACE_CREATED" : "PLACE_UPDATED", "place", p.getId(), before,
                Map.of("code", p.getCode(), "nameZh", p.getNameZh(), "level", level.name(), "active", active));
        return p;
    }

    public PurchasingUnit saveUnit(Long id, String code, String nameZh, String nameEn, Long placeId, boolean active) {
        List<Violation> v = new ArrayList<>();
        names(code, nameZh, nameEn, v);
        if (placeId == null || em.find(Place.class, placeId) == null) {
            v.add(new Violation("place", "validation.required"));
        }
        uniqueCode("PurchasingUnit", code, id, v);
        PurchasingUnit u = id == null ? new PurchasingUnit() : em.find(PurchasingUnit.class, id);
        if (u == null) {
            throw AppException.notFound("unit.notFound");
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Object> before = id == null ? null : Map.of("code", u.getCode(), "nameZh", u.getNameZh(), "active", u.isActive());
        u.setCode(code.trim());
        u.setNameZh(nameZh.trim());
        u.setNameEn(nameEn.trim());
        u.setPlaceId(placeId);
        u.setActive(active);
        if (id == null) {
            em.persist(u);
        }
        em.flush();
        audit.record(callers.current().username(), id == null ? "UNIT_CREATED" : "UNIT_UPDATED", "unit", u.getId(), before,
                Map.of("code", u.getCode(), "nameZh", u.getNameZh(), "placeId", placeId, "active", active));
        return u;
    }

    // ------------------------------------------------------------ catalogue

    public ServiceCategory saveCategory(Long id, String code, String nameZh, String nameEn, boolean active) {
        List<Violation> v = new ArrayList<>();
        names(code, nameZh, nameEn, v);
        uniqueCode("ServiceCategory", code, id, v);
        ServiceCategory c = id == null ? new ServiceCategory() : em.find(ServiceCategory.class, id);
        if (c == null) {
            throw AppException.notFound("category.notFound");
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        c.setCode(code.trim());
        c.setNameZh(nameZh.trim());
        c.setNameEn(nameEn.trim());
        c.setActive(active);
        if (id == null) {
            em.persist(c);
        }
        em.flush();
        audit.record(callers.current().username(), "CATEGORY_SAVED", "category", c.getId(), null,
                Map.of("code", c.getCode(), "nameZh", c.getNameZh(), "active", active));
        return c;
    }

    public DeliverableType addDeliverable(Long categoryId, String code, String nameZh, String nameEn, String unitZh, String unitEn) {
        List<Violation> v = new ArrayList<>();
        names(code, nameZh, nameEn, v);
        if (unitZh == null || unitZh.isBlank() || unitEn == null || unitEn.isBlank()) {
            v.add(new Violation("unitName", "validation.required"));
        }
        if (categoryId == null || em.find(ServiceCategory.class, categoryId) == null) {
            v.add(new Violation("category", "validation.required"));
        }
        uniqueCode("DeliverableType", code, null, v);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        DeliverableType d = new DeliverableType();
        d.setCategoryId(categoryId);
        d.setCode(code.trim());
        d.setNameZh(nameZh.trim());
        d.setNameEn(nameEn.trim());
        d.setUnitZh(unitZh.trim());
        d.setUnitEn(unitEn.trim());
        d.setActive(true);
        em.persist(d);
        em.flush();
        audit.record(callers.current().username(), "DELIVERABLE_ADDED", "category", categoryId, null,
                Map.of("code", d.getCode(), "nameZh", d.getNameZh()));
        return d;
    }

    public void setDeliverableActive(Long id, boolean active) {
        DeliverableType d = em.find(DeliverableType.class, id);
        if (d == null) {
            throw AppException.notFound("category.notFound");
        }
        d.setActive(active);
        audit.record(callers.current().username(), "DELIVERABLE_UPDATED", "category", d.getCategoryId(), null,
                Map.of("code", d.getCode(), "active", active));
    }

    /** Replaces a category's indicator set; the weights must add up to 100. */
    public void saveIndicators(Long categoryId, List<IndicatorInput> indicators) {
        ServiceCategory c = categoryId == null ? null : em.find(ServiceCategory.class, categoryId);
        if (c == null) {
            throw AppException.notFound("category.notFound");
        }
        List<Violation> v = new ArrayList<>();
        int sum = 0;
        Set<String> codes = new HashSet<>();
        for (IndicatorInput i : indicators) {
            if (i.code() == null || !i.code().matches("[A-Za-z0-9_-]{1,32}") || i.nameZh() == null || i.nameZh().isBlank()
                    || i.nameEn() == null || i.nameEn().isBlank()) {
                v.add(new Violation("indicator", "catalogue.indicatorIncomplete"));
            } else if (!codes.add(i.code())) {
                v.add(new Violation("indicator", "catalogue.codeTaken", i.code()));
            }
            if (i.weight() == null || i.weight() <= 0) {
                v.add(new Violation("weight", "catalogue.weightPositive"));
            } else {
                sum += i.weight();
            }
        }
        if (sum != 100) {
            v.add(new Violation("weight", "catalogue.weightsSum", sum));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Indicator> existing = new HashMap<>();
        for (Indicator i : em.createQuery("select i from Indicator i where i.categoryId = :c", Indicator.class)
                .setParameter("c", categoryId).getResultList()) {
            existing.put(i.getCode(), i);
            i.setActive(false);
        }
        for (IndicatorInput in : indicators) {
            Indicator i = existing.get(in.code());
            if (i == null) {
                if (!em.createQuery("select i.id from Indicator i where i.code = :c", Long.class).setParameter("c", in.code())
                        .getResultList().isEmpty()) {
                    throw AppException.invalid("indicator", "catalogue.codeTaken", in.code());
                }
                i = new Indicator();
                i.setCategoryId(categoryId);
                i.setCode(in.code());
                em.persist(i);
            }
            i.setNameZh(in.nameZh().trim());
            i.setNameEn(in.nameEn().trim());
            i.setWeight(in.weight());
            i.setActive(true);
        }
        audit.record(callers.current().username(), "INDICATORS_SAVED", "category", categoryId, null,
                Map.of("indicators", indicators.stream().map(i -> i.code() + "=" + i.weight()).toList()));
    }

    public record IndicatorInput(String code, String nameZh, String nameEn, Integer weight) {
    }

    private static void names(String code, String nameZh, String nameEn, List<Violation> v) {
        if (code == null || !code.trim().matches("[A-Za-z0-9_-]{1,32}")) {
            v.add(new Violation("code", "catalogue.codePattern"));
        }
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 200) {
            v.add(new Violation("nameZh", "validation.required"));
        }
        if (nameEn == null || nameEn.isBlank() || nameEn.length() > 200) {
            v.add(new Violation("nameEn", "validation.required"));
        }
    }

    private void uniqueCode(String entity, String code, Long id, List<Violation> v) {
        if (code == null) {
            return;
        }
        List<Long> ids = em.createQuery("select e.id from " + entity + " e where e.code = :c", Long.class)
                .setParameter("c", code.trim()).getResultList();
        if (!ids.isEmpty() && !ids.get(0).equals(id)) {
            v.add(new Violation("code", "catalogue.codeTaken", code.trim()));
        }
    }
}
