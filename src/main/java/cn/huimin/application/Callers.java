package cn.huimin.application;

import cn.huimin.domain.model.user.AppUser;
import cn.huimin.domain.model.user.Role;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the {@link Caller} of the current request from the container's security context. */
@Stateless
@jakarta.annotation.security.DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR, Role.EXPERT, Role.EVALUATOR, Role.STATION})
public class Callers {
    @Resource
    SessionContext ctx;

    @PersistenceContext
    EntityManager em;

    public Caller current() {
        String name = ctx.getCallerPrincipal() == null ? null : ctx.getCallerPrincipal().getName();
        if (name == null || name.equalsIgnoreCase("ANONYMOUS")) {
            return new Caller("anonymous", Set.of(), null);
        }
        Set<String> roles = new HashSet<>();
        for (String r : Role.ALL) {
            if (ctx.isCallerInRole(r)) {
                roles.add(r);
            }
        }
        List<Long> unit = em.createQuery("select u.unitId from AppUser u where u.username = :n", Long.class)
                .setParameter("n", name).getResultList();
        return new Caller(name, roles, unit.isEmpty() ? null : unit.get(0));
    }

    public AppUser user(String username) {
        List<AppUser> l = em.createQuery("select u from AppUser u where u.username = :n", AppUser.class)
                .setParameter("n", username).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }
}
