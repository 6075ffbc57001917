package cn.huimin.application;

import cn.huimin.domain.model.user.Role;
import java.util.Set;

/** Who is acting: login name, roles and purchasing unit (officers act only for their own unit). */
public record Caller(String username, Set<String> roles, Long unitId) {
    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Heads, finance, supervisors and administrators work county-wide; officers within their unit. */
    public boolean countyWide() {
        return has(Role.HEAD) || has(Role.FINANCE) || has(Role.SUPERVISOR) || has(Role.ADMIN);
    }

    public static Caller system() {
        return new Caller("system", Set.of(), null);
    }
}
