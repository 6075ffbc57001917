package cn.huimin.application;

import cn.huimin.domain.model.tender.*;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Vendor;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Enquiries (询问): a vendor asks about a published tender; an officer of the purchasing unit answers within 3
 * working days (overdue: the head is added to the task); the answer is published to everyone without the asker.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR})
public class EnquiryService {
    public static final int ANSWER_WORKING_DAYS = 3;
    public static final int MAX_QUESTION = 4000;
    public static final int MAX_ANSWER = 8000;

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    VendorService vendors;

    @EJB
    WorkingDays workingDays;

    @EJB
    TenderService tenders;

    @EJB
    Bootstrap bootstrap;

    @RolesAllowed(Role.VENDOR)
    public Enquiry ask(Long tenderId, String question) {
        Vendor vendor = vendors.mine();
        Tender t = tenderId == null ? null : em.find(Tender.class, tenderId);
        if (t == null || t.getPublishedAt() == null) {
            throw AppException.notFound("tender.notFound");
        }
        Instant now = Instant.now();
        if (t.getStatus() != TenderStatus.PUBLISHED || !now.isBefore(t.getBidDeadline())) {
            throw AppException.conflict("enquiry.closed");
        }
        if (question == null || question.isBlank()) {
            throw AppException.invalid("question", "validation.required");
        }
        if (question.length() > MAX_QUESTION) {
            throw AppException.invalid("question", "validation.tooLong", MAX_QUESTION);
        }
        long open = em.createQuery("select count(e) from Enquiry e where e.tenderId = :t and e.askedBy = :u and e.status = :s", Long.class)
                .setParameter("t", tenderId).setParameter("u", vendor.getUsername()).setParameter("s", Enquiry.Status.OPEN).getSingleResult();
        if (open >= 10) {
            throw AppException.conflict("enquiry.tooMany");
        }
        WorkingDayCalendar cal = workingDays.calendar();
        LocalDate today = DeadlineRules.dateInChina(now);
        Instant due = DeadlineRules.endOfDay(DeadlineRules.taskDueDate(today, ANSWER_WORKING_DAYS, cal));
        Enquiry e = new Enquiry();
        e.setTenderId(tenderId);
        e.setAskedBy(vendor.getUsername());
        e.setQuestion(question.trim());
        e.setAskedAt(now);
        e.setAnswerDue(due);
        e.setStatus(Enquiry.Status.OPEN);
        em.persist(e);
        em.flush();
        Map<String, Object> vars = new HashMap<>();
        vars.put("enquiryId", e.getId());
        vars.put("tenderId", tenderId);
        vars.put("unitId", t.getUnitId());
        vars.put("answerDue", Date.from(due));
        ProcessInstance pi = bootstrap.engine().getRuntimeService().startProcessInstanceByKey("enquiry", String.valueOf(e.getId()), vars);
        e.setProcessInstanceId(pi.getId());
        audit.record(vendor.getUsername(), "ENQUIRY_ASKED", "tender", tenderId, null,
                Map.of("enquiry", e.getId(), "answerDue", due.toString()));
        return e;
    }

    /** The answer, given in the answerEnquiry task by an officer of the unit (or the head once escalated). */
    @RolesAllowed({Role.OFFICER, Role.HEAD})
    public void answer(Long enquiryId, String answer, boolean changesTender) {
        Caller c = callers.current();
        Enquiry e = enquiryId == null ? null : em.find(Enquiry.class, enquiryId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || e.getStatus() != Enquiry.Status.OPEN) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        Tender t = em.find(Tender.class, e.getTenderId());
        if (!c.has(Role.HEAD) && !t.getUnitId().equals(c.unitId())) {
            throw AppException.forbidden("tender.otherUnit");
        }
        if (answer == null || answer.isBlank()) {
            throw AppException.invalid("answer", "validation.required");
        }
        if (answer.length() > MAX_ANSWER) {
            throw AppException.invalid("answer", "validation.tooLong", MAX_ANSWER);
        }
        e.setAnswer(answer.trim());
        e.setAnsweredBy(c.username());
        e.setChangesTender(changesTender);
        if (changesTender) {
            e.setChangeId(tenders.requestAmendmentFromEnquiry(t.getId(), e.getAnswer(), c.username()));
        }
    }

    @PermitAll
    public void publishAnswer(Long enquiryId) {
        Enquiry e = em.find(Enquiry.class, enquiryId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || e.getAnswer() == null) {
            throw AppException.conflict("enquiry.noAnswer");
        }
        e.setStatus(Enquiry.Status.ANSWERED);
        e.setAnsweredAt(Instant.now());
        audit.record(e.getAnsweredBy(), "ENQUIRY_ANSWERED", "tender", e.getTenderId(), null,
                Map.of("enquiry", e.getId(), "changesTender", e.isChangesTender(), "onTime", !e.getAnsweredAt().isAfter(e.getAnswerDue())));
    }

    /** The answer is overdue: the head becomes a candidate for the same task, and it is recorded. */
    @PermitAll
    public void escalate(Long enquiryId, String processInstanceId) {
        Enquiry e = em.find(Enquiry.class, enquiryId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || e.getStatus() != Enquiry.Status.OPEN) {
            return;
        }
        e.setEscalated(true);
        for (Task t : bootstrap.engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("answerEnquiry").list()) {
            bootstrap.engine().getTaskService().addCandidateGroup(t.getId(), Role.HEAD);
        }
        audit.record("system", "ENQUIRY_ESCALATED", "tender", e.getTenderId(), null,
                Map.of("enquiry", e.getId(), "answerDue", e.getAnswerDue().toString()));
    }

    /** Published questions and answers of a tender, without who asked. */
    @PermitAll
    public List<Map<String, Object>> published(Long tenderId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Enquiry e : em.createQuery("select e from Enquiry e where e.tenderId = :t and e.status = :s order by e.answeredAt, e.id", Enquiry.class)
                .setParameter("t", tenderId).setParameter("s", Enquiry.Status.ANSWERED).getResultList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.getId());
            m.put("question", e.getQuestion());
            m.put("askedAt", e.getAskedAt());
            m.put("answer", e.getAnswer());
            m.put("answeredAt", e.getAnsweredAt());
            m.put("changesTender", e.isChangesTender());
            out.add(m);
        }
        return out;
    }

    /** The caller's own questions, answered or not. */
    @RolesAllowed(Role.VENDOR)
    public List<Enquiry> mine(Long tenderId) {
        String me = callers.current().username();
        return em.createQuery("select e from Enquiry e where e.askedBy = :u and (:t is null or e.tenderId = :t) order by e.id desc", Enquiry.class)
                .setParameter("u", me).setParameter("t", tenderId).setMaxResults(200).getResultList();
    }

    /** An enquiry for the officer's or head's task page. */
    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN})
    public Enquiry get(Long id) {
        Enquiry e = id == null ? null : em.find(Enquiry.class, id);
        if (e == null) {
            throw AppException.notFound("enquiry.notFound");
        }
        return e;
    }
}
