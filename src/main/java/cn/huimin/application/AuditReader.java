package cn.huimin.application;

import cn.huimin.domain.model.audit.AuditEntry;
import cn.huimin.domain.model.user.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/** Reading and verifying the audit trail: administrators and supervisors only. */
@Stateless
@DeclareRoles({Role.ADMIN, Role.SUPERVISOR})
@RolesAllowed({Role.ADMIN, Role.SUPERVISOR})
public class AuditReader {
    @EJB
    AuditLog audit;

    public AuditLog.Verification verify() {
        return audit.verify();
    }

    public List<AuditEntry> page(int first, int size) {
        return audit.page(first, size);
    }

    public long count() {
        return audit.count();
    }
}
