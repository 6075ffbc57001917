package cn.huimin.application;

import cn.huimin.domain.model.tender.DeadlineRules;
import cn.huimin.domain.model.user.AppUser;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Uscc;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.model.vendor.VendorDocument;
import cn.huimin.domain.model.vendor.VendorForm;
import cn.huimin.domain.shared.Envelope;
import cn.huimin.domain.shared.FileTypes;
import cn.huimin.domain.shared.WorkingDayCalendar;
import cn.huimin.process.Bootstrap;
import cn.huimin.security.PasswordHasher;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The vendor registry: self-registration, qualification documents with expiry, verification by an officer, renewal
 * and suspension. Only verified vendors whose documents are all in force may bid.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR})
public class VendorService {
    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    Catalogue catalogue;

    @EJB
    Bootstrap bootstrap;

    // ---------------------------------------------------------------- registration

    /** Anyone may register an organization; this creates its login (role vendor) and its profile, not yet verified. */
    @PermitAll
    public VendorForm register(VendorForm f) {
        List<Violation> v = new ArrayList<>();
        String username = f.getUsername() == null ? null : f.getUsername().trim();
        AdminService.checkNewLogin(em, username, f.getPassword(), v);
        checkProfile(f, null, v);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Instant now = Instant.now();
        AppUser u = new AppUser();
        u.setUsername(username);
        u.setDisplayName(f.getName().trim());
        u.setPasswordHash(PasswordHasher.hash(f.getPassword().toCharArray()));
        u.assignRoles(Set.of(Role.VENDOR));
        u.setActive(true);
        u.setCreatedAt(now);
        em.persist(u);
        return VendorForm.of(newVendor(username, f, username));
    }

    /** Creates the profile of an existing vendor login (demo data and administrators). */
    @PermitAll
    public Vendor createProfile(String username, VendorForm f, String actor) {
        List<Violation> v = new ArrayList<>();
        checkProfile(f, null, v);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        return newVendor(username, f, actor);
    }

    private Vendor newVendor(String username, VendorForm f, String actor) {
        Instant now = Instant.now();
        Vendor vendor = new Vendor();
        vendor.setUsername(username);
        vendor.setStatus(Vendor.Status.REGISTERED);
        vendor.setCreatedAt(now);
        apply(vendor, f, now);
        em.persist(vendor);
        em.flush();
        audit.record(actor, "VENDOR_REGISTERED", "vendor", vendor.getId(), null, state(vendor));
        return vendor;
    }

    @RolesAllowed(Role.VENDOR)
    public VendorForm update(VendorForm f) {
        Vendor vendor = mine();
        if (vendor.getStatus() != Vendor.Status.REGISTERED && vendor.getStatus() != Vendor.Status.RETURNED) {
            throw AppException.conflict("vendor.notEditable");
        }
        if (f.getVersion() != null && !f.getVersion().equals(vendor.getVersion())) {
            throw AppException.conflict("tender.stale");
        }
        List<Violation> v = new ArrayList<>();
        checkProfile(f, vendor.getId(), v);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Object> before = state(vendor);
        apply(vendor, f, Instant.now());
        em.flush();
        audit.record(vendor.getUsername(), "VENDOR_UPDATED", "vendor", vendor.getId(), before, state(vendor));
        return VendorForm.of(vendor);
    }

