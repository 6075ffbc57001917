package cn.huimin.application;

import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.place.PurchasingUnit;
import cn.huimin.domain.model.tender.*;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.shared.Money;
import cn.huimin.domain.shared.WorkingDayCalendar;
import cn.huimin.process.Bootstrap;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.*;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Preparing, submitting, publishing, amending and cancelling tenders. Every change is audited. */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR})
public class TenderService {
    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    Catalogue catalogue;

    @EJB
    WorkingDays workingDays;

    @EJB
    Bootstrap bootstrap;

    @EJB
    KeyVault keys;

    // ---------------------------------------------------------------- reading

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.ADMIN})
    public TenderForm form(Long id) {
        return toForm(readable(id, callers.current()));
    }

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.ADMIN})
    public List<TenderRow> list(String status, String text, int first, int size, String sortField, boolean ascending) {
        TypedQuery<Tender> q = em.createQuery("select t from Tender t" + where(callers.current(), status, text)
                + " order by t." + sortColumn(sortField) + (ascending ? " asc" : " desc") + ", t.id desc", Tender.class);
        bind(q, callers.current(), status, text);
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList()
                .stream().map(this::row).toList();
    }

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.ADMIN})
    public long count(String status, String text) {
        TypedQuery<Long> q = em.createQuery("select count(t) from Tender t" + where(callers.current(), status, text), Long.class);
        bind(q, callers.current(), status, text);
        return q.getSingleResult();
    }

    private static String where(Caller c, String status, String text) {
        List<String> parts = new ArrayList<>();
        if (!c.countyWide()) {
            parts.add("t.unitId = :unit");
        }
        if (status != null && !status.isBlank()) {
            parts.add("t.status = :status");
        }
        if (text != null && !text.isBlank()) {
            parts.add("(lower(t.title) like :text or lower(t.noticeNumber) like :text)");
        }
        return parts.isEmpty() ? "" : " where " + String.join(" and ", parts);
    }

    private static void bind(TypedQuery<?> q, Caller c, String status, String text) {
        if (!c.countyWide()) {
            q.setParameter("unit", c.unitId() == null ? -1L : c.unitId());
        }
        if (status != null && !status.isBlank()) {
            try {
                q.setParameter("status", TenderStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw AppException.invalid("status", "validation.unknownValue");
            }
        }
        if (text != null && !text.isBlank()) {
            q.setParameter("text", PublicNotices.pattern(text));
        }
    }

    private static String sortColumn(String field) {
        return switch (field == null ? "" : field) {
            case "title" -> "title";
            case "status" -> "status";
            case "budget" -> "budget";
            case "bidDeadline" -> "bidDeadline";
            case "noticeNumber" -> "noticeNumber";
            default -> "updatedAt";
        };
    }

    @PermitAll
    public TenderRow row(Tender t) {
        PurchasingUnit u = catalogue.unit(t.getUnitId());
        return new TenderRow(t.getId(), t.getTitle(), u == null ? "" : u.getNameZh(), u == null ? "" : u.getNameEn(),
                t.getMethod() == null ? null : t.getMethod().name(), t.getBudget(), t.getStatus().name(),
                t.getNoticeNumber(), t.getPublishedAt(), t.getBidDeadline(), t.getUpdatedAt());
    }

    // ---------------------------------------------------------------- drafts

    @RolesAllowed(Role.OFFICER)
    public TenderForm saveDraft(TenderForm f) {
        Caller c = callers.current();
        if (c.unitId() == null) {
            throw AppException.forbidden("tender.noUnit");
        }
        List<Violation> v = TenderRules.checkDraft(f);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Tender t;
        Map<String, Object> before;
        if (f.getId() == null) {
            if (f.getUnitId() != null && !f.getUnitId().equals(c.unitId())) {
                throw AppException.forbidden("tender.otherUnit");
            }
            t = new Tender();
            t.setUnitId(c.unitId());
            t.setStatus(TenderStatus.DRAFT);
            t.setCreatedBy(c.username());
            t.setCreatedAt(Instant.now());
            before = null;
        } else {
            t = writable(f.getId(), c);
            checkVersion(t, f.getVersion());
            before = snapshot(t);
        }
        apply(f, t);
        t.setUpdatedAt(Instant.now());
        if (t.getId() == null) {
            em.persist(t);
        }
        em.flush();
        audit.record(c.username(), before == null ? "TENDER_CREATED" : "TENDER_SAVED", "tender", t.getId(), before, snapshot(t));
        return toForm(t);
    }

    /** Submits a draft (starts tender-preparation) or resubmits a returned tender (completes reviseTender). */
    @RolesAllowed(Role.OFFICER)
    public TenderForm submit(Long id, Long version) {
        Caller c = callers.current();
        Tender t = writable(id, c);
        checkVersion(t, version);
        List<Violation> v = TenderRules.checkForSubmission(toForm(t), rulesContext(t.getUnitId()));
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Object> before = snapshot(t);
        ProcessEngine engine = bootstrap.engine();
        Map<String, Object> vars = new HashMap<>();
        vars.put("budget", t.getBudget().doubleValue());
        vars.put("method", t.getMethod().name());
        if (t.getStatus() == TenderStatus.DRAFT) {
            vars.put("tenderId", t.getId());
            vars.put("unitId", t.getUnitId());
            vars.put("initiator", c.username());
            ProcessInstance pi = engine.getRuntimeService()
                    .startProcessInstanceByKey("tender-preparation", String.valueOf(t.getId()), vars);
            t.setProcessInstanceId(pi.getId());
        } else {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(t.getProcessInstanceId())
                    .taskDefinitionKey("reviseTender").singleResult();
            if (task == null) {
                throw AppException.conflict("task.alreadyCompleted");
            }
            engine.getTaskService().setAssignee(task.getId(), c.username());
            engine.getTaskService().complete(task.getId(), vars);
        }
        t.setStatus(TenderStatus.PENDING_APPROVAL);
        t.setUpdatedAt(Instant.now());
        em.flush();
        audit.record(c.username(), "TENDER_SUBMITTED", "tender", t.getId(), before, snapshot(t));
        return toForm(t);
    }

    /** Records the head's or finance's decision on the tender before the task completes. */
    @RolesAllowed({Role.HEAD, Role.FINANCE})
    public void recordDecision(Long tenderId, String taskKey, String decision, String comment) {
        Caller c = callers.current();
        Tender t = em.find(Tender.class, tenderId, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (t == null) {
            throw AppException.notFound("tender.notFound");
        }
        if (t.getStatus() != TenderStatus.PENDING_APPROVAL) {
            throw AppException.conflict("tender.notPending");
        }
        Map<String, Object> before = snapshot(t);
        if ("RETURN".equals(decision)) {
            t.setStatus(TenderStatus.RETURNED);
        }
        t.setLastComment(comment == null || comment.isBlank() ? null : comment.trim());
        t.setUpdatedAt(Instant.now());
        Map<String, Object> after = snapshot(t);
        after.put("decision", decision);
        after.put("step", taskKey);
        audit.record(c.username(), "TENDER_" + decision, "tender", t.getId(), before, after);
    }

    // ---------------------------------------------------------------- process steps

    /** Publishes an approved tender: notice number, publication time and the statutory bid deadline. */
    @PermitAll
    public void publish(Long tenderId, String actor) {
        Tender t = em.find(Tender.class, tenderId, LockModeType.PESSIMISTIC_WRITE);
        if (t == null || t.getStatus() != TenderStatus.PENDING_APPROVAL) {
            throw AppException.conflict("tender.notPending");
        }
        PurchasingUnit unit = catalogue.unit(t.getUnitId());
        if (unit == null || !unit.isActive()) {
            throw AppException.conflict("tender.unitInactive");
        }
        Map<String, Object> before = snapshot(t);
        Instant now = Instant.now();
        WorkingDayCalendar cal = workingDays.calendar();
        LocalDate preferred = t.getPreferredDeadline();
        if (preferred != null && !DeadlineRules.checkPreferredDate(t.getMethod(), now, preferred, cal).isEmpty()) {
            preferred = null;
        }
        ZonedDateTime deadline = DeadlineRules.bidDeadline(t.getMethod(), now, preferred, cal);
        t.setNoticeNumber(nextNoticeNumber(now));
        t.setPublishedAt(now);
        t.setBidDeadline(deadline.toInstant());
        t.setStatus(TenderStatus.PUBLISHED);
        t.setUpdatedAt(now);
        addNotice(t, TenderNotice.Kind.TENDER, t.getDescription(), now);
        Map<String, Object> vars = new HashMap<>();
        vars.put("tenderId", t.getId());
        vars.put("unitId", t.getUnitId());
        vars.put("bidDeadline", Date.from(t.getBidDeadline()));
        if (t.getMethod() != ProcurementMethod.SINGLE_SOURCE) {
            keys.createDataKey(t.getId());
            bootstrap.engine().getRuntimeService().startProcessInstanceByKey("bid-opening", String.valueOf(t.getId()), vars);
        } else {
            // the notice of the reasons and the supplier runs until bidDeadline; then objections, negotiation, award
            bootstrap.engine().getRuntimeService().startProcessInstanceByKey("single-source", String.valueOf(t.getId()), vars);
        }
        audit.record(actor, "TENDER_PUBLISHED", "tender", t.getId(), before, snapshot(t));
    }

    /** The running process that waits for the tender's deadline (bid-opening, or single-source's notice), or null. */
    private ProcessInstance openingProcess(Long tenderId) {
        return bootstrap.engine().getRuntimeService().createProcessInstanceQuery().processDefinitionKeyIn("bid-opening", "single-source")
                .processInstanceBusinessKey(String.valueOf(tenderId)).active().singleResult();
    }

    /**
     * A single source ends without an award: CANCELLED (an objection was upheld) or FAILED (no agreement; every lot
     * fails), with a public termination notice giving the reason.
     */
    @PermitAll
    public void endSingleSource(Long tenderId, TenderStatus status, String reason, String actor) {
        Tender t = em.find(Tender.class, tenderId, LockModeType.PESSIMISTIC_WRITE);
        if (t.getStatus() != TenderStatus.PUBLISHED && t.getStatus() != TenderStatus.OPENED) {
            throw AppException.conflict("tender.notPublished");
        }
        Map<String, Object> before = snapshot(t);
        Instant now = Instant.now();
        t.setStatus(status);
        t.setUpdatedAt(now);
        if (status == TenderStatus.FAILED) {
            t.getLots().forEach(l -> l.setStatus("FAILED"));
        }
        addNotice(t, TenderNotice.Kind.CANCELLATION, reason, now);
        audit.record(actor, status == TenderStatus.FAILED ? "TENDER_FAILED" : "TENDER_CANCELLED", "tender", t.getId(), before, snapshot(t));
    }

    /** Moves the opening timer with the deadline (the timer has not fired: the deadline is still ahead). */
    private void moveOpening(Tender t) {
        ProcessInstance pi = openingProcess(t.getId());
        if (pi == null) {
            return;
        }
        var ms = bootstrap.engine().getManagementService();
        for (var job : ms.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
            ms.setJobDuedate(job.getId(), Date.from(t.getBidDeadline()));
        }
        bootstrap.engine().getRuntimeService().setVariable(pi.getId(), "bidDeadline", Date.from(t.getBidDeadline()));
    }

    /**
     * A new draft tender for a lot that failed at opening, with the approved method. The officer who prepared the
     * original completes it (a single source needs its reason and supplier) and submits it for approval as usual.
     */
    @PermitAll
    public Long successorDraft(Tender origin, TenderLot lot, ProcurementMethod method, String actor) {
        TenderForm f = toForm(origin);
        int index = origin.getLots().indexOf(lot);
        TenderForm.Lot keep = f.getLots().get(index);
        f.getLots().clear();
        f.getLots().add(keep);
        f.setId(null);
        f.setVersion(null);
        f.setMethod(method.name());
        f.setPreferredDeadline(null);
        if (method != ProcurementMethod.SINGLE_SOURCE) {
            f.setSingleSourceReason(null);
            f.setProposedSupplier(null);
        }
        Tender t = new Tender();
        t.setUnitId(origin.getUnitId());
        t.setStatus(TenderStatus.DRAFT);
        t.setCreatedBy(origin.getCreatedBy());
        t.setCreatedAt(Instant.now());
        apply(f, t);
        t.setBudget(lot.getBudgetCeiling() != null ? lot.getBudgetCeiling() : origin.getBudget());
        t.setOriginTenderId(origin.getId());
        t.setUpdatedAt(t.getCreatedAt());
        em.persist(t);
        em.flush();
        audit.record(actor, "TENDER_CREATED", "tender", t.getId(), null, snapshot(t));
        return t.getId();
    }

    /** An enquiry answer that changes the tender becomes an amendment request for the head (tender-change). */
    @PermitAll
    public Long requestAmendmentFromEnquiry(Long tenderId, String text, String actor) {
        Tender t = em.find(Tender.class, tenderId);
        if (t == null || t.getStatus() != TenderStatus.PUBLISHED) {
            throw AppException.conflict("tender.notPublished");
        }
        if (changePending(tenderId)) {
            throw AppException.invalid("changesTender", "change.alreadyPending");
        }
        if (!Instant.now().isBefore(t.getBidDeadline())) {
            throw AppException.invalid("changesTender", "change.deadlinePassed");
        }
        String body = text.length() > TenderRules.MAX_DESCRIPTION ? text.substring(0, TenderRules.MAX_DESCRIPTION) : text;
        return fileChange(t, TenderChange.Type.AMENDMENT, body, null, actor, true);
    }

    @PermitAll
    public void reject(Long tenderId, String actor) {
        Tender t = em.find(Tender.class, tenderId, LockModeType.PESSIMISTIC_WRITE);
        if (t == null || t.getStatus() != TenderStatus.PENDING_APPROVAL) {
            throw AppException.conflict("tender.notPending");
        }
        Map<String, Object> before = snapshot(t);
        t.setStatus(TenderStatus.REJECTED);
        t.setUpdatedAt(Instant.now());
        audit.record(actor, "TENDER_REJECTED", "tender", t.getId(), before, snapshot(t));
    }

    @PermitAll
    public void recordOverdue(String processInstanceId, String businessKey, String activityId) {
        audit.record("system", "TASK_OVERDUE", "process", processInstanceId, null,
                Map.of("businessKey", String.valueOf(businessKey), "step", activityId));
    }

    // ---------------------------------------------------------------- amendments and cancellation

    @RolesAllowed(Role.OFFICER)
    public Long requestChange(Long tenderId, String type, String text, LocalDate requestedDeadline) {
        Caller c = callers.current();
        Tender t = readable(tenderId, c);
        if (!t.getUnitId().equals(c.unitId())) {
            throw AppException.forbidden("tender.otherUnit");
        }
        if (t.getStatus() != TenderStatus.PUBLISHED) {
            throw AppException.conflict("tender.notPublished");
        }
        TenderChange.Type kind;
        try {
            kind = TenderChange.Type.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw AppException.invalid("changeType", "validation.unknownValue");
        }
        List<Violation> v = new ArrayList<>();
        if (text == null || text.isBlank()) {
            v.add(new Violation("changeText", kind == TenderChange.Type.CANCELLATION ? "change.reasonRequired" : "validation.required"));
        } else if (text.length() > TenderRules.MAX_DESCRIPTION) {
            v.add(new Violation("changeText", "validation.tooLong", TenderRules.MAX_DESCRIPTION));
        }
        Instant now = Instant.now();
        if (kind == TenderChange.Type.AMENDMENT && !now.isBefore(t.getBidDeadline())) {
            v.add(new Violation("changeType", "change.deadlinePassed"));
        }
        if (kind == TenderChange.Type.AMENDMENT && requestedDeadline != null) {
            WorkingDayCalendar cal = workingDays.calendar();
            LocalDate current = t.getBidDeadline().atZone(WorkingDayCalendar.ZONE).toLocalDate();
            if (!requestedDeadline.isAfter(current)) {
                v.add(new Violation("requestedDeadline", "change.deadlineNotLater", current.toString()));
            } else if (!cal.hasSchedule(requestedDeadline.getYear())) {
                v.add(new Violation("requestedDeadline", "deadline.YEAR_WITHOUT_SCHEDULE", ""));
            } else if (!cal.isWorkingDay(requestedDeadline)) {
                v.add(new Violation("requestedDeadline", "deadline.NOT_A_WORKING_DAY", ""));
            }
        }
        if (changePending(tenderId)) {
            v.add(new Violation("changeType", "change.alreadyPending"));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        return fileChange(t, kind, text.trim(), kind == TenderChange.Type.AMENDMENT ? requestedDeadline : null, c.username(), false);
    }

    private boolean changePending(Long tenderId) {
        return em.createQuery("select count(c) from TenderChange c where c.tenderId = :t and c.status = :s", Long.class)
                .setParameter("t", tenderId).setParameter("s", TenderChange.Status.PENDING).getSingleResult() > 0;
    }

    /** Stores a change request and starts tender-change for the head's decision. */
    private Long fileChange(Tender t, TenderChange.Type kind, String text, LocalDate requestedDeadline, String actor,
                            boolean fromEnquiry) {
        TenderChange ch = new TenderChange();
        ch.setTenderId(t.getId());
        ch.setChangeType(kind);
        ch.setTextBody(text);
        ch.setRequestedDeadline(requestedDeadline);
        ch.setStatus(TenderChange.Status.PENDING);
        ch.setRequestedBy(actor);
        ch.setRequestedAt(Instant.now());
        em.persist(ch);
        em.flush();
        Map<String, Object> vars = new HashMap<>();
        vars.put("tenderId", t.getId());
        vars.put("unitId", t.getUnitId());
        vars.put("changeId", ch.getId());
        vars.put("initiator", actor);
        vars.put("changeType", kind.name());
        ProcessInstance pi = bootstrap.engine().getRuntimeService()
                .startProcessInstanceByKey("tender-change", String.valueOf(t.getId()), vars);
        ch.setProcessInstanceId(pi.getId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changeId", ch.getId());
        details.put("type", kind.name());
        details.put("text", ch.getTextBody());
        if (fromEnquiry) {
            details.put("fromEnquiry", true);
        } else {
            details.put("requestedDeadline", String.valueOf(requestedDeadline));
        }
        audit.record(actor, "CHANGE_REQUESTED", "tender", t.getId(), null, details);
        return ch.getId();
    }

    @RolesAllowed(Role.HEAD)
    public void recordChangeDecision(Long changeId, String decision, String comment) {
        TenderChange ch = em.find(TenderChange.class, changeId, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (ch == null || ch.getStatus() != TenderChange.Status.PENDING) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        ch.setDecidedBy(callers.current().username());
        ch.setDecidedAt(Instant.now());
        ch.setDecisionComment(comment == null || comment.isBlank() ? null : comment.trim());
    }

    @PermitAll
    public void applyChange(Long changeId, String actor) {
        TenderChange ch = em.find(TenderChange.class, changeId, LockModeType.PESSIMISTIC_WRITE);
        if (ch == null || ch.getStatus() != TenderChange.Status.PENDING) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        Tender t = em.find(Tender.class, ch.getTenderId(), LockModeType.PESSIMISTIC_WRITE);
        if (t.getStatus() != TenderStatus.PUBLISHED) {
            throw AppException.conflict("tender.notPublished");
        }
        Map<String, Object> before = snapshot(t);
        Instant now = Instant.now();
        if (ch.getChangeType() == TenderChange.Type.CANCELLATION) {
            t.setStatus(TenderStatus.CANCELLED);
            addNotice(t, TenderNotice.Kind.CANCELLATION, ch.getTextBody(), now);
            ProcessInstance opening = openingProcess(t.getId());
            if (opening != null) {
                bootstrap.engine().getRuntimeService().deleteProcessInstance(opening.getId(), "tender cancelled", true, true);
            }
        } else {
            if (!now.isBefore(t.getBidDeadline())) {
                throw AppException.conflict("change.deadlinePassed");
            }
            WorkingDayCalendar cal = workingDays.calendar();
            ZonedDateTime current = t.getBidDeadline().atZone(WorkingDayCalendar.ZONE);
            ZonedDateTime moved = DeadlineRules.amendedDeadline(t.getMethod(), current, now, cal);
            if (ch.getRequestedDeadline() != null) {
                ZonedDateTime requested = ch.getRequestedDeadline().atTime(current.toLocalTime()).atZone(WorkingDayCalendar.ZONE);
                if (requested.isAfter(moved)) {
                    moved = requested;
                }
            }
            t.setBidDeadline(moved.toInstant());
            addNotice(t, TenderNotice.Kind.AMENDMENT, ch.getTextBody(), now);
            moveOpening(t);
        }
        t.setUpdatedAt(now);
        ch.setStatus(TenderChange.Status.APPLIED);
        audit.record(actor, ch.getChangeType() == TenderChange.Type.CANCELLATION ? "TENDER_CANCELLED" : "TENDER_AMENDED",
                "tender", t.getId(), before, snapshot(t));
    }

    @PermitAll
    public void dismissChange(Long changeId, String actor) {
        TenderChange ch = em.find(TenderChange.class, changeId, LockModeType.PESSIMISTIC_WRITE);
        if (ch == null || ch.getStatus() != TenderChange.Status.PENDING) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        ch.setStatus(TenderChange.Status.DISMISSED);
        audit.record(actor, "CHANGE_DISMISSED", "tender", ch.getTenderId(), null,
                Map.of("changeId", ch.getId(), "comment", String.valueOf(ch.getDecisionComment())));
    }

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.ADMIN})
    public List<TenderChange> changes(Long tenderId) {
        readable(tenderId, callers.current());
        return em.createQuery("select c from TenderChange c where c.tenderId = :t order by c.id", TenderChange.class)
                .setParameter("t", tenderId).getResultList();
    }

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.ADMIN})
    public String processInstanceOf(Long tenderId) {
        return readable(tenderId, callers.current()).getProcessInstanceId();
    }

    @PermitAll
    public String title(Long tenderId) {
        Tender t = em.find(Tender.class, tenderId);
        return t == null ? null : t.getTitle();
    }

    @PermitAll
    public TenderChange change(Long changeId) {
        return em.find(TenderChange.class, changeId);
    }

    // ---------------------------------------------------------------- helpers

    /** The tender, if the caller may read it: officers only their unit's. Otherwise 403, or 404 if absent. */
    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.ADMIN})
    public List<TenderLot> lots(Long tenderId) {
        return new ArrayList<>(readable(tenderId, callers.current()).getLots());
    }

    @PermitAll
    public Tender readable(Long id, Caller c) {
        Tender t = id == null ? null : em.find(Tender.class, id);
        if (t == null) {
            throw AppException.notFound("tender.notFound");
        }
        if (!c.countyWide() && !(c.has(Role.OFFICER) && t.getUnitId().equals(c.unitId()))) {
            throw AppException.forbidden("tender.otherUnit");
        }
        return t;
    }

    private Tender writable(Long id, Caller c) {
        Tender t = readable(id, c);
        if (!t.getUnitId().equals(c.unitId())) {
            throw AppException.forbidden("tender.otherUnit");
        }
        if (!t.getStatus().editable()) {
            throw AppException.conflict("tender.notEditable");
        }
        return t;
    }

    private static void checkVersion(Tender t, Long version) {
        if (version == null || version != t.getVersion()) {
            throw AppException.conflict("tender.stale");
        }
    }

    public TenderRules.Context rulesContext(Long unitId) {
        Set<Long> places = catalogue.jurisdiction(unitId);
        WorkingDayCalendar cal = workingDays.calendar();
        Instant now = Instant.now();
        return new TenderRules.Context() {
            public boolean categoryExists(Long categoryId) {
                var cat = catalogue.category(categoryId);
                return cat != null && cat.isActive();
            }

            public boolean deliverableInCategory(Long typeId, Long categoryId) {
                DeliverableType d = catalogue.deliverable(typeId);
                return d != null && d.isActive() && d.getCategoryId().equals(categoryId);
            }

            public boolean placeInJurisdiction(Long placeId) {
                return places.contains(placeId);
            }

            public WorkingDayCalendar calendar() {
                return cal;
            }

            public Instant now() {
                return now;
            }

            public LocalDate today() {
                return now.atZone(WorkingDayCalendar.ZONE).toLocalDate();
            }
        };
    }

    /** The next notice number of the year of that instant (demo data publishes through it too). */
    @PermitAll
    public String allocateNoticeNumber(Instant at) {
        return nextNoticeNumber(at);
    }

    private String nextNoticeNumber(Instant now) {
        int year = now.atZone(WorkingDayCalendar.ZONE).getYear();
        int updated = em.createNativeQuery("update notice_counter set last_no = last_no + 1 where year_no = ?1")
                .setParameter(1, year).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into notice_counter(year_no, last_no) values (?1, 1)").setParameter(1, year).executeUpdate();
        }
        Number n = (Number) em.createNativeQuery("select last_no from notice_counter where year_no = ?1")
                .setParameter(1, year).getSingleResult();
        return String.format("HM-%d-%04d", year, n.intValue());
    }

    /** Publishes an award notice as the tender's next notice version. */
    @jakarta.annotation.security.PermitAll
    public void addAwardNotice(Long tenderId, String text, Instant now) {
        addNotice(em.find(Tender.class, tenderId), TenderNotice.Kind.AWARD, text, now);
    }

    private void addNotice(Tender t, TenderNotice.Kind kind, String text, Instant now) {
        Number last = em.createQuery("select coalesce(max(n.versionNo), 0) from TenderNotice n where n.tenderId = :t", Number.class)
                .setParameter("t", t.getId()).getSingleResult();
        TenderNotice n = new TenderNotice();
        n.setTenderId(t.getId());
        n.setVersionNo(last.intValue() + 1);
        n.setKind(kind);
        n.setPublishedAt(now);
        n.setBidDeadline(t.getBidDeadline());
        n.setTextBody(text);
        em.persist(n);
    }

    static void apply(TenderForm f, Tender t) {
        t.setTitle(trim(f.getTitle()));
        t.setCategoryId(f.getCategoryId());
        t.setMethod(TenderRules.method(f));
        t.setSingleSourceReason(trim(f.getSingleSourceReason()));
        t.setProposedSupplier(trim(f.getProposedSupplier()));
        t.setBudget(Money.of(f.getBudget()));
        t.setBidSecurity(Money.of(f.getBidSecurity()));
        t.setPriceWeight(f.getPriceWeight());
        t.setQualification(trim(f.getQualification()));
        t.setDescription(trim(f.getDescription()));
        t.setPreferredDeadline(f.getPreferredDeadline());
        t.getLots().clear();
        int no = 0;
        for (TenderForm.Lot lf : f.getLots()) {
            TenderLot lot = new TenderLot();
            lot.setTender(t);
            lot.setLotNo(++no);
            lot.setTitle(lf.getTitle() == null ? "" : lf.getTitle().trim());
            lot.setBudgetCeiling(Money.of(lf.getBudgetCeiling()));
            lot.setServiceStart(lf.getServiceStart());
            lot.setServiceEnd(lf.getServiceEnd());
            for (TenderForm.Deliverable df : lf.getDeliverables()) {
                if (df.getDeliverableTypeId() == null || df.getPlaceId() == null) {
                    continue;
                }
                LotDeliverable d = new LotDeliverable();
                d.setLot(lot);
                d.setDeliverableTypeId(df.getDeliverableTypeId());
                d.setPlaceId(df.getPlaceId());
                d.setQuantity(df.getQuantity() == null ? 0 : df.getQuantity());
                LotDeliverable.Period p = TenderRules.period(df.getPerPeriod());
                d.setPerPeriod(p == null ? LotDeliverable.Period.YEAR : p);
                lot.getDeliverables().add(d);
            }
            t.getLots().add(lot);
        }
        t.getFactors().clear();
        int pos = 0;
        for (TenderForm.Factor ff : f.getFactors()) {
            ScoringFactor sf = new ScoringFactor();
            sf.setTender(t);
            sf.setPositionNo(++pos);
            sf.setName(ff.getName() == null ? "" : ff.getName().trim());
            sf.setPoints(ff.getPoints() == null ? 0 : ff.getPoints());
            sf.setDescription(trim(ff.getDescription()));
            t.getFactors().add(sf);
        }
    }

    public static TenderForm toForm(Tender t) {
        TenderForm f = new TenderForm();
        f.setId(t.getId());
        f.setVersion(t.getVersion());
        f.setStatus(t.getStatus().name());
        f.setTitle(t.getTitle());
        f.setUnitId(t.getUnitId());
        f.setCategoryId(t.getCategoryId());
        f.setMethod(t.getMethod() == null ? null : t.getMethod().name());
        f.setSingleSourceReason(t.getSingleSourceReason());
        f.setProposedSupplier(t.getProposedSupplier());
        f.setBudget(t.getBudget() == null ? null : t.getBudget().toPlainString());
        f.setBidSecurity(t.getBidSecurity() == null ? null : t.getBidSecurity().toPlainString());
        f.setPriceWeight(t.getPriceWeight());
        f.setQualification(t.getQualification());
        f.setDescription(t.getDescription());
        f.setPreferredDeadline(t.getPreferredDeadline());
        f.setNoticeNumber(t.getNoticeNumber());
        f.setPublishedAt(t.getPublishedAt() == null ? null : t.getPublishedAt().atZone(WorkingDayCalendar.ZONE).toOffsetDateTime().toString());
        f.setBidDeadline(t.getBidDeadline() == null ? null : t.getBidDeadline().atZone(WorkingDayCalendar.ZONE).toOffsetDateTime().toString());
        f.setLastComment(t.getLastComment());
        for (TenderLot lot : t.getLots()) {
            TenderForm.Lot lf = new TenderForm.Lot();
            lf.setId(lot.getId());
            lf.setTitle(lot.getTitle());
            lf.setBudgetCeiling(lot.getBudgetCeiling() == null ? null : lot.getBudgetCeiling().toPlainString());
            lf.setServiceStart(lot.getServiceStart());
            lf.setServiceEnd(lot.getServiceEnd());
            for (LotDeliverable d : lot.getDeliverables()) {
                TenderForm.Deliverable df = new TenderForm.Deliverable();
                df.setDeliverableTypeId(d.getDeliverableTypeId());
                df.setPlaceId(d.getPlaceId());
                df.setQuantity(d.getQuantity());
                df.setPerPeriod(d.getPerPeriod().name());
                lf.getDeliverables().add(df);
            }
            f.getLots().add(lf);
        }
        for (ScoringFactor sf : t.getFactors()) {
            TenderForm.Factor ff = new TenderForm.Factor();
            ff.setName(sf.getName());
            ff.setPoints(sf.getPoints());
            ff.setDescription(sf.getDescription());
            f.getFactors().add(ff);
        }
        return f;
    }

    static Map<String, Object> snapshot(Tender t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", t.getStatus().name());
        m.put("title", t.getTitle());
        m.put("method", t.getMethod() == null ? null : t.getMethod().name());
        m.put("budget", t.getBudget() == null ? null : t.getBudget().toPlainString());
        m.put("bidSecurity", t.getBidSecurity() == null ? null : t.getBidSecurity().toPlainString());
        m.put("priceWeight", t.getPriceWeight());
        m.put("lots", t.getLots().size());
        m.put("factors", t.getFactors().size());
        m.put("noticeNumber", t.getNoticeNumber());
        m.put("bidDeadline", t.getBidDeadline() == null ? null : t.getBidDeadline().toString());
        m.put("comment", t.getLastComment());
        return m;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
