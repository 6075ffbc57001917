package cn.huimin.application;

import cn.huimin.domain.model.tender.Tender;
import cn.huimin.domain.model.tender.TenderDocument;
import cn.huimin.domain.model.tender.TenderStatus;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.shared.FileTypes;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Tender documents: checked by content and size, never duplicated, public once the tender is. */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR})
public class DocumentService {
    @PersistenceContext
    EntityManager em;

    @EJB
    TenderService tenders;

    @EJB
    Callers callers;

    @EJB
    AuditLog audit;

    @RolesAllowed(Role.OFFICER)
    public DocumentInfo upload(Long tenderId, String fileName, byte[] content) {
        Caller c = callers.current();
        Tender t = tenders.readable(tenderId, c);
        if (!t.getUnitId().equals(c.unitId())) {
            throw AppException.forbidden("tender.otherUnit");
        }
        if (!t.getStatus().editable()) {
            throw AppException.conflict("tender.notEditable");
        }
        FileTypes.Problem p = FileTypes.check(fileName, content);
        if (p != null) {
            throw AppException.invalid("document", "file." + p);
        }
        String sha = sha256(content);
        long same = em.createQuery("select count(d) from TenderDocument d where d.tenderId = :t and d.sha256 = :h and d.active = true", Long.class)
                .setParameter("t", tenderId).setParameter("h", sha).getSingleResult();
        if (same > 0) {
            throw AppException.invalid("document", "file.DUPLICATE");
        }
        TenderDocument d = new TenderDocument();
        d.setTenderId(tenderId);
        d.setFileName(fileName);
        d.setContentType(FileTypes.detect(content).mime);
        d.setSizeBytes(content.length);
        d.setSha256(sha);
        d.setContent(content);
        d.setUploadedBy(c.username());
        d.setUploadedAt(Instant.now());
        d.setActive(true);
        em.persist(d);
        em.flush();
        audit.record(c.username(), "DOCUMENT_ADDED", "tender", tenderId, null,
                Map.of("document", d.getId(), "file", fileName, "sha256", sha, "bytes", content.length));
        return info(d);
    }

    @RolesAllowed(Role.OFFICER)
    public void withdraw(Long documentId) {
        Caller c = callers.current();
        TenderDocument d = em.find(TenderDocument.class, documentId);
        if (d == null || !d.isActive()) {
            throw AppException.notFound("document.notFound");
        }
        Tender t = tenders.readable(d.getTenderId(), c);
        if (!t.getUnitId().equals(c.unitId())) {
            throw AppException.forbidden("tender.otherUnit");
        }
        if (!t.getStatus().editable()) {
            throw AppException.conflict("tender.notEditable");
        }
        d.setActive(false);
        audit.record(c.username(), "DOCUMENT_WITHDRAWN", "tender", t.getId(), null, Map.of("document", documentId));
    }

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.ADMIN})
    public List<DocumentInfo> list(Long tenderId) {
        tenders.readable(tenderId, callers.current());
        return listOf(tenderId);
    }

    @PermitAll
    public List<DocumentInfo> publicList(Long tenderId) {
        Tender t = em.find(Tender.class, tenderId);
        if (t == null || t.getPublishedAt() == null) {
            throw AppException.notFound("tender.notFound");
        }
        return listOf(tenderId);
    }

    private List<DocumentInfo> listOf(Long tenderId) {
        return em.createQuery("select new cn.huimin.application.DocumentInfo(d.id, d.fileName, d.contentType, d.sizeBytes, d.sha256, d.uploadedAt) "
                        + "from TenderDocument d where d.tenderId = :t and d.active = true order by d.id", DocumentInfo.class)
                .setParameter("t", tenderId).getResultList();
    }

    /** The document for download: public for published tenders, else for those who may read the tender. */
    @PermitAll
    public TenderDocument download(Long documentId) {
        TenderDocument d = em.find(TenderDocument.class, documentId);
        if (d == null || !d.isActive()) {
            throw AppException.notFound("document.notFound");
        }
        Tender t = em.find(Tender.class, d.getTenderId());
        if (t.getPublishedAt() == null || t.getStatus() == TenderStatus.REJECTED) {
            tenders.readable(t.getId(), callers.current());
        }
        d.getContent();
        return d;
    }

    private static DocumentInfo info(TenderDocument d) {
        return new DocumentInfo(d.getId(), d.getFileName(), d.getContentType(), d.getSizeBytes(), d.getSha256(), d.getUploadedAt());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