    private void checkProfile(VendorForm f, Long selfId, List<Violation> v) {
        requireText(f.getName(), "name", 300, v);
        requireText(f.getLegalRep(), "legalRep", 100, v);
        requireText(f.getContactName(), "contactName", 100, v);
        if (f.getContactPhone() == null || !f.getContactPhone().trim().matches("[0-9+\\- ]{7,20}")) {
            v.add(new Violation("contactPhone", "vendor.phoneFormat"));
        }
        if (f.getContactEmail() != null && !f.getContactEmail().isBlank()
                && (f.getContactEmail().length() > 200 || !f.getContactEmail().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            v.add(new Violation("contactEmail", "vendor.emailFormat"));
        }
        if (f.getAddress() != null && f.getAddress().length() > 300) {
            v.add(new Violation("address", "validation.tooLong", 300));
        }
        try {
            Vendor.OrgType.valueOf(f.getOrgType());
        } catch (IllegalArgumentException | NullPointerException e) {
            v.add(new Violation("orgType", "validation.unknownValue"));
        }
        String uscc = Uscc.normalize(f.getUscc());
        Uscc.Problem p = Uscc.check(uscc);
        if (p != null) {
            v.add(new Violation("uscc", "uscc." + p.name()));
        } else {
            List<Long> same = em.createQuery("select x.id from Vendor x where x.uscc = :u", Long.class)
                    .setParameter("u", uscc).getResultList();
            if (!same.isEmpty() && !same.get(0).equals(selfId)) {
                v.add(new Violation("uscc", "vendor.usccTaken"));
            }
        }
        if (f.getCategoryIds().isEmpty()) {
            v.add(new Violation("categoryIds", "vendor.categoriesRequired"));
        }
        for (Long c : f.getCategoryIds()) {
            if (c == null || catalogue.category(c) == null) {
                v.add(new Violation("categoryIds", "validation.unknownValue"));
                break;
            }
        }
        if (f.getPlaceIds().isEmpty()) {
            v.add(new Violation("placeIds", "vendor.placesRequired"));
        }
        for (Long pl : f.getPlaceIds()) {
            if (pl == null || catalogue.place(pl) == null) {
                v.add(new Violation("placeIds", "validation.unknownValue"));
                break;
            }
        }
    }

    private static void requireText(String s, String field, int max, List<Violation> v) {
        if (s == null || s.isBlank()) {
            v.add(new Violation(field, "validation.required"));
        } else if (s.length() > max) {
            v.add(new Violation(field, "validation.tooLong", max));
        }
    }

    private void apply(Vendor vendor, VendorForm f, Instant now) {
        vendor.setName(f.getName().trim());
        vendor.setUscc(Uscc.normalize(f.getUscc()));
        vendor.setOrgType(Vendor.OrgType.valueOf(f.getOrgType()));
        vendor.setLegalRep(f.getLegalRep().trim());
        vendor.setContactName(f.getContactName().trim());
        vendor.setContactPhone(f.getContactPhone().trim());
        vendor.setContactEmail(f.getContactEmail() == null || f.getContactEmail().isBlank() ? null : f.getContactEmail().trim());
        vendor.setAddress(f.getAddress() == null || f.getAddress().isBlank() ? null : f.getAddress().trim());
        vendor.getCategoryIds().clear();
        vendor.getCategoryIds().addAll(f.getCategoryIds());
        vendor.getPlaceIds().clear();
        vendor.getPlaceIds().addAll(f.getPlaceIds());
        vendor.setUpdatedAt(now);
    }

    // ---------------------------------------------------------------- reading

    /** The caller's own vendor profile. */
    @RolesAllowed(Role.VENDOR)
    public Vendor mine() {
        Vendor v = byUsername(callers.current().username());
        if (v == null) {
            throw AppException.notFound("vendor.noProfile");
        }
        return v;
    }

    @RolesAllowed(Role.VENDOR)
    public VendorForm myForm() {
        return VendorForm.of(mine());
    }

    @PermitAll
    public Vendor byUsername(String username) {
        List<Vendor> l = em.createQuery("select v from Vendor v where v.username = :u", Vendor.class)
                .setParameter("u", username).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    /** The registered name of a vendor, for the inbox row of a task about it (the caller already sees the task). */
    @PermitAll
    public String nameOf(Long id) {
        Vendor v = id == null ? null : em.find(Vendor.class, id);
        return v == null ? null : v.getName();
    }

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN, Role.FINANCE})
    public Vendor get(Long id) {
        Vendor v = id == null ? null : em.find(Vendor.class, id);
        if (v == null) {
            throw AppException.notFound("vendor.notFound");
        }
        return v;
    }

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN, Role.FINANCE})
    public List<Vendor> list(String status, String text, int first, int size) {
        return em.createQuery("select v from Vendor v where (:s = '' or v.status = :st) and (:q = '' or lower(v.name) like :q or v.uscc like :q) order by v.id desc", Vendor.class)
                .setParameter("s", status == null ? "" : status)
                .setParameter("st", parseStatus(status))
                .setParameter("q", PublicNotices.pattern(text))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList();
    }

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN, Role.FINANCE})
    public long count(String status, String text) {
        return em.createQuery("select count(v) from Vendor v where (:s = '' or v.status = :st) and (:q = '' or lower(v.name) like :q or v.uscc like :q)", Long.class)
                .setParameter("s", status == null ? "" : status)
                .setParameter("st", parseStatus(status))
                .setParameter("q", PublicNotices.pattern(text)).getSingleResult();
    }

    private static Vendor.Status parseStatus(String s) {
        try {
            return s == null || s.isBlank() ? Vendor.Status.VERIFIED : Vendor.Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw AppException.invalid("status", "validation.unknownValue");
        }
    }

    /** Documents in force and replaced ones of a vendor: the vendor himself, or staff (finance checks them too). */
    @RolesAllowed({Role.VENDOR, Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN, Role.FINANCE})
    public List<VendorDocument> documents(Long vendorId) {
        checkReader(vendorId);
        return em.createQuery("select d from VendorDocument d where d.vendorId = :v order by d.active desc, d.kind, d.id desc", VendorDocument.class)
                .setParameter("v", vendorId).getResultList();
    }

    @RolesAllowed({Role.VENDOR, Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN, Role.FINANCE})
    public VendorDocument document(Long documentId) {
        VendorDocument d = documentId == null ? null : em.find(VendorDocument.class, documentId);
        if (d == null) {
            throw AppException.notFound("document.notFound");
        }
        checkReader(d.getVendorId());
        d.getContent();
        return d;
    }

    private void checkReader(Long vendorId) {
        Caller c = callers.current();
        if (c.has(Role.OFFICER) || c.has(Role.HEAD) || c.has(Role.SUPERVISOR) || c.has(Role.ADMIN) || c.has(Role.FINANCE)) {
            return;
        }
        Vendor own = byUsername(c.username());
        if (own == null || !own.getId().equals(vendorId)) {
            audit.recordAlone(c.username(), "ACCESS_DENIED", "vendor", vendorId, Map.of("what", "documents"));
            throw AppException.forbidden("vendor.notYours");
        }
    }

    // ---------------------------------------------------------------- documents

    /**
     * Uploads a qualification document. Before verification it replaces the one of the same kind; after it, it
     * renews it: the old one ends, its expiry process is closed, and a suspension for an expired document is lifted
     * when nothing else has expired.
     */
    @RolesAllowed(Role.VENDOR)
    public VendorDocument uploadDocument(String kind, String fileName, byte[] content, LocalDate expiresOn) {
        Vendor vendor = em.find(Vendor.class, mine().getId(), LockModeType.PESSIMISTIC_WRITE);
        List<Violation> v = new ArrayList<>();
        VendorDocument.Kind k = null;
        try {
            k = VendorDocument.Kind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            v.add(new Violation("kind", "validation.unknownValue"));
        }
        LocalDate today = DeadlineRules.dateInChina(Instant.now());
        if (expiresOn == null) {
            v.add(new Violation("expiresOn", "validation.required"));
        } else if (!expiresOn.isAfter(today)) {
            v.add(new Violation("expiresOn", "vendor.documentExpired"));
        } else if (expiresOn.isAfter(today.plusYears(30))) {
            v.add(new Violation("expiresOn", "vendor.expiryTooFar"));
        }
        FileTypes.Problem p = FileTypes.check(fileName, content, FileTypes.VENDOR_DOCUMENTS);
        if (p != null) {
            v.add(new Violation("file", "vendorFile." + p.name()));
        }
        if (vendor.getStatus() == Vendor.Status.PENDING) {
            v.add(new Violation("file", "vendor.underVerification"));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        FileTypes.Type type = FileTypes.detect(content);
        Instant now = Instant.now();
        VendorDocument d = new VendorDocument();
        d.setVendorId(vendor.getId());
        d.setKind(k);
        d.setFileName(fileName);
        d.setContentType(type.mime);
        d.setSizeBytes(content.length);
        d.setSha256(Envelope.sha256Hex(content));
        d.setContent(content);
        d.setExpiresOn(expiresOn);
        d.setUploadedAt(now);
        d.setActive(true);
        em.persist(d);
        em.flush();
        List<VendorDocument> previous = em.createQuery("select d from VendorDocument d where d.vendorId = :v and d.kind = :k and d.active = true and d.id <> :id", VendorDocument.class)
                .setParameter("v", vendor.getId()).setParameter("k", k).setParameter("id", d.getId()).getResultList();
        for (VendorDocument old : previous) {
            old.setActive(false);
            old.setReplacedBy(d.getId());
            closeExpiryProcess(old);
        }
        boolean renewal = vendor.getStatus() == Vendor.Status.VERIFIED;
        if (renewal) {
            startExpiryProcess(vendor, d);
            if (vendor.isSuspended() && expiredKinds(vendor, today).isEmpty()) {
                vendor.setSuspended(false);
                audit.record(vendor.getUsername(), "VENDOR_REINSTATED", "vendor", vendor.getId(), null,
                        Map.of("document", d.getId()));
            }
        }
        audit.record(vendor.getUsername(), renewal ? "VENDOR_DOCUMENT_RENEWED" : "VENDOR_DOCUMENT_UPLOADED", "vendor",
                vendor.getId(), null, Map.of("document", d.getId(), "kind", k.name(), "sha256", d.getSha256(),
                        "expiresOn", expiresOn.toString(), "replaces", previous.stream().map(x -> x.getId().toString()).toList()));
        return d;
    }

    /** The document kinds a vendor of this type must hold. */
    public static List<VendorDocument.Kind> requiredKinds(Vendor.OrgType type) {
        return type == Vendor.OrgType.COMPANY
                ? List.of(VendorDocument.Kind.LICENCE, VendorDocument.Kind.TAX, VendorDocument.Kind.SOCIAL_SECURITY)
                : List.of(VendorDocument.Kind.REGISTRATION, VendorDocument.Kind.TAX, VendorDocument.Kind.SOCIAL_SECURITY);
    }

    /** Required kinds missing or expired (on the given day) among the vendor's documents in force. */
    public List<VendorDocument.Kind> expiredKinds(Vendor vendor, LocalDate today) {
        Map<VendorDocument.Kind, LocalDate> inForce = new EnumMap<>(VendorDocument.Kind.class);
        for (VendorDocument d : em.createQuery("select d from VendorDocument d where d.vendorId = :v and d.active = true", VendorDocument.class)
                .setParameter("v", vendor.getId()).getResultList()) {
            inForce.merge(d.getKind(), d.getExpiresOn(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<VendorDocument.Kind> out = new ArrayList<>();
        for (VendorDocument.Kind k : requiredKinds(vendor.getOrgType())) {
            LocalDate exp = inForce.get(k);
            if (cn.huimin.domain.model.bid.BiddingRules.expired(exp, today)) {
                out.add(k);
            }
        }
        return out;
    }

    /** May this vendor bid today? Null when yes, else the message key of the reason. */
    @PermitAll
    public String ineligibility(Vendor vendor) {
        if (vendor == null) {
            return "vendor.noProfile";
        }
        if (vendor.getStatus() != Vendor.Status.VERIFIED) {
            return "vendor.notVerified";
        }
        if (vendor.isSuspended() || !expiredKinds(vendor, DeadlineRules.dateInChina(Instant.now())).isEmpty()) {
            return "vendor.suspended";
        }
        return null;
    }

    // ---------------------------------------------------------------- verification

    /** Sends the registration to an officer: every required document present and in force. */
    @RolesAllowed(Role.VENDOR)
    public void submitForVerification() {
        Vendor vendor = em.find(Vendor.class, mine().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (vendor.getStatus() != Vendor.Status.REGISTERED && vendor.getStatus() != Vendor.Status.RETURNED) {
            throw AppException.conflict("vendor.notEditable");
        }
        List<VendorDocument.Kind> missing = expiredKinds(vendor, DeadlineRules.dateInChina(Instant.now()));
        if (!missing.isEmpty()) {
            List<Violation> v = new ArrayList<>();
            for (VendorDocument.Kind k : missing) {
                v.add(new Violation("documents", "vendor.documentMissing", k.name()));
            }
            throw AppException.invalid(v);
        }
        Map<String, Object> before = state(vendor);
        ProcessEngine engine = Bootstrap.running();
        if (vendor.getStatus() == Vendor.Status.RETURNED) {
            Task t = engine.getTaskService().createTaskQuery().processInstanceId(vendor.getProcessInstanceId())
                    .taskDefinitionKey("reviseVendor").singleResult();
            vendor.setStatus(Vendor.Status.PENDING);
            vendor.setUpdatedAt(Instant.now());
            if (t != null) {
                engine.getIdentityService().setAuthenticatedUserId(vendor.getUsername());
                try {
                    engine.getTaskService().complete(t.getId());
                } finally {
                    engine.getIdentityService().clearAuthentication();
                }
            } else {
                startVerification(vendor);
            }
        } else {
            vendor.setStatus(Vendor.Status.PENDING);
            vendor.setUpdatedAt(Instant.now());
            startVerification(vendor);
        }
        audit.record(vendor.getUsername(), "VENDOR_SUBMITTED", "vendor", vendor.getId(), before, state(vendor));
    }

    private void startVerification(Vendor vendor) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("vendorId", vendor.getId());
        vars.put("initiator", vendor.getUsername());
        ProcessInstance pi = Bootstrap.running().getRuntimeService()
                .startProcessInstanceByKey("vendor-verification", String.valueOf(vendor.getId()), vars);
        vendor.setProcessInstanceId(pi.getId());
    }

    /** The officer's decision in the verifyVendor task; RETURN needs the reasons. */
    @RolesAllowed(Role.OFFICER)
    public void recordVerification(Long vendorId, String decision, String comment) {
        Vendor vendor = em.find(Vendor.class, vendorId, LockModeType.PESSIMISTIC_WRITE);
        if (vendor == null || vendor.getStatus() != Vendor.Status.PENDING) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        if ("VERIFY".equals(decision)) {
            List<VendorDocument.Kind> missing = expiredKinds(vendor, DeadlineRules.dateInChina(Instant.now()));
            if (!missing.isEmpty()) {
                throw AppException.invalid("decision", "vendor.documentMissing", missing.get(0).name());
            }
        }
        vendor.setLastComment(comment == null || comment.isBlank() ? null : comment.trim());
        vendor.setVerifiedBy(callers.current().username());
    }

    @PermitAll
    public void verified(Long vendorId, String actor) {
        Vendor vendor = em.find(Vendor.class, vendorId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> before = state(vendor);
        Instant now = Instant.now();
        vendor.setStatus(Vendor.Status.VERIFIED);
        vendor.setVerifiedAt(now);
        vendor.setVerifiedBy(actor);
        vendor.setSuspended(false);
        vendor.setUpdatedAt(now);
        for (VendorDocument d : em.createQuery("select d from VendorDocument d where d.vendorId = :v and d.active = true", VendorDocument.class)
                .setParameter("v", vendorId).getResultList()) {
            if (d.getProcessInstanceId() == null) {
                startExpiryProcess(vendor, d);
            }
        }
        audit.record(actor, "VENDOR_VERIFIED", "vendor", vendorId, before, state(vendor));
    }

    @PermitAll
    public void returned(Long vendorId, String actor) {
        Vendor vendor = em.find(Vendor.class, vendorId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> before = state(vendor);
        vendor.setStatus(Vendor.Status.RETURNED);
        vendor.setVerifiedBy(null);
        vendor.setUpdatedAt(Instant.now());
        audit.record(actor, "VENDOR_RETURNED", "vendor", vendorId, before, state(vendor));
    }

    /** The expiry timer of a document fired while it was still in force: bidding is suspended until renewal. */
    @PermitAll
    public void documentExpired(Long documentId) {
        VendorDocument d = em.find(VendorDocument.class, documentId);
        if (d == null || !d.isActive()) {
            return;
        }
        Vendor vendor = em.find(Vendor.class, d.getVendorId(), LockModeType.PESSIMISTIC_WRITE);
        if (!vendor.isSuspended()) {
            Map<String, Object> before = state(vendor);
            vendor.setSuspended(true);
            vendor.setUpdatedAt(Instant.now());
            audit.record("system", "VENDOR_SUSPENDED", "vendor", vendor.getId(), before,
                    Map.of("document", documentId, "kind", d.getKind().name(), "expiredOn", d.getExpiresOn().toString()));
        }
    }

    /** The variables of a document's expiry process: ids, the vendor's login, reminder and expiry instants. */
    public static Map<String, Object> expiryVariables(Vendor vendor, VendorDocument d) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("documentId", d.getId());
        vars.put("vendorId", vendor.getId());
        vars.put("vendorUser", vendor.getUsername());
        vars.put("remindAt", Date.from(cn.huimin.domain.model.bid.BiddingRules.remindAt(d.getExpiresOn(), WorkingDayCalendar.ZONE)));
        vars.put("expiresAt", Date.from(DeadlineRules.endOfDay(d.getExpiresOn())));
        return vars;
    }

    private void startExpiryProcess(Vendor vendor, VendorDocument d) {
        Map<String, Object> vars = expiryVariables(vendor, d);
        ProcessInstance pi = Bootstrap.running().getRuntimeService()
                .startProcessInstanceByKey("vendor-document", String.valueOf(d.getId()), vars);
        d.setProcessInstanceId(pi.getId());
    }

    /** A replaced document's expiry process ends: its renewal task is completed, or the waiting timer removed. */
    private void closeExpiryProcess(VendorDocument old) {
        String pid = old.getProcessInstanceId();
        if (pid == null) {
            return;
        }
        ProcessEngine engine = Bootstrap.running();
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count() == 0) {
            return;
        }
        Task t = engine.getTaskService().createTaskQuery().processInstanceId(pid).taskDefinitionKey("renewVendorDocument").singleResult();
        if (t != null) {
            engine.getTaskService().complete(t.getId(), Map.of("renewedBy", old.getReplacedBy()));
        } else {
            engine.getRuntimeService().deleteProcessInstance(pid, "document replaced before the reminder", true, true);
        }
    }

    /**
     * Starts the expiry process of every document in force of a verified vendor that has none (demo data is loaded
     * without them). Called once, by the first request after start-up: process starts belong in a request's
     * transaction, not in the start-up of the application.
     */
    @PermitAll
    public int startMissingExpiryProcesses() {
        int started = 0;
        for (VendorDocument d : em.createQuery("select d from VendorDocument d where d.active = true and d.processInstanceId is null and d.vendorId in (select v.id from Vendor v where v.status = :s) order by d.id", VendorDocument.class)
                .setParameter("s", Vendor.Status.VERIFIED).setMaxResults(1000).getResultList()) {
            startExpiryProcess(em.find(Vendor.class, d.getVendorId()), d);
            started++;
        }
        return started;
    }

    static Map<String, Object> state(Vendor v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.getName());
        m.put("uscc", v.getUscc());
        m.put("orgType", v.getOrgType() == null ? null : v.getOrgType().name());
        m.put("status", v.getStatus() == null ? null : v.getStatus().name());
        m.put("suspended", v.isSuspended());
        m.put("categories", new ArrayList<>(v.getCategoryIds()));
        m.put("places", new ArrayList<>(v.getPlaceIds()));
        m.put("comment", v.getLastComment());
        return m;
    }

}
